/*
 * documents.h: a room's document as an append-only log of updates (the
 * domain; no HTTP here).
 *
 * Update v turns version v into v + 1. The text of any version is the
 * nearest snapshot at or below it plus the updates after it; snapshots are
 * written every PAIR_SNAPSHOT_EVERY updates, on save, and when the last user
 * leaves. Writers hold the room's lock (roomlock.h) from reading the version
 * until their updates are committed and published, so messages leave in
 * commit order, and nothing is published before it is durable.
 */
#ifndef PAIR_DOCUMENTS_H
#define PAIR_DOCUMENTS_H

#include <json-c/json.h>

#include "changeset.h"
#include "sessions.h"

#define PAIR_SNAPSHOT_EVERY 100
#define PAIR_UPDATES_MAX 100 /* updates in one push */

struct pair_document {
    long long version;
    struct pair_str code; /* NUL-terminated too */
    const char *language;
    const char *last_by; /* who made the update that led to this version; NULL if none */
    const char *last_at; /* when, ISO 8601; NULL if none */
};

/* Reads room_id's document at version (negative: the current one). Fails
 * with PAIR_E_NOT_FOUND for no such room or a version beyond the current. */
enum pair_err pair_doc_read(struct pair_call *c, const char *room_id, long long version,
                            struct pair_document *out);

/* The text of room at version, which must exist. Arena- or cache-owned,
 * valid until the request ends. */
enum pair_err pair_doc_text(struct pair_call *c, const char *room_id, long long version,
                            struct pair_str *out);

/*
 * Appends updates (a JSON array of {clientID, changes}) written on `version`
 * by the holder of token, who must be a member of room_id (401, 403 and 404
 * as for every room request). Fails with PAIR_E_STALE (c->version set to the current version)
 * when version is not current, PAIR_E_INVALID for a bad update (nothing is
 * stored), PAIR_E_TOO_LARGE when the document would exceed its bound. On
 * success *new_version is the version after the last update.
 */
enum pair_err pair_doc_push(struct pair_call *c, const char *room_id, const char *token,
                            long long version, json_object *updates, long long *new_version);

/* Writes a snapshot when the log has grown PAIR_SNAPSHOT_EVERY updates past
 * the last one. Run after answering: nobody waits for it. */
void pair_doc_snapshot_due(struct pair_call *c, const char *room_id);

/* Writes a snapshot of the current version if nobody is online any more. */
void pair_doc_snapshot_if_idle(struct pair_call *c, const char *room_id);

/* {version, updates: [...]} from `since` on, as JSON text. PAIR_E_INVALID
 * when since is beyond the current version. */
enum pair_err pair_doc_updates_since(struct pair_call *c, const char *room_id, long long since,
                                     struct pair_str *json);

/* {version, checkpoints: [...], contributors: [...]} as JSON text. */
enum pair_err pair_doc_history(struct pair_call *c, const char *room_id, struct pair_str *json);

/* Makes the document equal to its text at `version` with one new update by
 * m, the holder of token (none when it already is). *new_version is the
 * version after. */
enum pair_err pair_doc_restore(struct pair_call *c, const struct pair_member *m, const char *token,
                               long long version, long long *new_version);

/*
 * Saves code as the checkpoint of m, the holder of token. Where code differs
 * from the document, the difference becomes one update by m, published to
 * the room; either way a checkpoint is recorded and published. Fails with
 * PAIR_E_NOT_MODIFIED when code is the document and a checkpoint already
 * marks this version, PAIR_E_TOO_LARGE over the size bound, PAIR_E_INVALID
 * for NUL characters.
 */
enum pair_err pair_doc_save(struct pair_call *c, const struct pair_member *m, const char *token,
                            struct pair_str code, long long *version);

#endif
