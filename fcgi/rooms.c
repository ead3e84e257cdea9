/*
 * rooms.c: create, join, limit, leave and presence.
 *
 * Create and join run in one transaction that locks the room row, so two
 * people joining at the same moment cannot both take the last seat or the
 * same name.
 */
#include "rooms.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "db.h"
#include "input.h"
#include "documents.h"
#include "nchan.h"
#include "text.h"
#include "validate.h"
#include "worker.h"

/* Distinct, readable on dark and light backgrounds. */
static const char *const palette[] = {
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4",
    "#f032e6", "#9a6324", "#469990", "#808000", "#dcbeff", "#ffe119",
};
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

static const char *
itoa_arena(struct pair_call *c, long long v)
{
    return pair_sprintf(c->arena, "%lld", v);
}

/* The colours of the room's online members: one row per online member. */
static enum pair_err
online_colors(struct pair_call *c, const char *room_id, PGresult **r)
{
    const char *p[] = {room_id};
    return pair_db_exec(c, STMT_ONLINE_COLORS, 1, p, r);
}

/* The first palette colour that none of `worn` (from online_colors) is. */
static const char *
pick_color(PGresult *worn)
{
    int n = PQntuples(worn);
    for (size_t i = 0; i < NPALETTE; i++) {
        bool used = false;
        for (int k = 0; k < n && !used; k++)
            used = strcmp(pair_db_get(worn, k, 0), palette[i]) == 0;
        if (!used)
            return palette[i];
    }
    return palette[(size_t)n % NPALETTE];
}

/* Adds a member and a session for them; the caller holds the transaction. */
static enum pair_err
add_member(struct pair_call *c, const char *room_id, const char *username, const char *role,
           const char *color, const char **token)
{
    const char *hold = itoa_arena(c, c->worker->cfg->seat_hold_seconds);
    const char *p[] = {room_id, username, role, color, hold};
    PGresult *r;
    enum pair_err e;
    pair_session_forget_member(room_id, username);
    if ((e = pair_db_exec(c, STMT_MEMBER_RETIRE, 2, p, NULL)) != PAIR_OK ||
        (e = pair_db_exec(c, STMT_MEMBER_INSERT, 5, p, &r)) != PAIR_OK)
        return e;
    long long id = strtoll(pair_db_get(r, 0, 0), NULL, 10);
    if ((e = pair_token_new(c, token)) != PAIR_OK)
        return e;
    return pair_session_insert(c, *token, id);
}

