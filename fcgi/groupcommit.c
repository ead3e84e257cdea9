/*
 * groupcommit.c: leader and followers around one statement (see the header).
 */
#include "groupcommit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "input.h"
#include "nchan.h"
#include "worker.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct pair_append *waiting;       /* in arrival order */
static struct pair_append **waiting_tail; /* where the next entry goes */
static bool leading;
/* The leaders' connection: one for every batch, whichever thread leads it.
 * Only the leader uses it, so `leading` guards it as well. */
static struct pair_db *committer;

bool
pair_append_open(const char *conninfo)
{
    committer = pair_db_new(conninfo);
    if (committer == NULL)
        return false;
    /* The batch statement joins a few entries to rooms, members and
     * sessions by their keys, and its plan is made once per connection.
     * Made while those tables are small or not yet analyzed (a new
     * installation), the plan read every current member once per batch
     * (a sequential or bitmap scan), and kept doing so as the table grew,
     * until the next ANALYZE. The statement never needs anything but its
     * indexes. */
    pair_db_on_connect(committer, "SET enable_seqscan = off; SET enable_bitmapscan = off");
    return true;
}

void
pair_append_close(void)
{
    pair_db_free(committer);
    committer = NULL;
}

/* The entry's JSON object, made by its writer in its own arena. */
static enum pair_err
describe(struct pair_call *c, struct pair_append *a)
{
    json_object *o = pair_json_object(c);
    if (o == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(o, "room", json_object_new_string(a->room));
    json_object_object_add(o, "version", json_object_new_int64(a->version));
    json_object_object_add(o, "member", json_object_new_int64(a->member));
    json_object_object_add(o, "token", json_object_new_string(a->token));
    json_object_object_add(o, "units", json_object_new_int64((int64_t)a->units));
    json_object_object_add(o, "typing", json_object_new_boolean(a->typing));
    json_object_object_add(o, "staged", json_object_get(a->staged));
    a->entry = pair_json_text(c, o);
    return a->entry.ptr != NULL ? PAIR_OK : PAIR_E_NOMEM;
}

/* [{"k":0,<entry 0>},{"k":1,<entry 1>},...] in the leader's arena. */
static const char *
batch_json(struct pair_call *c, struct pair_append *list)
{
    size_t size = 3;
    for (struct pair_append *a = list; a != NULL; a = a->next)
        size += a->entry.len + 16;
    char *buf = pair_alloc(c->arena, size), *p = buf;
    if (buf == NULL)
        return NULL;
    *p++ = '[';
    int k = 0;
    for (struct pair_append *a = list; a != NULL; a = a->next, k++) {
        /* entry is "{...}": splice the key in after its brace. */
        p += sprintf(p, "%s{\"k\":%d%s", k > 0 ? "," : "", k, a->entry.len > 2 ? "," : "");
        memcpy(p, a->entry.ptr + 1, a->entry.len - 1);
        p += a->entry.len - 1;
    }
    *p++ = ']';
    *p = '\0';
    return buf;
}

/* Runs the statement for list (n entries) on db and fills in every entry. */
static enum pair_err
run(struct pair_call *c, struct pair_db *db, struct pair_append *list, int n)
{
    const char *json = batch_json(c, list);
    if (json == NULL)
        return PAIR_E_NOMEM;
    PGresult *r;
    const char *p[] = {json};
    enum pair_err e = pair_db_exec_on(c, db, STMT_UPDATES_BATCH, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    if (PQntuples(r) != n) {
        pair_log(c, "update batch of %d answered %d rows", n, PQntuples(r));
        return PAIR_E_INTERNAL;
    }
    struct pair_append *a = list;
    for (int i = 0; i < n; i++, a = a->next) {
        const char *outcome = pair_db_get(r, i, 1);
        a->outcome = strcmp(outcome, "ok") == 0      ? PAIR_APPEND_OK
                     : strcmp(outcome, "stale") == 0 ? PAIR_APPEND_STALE
                                                     : PAIR_APPEND_UNAUTHORIZED;
        snprintf(a->at, sizeof(a->at), "%s", pair_db_get(r, i, 2));
        a->started_typing = pair_db_bool(r, i, 3);
        a->err = PAIR_OK;
    }
    return PAIR_OK;
}

/* The list in the order of its rooms' ids. The statement locks the rows of
 * a batch in the batch's order, so every host locks them in this one order
 * and two hosts' batches do not deadlock on each other. */
static struct pair_append *
by_room(struct pair_append *list)
{
    struct pair_append *sorted = NULL;
    while (list != NULL) {
        struct pair_append *a = list, **at = &sorted;
        list = list->next;
        while (*at != NULL && strcmp((*at)->room, a->room) <= 0)
            at = &(*at)->next;
        a->next = *at;
        *at = a;
    }
    return sorted;
}

/* Publishes what the stored entries of list announce, on the leader's
 * publisher connection. */
static void
announce(struct pair_call *c, struct pair_append *list)
{
    struct pair_message *all = NULL, **tail = &all;
    for (struct pair_append *a = list; a != NULL; a = a->next) {
        if (a->err != PAIR_OK || a->outcome != PAIR_APPEND_OK || a->announce == NULL)
            continue;
        *tail = a->announce(a->call, a);
        while (*tail != NULL)
            tail = &(*tail)->next;
    }
    if (all != NULL)
        pair_nchan_publish_list(c, all);
}

/* The leader's work: the whole batch, or, when the statement fails for a
 * reason other than the connection, each entry on its own so that one bad
 * entry fails only itself; then what the batch announces. */
static void
lead(struct pair_call *c, struct pair_append *list)
{
    int n = 0;
    for (struct pair_append *a = list; a != NULL; a = a->next)
        n++;
    enum pair_err e = run(c, committer, list, n);
    if (e == PAIR_E_DB || (e != PAIR_OK && n == 1)) {
        for (struct pair_append *a = list; a != NULL; a = a->next)
            a->err = e;
        return;
    }
    if (e != PAIR_OK) {
        pair_log(c, "update batch of %d failed (%s); writing its entries one by one", n,
                 pair_strerror(e));
        for (struct pair_append *a = list; a != NULL; a = a->next) {
            struct pair_append *next = a->next;
            a->next = NULL;
            a->err = run(c, committer, a, 1);
            a->next = next;
        }
    }
    announce(c, list);
}

enum pair_err
pair_append_commit(struct pair_call *c, struct pair_append *a)
{
    enum pair_err e = describe(c, a);
    if (e != PAIR_OK)
        return e;
    a->call = c;
    a->done = false;
    a->next = NULL;
    pthread_cond_init(&a->wake, NULL);
    pthread_mutex_lock(&lock);
    if (waiting == NULL)
        waiting_tail = &waiting;
    *waiting_tail = a;
    waiting_tail = &a->next;
    while (!a->done) {
        if (leading) {
            pthread_cond_wait(&a->wake, &lock);
            continue;
        }
        leading = true;
        struct pair_append *list = by_room(waiting);
        waiting = NULL;
        pthread_mutex_unlock(&lock);

        lead(c, list);

        /* Wakes the batch's writers, and the first writer waiting, who
         * leads the next batch; nobody else. */
        pthread_mutex_lock(&lock);
        for (struct pair_append *b = list, *next; b != NULL; b = next) {
            next = b->next;
            b->next = NULL;
            b->done = true;
            pthread_cond_signal(&b->wake);
        }
        leading = false;
        if (waiting != NULL)
            pthread_cond_signal(&waiting->wake);
    }
    pthread_mutex_unlock(&lock);
    pthread_cond_destroy(&a->wake);
    /* A follower's failure carries no detail of its own: the leader logged
     * it. */
    return a->err;
}

enum pair_err
pair_append_now(struct pair_call *c, struct pair_append *a)
{
    enum pair_err e = describe(c, a);
    if (e != PAIR_OK)
        return e;
    a->next = NULL;
    return run(c, c->worker->db, a, 1);
}
