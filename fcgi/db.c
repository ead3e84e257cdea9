/*
 * db.c: the statement table, connection upkeep and result ownership.
 */
#include "db.h"

#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "worker.h"

#define ONLINE_NOW "mp.online"
#define TOKEN_HASH "sha256(convert_to($1, 'UTF8'))"

static const struct {
    const char *name;
    int nparams;
    const char *sql;
    bool once; /* never retried: running it twice is not harmless */
} stmts[STMT__MAX] = {
    [STMT_PING] = {"ping", 0, "SELECT 1"},
    [STMT_ROOM_INSERT] = {"room_insert", 2, "INSERT INTO rooms (id, user_limit) VALUES ($1, $2)"},
    [STMT_ROOM_GET] = {"room_get", 1,
                       "SELECT user_limit, language, version, doc_length FROM rooms WHERE id = $1"},
    [STMT_ROOM_LOCK] = {"room_lock", 1,
                        "SELECT user_limit, language, version FROM rooms WHERE id = $1 "
                        "FOR UPDATE"},
    [STMT_ROOM_SET_LIMIT] = {"room_set_limit", 2, "UPDATE rooms SET user_limit = $2 WHERE id = $1"},
    /* Taking a name retires its previous holder, who is offline by then.
     * (Two statements: a unique index is checked before a CTE's update of
     * the same command is visible to it.) */
    [STMT_MEMBER_RETIRE] = {"member_retire", 2,
                            "WITH old AS (UPDATE members SET current = false, hold_until = NULL "
                            " WHERE room_id = $1 AND username_key = lower($2) AND current "
                            " RETURNING id) "
                            "UPDATE sessions SET revoked_at = now() "
                            "WHERE member_id IN (SELECT id FROM old) AND revoked_at IS NULL"},
    [STMT_MEMBER_INSERT] = {"member_insert", 5,
                            "INSERT INTO members (room_id, username, username_key, role, "
                            "color, hold_until) VALUES ($1, $2, lower($2), $3, $4, "
                            "now() + make_interval(secs => $5::int)) RETURNING id"},
    [STMT_MEMBER_ONLINE] = {"member_online", 2,
                            "SELECT online, username_key = lower($2) FROM member_presence "
                            "WHERE id = $1"},
    [STMT_MEMBER_HOLD] = {"member_hold", 2,
                          "UPDATE members SET hold_until = greatest(hold_until, "
                          "now() + make_interval(secs => $2::int)) WHERE id = $1"},
    [STMT_MEMBER_LEAVE] = {"member_leave", 1,
                           "UPDATE members SET left_at = now(), hold_until = NULL, "
                           "typing = false WHERE id = $1"},
    [STMT_NAME_ONLINE] = {"name_online", 2,
                          "SELECT id FROM member_presence WHERE room_id = $1 AND current AND "
                          "username_key = lower($2) AND online"},
    [STMT_ONLINE_COLORS] = {"online_colors", 1,
                            "SELECT color FROM member_presence WHERE room_id = $1 AND current "
                            "AND online"},
    [STMT_USERS] = {"users", 1,
                    "SELECT username, online, typing, color, role FROM member_presence "
                    "WHERE room_id = $1 AND current ORDER BY id"},
    [STMT_SESSION_INSERT] = {"session_insert", 2,
                             "INSERT INTO sessions (token_hash, member_id) VALUES "
                             "(" TOKEN_HASH ", $2)"},
    [STMT_SESSION_AUTH] = {"session_auth", 1,
                           "SELECT m.id, m.room_id, m.username, m.role, m.color FROM sessions s "
                           "JOIN members m ON m.id = s.member_id WHERE s.token_hash = " TOKEN_HASH
                           " AND s.revoked_at IS NULL AND m.left_at IS NULL AND m.current"},
    [STMT_SESSION_REVOKE] = {"session_revoke", 1,
                             "UPDATE sessions SET revoked_at = now() WHERE member_id = $1 "
                             "AND revoked_at IS NULL"},
    [STMT_SNAPSHOT_AT] = {"snapshot_at", 2,
                          "SELECT version, content FROM snapshots WHERE room_id = $1 AND "
                          "version <= $2 ORDER BY version DESC LIMIT 1"},
    [STMT_SNAPSHOT_INSERT] = {"snapshot_insert", 3,
                              "INSERT INTO snapshots (room_id, version, content) VALUES "
                              "($1, $2, $3) ON CONFLICT DO NOTHING"},
    [STMT_LAST_EDIT] = {"last_edit", 2,
                        "SELECT m.username, pair_iso(u.created_at) FROM updates u "
                        "JOIN members m ON m.id = u.member_id WHERE u.room_id = $1 AND "
                        "u.version < $2 ORDER BY u.version DESC LIMIT 1"},
    [STMT_CHECKPOINT_LAST] = {"checkpoint_last", 1,
                              "SELECT max(version) FROM checkpoints WHERE room_id = $1"},
    [STMT_CHECKPOINT_INSERT] = {"checkpoint_insert", 4,
                                "INSERT INTO checkpoints (room_id, version, label, member_id) "
                                "VALUES ($1, $2, $3, $4) RETURNING pair_iso(created_at)"},
    /* From its first WebSocket on, a member is online exactly while one is
     * open: the seat hold of the join ends. */
    [STMT_WS_OPEN] = {"ws_open", 2,
                      "WITH held AS (UPDATE members SET hold_until = NULL WHERE id = $2) "
                      "INSERT INTO ws_connections (ws_key, member_id, room_id) "
                      "SELECT $1, id, room_id FROM members WHERE id = $2 "
                      "ON CONFLICT (ws_key) DO NOTHING"},
    [STMT_WS_CLOSE] = {"ws_close", 1,
                       "DELETE FROM ws_connections WHERE ws_key = $1 RETURNING member_id"},
    /* A writer's session and the room's state in one round trip: no row
     * for a bad token, room columns NULL for a room that does not exist. */
    [STMT_WRITE_BEGIN] = {"write_begin", 2,
                          "SELECT m.id, m.room_id, m.username, m.role, m.color, r.version, "
                          "r.doc_length FROM sessions s JOIN members m ON m.id = s.member_id "
                          "LEFT JOIN rooms r ON r.id = $2 WHERE s.token_hash = "
                          "sha256(convert_to($1, 'UTF8')) AND s.revoked_at IS NULL AND "
                          "m.left_at IS NULL AND m.current"},
    /* The updates of several requests (rooms) at once, one commit for all:
     * $1 is a JSON array of {k, room, version, member, token, units, typing,
     * staged}. An entry is written only while its token is valid and its
     * room still at its version; one row per entry says which happened
     * ('ok', 'stale' or 'unauthorized'), when, and whether its writer just
     * started typing. */
    [STMT_UPDATES_BATCH] =
        {"updates_batch", 1,
         "WITH i AS (SELECT * FROM pair_batch_entries($1::json)), "
         "ok AS (SELECT i.*, m.typing AS was_typing FROM i JOIN sessions s ON s.token_hash = "
         "sha256(convert_to(i.token, 'UTF8')) AND s.revoked_at IS NULL AND "
         "s.member_id = i.member JOIN members m ON m.id = i.member AND m.left_at IS NULL "
         "AND m.current AND m.room_id = i.room), "
         "bump AS (UPDATE rooms r SET version = ok.version + json_array_length(ok.staged), "
         "doc_length = ok.units FROM ok WHERE r.id = ok.room AND r.version = ok.version "
         "RETURNING ok.k), "
         "mark AS (UPDATE members m SET typing = true, typed_at = now() FROM ok "
         "WHERE m.id = ok.member AND ok.typing AND (NOT m.typing OR "
         "m.typed_at < now() - interval '500 milliseconds') AND ok.k IN (SELECT k FROM bump)), "
         "ins AS (INSERT INTO updates (room_id, version, client_id, member_id, changes) "
         "SELECT ok.room, ok.version + u.o - 1, u.e->>'clientID', ok.member, u.e->'changes' "
         "FROM ok JOIN bump USING (k), json_array_elements(ok.staged) WITH ORDINALITY "
         "AS u(e, o)) "
         "SELECT i.k, CASE WHEN ok.k IS NULL THEN 'unauthorized' WHEN bump.k IS NULL "
         "THEN 'stale' ELSE 'ok' END, pair_iso(now()), "
         "coalesce(i.typing AND NOT ok.was_typing, false) "
         "FROM i LEFT JOIN ok USING (k) LEFT JOIN bump USING (k) ORDER BY i.k",
         true},
    [STMT_UPDATES_SINCE] = {"updates_since", 2,
                            "SELECT r.version, json_build_object('version', r.version, 'updates', "
                            "coalesce((SELECT json_agg(json_build_object('version', u.version, "
                            "'clientID', u.client_id, 'changes', u.changes, 'username', "
                            "m.username, 'at', pair_iso(u.created_at)) ORDER BY u.version) "
                            "FROM updates u JOIN members m ON m.id = u.member_id "
                            "WHERE u.room_id = r.id AND u.version >= $2), '[]'::json))::text "
                            "FROM rooms r WHERE r.id = $1"},
    [STMT_UPDATES_RANGE] = {"updates_range", 3,
                            "SELECT changes::text FROM updates WHERE room_id = $1 AND "
                            "version >= $2 AND version < $3 ORDER BY version"},
    [STMT_HISTORY] =
        {"history", 1,
         "SELECT json_build_object('version', r.version, 'checkpoints', "
         "coalesce((SELECT json_agg(json_build_object('version', k.version, "
         "'label', k.label, 'username', m.username, 'at', pair_iso(k.created_at)) "
         "ORDER BY k.id) FROM checkpoints k JOIN members m ON m.id = k.member_id "
         "WHERE k.room_id = r.id), '[]'::json), 'contributors', "
         "coalesce((SELECT json_agg(json_build_object('username', x.username, "
         "'updates', x.n, 'lastAt', pair_iso(x.last)) ORDER BY x.n DESC, x.username) "
         "FROM (SELECT (array_agg(m.username ORDER BY u.version DESC))[1] AS username, "
         "count(*) AS n, max(u.created_at) AS last FROM updates u "
         "JOIN members m ON m.id = u.member_id WHERE u.room_id = r.id "
         "GROUP BY m.username_key) x), '[]'::json))::text "
         "FROM rooms r WHERE r.id = $1"},
    [STMT_SNAPSHOT_LATEST] = {"snapshot_latest", 1,
                              "SELECT max(version) FROM snapshots WHERE room_id = $1"},
    [STMT_ONLINE_COUNT] = {"online_count", 1,
                           "SELECT count(*) FROM member_presence WHERE room_id = $1 AND current "
                           "AND online"},
    /* The last column is the flag before, so the caller knows if it changed. */
    [STMT_TYPING_SET] = {"typing_set", 2,
                         "WITH prev AS (SELECT typing FROM members WHERE id = $1) "
                         "UPDATE members SET typing = $2, typed_at = now() WHERE id = $1 "
                         "RETURNING (SELECT typing FROM prev)"},
    [STMT_TYPING_SWEEP] = {"typing_sweep", 0,
                           "UPDATE members SET typing = false WHERE typing AND "
                           "typed_at < now() - interval '2 seconds' RETURNING room_id, username"},
    /* Seats held by a join that never opened a WebSocket: the holder goes
     * offline when the hold runs out. */
    [STMT_HOLD_SWEEP] = {"hold_sweep", 0,
                         "UPDATE members SET hold_until = NULL WHERE hold_until < now() "
                         "RETURNING room_id"},
    [STMT_ROOM_SET_LANGUAGE] = {"room_set_language", 2,
                                "UPDATE rooms SET language = $2 WHERE id = $1"},
    /* Rooms with sockets open for a while, and those sockets: checked
     * against the ones nchan really has (a socket closed while nchan was
     * still subscribing it, or lost with an nginx restart, never gets its
     * unsubscribe hook). Younger ones may still be being set up. */
    [STMT_WS_OLD_ROOMS] = {"ws_old_rooms", 0,
                           "SELECT room_id FROM ws_connections WHERE opened_at < now() - "
                           "interval '10 seconds' GROUP BY room_id ORDER BY min(opened_at) "
                           "LIMIT 200"},
    /* Every socket row of room $1, and whether it is old enough to judge. */
    [STMT_WS_OLD_KEYS] = {"ws_old_keys", 1,
                          "SELECT ws_key, opened_at < now() - interval '10 seconds' FROM "
                          "ws_connections WHERE room_id = $1"},
    /* What admitting one more socket of member $1 depends on: whether they
     * hold a seat, how many seats are taken, the limit, their sockets. */
    [STMT_WS_ADMIT] = {"ws_admit", 1,
                       "SELECT mp.online, (SELECT count(*) FROM member_presence o WHERE "
                       "o.room_id = mp.room_id AND o.current AND o.online), r.user_limit, "
                       "(SELECT count(*) FROM ws_connections w WHERE w.member_id = mp.id) "
                       "FROM member_presence mp JOIN rooms r ON r.id = mp.room_id WHERE "
                       "mp.id = $1"},
};

