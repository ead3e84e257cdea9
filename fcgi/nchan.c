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
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "worker.h"

#define NCHAN_TIMEOUT_MS 2000
#define NCHAN_HEAD_MAX 4096
#define NCHAN_INFO_WINDOW_MS 300
/* Requests written before their answers are read: nchan answers each in
 * about 150 bytes, so the answers never fill the socket while it waits. */
#define NCHAN_PIPELINE 32

struct pair_nchan {
    char *path;
    int fd;
    size_t in_len;               /* bytes read but not yet consumed */
    char in[NCHAN_HEAD_MAX + 1]; /* room for a NUL after a head */
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
    n->in_len = 0;
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

/* Sends every byte of the n pieces, in one system call when the socket
 * takes them all (nginx then reads a request in one go). */
static bool
send_all(int fd, struct iovec *iov, int n)
{
    while (n > 0) {
        struct msghdr mh = {.msg_iov = iov, .msg_iovlen = (size_t)n};
        ssize_t w = sendmsg(fd, &mh, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        size_t left = (size_t)w;
        for (; n > 0 && left >= iov->iov_len; iov++, n--)
            left -= iov->iov_len;
        if (n > 0) {
            iov->iov_base = (char *)iov->iov_base + left;
            iov->iov_len -= left;
        }
    }
    return true;
}

/*
 * Reads one answer: its status, 0 when the connection closed before any
 * byte of it, -1 on any other failure. The bytes of the answers after it
 * (requests go out several at a time) stay in n->in.
 */
static int
read_answer(struct pair_nchan *n)
{
    char *end;
    while ((end = memmem(n->in, n->in_len, "\r\n\r\n", 4)) == NULL) {
        if (n->in_len == sizeof(n->in) - 1)
            return -1;
        ssize_t r = recv(n->fd, n->in + n->in_len, sizeof(n->in) - 1 - n->in_len, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return n->in_len == 0 && r == 0 ? 0 : -1;
        n->in_len += (size_t)r;
    }
    *end = '\0';
    int status;
    if (sscanf(n->in, "HTTP/1.%*d %d", &status) != 1)
        return -1;
    long clen = 0;
    for (char *h = strstr(n->in, "\r\n"); h != NULL; h = strstr(h + 2, "\r\n"))
        if (strncasecmp(h + 2, "Content-Length:", 15) == 0)
            clen = strtol(h + 17, NULL, 10);
    /* nchan closes after answers that say so. */
    bool closing = strcasestr(n->in, "\r\nConnection: close") != NULL;
    if (clen < 0)
        return -1;
    size_t head = (size_t)(end + 4 - n->in), body = n->in_len - head;
    size_t take = body < (size_t)clen ? body : (size_t)clen;
    n->in_len -= head + take;
    memmove(n->in, n->in + head + take, n->in_len);
    for (size_t need = (size_t)clen - take; need > 0;) {
        char skip[1024];
        ssize_t r = recv(n->fd, skip, need < sizeof(skip) ? need : sizeof(skip), 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        need -= (size_t)r;
    }
    if (closing)
        disconnect(n);
    return status;
}

/* Writes the requests for up to NCHAN_PIPELINE messages from m on: method
 * to each one's channel, its text as the body. Returns how many. */
static int
send_requests(struct pair_call *c, struct pair_nchan *n, const char *method,
              const struct pair_message *m)
{
    struct iovec iov[2 * NCHAN_PIPELINE];
    int k = 0;
    for (; m != NULL && k < NCHAN_PIPELINE; m = m->next, k++) {
        const char *head = pair_sprintf(c->arena,
                                        "%s /pub/%s HTTP/1.1\r\nHost: pair\r\n"
                                        "Content-Type: application/json\r\nAccept: text/json\r\n"
                                        "Content-Length: %lu\r\n\r\n",
                                        method, m->room, (unsigned long)m->text.len);
        if (head == NULL)
            return -1;
        iov[2 * k] = (struct iovec){(void *)head, strlen(head)};
        iov[2 * k + 1] = (struct iovec){(void *)m->text.ptr, m->text.len};
    }
    return send_all(n->fd, iov, 2 * k) ? k : 0;
}

/*
 * Sends a request per message, several at a time on the call's publisher
 * connection, and reads their answers in order. A reused connection found
 * closed before it answered is opened again and the rest sent once more;
 * nchan closing after an answer it said so in is no failure. Returns how
 * many were answered with a 2xx; *status is the last answer's status.
 */
static size_t
exchange(struct pair_call *c, const char *method, const struct pair_message *m, int *status)
{
    struct pair_nchan *n = c->worker->nchan;
    size_t ok = 0;
    bool retried = false;
    while (m != NULL) {
        bool reused = n->fd >= 0;
        if (!reused && (n->fd = connect_unix(n->path)) < 0) {
            pair_log(c, "nchan: cannot connect to %s: %s", n->path, strerror(errno));
            return ok;
        }
        int sent = send_requests(c, n, method, m), st = sent < 0 ? -1 : 0;
        for (int i = 0; i < sent; i++) {
            if ((st = read_answer(n)) <= 0)
                break;
            *status = st;
            if (st >= 200 && st < 300)
                ok++;
            else if (strcmp(method, "POST") == 0)
                pair_log(c, "nchan: publish to %s answered %d", m->room, st);
            m = m->next;
            if (n->fd < 0)
                break;
        }
        if (st > 0)
            continue;
        disconnect(n);
        if (st < 0 || !reused || retried) {
            pair_log(c, "nchan: %s /pub/%s failed", method, m->room);
            return ok;
        }
        retried = true;
    }
    return ok;
}

size_t
pair_nchan_publish_list(struct pair_call *c, const struct pair_message *list)
{
    int status = 0;
    return exchange(c, "POST", list, &status);
}

enum pair_err
pair_nchan_publish(struct pair_call *c, const char *room, struct pair_str msg)
{
    struct pair_message m = {room, msg, NULL};
    return pair_nchan_publish_list(c, &m) == 1 ? PAIR_OK : PAIR_E_NCHAN;
}

enum pair_err
pair_nchan_ping(struct pair_call *c)
{
    int status = 0;
    struct pair_message ping = {"_healthz", {"", 0}, NULL};
    exchange(c, "GET", &ping, &status);
    /* 404 (no such channel yet) is an answer from nchan too. */
    return status == 200 || status == 404 ? PAIR_OK : PAIR_E_NCHAN;
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
    struct iovec iov = {req, len > 0 ? (size_t)len : 0};
    if (len < 0 || (size_t)len >= sizeof(req) || !send_all(fd, &iov, 1)) {
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
