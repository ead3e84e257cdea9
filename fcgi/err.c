/*
 * err.c: strerror and status tables, failure details, logging.
 */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static const struct {
    int status;
    const char *text;
} errors[PAIR_E__MAX] = {
    [PAIR_OK] = {200, "OK"},
    [PAIR_E_INVALID] = {400, "Invalid request"},
    [PAIR_E_JSON] = {400, "Request body must be a JSON object"},
    [PAIR_E_UNAUTHORIZED] = {401, "A valid session token is required"},
    [PAIR_E_FORBIDDEN] = {403, "Not allowed"},
    [PAIR_E_FULL] = {403, "Room is full"},
    [PAIR_E_NOT_FOUND] = {404, "Not Found"},
    [PAIR_E_METHOD] = {405, "Method Not Allowed"},
    [PAIR_E_CONFLICT] = {409, "Conflict"},
    [PAIR_E_STALE] = {409, "Version is not current"},
    [PAIR_E_TOO_LARGE] = {413, "Request too large"},
    [PAIR_E_NOT_MODIFIED] = {304, "Not Modified"},
    [PAIR_E_DB] = {503, "Database unavailable, try again shortly"},
    [PAIR_E_NCHAN] = {503, "Message service unavailable, try again shortly"},
    [PAIR_E_NOMEM] = {500, "Out of memory"},
    [PAIR_E_INTERNAL] = {500, "Internal error"},
};

const char *
pair_strerror(enum pair_err e)
{
    if ((unsigned)e >= PAIR_E__MAX)
        return errors[PAIR_E_INTERNAL].text;
    return errors[e].text;
}

int
pair_err_status(enum pair_err e)
{
    if ((unsigned)e >= PAIR_E__MAX)
        return 500;
    return errors[e].status;
}

enum pair_err
pair_fail(struct pair_call *c, enum pair_err e, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n >= 0 && c->arena != NULL)
        c->detail =
            pair_strndup(c->arena, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    return e;
}

void
pair_log(const struct pair_call *c, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);

    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char when[32];
    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
    fprintf(stderr, "%s.%03ldZ req=%lu %s\n", when, ts.tv_nsec / 1000000L, c != NULL ? c->id : 0UL,
            msg);
}