struct pair_db {
    char *conninfo;
    const char *on_connect; /* NULL for nothing */
    PGconn *conn;
    bool in_tx;
};

struct pair_db *
pair_db_new(const char *conninfo)
{
    struct pair_db *db = calloc(1, sizeof(*db));
    if (db == NULL)
        return NULL;
    db->conninfo = strdup(conninfo);
    if (db->conninfo == NULL) {
        free(db);
        return NULL;
    }
    return db;
}

void
pair_db_on_connect(struct pair_db *db, const char *sql)
{
    db->on_connect = sql;
}

void
pair_db_free(struct pair_db *db)
{
    if (db == NULL)
        return;
    if (db->conn != NULL)
        PQfinish(db->conn);
    free(db->conninfo);
    free(db);
}

/* Drops a connection that failed, so the next call starts afresh. */
static void
drop(struct pair_db *db)
{
    if (db->conn != NULL)
        PQfinish(db->conn);
    db->conn = NULL;
    db->in_tx = false;
}

/* An idle connection has nothing to read unless the server wrote to it:
 * when it shuts down, a FATAL message and the end of the stream. Such a
 * connection is dropped (the next use reconnects) before a statement that
 * is never retried, which would otherwise fail with its outcome unknown. */
static void
notice_idle_death(struct pair_db *db)
{
    if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK)
        return;
    struct pollfd p = {.fd = PQsocket(db->conn), .events = POLLIN};
    if (p.fd >= 0 && poll(&p, 1, 0) > 0)
        drop(db);
}

