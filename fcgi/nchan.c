/*
 * nchan.c: a minimal HTTP/1.1 client for nchan's publisher location.
 *
 * nchan always answers with a Content-Length, so reading a response is: the
 * head up to the blank line, then exactly that many bytes.
 */
#include "nchan.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "worker.h"

#define NCHAN_TIMEOUT_MS 2000
#define NCHAN_HEAD_MAX 4096
#define NCHAN_INFO_WINDOW_MS 300

struct pair_nchan {
    char *path;
    int fd;
};

struct pair_nchan *
pair_nchan_new(const char *path)
{
    struct pair_nchan *n = calloc(1, sizeof(*n));
    if (n == NULL)
        return NULL;
    n->path = strdup(path);
    if (n->path == NULL) {
        free(n);
        return NULL;
    }
    n->fd = -1;
    return n;
}

static void
disconnect(struct pair_nchan *n)
{
    if (n->fd >= 0)
        close(n->fd);
    n->fd = -1;
}

void
pair_nchan_free(struct pair_nchan *n)
{
    if (n == NULL)
        return;
    disconnect(n);
    free(n->path);
    free(n);
}

static int
connect_unix(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof(sa.sun_path))
        return -1;
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct timeval tv = {.tv_sec = NCHAN_TIMEOUT_MS / 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static bool
write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t w = send(fd, p, len, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        len -= (size_t)w;
    }
    return true;
}

/*
 * Sends one request and reads its response. Returns the HTTP status, 0 when
 * the connection turned out closed before any byte of the answer (safe to
 * retry), or -1 on any other failure.
 */
