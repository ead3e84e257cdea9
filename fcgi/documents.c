/*
 * documents.c: reading any version, and saving as a checkpoint.
 *
 * A version's text is the nearest snapshot at or below it plus the updates
 * after it. Saving writes a snapshot at the version it creates, so a saved
 * version is always one read away.
 */
#include "documents.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "input.h"
#include "rooms.h"
#include "text.h"
#include "validate.h"

enum pair_err
pair_doc_read(struct pair_call *c, const char *room_id, long long version,
              struct pair_document *out)
{
    PGresult *room, *snap, *last;
    const char *p[] = {room_id};
    enum pair_err e = pair_db_exec(c, STMT_ROOM_GET, 1, p, &room);
    if (e != PAIR_OK)
        return e;
    if (PQntuples(room) != 1)
        return pair_fail(c, PAIR_E_NOT_FOUND, "Room not found");
    long long current = strtoll(pair_db_get(room, 0, 2), NULL, 10);
    if (version < 0)
        version = current;
    if (version > current)
        return pair_fail(c, PAIR_E_NOT_FOUND, "Version %lld not found (the document is at %lld)",
                         version, current);
    const char *v = pair_sprintf(c->arena, "%lld", version);
    const char *q[] = {room_id, v};
    if ((e = pair_db_exec(c, STMT_SNAPSHOT_AT, 2, q, &snap)) != PAIR_OK ||
        (e = pair_db_exec(c, STMT_LAST_EDIT, 2, q, &last)) != PAIR_OK)
        return e;
    long long base = 0;
    const char *text = "";
    if (PQntuples(snap) == 1) {
        base = strtoll(pair_db_get(snap, 0, 0), NULL, 10);
        text = pair_db_get(snap, 0, 1);
    }
    if (base != version) {
        /* Every version the application writes today has a snapshot. */
        pair_log(c, "room %s: no snapshot at version %lld (nearest %lld)", room_id, version, base);
        return pair_fail(c, PAIR_E_INTERNAL, "Version %lld cannot be rebuilt", version);
    }
    out->version = version;
    out->code.ptr = text;
    out->code.len = strlen(text);
    out->language = pair_db_get(room, 0, 1);
    out->last_by = pair_db_get(last, 0, 0);
    out->last_at = pair_db_get(last, 0, 1);
    return PAIR_OK;
}

/* Publishes what a save did; the database already holds it. */
static void
publish_save(struct pair_call *c, const struct pair_member *m, long long before,
             json_object *changes, const char *update_at, long long version, const char *saved_at)
{
    if (changes != NULL) {
        json_object *u = pair_json_object(c);
        if (u == NULL)
            return;
        json_object_object_add(u, "type", json_object_new_string("update"));
        json_object_object_add(u, "version", json_object_new_int64(before));
        json_object_object_add(u, "clientID", json_object_new_string("save"));
        json_object_object_add(u, "changes", json_object_get(changes));
        json_object_object_add(u, "username", json_object_new_string(m->username));
        json_object_object_add(u, "at", json_object_new_string(update_at));
        pair_room_publish(c, m->room_id, u);
    }
    json_object *k = pair_json_object(c);
    if (k == NULL)
        return;
    json_object_object_add(k, "type", json_object_new_string("checkpoint"));
    json_object_object_add(k, "version", json_object_new_int64(version));
    json_object_object_add(k, "label", json_object_new_string("Saved"));
    json_object_object_add(k, "username", json_object_new_string(m->username));
    json_object_object_add(k, "at", json_object_new_string(saved_at));
    pair_room_publish(c, m->room_id, k);
}