enum pair_err
pair_room_users(struct pair_call *c, const char *room_id, json_object **users, int *online)
{
    PGresult *r;
    const char *p[] = {room_id};
    enum pair_err e = pair_db_exec(c, STMT_USERS, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    json_object *list = json_object_new_array();
    *online = 0;
    for (int i = 0; i < PQntuples(r); i++) {
        json_object *u = json_object_new_object();
        bool on = pair_db_bool(r, i, 1);
        *online += on;
        json_object_object_add(u, "username", json_object_new_string(pair_db_get(r, i, 0)));
        json_object_object_add(u, "online", json_object_new_boolean(on));
        json_object_object_add(u, "typing", json_object_new_boolean(on && pair_db_bool(r, i, 2)));
        json_object_object_add(u, "color", json_object_new_string(pair_db_get(r, i, 3)));
        json_object_object_add(u, "role", json_object_new_string(pair_db_get(r, i, 4)));
        json_object_array_add(list, u);
    }
    *users = pair_json_own(c, list);
    return *users != NULL ? PAIR_OK : PAIR_E_NOMEM;
}

enum pair_err
pair_room_publish(struct pair_call *c, const char *room_id, json_object *msg)
{
    struct pair_str text = pair_json_text(c, msg);
    if (text.ptr == NULL)
        return PAIR_E_NOMEM;
    return pair_nchan_publish(c, room_id, text);
}

/* Publishes a presence message made of what the caller already read. */
static void
publish_presence(struct pair_call *c, const char *room_id, json_object *users, int online,
                 int limit)
{
    json_object *msg = pair_json_object(c);
    if (msg == NULL)
        return;
    json_object_object_add(msg, "type", json_object_new_string("presence"));
    json_object_object_add(msg, "users", json_object_get(users));
    json_object_object_add(msg, "limit", json_object_new_int(limit));
    json_object_object_add(msg, "online", json_object_new_int(online));
    pair_room_publish(c, room_id, msg);
}

void
pair_room_publish_presence(struct pair_call *c, const char *room_id)
{
    json_object *users;
    int online;
    PGresult *r;
    const char *p[] = {room_id};
    if (pair_room_users(c, room_id, &users, &online) != PAIR_OK ||
        pair_db_exec(c, STMT_ROOM_GET, 1, p, &r) != PAIR_OK || PQntuples(r) != 1) {
        pair_log(c, "presence of %s not published: database unavailable", room_id);
        return;
    }
    publish_presence(c, room_id, users, online, atoi(pair_db_get(r, 0, 0)));
}

/* Fills the parts of a view that come from committed state. */
static enum pair_err
load_view(struct pair_call *c, const char *room_id, const char *token, struct pair_room_view *v)
{
    struct pair_document doc;
    enum pair_err e = pair_doc_read(c, room_id, -1, &doc);
    if (e != PAIR_OK)
        return e;
    PGresult *r;
    const char *p[] = {room_id};
    if ((e = pair_db_room_row(c, STMT_ROOM_GET, 1, p, &r)) != PAIR_OK)
        return e;
    v->room_id = room_id;
    v->limit = atoi(pair_db_get(r, 0, 0));
    v->language = doc.language;
    v->version = doc.version;
    v->code = doc.code;
    v->token = token;
    return pair_room_users(c, room_id, &v->users, &v->online);
}

/* A fresh room id: 10 characters of [A-Za-z0-9]. */
static enum pair_err
new_room_id(struct pair_call *c, const char **out)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char raw[10];
    if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
        return pair_fail(c, PAIR_E_INTERNAL, "no randomness available");
    char *id = pair_alloc(c->arena, sizeof(raw) + 1);
    if (id == NULL)
        return PAIR_E_NOMEM;
    for (size_t i = 0; i < sizeof(raw); i++)
        id[i] = alphabet[raw[i] % (sizeof(alphabet) - 1)];
    *out = id;
    return PAIR_OK;
}

enum pair_err
pair_room_create(struct pair_call *c, const char *room_id, const char *username, int limit,
                 struct pair_room_view *out)
{
    bool generated = room_id == NULL;
    enum pair_err e;
    const char *token = NULL;
    /* A generated id colliding is astronomically rare; try a few anyway. */
    for (int attempt = 0; attempt < 3; attempt++) {
        if (generated && (e = new_room_id(c, &room_id)) != PAIR_OK)
            return e;
        if ((e = pair_db_begin(c)) != PAIR_OK)
            return e;
        const char *p[] = {room_id, itoa_arena(c, limit)};
        e = pair_db_exec(c, STMT_ROOM_INSERT, 2, p, NULL);
        if (e == PAIR_OK)
            e = add_member(c, room_id, username, "owner", palette[0], &token);
        if (e == PAIR_OK)
            e = pair_db_commit(c);
        if (e == PAIR_OK)
            break;
        pair_db_rollback(c);
        if (e != PAIR_E_CONFLICT || !generated)
            break;
    }
    if (e == PAIR_E_CONFLICT)
        return pair_fail(c, PAIR_E_CONFLICT, "Room ID already exists");
    if (e != PAIR_OK)
        return e;
    pair_log(c, "room %s created by %s", room_id, username);
    return load_view(c, room_id, token, out);
}

/*
 * The part of a join that holds the room lock. On success *token is the
 * session the joiner will use (theirs again on a reconnect).
 */
