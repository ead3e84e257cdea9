/*
 * db.h: one PostgreSQL connection per worker, with every statement the
 * application runs prepared on it once.
 *
 * SQL lives only in db.c's statement table; callers name a statement by its
 * enum and pass text parameters. A lost connection is noticed on use, the
 * call fails with PAIR_E_DB (503), and the next call reconnects.
 */
#ifndef PAIR_DB_H
#define PAIR_DB_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "err.h"

enum pair_stmt {
    STMT_PING,
    STMT_ROOM_INSERT,
    STMT_ROOM_GET,
    STMT_ROOM_LOCK,
    STMT_ROOM_SET_LIMIT,
    STMT_MEMBER_RETIRE,
    STMT_MEMBER_INSERT,
    STMT_MEMBER_ONLINE,
    STMT_MEMBER_HOLD,
    STMT_MEMBER_LEAVE,
    STMT_NAME_ONLINE,
    STMT_ONLINE_COLORS,
    STMT_USERS,
    STMT_SESSION_INSERT,
    STMT_SESSION_AUTH,
    STMT_SESSION_REVOKE,
    STMT_SNAPSHOT_AT,
    STMT_SNAPSHOT_INSERT,
    STMT_LAST_EDIT,
    STMT_CHECKPOINT_LAST,
    STMT_CHECKPOINT_INSERT,
    STMT_WS_OPEN,
    STMT_WS_CLOSE,
    STMT_WRITE_BEGIN,
    STMT_UPDATES_BATCH,
    STMT_UPDATES_SINCE,
    STMT_UPDATES_RANGE,
    STMT_HISTORY,
    STMT_SNAPSHOT_LATEST,
    STMT_ONLINE_COUNT,
    STMT_TYPING_SET,
    STMT_TYPING_SWEEP,
    STMT_HOLD_SWEEP,
    STMT_ROOM_SET_LANGUAGE,
    STMT_WS_OLD_ROOMS,
    STMT_WS_OLD_KEYS,
    STMT_WS_ADMIT,
    STMT__MAX
};

struct pair_db;

/* Makes a handle for conninfo (a URL or key=value string; copied). Does not
 * connect yet. NULL when out of memory. */
struct pair_db *pair_db_new(const char *conninfo);

/* Runs `sql` (a static string: settings of the session) on every
 * connection the handle makes, before its statements are prepared. */
void pair_db_on_connect(struct pair_db *db, const char *sql);

/* Closes the connection and frees the handle. NULL is allowed. */
void pair_db_free(struct pair_db *db);

/*
 * Runs statement s with n text parameters (NULL for SQL NULL). On success
 * *res (when res is not NULL) is a result owned by the call's arena. Fails
 * with PAIR_E_DB when the server is unreachable, PAIR_E_CONFLICT on a unique
 * violation, PAIR_E_INTERNAL on any other SQL error (logged).
 */
enum pair_err pair_db_exec(struct pair_call *c, enum pair_stmt s, int n, const char *const *params,
                           PGresult **res);

/* pair_db_exec on db instead of the call's own connection. */
enum pair_err pair_db_exec_on(struct pair_call *c, struct pair_db *db, enum pair_stmt s, int n,
                              const char *const *params, PGresult **res);

/* Transaction control. A request that ends inside a transaction has it
 * rolled back by pair_db_end_request. */
/* pair_db_exec for a statement that answers one row for an existing room:
 * no row is PAIR_E_NOT_FOUND, "Room not found". */
enum pair_err pair_db_room_row(struct pair_call *c, enum pair_stmt s, int n,
                               const char *const *params, PGresult **res);

enum pair_err pair_db_begin(struct pair_call *c);
enum pair_err pair_db_commit(struct pair_call *c);
void pair_db_rollback(struct pair_call *c);

/* Called by the server after each request: rolls back a transaction left
 * open by a failed handler. */
void pair_db_end_request(struct pair_db *db);

/* Accessors for results: the text of row r, column f, NULL for SQL NULL. */
const char *pair_db_get(PGresult *res, int r, int f);

/* A boolean column; SQL NULL and a missing row read as false. */
bool pair_db_bool(PGresult *res, int r, int f);

#endif