static int
roundtrip(struct pair_nchan *n, const char *head, size_t hlen, struct pair_str body, char *reply,
          size_t reply_cap)
{
    if (!write_all(n->fd, head, hlen) || !write_all(n->fd, body.ptr, body.len))
        return 0;
    char buf[NCHAN_HEAD_MAX];
    size_t got = 0;
    char *end = NULL;
    while (end == NULL) {
        if (got == sizeof(buf) - 1)
            return -1;
        ssize_t r = recv(n->fd, buf + got, sizeof(buf) - 1 - got, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return got == 0 && r == 0 ? 0 : -1;
        got += (size_t)r;
        buf[got] = '\0';
        end = strstr(buf, "\r\n\r\n");
    }
    int status;
    if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
        return -1;
    long clen = 0;
    for (char *h = strstr(buf, "\r\n"); h != NULL && h < end; h = strstr(h + 2, "\r\n"))
        if (strncasecmp(h + 2, "Content-Length:", 15) == 0)
            clen = strtol(h + 17, NULL, 10);
    size_t have = got - (size_t)(end + 4 - buf);
    size_t kept = 0;
    if (reply != NULL) {
        kept = have < reply_cap - 1 ? have : reply_cap - 1;
        memcpy(reply, end + 4, kept);
    }
    while ((long)have < clen) {
        char more[NCHAN_HEAD_MAX];
        ssize_t r = recv(n->fd, more, sizeof(more), 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        if (reply != NULL && kept < reply_cap - 1) {
            size_t k = (size_t)r < reply_cap - 1 - kept ? (size_t)r : reply_cap - 1 - kept;
            memcpy(reply + kept, more, k);
            kept += k;
        }
        have += (size_t)r;
    }
    if (reply != NULL)
        reply[kept] = '\0';
    /* nchan closes after answers that say so; reconnect next time. */
    if (strcasestr(buf, "Connection: close") != NULL)
        disconnect(n);
    return status;
}

/* One request with a retry on a reused connection that went away. */
static enum pair_err
request(struct pair_call *c, const char *method, const char *room, struct pair_str body,
        int *status, char *reply, size_t reply_cap)
{
    struct pair_nchan *n = c->worker->nchan;
    char head[512];
    int hlen = snprintf(head, sizeof(head),
                        "%s /pub/%s HTTP/1.1\r\nHost: pair\r\nContent-Type: application/json\r\n"
                        "Accept: text/json\r\nContent-Length: %lu\r\n\r\n",
                        method, room, (unsigned long)body.len);
    if (hlen < 0 || (size_t)hlen >= sizeof(head))
        return PAIR_E_INTERNAL;
    for (int attempt = 0; attempt < 2; attempt++) {
        bool reused = n->fd >= 0;
        if (!reused && (n->fd = connect_unix(n->path)) < 0) {
            pair_log(c, "nchan: cannot connect to %s: %s", n->path, strerror(errno));
            return PAIR_E_NCHAN;
        }
        int st = roundtrip(n, head, (size_t)hlen, body, reply, reply_cap);
        if (st > 0) {
            *status = st;
            return PAIR_OK;
        }
        disconnect(n);
        if (st < 0 || !reused)
            break;
    }
    pair_log(c, "nchan: %s /pub/%s failed", method, room);
    return PAIR_E_NCHAN;
}

enum pair_err
pair_nchan_publish(struct pair_call *c, const char *room, struct pair_str msg)
{
    int status = 0;
    enum pair_err e = request(c, "POST", room, msg, &status, NULL, 0);
    if (e != PAIR_OK)
        return e;
    if (status < 200 || status >= 300) {
        pair_log(c, "nchan: publish to %s answered %d", room, status);
        return PAIR_E_NCHAN;
    }
    return PAIR_OK;
}

enum pair_err
pair_nchan_ping(struct pair_call *c)
{
    int status = 0;
    struct pair_str none = {"", 0};
    enum pair_err e = request(c, "GET", "_healthz", none, &status, NULL, 0);
    /* 404 (no such channel yet) is an answer from nchan too. */
    return e == PAIR_OK && (status == 200 || status == 404) ? PAIR_OK : PAIR_E_NCHAN;
}

/* Milliseconds on a monotonic clock. */
static long long
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Keys (base64 lines, ending in '=') after the head of an HTTP response in
 * buf[0..len). */
static size_t
body_lines(const char *buf, size_t len)
{
    const char *body = memmem(buf, len, "\r\n\r\n", 4);
    size_t lines = 0;
    for (const char *q = body != NULL ? body + 4 : buf + len; q < buf + len; q++)
        if (*q == '\n' && (q[-1] == '=' || (q[-1] == '\r' && q[-2] == '=')))
            lines++;
    return lines;
}

enum pair_err
pair_nchan_live_keys(struct pair_call *c, const char *room, size_t expected, char ***keys,
                     size_t *n)
{
    struct pair_nchan *pub = c->worker->nchan;
    int fd = connect_unix(pub->path);
    if (fd < 0)
        return PAIR_E_NCHAN;
    char req[256];
    int len = snprintf(req, sizeof(req), "GET /subinfo/%s HTTP/1.1\r\nHost: pair\r\n\r\n", room);
    if (len < 0 || (size_t)len >= sizeof(req) || !write_all(fd, req, (size_t)len)) {
        close(fd);
        return PAIR_E_NCHAN;
    }
    /* The answer streams in and never ends by itself: read what arrives
     * within the window, which every subscriber answers well inside. */
    size_t cap = 16384, got = 0;
    char *buf = pair_alloc(c->arena, cap + 1);
    if (buf == NULL) {
        close(fd);
        return PAIR_E_NOMEM;
    }
    long long deadline = now_ms() + NCHAN_INFO_WINDOW_MS;
    for (long long left; got < cap && (left = deadline - now_ms()) > 0;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, (int)left) <= 0)
            break;
        ssize_t r = recv(fd, buf + got, cap - got, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
        /* Every subscriber answers on a line of its own. */
        if (expected > 0 && body_lines(buf, got) >= expected)
            break;
    }
    close(fd);
    buf[got] = '\0';
    char *body = strstr(buf, "\r\n\r\n");
    int status = 0;
    if (body == NULL || sscanf(buf, "HTTP/1.%*d %d", &status) != 1 || status != 200)
        return PAIR_E_NCHAN;
    /* One key per line: 24 characters of base64. */
    size_t count = 0, max = 0;
    for (char *q = body; *q; q++)
        max += *q == '\n';
    char **out = pair_alloc(c->arena, (max + 1) * sizeof(*out));
    if (out == NULL)
        return PAIR_E_NOMEM;
    char *save = NULL;
    for (char *line = strtok_r(body + 4, "\r\n", &save); line != NULL;
         line = strtok_r(NULL, "\r\n", &save)) {
        size_t l = strlen(line);
        if (l >= 16 && l <= 64 &&
            strspn(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") == l)
            out[count++] = line;
    }
    *keys = out;
    *n = count;
    return PAIR_OK;
}