/* Connects and prepares every statement, unless already connected. */
static enum pair_err
ready(struct pair_call *c, struct pair_db *db)
{
    if (db->conn != NULL && PQstatus(db->conn) == CONNECTION_OK)
        return PAIR_OK;
    drop(db);
    const char *keys[] = {"dbname", "connect_timeout", "application_name", NULL};
    const char *vals[] = {db->conninfo, "3", "pair", NULL};
    db->conn = PQconnectdbParams(keys, vals, 1);
    if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK) {
        pair_log(c, "db: connect failed: %s",
                 db->conn != NULL ? PQerrorMessage(db->conn) : "out of memory");
        drop(db);
        return PAIR_E_DB;
    }
    if (db->on_connect != NULL) {
        PGresult *r = PQexec(db->conn, db->on_connect);
        bool ok = r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
            pair_log(c, "db: %s failed: %s", db->on_connect,
                     r != NULL ? PQresultErrorMessage(r) : PQerrorMessage(db->conn));
        PQclear(r);
        if (!ok) {
            drop(db);
            return PAIR_E_DB;
        }
    }
    for (int i = 0; i < STMT__MAX; i++) {
        PGresult *r = PQprepare(db->conn, stmts[i].name, stmts[i].sql, stmts[i].nparams, NULL);
        bool ok = r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
            pair_log(c, "db: prepare %s failed: %s", stmts[i].name,
                     r != NULL ? PQresultErrorMessage(r) : PQerrorMessage(db->conn));
        PQclear(r);
        if (!ok) {
            drop(db);
            return PAIR_E_DB;
        }
    }
    return PAIR_OK;
}

