/*
 * documents.c: the update log, texts at any version, snapshots, saving and
 * restoring.
 */
#include "documents.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "doccache.h"
#include "groupcommit.h"
#include "input.h"
#include "nchan.h"
#include "roomlock.h"
#include "rooms.h"
#include "text.h"
#include "validate.h"

#define CLIENT_ID_MAX 64

static const char *
lltoa(struct pair_call *c, long long v)
{
    return pair_sprintf(c->arena, "%lld", v);
}

static bool
same_text(struct pair_str a, struct pair_str b)
{
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

/* ---------- texts ---------- */

/* Applies one stored change set (JSON text) to *text. */
static enum pair_err
replay(struct pair_call *c, const char *room_id, const char *json, struct pair_str *text)
{
    json_object *v = pair_json_own(c, json_tokener_parse(json));
    struct pair_changeset cs;
    enum pair_err e = pair_changeset_parse(c, v, &cs);
    if (e == PAIR_OK)
        e = pair_changeset_apply(c, &cs, *text, text);
    if (e != PAIR_OK) {
        pair_log(c, "room %s: stored update does not apply: %s", room_id,
                 c->detail != NULL ? c->detail : pair_strerror(e));
        return pair_fail(c, PAIR_E_INTERNAL, "The stored document could not be rebuilt");
    }
    return PAIR_OK;
}

enum pair_err
pair_doc_text(struct pair_call *c, const char *room_id, long long version, struct pair_str *out)
{
    if (pair_doccache_get(c, room_id, version, out))
        return PAIR_OK;
    PGresult *snap, *log;
    const char *p[] = {room_id, lltoa(c, version)};
    enum pair_err e = pair_db_exec(c, STMT_SNAPSHOT_AT, 2, p, &snap);
    if (e != PAIR_OK)
        return e;
    long long base = 0;
    struct pair_str text = {"", 0};
    if (PQntuples(snap) == 1) {
        base = strtoll(pair_db_get(snap, 0, 0), NULL, 10);
        text.ptr = pair_db_get(snap, 0, 1);
        text.len = strlen(text.ptr);
    }
    const char *q[] = {room_id, lltoa(c, base), p[1]};
    if ((e = pair_db_exec(c, STMT_UPDATES_RANGE, 3, q, &log)) != PAIR_OK)
        return e;
    if (PQntuples(log) != version - base) {
        pair_log(c, "room %s: %d updates between snapshot %lld and version %lld", room_id,
                 PQntuples(log), base, version);
        return pair_fail(c, PAIR_E_INTERNAL, "The stored document could not be rebuilt");
    }
    for (int i = 0; i < PQntuples(log); i++)
        if ((e = replay(c, room_id, pair_db_get(log, i, 0), &text)) != PAIR_OK)
            return e;
    pair_doccache_put(room_id, version, text, pair_utf16_len(text.ptr, text.len));
    *out = text;
    return PAIR_OK;
}

enum pair_err
pair_doc_read(struct pair_call *c, const char *room_id, long long version,
              struct pair_document *out)
{
    PGresult *room, *last;
    const char *p[] = {room_id};
    enum pair_err e = pair_db_room_row(c, STMT_ROOM_GET, 1, p, &room);
    if (e != PAIR_OK)
        return e;
    long long current = strtoll(pair_db_get(room, 0, 2), NULL, 10);
    if (version < 0)
        version = current;
    if (version > current)
        return pair_fail(c, PAIR_E_NOT_FOUND, "Version %lld not found (the document is at %lld)",
                         version, current);
    const char *q[] = {room_id, lltoa(c, version)};
    if ((e = pair_db_exec(c, STMT_LAST_EDIT, 2, q, &last)) != PAIR_OK ||
        (e = pair_doc_text(c, room_id, version, &out->code)) != PAIR_OK)
        return e;
    out->version = version;
    out->language = pair_db_get(room, 0, 1);
    out->last_by = pair_db_get(last, 0, 0);
    out->last_at = pair_db_get(last, 0, 1);
    return PAIR_OK;
}

/* ---------- writing ---------- */

/* A write in progress; the room's write lock is held from write_begin to
 * write_end. */
struct write {
    const char *room;
    long long version;     /* current when the lock was taken */
    struct pair_str text;  /* the text at version */
    struct pair_str after; /* the text after the staged updates */
    size_t after_units;
    json_object *staged; /* [{clientID, changes}] */
    bool typing;         /* the updates are the writer's typing */
    /* once stored outside the group commit: what write_publish tells */
    struct pair_message *messages;
};

/* The rest of write_begin, once version and length are read. */
static enum pair_err
write_load(struct pair_call *c, const char *room_id, const char *version, const char *length,
           struct write *w)
{
    w->room = room_id;
    w->version = strtoll(version, NULL, 10);
    long long units = strtoll(length, NULL, 10);
    enum pair_err e = pair_doc_text(c, room_id, w->version, &w->text);
    if (e != PAIR_OK)
        return e;
    w->after = w->text;
    w->after_units = pair_utf16_len(w->text.ptr, w->text.len);
    if ((long long)w->after_units != units) {
        pair_log(c, "room %s: stored length %lld, text has %zu units", room_id, units,
                 w->after_units);
        return pair_fail(c, PAIR_E_INTERNAL, "The stored document is inconsistent");
    }
    w->staged = pair_json_own(c, json_object_new_array());
    return w->staged != NULL ? PAIR_OK : PAIR_E_NOMEM;
}

/* Takes the room's lock and reads where its document stands. */
static enum pair_err
write_begin(struct pair_call *c, const char *room_id, struct write *w)
{
    PGresult *r;
    const char *p[] = {room_id};
    memset(w, 0, sizeof(*w));
    pair_roomlock_acquire(c, room_id);
    enum pair_err e = pair_db_room_row(c, STMT_ROOM_GET, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    return write_load(c, room_id, pair_db_get(r, 0, 2), pair_db_get(r, 0, 3), w);
}

/* write_begin for a writer known by token, with the room's lock already
 * held: the session check and the read share one round trip. */
static enum pair_err
write_begin_as(struct pair_call *c, const char *room_id, const char *token, struct pair_member *m,
               struct write *w)
{
    PGresult *r;
    memset(w, 0, sizeof(*w));
    if (token == NULL || *token == '\0')
        return pair_session_auth(c, token, m);
    const char *p[] = {token, room_id};
    enum pair_err e = pair_db_exec(c, STMT_WRITE_BEGIN, 2, p, &r);
    if (e != PAIR_OK)
        return e;
    if (PQntuples(r) != 1)
        return pair_fail(c, PAIR_E_UNAUTHORIZED, "Invalid or expired session token");
    m->id = strtoll(pair_db_get(r, 0, 0), NULL, 10);
    m->room_id = pair_db_get(r, 0, 1);
    m->username = pair_db_get(r, 0, 2);
    m->owner = strcmp(pair_db_get(r, 0, 3), "owner") == 0;
    m->color = pair_db_get(r, 0, 4);
    if (pair_db_get(r, 0, 5) == NULL)
        return pair_fail(c, PAIR_E_NOT_FOUND, "Room not found");
    if (strcmp(m->room_id, room_id) != 0)
        return pair_fail(c, PAIR_E_FORBIDDEN, "This session token belongs to another room");
    return write_load(c, room_id, pair_db_get(r, 0, 5), pair_db_get(r, 0, 6), w);
}

static void
write_end(struct pair_call *c)
{
    pair_roomlock_release(c);
}

/* Validates one update against the text so far and stages it. `what`
 * names it in a failure's detail. */
static enum pair_err
write_stage(struct pair_call *c, struct write *w, const char *what, json_object *client_id,
            json_object *changes)
{
    const char *id = json_object_get_string(client_id);
    size_t idlen = (size_t)json_object_get_string_len(client_id);
    if (!json_object_is_type(client_id, json_type_string) || idlen == 0 ||
        idlen > CLIENT_ID_MAX * 4 || !pair_utf8_valid(id, idlen) ||
        memchr(id, '\0', idlen) != NULL || pair_utf16_len(id, idlen) > CLIENT_ID_MAX)
        return pair_fail(c, PAIR_E_INVALID, "%s.clientID must be a string of 1-%d characters", what,
                         CLIENT_ID_MAX);
    struct pair_changeset cs;
    enum pair_err e = pair_changeset_parse(c, changes, &cs);
    if (e != PAIR_OK)
        return pair_fail(c, e, "%s.changes: %s", what, c->detail ? c->detail : pair_strerror(e));
    if (cs.len_before != w->after_units)
        return pair_fail(c, PAIR_E_INVALID, "%s.changes covers %zu units but the document has %zu",
                         what, cs.len_before, w->after_units);
    struct pair_str next;
    if ((e = pair_changeset_apply(c, &cs, w->after, &next)) != PAIR_OK)
        return pair_fail(c, e, "%s.changes: %s", what, c->detail ? c->detail : pair_strerror(e));
    if (next.len > PAIR_DOC_MAX)
        return pair_fail(c, PAIR_E_TOO_LARGE, "the document would exceed %d bytes (%zu)",
                         PAIR_DOC_MAX, next.len);
    json_object *u = json_object_new_object();
    json_object_object_add(u, "clientID", json_object_new_string_len(id, (int)idlen));
    json_object_object_add(u, "changes", json_object_get(changes));
    json_object_array_add(w->staged, u);
    w->after = next;
    w->after_units = cs.len_after;
    return PAIR_OK;
}

/* The messages that tell a's room about its stored updates: an `update`
 * for each, then `typing` when the writer (named by announce_arg) was not
 * typing before. */
static struct pair_message *
announce_updates(struct pair_call *c, const struct pair_append *a)
{
    size_t n = json_object_array_length(a->staged);
    struct pair_message *list = NULL, **tail = &list;
    for (size_t i = 0; i < n + a->started_typing; i++) {
        json_object *msg;
        if (i == n) {
            msg = pair_room_typing_message(c, a->announce_arg, true);
        } else if ((msg = pair_json_object(c)) != NULL) {
            json_object *u = json_object_array_get_idx(a->staged, i), *id, *changes;
            json_object_object_get_ex(u, "clientID", &id);
            json_object_object_get_ex(u, "changes", &changes);
            json_object_object_add(msg, "type", json_object_new_string("update"));
            json_object_object_add(msg, "version",
                                   json_object_new_int64(a->version + (long long)i));
            json_object_object_add(msg, "clientID", json_object_get(id));
            json_object_object_add(msg, "changes", json_object_get(changes));
            json_object_object_add(msg, "username", json_object_new_string(a->announce_arg));
            json_object_object_add(msg, "at", json_object_new_string(a->at));
        }
        struct pair_message *m = pair_alloc(c->arena, sizeof(*m));
        struct pair_str text = msg != NULL ? pair_json_text(c, msg) : (struct pair_str){0};
        if (m == NULL || text.ptr == NULL)
            break;
        *m = (struct pair_message){a->room, text, NULL};
        *tail = m;
        tail = &m->next;
    }
    return list;
}

/* Stores the staged updates as token's holder m: through the group commit
 * (`group`), which also tells the room, or else at once on this call's
 * connection, in its transaction if one is open, with the messages kept for
 * write_publish. */
static enum pair_err
write_append(struct pair_call *c, struct write *w, const struct pair_member *m, const char *token,
             bool group)
{
    if (json_object_array_length(w->staged) == 0)
        return PAIR_OK;
    struct pair_append a = {.room = w->room,
                            .version = w->version,
                            .member = m->id,
                            .token = token,
                            .units = w->after_units,
                            .typing = w->typing,
                            .staged = w->staged,
                            .announce = group ? announce_updates : NULL,
                            .announce_arg = m->username};
    enum pair_err e = group ? pair_append_commit(c, &a) : pair_append_now(c, &a);
    if (e != PAIR_OK) {
        /* Whether it was stored is unknown when the connection died. */
        pair_doccache_forget(w->room);
        return e;
    }
    switch (a.outcome) {
    case PAIR_APPEND_STALE:
        /* Another host wrote this version since we read it. */
        pair_doccache_forget(w->room);
        c->version = w->version + 1;
        return pair_fail(c, PAIR_E_STALE,
                         "Version %lld is no longer current: pull, rebase and send again",
                         w->version);
    case PAIR_APPEND_UNAUTHORIZED:
        pair_session_forget(token);
        return pair_fail(c, PAIR_E_UNAUTHORIZED, "Invalid or expired session token");
    case PAIR_APPEND_OK: break;
    }
    if (!group)
        w->messages = announce_updates(c, &a);
    return PAIR_OK;
}

/* After the commit: remember the new text and tell the room what the group
 * commit has not told it already. */
static void
write_publish(struct pair_call *c, struct write *w)
{
    size_t n = json_object_array_length(w->staged);
    if (n == 0)
        return;
    pair_doccache_put(w->room, w->version + (long long)n, w->after, w->after_units);
    pair_nchan_publish_list(c, w->messages);
}

/* 409 for a push on version when the room is at current. */
static enum pair_err
not_current(struct pair_call *c, long long version, long long current)
{
    c->version = current;
    return pair_fail(c, PAIR_E_STALE,
                     "Version %lld is not current (the document is at %lld): pull, rebase and "
                     "send again",
                     version, current);
}

enum cached_begin { CACHE_MISS, CACHE_HIT, CACHE_STALE };

/* write_begin from this process's caches alone, when the writer's token was
 * authorized here before and the room's text is cached: a version older
 * than the cached one is stale (the room is at least there, whatever
 * another host has written since); the cached version itself is served
 * from the caches, and the statement that writes checks the token and the
 * version again. Anything else is for PostgreSQL to answer. */
static enum cached_begin
write_begin_cached(struct pair_call *c, const char *room_id, const char *token, long long version,
                   struct pair_member *m, struct write *w)
{
    long long cached = -1;
    memset(w, 0, sizeof(*w));
    if (!pair_session_cached(c, token, m) || strcmp(m->room_id, room_id) != 0 ||
        !pair_doccache_latest(c, room_id, &cached, &w->text, &w->after_units) || cached < version)
        return CACHE_MISS;
    if (cached > version) {
        not_current(c, version, cached);
        return CACHE_STALE;
    }
    w->room = room_id;
    w->version = cached;
    w->after = w->text;
    w->staged = pair_json_own(c, json_object_new_array());
    return w->staged != NULL ? CACHE_HIT : CACHE_MISS;
}

static enum pair_err
stage_updates(struct pair_call *c, struct write *w, json_object *updates, size_t n)
{
    enum pair_err e = PAIR_OK;
    for (size_t i = 0; i < n && e == PAIR_OK; i++) {
        json_object *u = json_object_array_get_idx(updates, i), *id = NULL, *changes = NULL;
        json_object_object_get_ex(u, "clientID", &id);
        json_object_object_get_ex(u, "changes", &changes);
        char what[32];
        snprintf(what, sizeof(what), "updates[%zu]", i);
        e = write_stage(c, w, what, id, changes);
    }
    return e;
}

/* One attempt at a push, the room's lock held: from the caches, or else
 * from PostgreSQL. *undecided is set when the caches could not decide and
 * PostgreSQL must be asked (the return value then does not count). */
static enum pair_err
push_locked(struct pair_call *c, const char *room_id, const char *token, long long version,
            json_object *updates, size_t n, bool from_cache, bool *undecided,
            long long *new_version)
{
    struct write w;
    struct pair_member member, *m = &member;
    enum pair_err e;
    *undecided = false;
    if (from_cache) {
        switch (write_begin_cached(c, room_id, token, version, m, &w)) {
        case CACHE_STALE: return PAIR_E_STALE;
        case CACHE_MISS: *undecided = true; return PAIR_E_INTERNAL;
        case CACHE_HIT: break;
        }
    } else {
        if ((e = write_begin_as(c, room_id, token, m, &w)) != PAIR_OK)
            return e;
        if (version != w.version)
            return not_current(c, version, w.version);
    }
    /* A failure from the caches is decided again by PostgreSQL (a refused
     * change set or a token no longer valid may be a 401 there), except a
     * lost connection: the outcome is unknown, so no second try. */
    if ((e = stage_updates(c, &w, updates, n)) != PAIR_OK) {
        *undecided = from_cache;
        return e;
    }
    w.typing = true;
    if ((e = write_append(c, &w, m, token, true)) != PAIR_OK) {
        *undecided = from_cache && e != PAIR_E_DB;
        return e;
    }
    pair_session_remember(token, m);
    write_publish(c, &w);
    *new_version = w.version + (long long)n;
    return PAIR_OK;
}

enum pair_err
pair_doc_push(struct pair_call *c, const char *room_id, const char *token, long long version,
              json_object *updates, long long *new_version)
{
    size_t n;
    if (!json_object_is_type(updates, json_type_array) ||
        (n = json_object_array_length(updates)) == 0 || n > PAIR_UPDATES_MAX)
        return pair_fail(c, PAIR_E_INVALID, "updates must be an array of 1-%d updates",
                         PAIR_UPDATES_MAX);
    for (size_t i = 0; i < n; i++)
        if (!json_object_is_type(json_object_array_get_idx(updates, i), json_type_object))
            return pair_fail(c, PAIR_E_INVALID, "updates[%zu] must be an object", i);
    if (token == NULL || *token == '\0') {
        struct pair_member nobody;
        return pair_session_auth(c, token, &nobody);
    }
    pair_roomlock_acquire(c, room_id);
    /* The caches answer the common case; anything they cannot vouch for (a
     * version they do not hold, a change set they refuse, a token no longer
     * valid) is tried again against PostgreSQL, which then decides. */
    bool undecided;
    enum pair_err e =
        push_locked(c, room_id, token, version, updates, n, true, &undecided, new_version);
    if (undecided) {
        c->detail = NULL;
        c->version = 0;
        e = push_locked(c, room_id, token, version, updates, n, false, &undecided, new_version);
    }
    write_end(c);
    return e;
}

/* Stores a snapshot of room at version (text known). */
static void
snapshot(struct pair_call *c, const char *room_id, long long version, struct pair_str text)
{
    const char *t = pair_strndup(c->arena, text.ptr, text.len);
    const char *p[] = {room_id, lltoa(c, version), t};
    if (t == NULL || pair_db_exec(c, STMT_SNAPSHOT_INSERT, 3, p, NULL) != PAIR_OK)
        pair_log(c, "room %s: snapshot at %lld not written", room_id, version);
}

/* Snapshots the current version when `due` says so, given the latest one. */
static void
snapshot_current(struct pair_call *c, const char *room_id, bool (*due)(long long, long long))
{
    PGresult *room, *latest;
    const char *p[] = {room_id};
    if (pair_db_exec(c, STMT_ROOM_GET, 1, p, &room) != PAIR_OK || PQntuples(room) != 1 ||
        pair_db_exec(c, STMT_SNAPSHOT_LATEST, 1, p, &latest) != PAIR_OK)
        return;
    long long version = strtoll(pair_db_get(room, 0, 2), NULL, 10);
    const char *l = pair_db_get(latest, 0, 0);
    long long last = l != NULL ? strtoll(l, NULL, 10) : 0;
    struct pair_str text;
    if (due(version, last) && pair_doc_text(c, room_id, version, &text) == PAIR_OK)
        snapshot(c, room_id, version, text);
}

static bool
grown(long long version, long long last)
{
    return version - last >= PAIR_SNAPSHOT_EVERY;
}

static bool
behind(long long version, long long last)
{
    return version > last;
}

void
pair_doc_snapshot_due(struct pair_call *c, const char *room_id)
{
    snapshot_current(c, room_id, grown);
}

void
pair_doc_snapshot_if_idle(struct pair_call *c, const char *room_id)
{
    PGresult *r;
    const char *p[] = {room_id};
    if (pair_db_exec(c, STMT_ONLINE_COUNT, 1, p, &r) == PAIR_OK &&
        strcmp(pair_db_get(r, 0, 0), "0") == 0)
        snapshot_current(c, room_id, behind);
}

enum pair_err
pair_doc_updates_since(struct pair_call *c, const char *room_id, long long since,
                       struct pair_str *json)
{
    PGresult *r;
    const char *p[] = {room_id, lltoa(c, since)};
    enum pair_err e = pair_db_room_row(c, STMT_UPDATES_SINCE, 2, p, &r);
    if (e != PAIR_OK)
        return e;
    long long version = strtoll(pair_db_get(r, 0, 0), NULL, 10);
    if (since > version)
        return pair_fail(c, PAIR_E_INVALID, "since (%lld) is beyond the current version (%lld)",
                         since, version);
    json->ptr = pair_db_get(r, 0, 1);
    json->len = strlen(json->ptr);
    return PAIR_OK;
}

enum pair_err
pair_doc_history(struct pair_call *c, const char *room_id, struct pair_str *json)
{
    PGresult *r;
    const char *p[] = {room_id};
    enum pair_err e = pair_db_room_row(c, STMT_HISTORY, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    json->ptr = pair_db_get(r, 0, 0);
    json->len = strlen(json->ptr);
    return PAIR_OK;
}

/* Stages the update that turns the current text into `to`, if they differ. */
static enum pair_err
stage_diff(struct pair_call *c, struct write *w, const char *client_id, struct pair_str to)
{
    if (same_text(w->after, to))
        return PAIR_OK;
    json_object *changes = pair_text_diff(c, w->after, to);
    json_object *id = pair_json_own(c, json_object_new_string(client_id));
    if (changes == NULL || id == NULL)
        return PAIR_E_NOMEM;
    return write_stage(c, w, "update", id, changes);
}

enum pair_err
pair_doc_restore(struct pair_call *c, const struct pair_member *m, const char *token,
                 long long version, long long *new_version)
{
    struct write w;
    struct pair_str old;
    enum pair_err e = write_begin(c, m->room_id, &w);
    if (e != PAIR_OK)
        goto out;
    if (version > w.version) {
        e = pair_fail(c, PAIR_E_NOT_FOUND, "Version %lld not found (the document is at %lld)",
                      version, w.version);
        goto out;
    }
    if ((e = pair_doc_text(c, m->room_id, version, &old)) != PAIR_OK ||
        (e = stage_diff(c, &w, "restore", old)) != PAIR_OK ||
        (e = write_append(c, &w, m, token, false)) != PAIR_OK)
        goto out;
    write_publish(c, &w);
    *new_version = w.version + (long long)json_object_array_length(w.staged);
    pair_log(c, "%s restored room %s to version %lld", m->username, m->room_id, version);
out:
    write_end(c);
    return e;
}

/* Publishes a checkpoint message. */
static void
publish_checkpoint(struct pair_call *c, const struct pair_member *m, long long version,
                   const char *at)
{
    json_object *k = pair_json_object(c);
    if (k == NULL)
        return;
    json_object_object_add(k, "type", json_object_new_string("checkpoint"));
    json_object_object_add(k, "version", json_object_new_int64(version));
    json_object_object_add(k, "label", json_object_new_string("Saved"));
    json_object_object_add(k, "username", json_object_new_string(m->username));
    json_object_object_add(k, "at", json_object_new_string(at));
    pair_room_publish(c, m->room_id, k);
}

/* The save itself: the write lock is held. */
static enum pair_err
save_locked(struct pair_call *c, const struct pair_member *m, const char *token, struct write *w,
            struct pair_str code, long long *version)
{
    PGresult *r;
    const char *p[] = {m->room_id};
    enum pair_err e = pair_db_exec(c, STMT_CHECKPOINT_LAST, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    const char *last = pair_db_get(r, 0, 0);
    bool same = same_text(w->text, code);
    if (same && last != NULL && strtoll(last, NULL, 10) == w->version)
        return pair_fail(c, PAIR_E_NOT_MODIFIED, "Nothing changed since the last save");
    if ((e = stage_diff(c, w, "save", code)) != PAIR_OK)
        return e;
    *version = w->version + (long long)json_object_array_length(w->staged);

    /* The update, its snapshot and the checkpoint commit together. */
    const char *v = lltoa(c, *version), *member = lltoa(c, m->id);
    const char *k[] = {m->room_id, v, "Saved", member};
    if ((e = pair_db_begin(c)) != PAIR_OK)
        return e;
    if ((e = write_append(c, w, m, token, false)) != PAIR_OK)
        goto fail;
    if (!same) {
        const char *s[] = {m->room_id, v, pair_strndup(c->arena, code.ptr, code.len)};
        if ((e = pair_db_exec(c, STMT_SNAPSHOT_INSERT, 3, s, NULL)) != PAIR_OK)
            goto fail;
    }
    if ((e = pair_db_exec(c, STMT_CHECKPOINT_INSERT, 4, k, &r)) != PAIR_OK ||
        (e = pair_db_commit(c)) != PAIR_OK)
        goto fail;
    write_publish(c, w);
    publish_checkpoint(c, m, *version, pair_db_get(r, 0, 0));
    return PAIR_OK;
fail:
    pair_db_rollback(c);
    pair_doccache_forget(m->room_id);
    return e;
}

enum pair_err
pair_doc_save(struct pair_call *c, const struct pair_member *m, const char *token,
              struct pair_str code, long long *version)
{
    if (code.len > PAIR_DOC_MAX)
        return pair_fail(c, PAIR_E_TOO_LARGE, "code is larger than the %d-byte document limit",
                         PAIR_DOC_MAX);
    if (memchr(code.ptr, '\0', code.len) != NULL)
        return pair_fail(c, PAIR_E_INVALID, "code must not contain NUL characters");
    if (!pair_utf8_valid(code.ptr, code.len))
        return pair_fail(c, PAIR_E_INVALID, "code must be valid UTF-8");
    struct write w;
    enum pair_err e = write_begin(c, m->room_id, &w);
    if (e == PAIR_OK)
        e = save_locked(c, m, token, &w, code, version);
    write_end(c);
    if (e == PAIR_OK)
        pair_log(c, "%s saved room %s at version %lld", m->username, m->room_id, *version);
    return e;
}