static enum pair_err
join_locked(struct pair_call *c, const char *room_id, const char *username, const char *token,
            const char **out_token)
{
    PGresult *room, *r;
    const char *p[] = {room_id};
    enum pair_err e = pair_db_room_row(c, STMT_ROOM_LOCK, 1, p, &room);
    if (e != PAIR_OK)
        return e;
    int limit = atoi(pair_db_get(room, 0, 0));

    PGresult *worn;
    if ((e = online_colors(c, room_id, &worn)) != PAIR_OK)
        return e;
    bool full = PQntuples(worn) >= limit;

    /* A reconnect: the same person, holding their own token. */
    struct pair_member m;
    if (token != NULL && pair_session_auth(c, token, &m) == PAIR_OK &&
        strcmp(m.room_id, room_id) == 0) {
        const char *id = itoa_arena(c, m.id);
        const char *q[] = {id, username};
        if ((e = pair_db_exec(c, STMT_MEMBER_ONLINE, 2, q, &r)) != PAIR_OK)
            return e;
        if (pair_db_bool(r, 0, 1)) {
            if (!pair_db_bool(r, 0, 0) && full)
                return pair_fail(c, PAIR_E_FULL, "Room is full");
            const char *h[] = {id, itoa_arena(c, c->worker->cfg->seat_hold_seconds)};
            if ((e = pair_db_exec(c, STMT_MEMBER_HOLD, 2, h, NULL)) != PAIR_OK)
                return e;
            *out_token = token;
            return PAIR_OK;
        }
    }
    c->detail = NULL;

    const char *q[] = {room_id, username};
    if ((e = pair_db_exec(c, STMT_NAME_ONLINE, 2, q, &r)) != PAIR_OK)
        return e;
    if (PQntuples(r) > 0)
        return pair_fail(c, PAIR_E_CONFLICT, "Username already exists");
    if (full)
        return pair_fail(c, PAIR_E_FULL, "Room is full");
    return add_member(c, room_id, username, "editor", pick_color(worn), out_token);
}

enum pair_err
pair_room_join(struct pair_call *c, const char *room_id, const char *username, const char *token,
               struct pair_room_view *out)
{
    enum pair_err e = pair_db_begin(c);
    if (e != PAIR_OK)
        return e;
    const char *session = NULL;
    e = join_locked(c, room_id, username, token, &session);
    if (e == PAIR_OK)
        e = pair_db_commit(c);
    else
        pair_db_rollback(c);
    if (e != PAIR_OK)
        return e;
    pair_log(c, "%s joined room %s", username, room_id);
    if ((e = load_view(c, room_id, session, out)) != PAIR_OK)
        return e;
    publish_presence(c, room_id, out->users, out->online, out->limit);
    return PAIR_OK;
}

enum pair_err
pair_room_set_limit(struct pair_call *c, const struct pair_member *m, int new_limit)
{
    if (!m->owner)
        return pair_fail(c, PAIR_E_FORBIDDEN, "Only the room's owner can change the limit");
    enum pair_err e = pair_db_begin(c);
    if (e != PAIR_OK)
        return e;
    PGresult *room;
    const char *p[] = {m->room_id};
    if ((e = pair_db_room_row(c, STMT_ROOM_LOCK, 1, p, &room)) != PAIR_OK)
        goto fail;
    int limit = atoi(pair_db_get(room, 0, 0));
    if (new_limit <= limit) {
        e = pair_fail(c, PAIR_E_INVALID, "new_limit must be greater than the current limit (%d)",
                      limit);
        goto fail;
    }
    const char *q[] = {m->room_id, itoa_arena(c, new_limit)};
    if ((e = pair_db_exec(c, STMT_ROOM_SET_LIMIT, 2, q, NULL)) != PAIR_OK)
        goto fail;
    if ((e = pair_db_commit(c)) != PAIR_OK)
        return e;
    json_object *msg = pair_json_object(c);
    if (msg != NULL) {
        json_object_object_add(msg, "type", json_object_new_string("limit"));
        json_object_object_add(msg, "limit", json_object_new_int(new_limit));
        pair_room_publish(c, m->room_id, msg);
    }
    pair_room_publish_presence(c, m->room_id);
    return PAIR_OK;
fail:
    pair_db_rollback(c);
    return e;
}

enum pair_err
pair_room_leave(struct pair_call *c, const struct pair_member *m)
{
    enum pair_err e = pair_db_begin(c);
    if (e != PAIR_OK)
        return e;
    const char *p[] = {itoa_arena(c, m->id)};
    if ((e = pair_db_exec(c, STMT_MEMBER_LEAVE, 1, p, NULL)) != PAIR_OK ||
        (e = pair_db_exec(c, STMT_SESSION_REVOKE, 1, p, NULL)) != PAIR_OK) {
        pair_db_rollback(c);
        return e;
    }
    if ((e = pair_db_commit(c)) != PAIR_OK)
        return e;
    pair_session_forget_member(m->room_id, m->username);
    pair_log(c, "%s left room %s", m->username, m->room_id);
    pair_room_publish_presence(c, m->room_id);
    return PAIR_OK;
}

