/*
 * groupcommit.h: the updates of many requests in one statement and one
 * commit.
 *
 * Each writer holds its room's lock (roomlock.h), stages its updates and
 * hands them here. Whoever finds no statement running becomes the leader:
 * it takes every entry waiting, writes them all in one statement, publishes
 * what they announce in one go and wakes their writers; entries that arrive
 * meanwhile wait for the next leader.
 * Every leader writes on the same connection, the committer, so one
 * PostgreSQL backend runs every batch rather than whichever backend the
 * leading thread owns: in the collaboration benchmark that took about a
 * quarter off PostgreSQL's CPU per update. With one writer at a time this
 * is one statement per request, as before; under load the batches grow by
 * themselves, and the cost per update falls as the rate rises. Nothing
 * waits on a timer.
 */
#ifndef PAIR_GROUPCOMMIT_H
#define PAIR_GROUPCOMMIT_H

#include <json-c/json.h>
#include <pthread.h>
#include <stdbool.h>

#include "err.h"

struct pair_message;

enum pair_append_outcome {
    PAIR_APPEND_OK,
    PAIR_APPEND_STALE,        /* the room is no longer at version */
    PAIR_APPEND_UNAUTHORIZED, /* the token is no longer valid for the room */
};

struct pair_append {
    /* in */
    const char *room;
    long long version; /* the room's version the updates apply to */
    long long member;
    const char *token;
    size_t units; /* document length after the updates, in UTF-16 units */
    bool typing;
    json_object *staged; /* [{clientID, changes}], not empty */
    /* For pair_append_commit: what the room is told once the updates are
     * stored, or NULL. Called on the thread that writes the batch, with the
     * writer's call (whose thread waits meanwhile, so its arena may be
     * used). The messages of a batch are published together, in the
     * batch's order, before any of its writers returns. pair_append_now
     * ignores it: its caller publishes after its own commit. */
    struct pair_message *(*announce)(struct pair_call *writer, const struct pair_append *a);
    const void *announce_arg;

    /* out, once pair_append_commit returned PAIR_OK */
    enum pair_append_outcome outcome;
    char at[32];         /* when they were stored (ISO 8601) */
    bool started_typing; /* the writer was not typing before */

    /* private */
    struct pair_call *call; /* the writer's */
    pthread_cond_t wake;    /* signalled when done, or when it is to lead */
    struct pair_str entry;
    enum pair_err err;
    bool done;
    struct pair_append *next;
};

/* Makes the committer's connection handle for conninfo (it connects on
 * first use); false when out of memory. Called once, before any writer. */
bool pair_append_open(const char *conninfo);

/* Closes the committer's connection, once no writer is left. */
void pair_append_close(void);

/* Writes a's updates (durably, committed) or fails with PAIR_E_DB when the
 * outcome is unknown. The caller holds a->room's lock and has no
 * transaction open on its own connection: the batch commits on the
 * committer's, which would wait for that transaction's row locks. */
enum pair_err pair_append_commit(struct pair_call *c, struct pair_append *a);

/* Writes a alone, at once, on the call's own connection and in its
 * transaction if one is open (a save stores its snapshot and checkpoint in
 * the same transaction). */
enum pair_err pair_append_now(struct pair_call *c, struct pair_append *a);

#endif
