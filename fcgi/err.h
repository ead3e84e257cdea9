/*
 * err.h: the one error enum of the application.
 *
 * Functions that can fail return an enum pair_err. The enum says what kind of
 * failure happened; a call's detail (see struct pair_call) says, for a person,
 * what exactly was wrong. pair_err_status() in this file is the only place
 * where a kind becomes an HTTP status.
 */
#ifndef PAIR_ERR_H
#define PAIR_ERR_H

#include "arena.h"

enum pair_err {
    PAIR_OK = 0,
    PAIR_E_INVALID,      /* a field or parameter is malformed or out of range */
    PAIR_E_JSON,         /* the body is not the JSON object expected */
    PAIR_E_UNAUTHORIZED, /* no session token, or one that is not valid */
    PAIR_E_FORBIDDEN,    /* a valid token that may not do this */
    PAIR_E_FULL,         /* the room's seats are all taken */
    PAIR_E_NOT_FOUND,    /* no such room, version or route */
    PAIR_E_METHOD,       /* the route exists, the method does not */
    PAIR_E_CONFLICT,     /* the name or id is taken */
    PAIR_E_STALE,        /* the version the client wrote on is not current */
    PAIR_E_TOO_LARGE,    /* a body or document over its bound */
    PAIR_E_NOT_MODIFIED, /* nothing changed since the last checkpoint */
    PAIR_E_DB,           /* PostgreSQL cannot be reached or failed */
    PAIR_E_NCHAN,        /* the nchan publisher cannot be reached */
    PAIR_E_NOMEM,        /* out of memory */
    PAIR_E_INTERNAL,     /* a bug or an unexpected library failure */
    PAIR_E__MAX
};

/* A short description of the kind, never NULL. */
const char *pair_strerror(enum pair_err e);

/* The HTTP status that answers the kind. */
int pair_err_status(enum pair_err e);

struct pair_worker;

/*
 * What a domain function needs of the request it serves, and nothing of HTTP:
 * the worker's resources, the request's arena, the request id for logs, and
 * where to leave the detail of a failure.
 */
struct pair_call {
    struct pair_worker *worker;
    struct pair_arena *arena;
    unsigned long id;
    const char *detail; /* arena-owned; NULL means "use pair_strerror" */
    long long version;  /* extra value some failures carry (409 stale) */
};

/* Records a detail for the failure e and returns e, so that a function can
 * write `return pair_fail(c, PAIR_E_INVALID, "...", ...);`. */
enum pair_err pair_fail(struct pair_call *c, enum pair_err e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Writes one log line to stderr prefixed with the time and the request id. */
void pair_log(const struct pair_call *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