enum pair_err
pair_room_ws_admit(struct pair_call *c, const struct pair_member *m)
{
    PGresult *r;
    const char *p[] = {itoa_arena(c, m->id)};
    enum pair_err e = pair_db_exec(c, STMT_WS_ADMIT, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    if (PQntuples(r) != 1)
        return pair_fail(c, PAIR_E_UNAUTHORIZED, "Invalid or expired session token");
    bool seated = pair_db_bool(r, 0, 0);
    long taken = atol(pair_db_get(r, 0, 1)), limit = atol(pair_db_get(r, 0, 2));
    long sockets = atol(pair_db_get(r, 0, 3));
    if (!seated && taken >= limit)
        return pair_fail(c, PAIR_E_FULL, "Room is full");
    if (sockets >= PAIR_SOCKETS_PER_MEMBER)
        return pair_fail(c, PAIR_E_FORBIDDEN, "At most %d connections per user",
                         PAIR_SOCKETS_PER_MEMBER);
    return PAIR_OK;
}

enum pair_err
pair_room_ws_open(struct pair_call *c, const struct pair_member *m, const char *ws_key)
{
    const char *p[] = {ws_key, itoa_arena(c, m->id)};
    enum pair_err e = pair_db_exec(c, STMT_WS_OPEN, 2, p, NULL);
    if (e == PAIR_OK)
        pair_log(c, "websocket %s opened by %s in %s", ws_key, m->username, m->room_id);
    return e;
}

enum pair_err
pair_room_ws_close(struct pair_call *c, const char *ws_key, bool *changed)
{
    PGresult *r;
    const char *p[] = {ws_key};
    enum pair_err e = pair_db_exec(c, STMT_WS_CLOSE, 1, p, &r);
    *changed = e == PAIR_OK && PQntuples(r) > 0;
    if (*changed)
        pair_log(c, "websocket %s closed", ws_key);
    return e;
}

void
pair_room_publish_typing(struct pair_call *c, const char *room_id, const char *username,
                         bool typing)
{
    json_object *msg = pair_room_typing_message(c, username, typing);
    if (msg != NULL)
        pair_room_publish(c, room_id, msg);
}

json_object *
pair_room_typing_message(struct pair_call *c, const char *username, bool typing)
{
    json_object *msg = pair_json_object(c);
    if (msg == NULL)
        return NULL;
    json_object_object_add(msg, "type", json_object_new_string("typing"));
    json_object_object_add(msg, "username", json_object_new_string(username));
    json_object_object_add(msg, "typing", json_object_new_boolean(typing));
    return msg;
}

enum pair_err
pair_room_set_typing(struct pair_call *c, const struct pair_member *m, bool typing)
{
    PGresult *r;
    const char *p[] = {itoa_arena(c, m->id), typing ? "t" : "f"};
    enum pair_err e = pair_db_exec(c, STMT_TYPING_SET, 2, p, &r);
    if (e == PAIR_OK && PQntuples(r) == 1 && pair_db_bool(r, 0, 0) != typing)
        pair_room_publish_typing(c, m->room_id, m->username, typing);
    return e;
}

enum pair_err
pair_room_cursor(struct pair_call *c, const struct pair_member *m, long long anchor, long long head,
                 long long version)
{
    PGresult *r;
    const char *p[] = {m->room_id};
    enum pair_err e = pair_db_room_row(c, STMT_ROOM_GET, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    long long current = strtoll(pair_db_get(r, 0, 2), NULL, 10);
    long long length = strtoll(pair_db_get(r, 0, 3), NULL, 10);
    if (version > current)
        return pair_fail(c, PAIR_E_INVALID, "version %lld is beyond the document (at %lld)",
                         version, current);
    if (version < current) {
        struct pair_str text;
        if ((e = pair_doc_text(c, m->room_id, version, &text)) != PAIR_OK)
            return e;
        length = (long long)pair_utf16_len(text.ptr, text.len);
    }
    if (anchor > length || head > length)
        return pair_fail(c, PAIR_E_INVALID,
                         "anchor and head must be within the document (0-%lld at version %lld)",
                         length, version);
    json_object *msg = pair_json_object(c);
    if (msg == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(msg, "type", json_object_new_string("cursor"));
    json_object_object_add(msg, "username", json_object_new_string(m->username));
    json_object_object_add(msg, "color", json_object_new_string(m->color));
    json_object_object_add(msg, "anchor", json_object_new_int64(anchor));
    json_object_object_add(msg, "head", json_object_new_int64(head));
    json_object_object_add(msg, "version", json_object_new_int64(version));
    return pair_room_publish(c, m->room_id, msg);
}

/* What the editor highlights; "plaintext" for anything else. */
static const char *const languages[] = {
    "plaintext", "python", "javascript", "typescript", "c",   "cpp",  "java",
    "go",        "rust",   "html",       "css",        "sql", "json", "markdown",
    "php",       "ruby",   "shell",      "yaml",       "xml",
};

bool
pair_language_known(const char *language)
{
    for (size_t i = 0; i < sizeof(languages) / sizeof(languages[0]); i++)
        if (strcmp(languages[i], language) == 0)
            return true;
    return false;
}

enum pair_err
pair_room_set_language(struct pair_call *c, const struct pair_member *m, const char *language)
{
    if (!pair_language_known(language))
        return pair_fail(c, PAIR_E_INVALID, "unknown language: %.40s", language);
    const char *p[] = {m->room_id, language};
    enum pair_err e = pair_db_exec(c, STMT_ROOM_SET_LANGUAGE, 2, p, NULL);
    if (e != PAIR_OK)
        return e;
    json_object *msg = pair_json_object(c);
    if (msg == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(msg, "type", json_object_new_string("language"));
    json_object_object_add(msg, "language", json_object_new_string(language));
    json_object_object_add(msg, "username", json_object_new_string(m->username));
    pair_room_publish(c, m->room_id, msg);
    return PAIR_OK;
}

/*
 * Forgets the sockets nchan no longer has. Their unsubscribe hook never came:
 * nginx was restarted, a worker died, or the client closed while nchan was
 * still subscribing it. Sockets younger than 10 s are left alone, so one
 * still being set up is never mistaken.
 */
void
pair_room_reconcile(struct pair_call *c)
{
    PGresult *rooms, *rows;
    if (pair_db_exec(c, STMT_WS_OLD_ROOMS, 0, NULL, &rooms) != PAIR_OK)
        return;
    for (int i = 0; i < PQntuples(rooms) && !pair_worker_stopping(c->worker); i++) {
        const char *room = pair_db_get(rooms, i, 0);
        char **live;
        size_t nlive;
        const char *p[] = {room};
        /* nchan is asked after the rows are read, so a row is judged only
         * against answers given after it existed. */
        if (pair_db_exec(c, STMT_WS_OLD_KEYS, 1, p, &rows) != PAIR_OK ||
            pair_nchan_live_keys(c, room, (size_t)PQntuples(rows), &live, &nlive) != PAIR_OK)
            continue;
        int forgotten = 0;
        for (int k = 0; k < PQntuples(rows); k++) {
            if (!pair_db_bool(rows, k, 1))
                continue;
            const char *key = pair_db_get(rows, k, 0);
            bool alive = false;
            for (size_t l = 0; l < nlive && !alive; l++)
                alive = strcmp(live[l], key) == 0;
            bool changed;
            if (!alive && pair_room_ws_close(c, key, &changed) == PAIR_OK && changed)
                forgotten++;
        }
        if (forgotten == 0)
            continue;
        pair_log(c, "room %s: forgot %d sockets nchan no longer has", room, forgotten);
        pair_room_publish_presence(c, room);
        pair_doc_snapshot_if_idle(c, room);
    }
}

void
pair_room_sweep(struct pair_call *c)
{
    PGresult *r;
    if (pair_db_exec(c, STMT_TYPING_SWEEP, 0, NULL, &r) == PAIR_OK)
        for (int i = 0; i < PQntuples(r); i++)
            pair_room_publish_typing(c, pair_db_get(r, i, 0), pair_db_get(r, i, 1), false);
    if (pair_db_exec(c, STMT_HOLD_SWEEP, 0, NULL, &r) != PAIR_OK)
        return;
    /* One presence message per room, however many seats ran out in it. */
    for (int i = 0; i < PQntuples(r); i++) {
        const char *room = pair_db_get(r, i, 0);
        bool seen = false;
        for (int k = 0; k < i && !seen; k++)
            seen = strcmp(pair_db_get(r, k, 0), room) == 0;
        if (!seen)
            pair_room_publish_presence(c, room);
    }
}