static void
clear_result(void *p)
{
    PQclear(p);
}

/* Classifies a failed result, logs what is unexpected, owns nothing. */
static enum pair_err
classify(struct pair_call *c, struct pair_db *db, PGresult *r, const char *what)
{
    if (r == NULL || PQstatus(db->conn) != CONNECTION_OK) {
        pair_log(c, "db: %s: connection lost: %s", what, PQerrorMessage(db->conn));
        drop(db);
        return PAIR_E_DB;
    }
    const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    if (state != NULL && strcmp(state, "23505") == 0)
        return PAIR_E_CONFLICT;
    /* Class 08 (connection), 57P (operator intervention), 53 (resources). */
    if (state != NULL && (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0 ||
                          strncmp(state, "53", 2) == 0)) {
        pair_log(c, "db: %s: %s", what, PQresultErrorMessage(r));
        drop(db);
        return PAIR_E_DB;
    }
    pair_log(c, "db: %s failed: %s", what, PQresultErrorMessage(r));
    return PAIR_E_INTERNAL;
}

enum pair_err
pair_db_exec(struct pair_call *c, enum pair_stmt s, int n, const char *const *params,
             PGresult **res)
{
    return pair_db_exec_on(c, c->worker->db, s, n, params, res);
}

enum pair_err
pair_db_exec_on(struct pair_call *c, struct pair_db *db, enum pair_stmt s, int n,
                const char *const *params, PGresult **res)
{
    bool retried = false;
again:
    if (!db->in_tx && stmts[s].once)
        notice_idle_death(db);
    if (!db->in_tx) {
        enum pair_err e = ready(c, db);
        if (e != PAIR_OK)
            return e;
    } else if (db->conn == NULL) {
        return PAIR_E_DB;
    }
    PGresult *r = PQexecPrepared(db->conn, stmts[s].name, n, params, NULL, NULL, 0);
    ExecStatusType st = r != NULL ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        bool in_tx = db->in_tx;
        enum pair_err e = classify(c, db, r, stmts[s].name);
        PQclear(r);
        /* A connection that died while idle (PostgreSQL restarted) is only
         * noticed now. Outside a transaction every statement run on its own
         * is idempotent, so one retry on a fresh connection is safe. */
        if (e != PAIR_E_DB || in_tx || retried || stmts[s].once || ready(c, db) != PAIR_OK)
            return e;
        retried = true;
        goto again;
    }
    if (res == NULL) {
        PQclear(r);
        return PAIR_OK;
    }
    if (pair_arena_cleanup(c->arena, clear_result, r) != 0)
        return PAIR_E_NOMEM;
    *res = r;
    return PAIR_OK;
}