/* The save itself, inside the caller's transaction. */
static enum pair_err
save_locked(struct pair_call *c, const struct pair_member *m, struct pair_str code,
            long long *version, json_object **changes, const char **update_at,
            const char **saved_at)
{
    PGresult *r;
    const char *p[] = {m->room_id};
    enum pair_err e = pair_db_exec(c, STMT_ROOM_LOCK, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    if (PQntuples(r) != 1)
        return pair_fail(c, PAIR_E_NOT_FOUND, "Room not found");
    struct pair_document doc;
    if ((e = pair_doc_read(c, m->room_id, -1, &doc)) != PAIR_OK)
        return e;
    if ((e = pair_db_exec(c, STMT_CHECKPOINT_LAST, 1, p, &r)) != PAIR_OK)
        return e;
    const char *last = pair_db_get(r, 0, 0);
    bool same = doc.code.len == code.len && memcmp(doc.code.ptr, code.ptr, code.len) == 0;
    if (same && last != NULL && strtoll(last, NULL, 10) == doc.version)
        return pair_fail(c, PAIR_E_NOT_MODIFIED, "Nothing changed since the last save");

    const char *member = pair_sprintf(c->arena, "%lld", m->id);
    *version = doc.version;
    if (!same) {
        *changes = pair_text_diff(c, doc.code, code);
        struct pair_str json =
            *changes != NULL ? pair_json_text(c, *changes) : (struct pair_str){0};
        const char *text = pair_strndup(c->arena, code.ptr, code.len);
        if (json.ptr == NULL || text == NULL)
            return PAIR_E_NOMEM;
        const char *before = pair_sprintf(c->arena, "%lld", doc.version);
        const char *after = pair_sprintf(c->arena, "%lld", doc.version + 1);
        const char *length = pair_sprintf(c->arena, "%zu", pair_utf16_len(code.ptr, code.len));
        const char *u[] = {m->room_id, before, "save", member, json.ptr};
        if ((e = pair_db_exec(c, STMT_UPDATE_INSERT, 5, u, &r)) != PAIR_OK)
            return e;
        *update_at = pair_db_get(r, 0, 0);
        const char *b[] = {m->room_id, after, length};
        const char *s[] = {m->room_id, after, text};
        if ((e = pair_db_exec(c, STMT_ROOM_BUMP, 3, b, NULL)) != PAIR_OK ||
            (e = pair_db_exec(c, STMT_SNAPSHOT_INSERT, 3, s, NULL)) != PAIR_OK)
            return e;
        *version = doc.version + 1;
    }
    const char *k[] = {m->room_id, pair_sprintf(c->arena, "%lld", *version), "Saved", member};
    if ((e = pair_db_exec(c, STMT_CHECKPOINT_INSERT, 4, k, &r)) != PAIR_OK)
        return e;
    *saved_at = pair_db_get(r, 0, 0);
    return PAIR_OK;
}

enum pair_err
pair_doc_save(struct pair_call *c, const struct pair_member *m, struct pair_str code,
              long long *version)
{
    if (code.len > PAIR_DOC_MAX)
        return pair_fail(c, PAIR_E_TOO_LARGE, "code is larger than the %d-byte document limit",
                         PAIR_DOC_MAX);
    if (memchr(code.ptr, '\0', code.len) != NULL)
        return pair_fail(c, PAIR_E_INVALID, "code must not contain NUL characters");
    if (!pair_utf8_valid(code.ptr, code.len))
        return pair_fail(c, PAIR_E_INVALID, "code must be valid UTF-8");
    enum pair_err e = pair_db_begin(c);
    if (e != PAIR_OK)
        return e;
    json_object *changes = NULL;
    const char *update_at = NULL, *saved_at = NULL;
    long long before = -1;
    e = save_locked(c, m, code, version, &changes, &update_at, &saved_at);
    if (e == PAIR_OK) {
        before = changes != NULL ? *version - 1 : *version;
        e = pair_db_commit(c);
    } else {
        pair_db_rollback(c);
    }
    if (e != PAIR_OK)
        return e;
    pair_log(c, "%s saved room %s at version %lld", m->username, m->room_id, *version);
    publish_save(c, m, before, changes, update_at, *version, saved_at);
    return PAIR_OK;
}
