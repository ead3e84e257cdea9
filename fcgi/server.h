/*
 * server.h: the FastCGI runtime: worker threads, one arena per request,
 * routing by a table the caller supplies, and response helpers.
 *
 * This layer knows HTTP but no route and no domain rule; cgi-bin/ brings the
 * routes, fcgi/'s domain modules bring the rules.
 */
#ifndef PAIR_SERVER_H
#define PAIR_SERVER_H

#include <json-c/json.h>
#include <stdbool.h>

#include "input.h"
#include "worker.h"

#define PAIR_BODY_MAX (8 * 1024 * 1024)
#define PAIR_PATH_ARGS 2

struct pair_conn;

struct pair_req {
    struct pair_call call;  /* what domain functions get */
    struct pair_conn *conn; /* nginx's connection, with libfcgi's request on it */
    const char *method;
    const char *path;        /* raw path, without the query string */
    const char *query;       /* raw query string, "" when none */
    struct pair_input input; /* parsed query (and body, once read) */
    struct pair_str body;
    const char *args[PAIR_PATH_ARGS]; /* the path segments matched by '*' */
    const char *allow;                /* for 405: the methods the path has */
    bool responded;
    bool finished; /* the FastCGI request is already closed */
};

typedef enum pair_err (*pair_handler)(struct pair_req *r);

/*
 * One route. pattern is an absolute path where a segment "*" matches any one
 * non-empty segment (captured into args in order); a trailing '/' on the
 * request path is ignored.
 */
struct pair_route {
    const char *method;
    const char *pattern;
    pair_handler handler;
};

/* A periodic job: run() every period_ms on a thread and a worker of its own,
 * so a slow job never delays another. */
struct pair_tick {
    void (*run)(struct pair_call *c);
    int period_ms;
};

/*
 * Reads the configuration from the environment, opens the sockets, starts
 * the workers and the periodic jobs, and serves routes until SIGTERM or
 * SIGINT. hooks are served on the hook socket only, routes on the app socket
 * only. Returns the process exit status.
 */
int pair_serve(const struct pair_route *routes, size_t nroutes, const struct pair_route *hooks,
               size_t nhooks, const struct pair_tick *ticks, size_t nticks);

/*
 * Runs the server in a child process and starts a new one whenever it dies
 * (a crash, a kill, an out-of-memory end), until this process is told to
 * stop with SIGTERM, SIGINT or SIGHUP, which it passes on. Returns -1 in the
 * child, which then calls pair_serve; in the supervisor, the exit status.
 */
int pair_supervise(void);

/* Matches method and path against the table: the index of the route, or -1
 * (with r->allow set when the path exists under other methods). Exposed
 * for tests. */
int pair_route_match(struct pair_req *r, const struct pair_route *routes, size_t n);

/* A FastCGI parameter (HTTP_AUTHORIZATION, CONTENT_TYPE ...), or NULL. */
const char *pair_req_param(struct pair_req *r, const char *name);

/* The session token from "Authorization: Bearer" or ?token=, or NULL. */
const char *pair_req_token(struct pair_req *r);

/* Reads the body (bounded by PAIR_BODY_MAX) and, when it is not empty,
 * parses it as a JSON object into r->input.body. With `required`, an empty
 * body fails too. */
enum pair_err pair_req_json(struct pair_req *r, bool required);

/* Responses. body may be NULL for none. */
enum pair_err pair_reply_json(struct pair_req *r, int status, json_object *body);
enum pair_err pair_reply_text(struct pair_req *r, int status, const char *content_type,
                              struct pair_str body);
enum pair_err pair_reply_empty(struct pair_req *r, int status);

/* Ends the response now (it must have been written), so that nginx goes on
 * while the handler does work nobody waits for, such as publishing. */
void pair_req_finish(struct pair_req *r);

/* Writes the error response for e: {"detail": ...} with e's status. */
void pair_reply_error(struct pair_req *r, enum pair_err e);

#endif