/* Runs a fixed transaction-control command (no parameters, nothing spliced). */
static enum pair_err
control(struct pair_call *c, const char *sql)
{
    struct pair_db *db = c->worker->db;
    if (db->conn == NULL)
        return PAIR_E_DB;
    PGresult *r = PQexecParams(db->conn, sql, 0, NULL, NULL, NULL, NULL, 0);
    enum pair_err e = PAIR_OK;
    if (r == NULL || PQresultStatus(r) != PGRES_COMMAND_OK)
        e = classify(c, db, r, sql);
    PQclear(r);
    return e;
}

enum pair_err
pair_db_room_row(struct pair_call *c, enum pair_stmt s, int n, const char *const *params,
                 PGresult **res)
{
    enum pair_err e = pair_db_exec(c, s, n, params, res);
    if (e == PAIR_OK && PQntuples(*res) != 1)
        return pair_fail(c, PAIR_E_NOT_FOUND, "Room not found");
    return e;
}

enum pair_err
pair_db_begin(struct pair_call *c)
{
    struct pair_db *db = c->worker->db;
    enum pair_err e = ready(c, db);
    if (e != PAIR_OK)
        return e;
    e = control(c, "BEGIN");
    /* As in pair_db_exec: a connection found dead by BEGIN gets one retry. */
    if (e == PAIR_E_DB && ready(c, db) == PAIR_OK)
        e = control(c, "BEGIN");
    if (e == PAIR_OK)
        db->in_tx = true;
    return e;
}

enum pair_err
pair_db_commit(struct pair_call *c)
{
    struct pair_db *db = c->worker->db;
    enum pair_err e = control(c, "COMMIT");
    db->in_tx = false;
    /* A COMMIT that failed for a reason other than a lost connection rolled
     * the transaction back; either way nothing is half-applied. */
    return e == PAIR_OK ? PAIR_OK : (e == PAIR_E_CONFLICT ? PAIR_E_CONFLICT : PAIR_E_DB);
}

void
pair_db_rollback(struct pair_call *c)
{
    struct pair_db *db = c->worker->db;
    if (!db->in_tx)
        return;
    db->in_tx = false;
    if (db->conn != NULL && control(c, "ROLLBACK") != PAIR_OK)
        drop(db);
}

void
pair_db_end_request(struct pair_db *db)
{
    struct pair_call c = {0};
    struct pair_worker w = {0};
    w.db = db;
    c.worker = &w;
    pair_db_rollback(&c);
}

const char *
pair_db_get(PGresult *res, int r, int f)
{
    if (r >= PQntuples(res) || f >= PQnfields(res) || PQgetisnull(res, r, f))
        return NULL;
    return PQgetvalue(res, r, f);
}

bool
pair_db_bool(PGresult *res, int r, int f)
{
    const char *v = pair_db_get(res, r, f);
    return v != NULL && v[0] == 't';
}
