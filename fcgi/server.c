/*
 * server.c: sockets, worker threads, the per-request cycle and responses.
 *
 * Each worker thread owns a PostgreSQL connection, an nchan publisher
 * connection and an arena. The arena is cleared at the end of every request,
 * which also frees every PGresult and json-c root the request made.
 *
 * nginx keeps its FastCGI connections to the app open between requests.
 * libfcgi's own accept loop would tie each connection to the thread that
 * accepted it, so a request could wait behind an idle connection while
 * other threads sat free. Here every connection is a libfcgi request of its
 * own in one epoll set per socket: whichever worker is free takes the next
 * connection that has a request, serves it, and hands the connection back.
 */
#include "server.h"

#include <errno.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "doccache.h"
#include "groupcommit.h"
#include "roomlock.h"
#include "nchan.h"
#include "validate.h"

static atomic_ulong next_request_id;
static atomic_bool stopping;

struct listener {
    int fd;
    const struct pair_route *routes;
    size_t nroutes;
    int epoll; /* the socket and every kept connection, each one-shot */
};

/* One connection from nginx, kept between requests when nginx asks. */
struct pair_conn {
    FCGX_Request fcgx;
    const struct listener *listener;
    bool watched; /* in the listener's epoll set */
};

/* epoll data of the listening socket and of the stop signal; a connection's
 * is its struct pair_conn. */
static char listening_mark, stop_mark;
static int stop_fd = -1;

struct thread {
    pthread_t tid;
    struct pair_worker worker;
    const struct listener *listener;
    bool started;
};

/* ---------- requests ---------- */

const char *
pair_req_param(struct pair_req *r, const char *name)
{
    return FCGX_GetParam(name, r->conn->fcgx.envp);
}

const char *
pair_req_token(struct pair_req *r)
{
    const char *auth = pair_req_param(r, "HTTP_AUTHORIZATION");
    if (auth != NULL && strncasecmp(auth, "Bearer ", 7) == 0) {
        auth += 7;
        while (*auth == ' ')
            auth++;
        return auth;
    }
    const struct pair_str *t = pair_query_get(r->input.query, r->input.nquery, "token");
    return t != NULL ? t->ptr : NULL;
}

enum pair_err
pair_req_json(struct pair_req *r, bool required)
{
    const char *cl = pair_req_param(r, "CONTENT_LENGTH");
    long long len = cl != NULL && *cl != '\0' ? strtoll(cl, NULL, 10) : 0;
    if (len < 0)
        return pair_fail(&r->call, PAIR_E_INVALID, "bad Content-Length");
    if (len > PAIR_BODY_MAX)
        return pair_fail(&r->call, PAIR_E_TOO_LARGE, "request body is larger than %d bytes",
                         PAIR_BODY_MAX);
    if (len == 0) {
        if (required)
            return pair_fail(&r->call, PAIR_E_JSON, "a JSON object body is required");
        return PAIR_OK;
    }
    char *buf = pair_alloc(r->call.arena, (size_t)len + 1);
    if (buf == NULL)
        return PAIR_E_NOMEM;
    int got = FCGX_GetStr(buf, (int)len, r->conn->fcgx.in);
    if (got != len)
        return pair_fail(&r->call, PAIR_E_INVALID, "request body ended early");
    r->body.ptr = buf;
    r->body.len = (size_t)len;
    return pair_json_parse(&r->call, r->body, &r->input.body);
}

/* ---------- routing ---------- */

/* Matches one pattern; captures go to r->args. */
static bool
match(struct pair_req *r, const char *pattern, const char *path)
{
    int arg = 0;
    for (;;) {
        if (*pattern == '\0')
            return *path == '\0' || (path[0] == '/' && path[1] == '\0');
        if (*pattern == '*') {
            size_t seg = strcspn(path, "/");
            if (seg == 0 || arg == PAIR_PATH_ARGS)
                return false;
            r->args[arg++] = pair_strndup(r->call.arena, path, seg);
            pattern++;
            path += seg;
            continue;
        }
        if (*pattern != *path)
            return false;
        pattern++;
        path++;
    }
}

int
pair_route_match(struct pair_req *r, const struct pair_route *routes, size_t n)
{
    const char *allow = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!match(r, routes[i].pattern, r->path))
            continue;
        if (strcmp(routes[i].method, r->method) == 0)
            return (int)i;
        if (allow == NULL)
            allow = routes[i].method;
        else if (strstr(allow, routes[i].method) == NULL)
            allow = pair_sprintf(r->call.arena, "%s, %s", allow, routes[i].method);
    }
    r->allow = allow;
    return -1;
}

/* ---------- responses ---------- */

static const char *
reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 503: return "Service Unavailable";
    default: return "Internal Server Error";
    }
}

/* Writes status line and headers; libfcgi's printf knows no %zu, so every
 * number is formatted here. */
static void
write_head(struct pair_req *r, int status, const char *content_type, size_t len, bool has_body)
{
    char head[512];
    int n = snprintf(head, sizeof(head),
                     "Status: %d %s\r\nX-Request-Id: %lu\r\n"
                     "Cache-Control: no-store\r\n",
                     status, reason(status), r->call.id);
    FCGX_PutStr(head, n, r->conn->fcgx.out);
    if (r->allow != NULL && status == 405) {
        n = snprintf(head, sizeof(head), "Allow: %s\r\n", r->allow);
        FCGX_PutStr(head, n, r->conn->fcgx.out);
    }
    if (status == 401) {
        static const char www[] = "WWW-Authenticate: Bearer\r\n";
        FCGX_PutStr(www, sizeof(www) - 1, r->conn->fcgx.out);
    }
    if (has_body) {
        n = snprintf(head, sizeof(head), "Content-Type: %s\r\nContent-Length: %lu\r\n",
                     content_type, (unsigned long)len);
        FCGX_PutStr(head, n, r->conn->fcgx.out);
    }
    FCGX_PutStr("\r\n", 2, r->conn->fcgx.out);
    r->responded = true;
}

enum pair_err
pair_reply_text(struct pair_req *r, int status, const char *content_type, struct pair_str body)
{
    write_head(r, status, content_type, body.len, true);
    if (body.len > 0)
        FCGX_PutStr(body.ptr, (int)body.len, r->conn->fcgx.out);
    return PAIR_OK;
}

enum pair_err
pair_reply_json(struct pair_req *r, int status, json_object *body)
{
    struct pair_str text = pair_json_text(&r->call, body);
    if (text.ptr == NULL)
        return PAIR_E_NOMEM;
    return pair_reply_text(r, status, "application/json", text);
}

enum pair_err
pair_reply_empty(struct pair_req *r, int status)
{
    write_head(r, status, NULL, 0, false);
    return PAIR_OK;
}

void
pair_reply_error(struct pair_req *r, enum pair_err e)
{
    int status = pair_err_status(e);
    if (status == 304) {
        pair_reply_empty(r, 304);
        return;
    }
    const char *detail = r->call.detail != NULL ? r->call.detail : pair_strerror(e);
    json_object *o = pair_json_object(&r->call);
    if (o != NULL) {
        json_object_object_add(o, "detail", json_object_new_string(detail));
        if (e == PAIR_E_STALE)
            json_object_object_add(o, "version", json_object_new_int64(r->call.version));
    }
    struct pair_str text = o != NULL ? pair_json_text(&r->call, o) : (struct pair_str){0};
    if (text.ptr == NULL) {
        static const char oom[] = "{\"detail\":\"Out of memory\"}";
        text.ptr = oom;
        text.len = sizeof(oom) - 1;
        status = 500;
    }
    pair_reply_text(r, status, "application/json", text);
}

/*
 * Ends the request and closes its connection. What is left of the request
 * (an unread body, the empty record that ends it) is read first: nginx has
 * sent it or is about to. Once the request has been read to its end, the
 * connection is closed at once; otherwise libfcgi's lingering close runs,
 * which waits for nginx to close its side first, so that nginx is never
 * cut off while it still writes.
 */
static void
finish_fcgx(FCGX_Request *f)
{
    char rest[4096];
    while (FCGX_GetStr(rest, sizeof(rest), f->in) > 0)
        continue;
    if (FCGX_HasSeenEOF(f->in) == EOF)
        FCGX_Detach(f);
    FCGX_Finish_r(f);
}

static void conn_release(struct pair_conn *k);

/* Closes r's FastCGI request and hands its connection back: it may carry
 * nginx's next request while this thread goes on. */
static void
finish_request(struct pair_req *r)
{
    finish_fcgx(&r->conn->fcgx);
    r->finished = true;
    conn_release(r->conn);
}

void
pair_req_finish(struct pair_req *r)
{
    if (r->responded && !r->finished)
        finish_request(r);
}

/* ---------- the request cycle ---------- */

static void
handle(struct pair_req *r, const struct listener *l)
{
    r->method = pair_req_param(r, "REQUEST_METHOD");
    const char *uri = pair_req_param(r, "REQUEST_URI");
    if (r->method == NULL || uri == NULL) {
        pair_reply_error(r, pair_fail(&r->call, PAIR_E_INVALID, "incomplete request"));
        return;
    }
    const char *q = strchr(uri, '?');
    r->path = q != NULL ? pair_strndup(r->call.arena, uri, (size_t)(q - uri)) : uri;
    r->query = q != NULL ? q + 1 : "";
    if (r->path == NULL) {
        pair_reply_error(r, PAIR_E_NOMEM);
        return;
    }

    enum pair_err e;
    int i = pair_route_match(r, l->routes, l->nroutes);
    if (i < 0) {
        e = r->allow != NULL ? pair_fail(&r->call, PAIR_E_METHOD, "Method Not Allowed")
                             : pair_fail(&r->call, PAIR_E_NOT_FOUND, "Not Found");
    } else {
        e = pair_query_parse(&r->call, r->query, strlen(r->query), &r->input.query,
                             &r->input.nquery);
        if (e == PAIR_OK)
            e = l->routes[i].handler(r);
    }
    if (r->finished)
        return;
    if (e != PAIR_OK && !r->responded)
        pair_reply_error(r, e);
    else if (!r->responded)
        pair_reply_empty(r, 204);
    int status = pair_err_status(e);
    if (e != PAIR_OK && status >= 500)
        pair_log(&r->call, "%s %s -> %d %s", r->method, r->path, status,
                 r->call.detail != NULL ? r->call.detail : pair_strerror(e));
}

/* ---------- connections ---------- */

static bool
watch(const struct listener *l, int fd, void *data, bool added)
{
    struct epoll_event ev = {.events = EPOLLIN | EPOLLONESHOT, .data.ptr = data};
    return epoll_ctl(l->epoll, added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) == 0;
}

/* Frees k, closing its connection unless libfcgi has closed it already. */
static void
conn_close(struct pair_conn *k)
{
    if (k->fcgx.ipcFd >= 0)
        FCGX_Free(&k->fcgx, 1);
    free(k);
}

/* After a request: back into the epoll set when nginx keeps the connection
 * (libfcgi left it open), closed otherwise. */
static void
conn_release(struct pair_conn *k)
{
    if (k->fcgx.ipcFd < 0 || !watch(k->listener, k->fcgx.ipcFd, k, k->watched)) {
        conn_close(k);
        return;
    }
    k->watched = true;
}

/* A new connection, or NULL. libfcgi reads the request from the descriptor
 * it is given; it has no listening socket of its own (-1), so a connection
 * that breaks mid-request makes FCGX_Accept_r fail instead of waiting for
 * another, and keepConnection stops it from closing the connection before
 * reading the first request. */
static struct pair_conn *
conn_accept(const struct listener *l)
{
    int fd = accept4(l->fd, NULL, NULL, SOCK_CLOEXEC);
    int err = fd < 0 ? errno : 0;
    if (!watch(l, l->fd, &listening_mark, true))
        fprintf(stderr, "pair: cannot watch the socket again: %s\n", strerror(errno));
    if (fd < 0) {
        if (err != EAGAIN && err != ECONNABORTED && err != EINTR)
            fprintf(stderr, "pair: accept: %s\n", strerror(err));
        /* Out of descriptors: let the kept connections drain a little. */
        if (err == EMFILE || err == ENFILE)
            usleep(10000);
        return NULL;
    }
    struct pair_conn *k = calloc(1, sizeof(*k));
    if (k == NULL || FCGX_InitRequest(&k->fcgx, -1, 0) != 0) {
        free(k);
        close(fd);
        return NULL;
    }
    k->fcgx.ipcFd = fd;
    k->fcgx.keepConnection = 1;
    k->listener = l;
    return k;
}

/* Whether a kept connection has a request: false when nginx closed it (the
 * connection is then closed too) or when the wake-up was spurious (it is
 * watched again). */
static bool
conn_has_request(struct pair_conn *k)
{
    char c;
    ssize_t n = recv(k->fcgx.ipcFd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n > 0)
        return true;
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        conn_release(k);
    else
        conn_close(k);
    return false;
}

static void
serve(struct thread *t, struct pair_conn *k, struct pair_arena *arena)
{
    if (FCGX_Accept_r(&k->fcgx) < 0) {
        /* nginx went away mid-request; libfcgi closed the connection. */
        conn_close(k);
        return;
    }
    struct pair_req r = {0};
    r.conn = k;
    r.call.worker = &t->worker;
    r.call.arena = arena;
    r.call.id = atomic_fetch_add(&next_request_id, 1) + 1;
    handle(&r, t->listener);
    if (!r.finished)
        finish_request(&r);
    pair_roomlock_release(&r.call);
    pair_db_end_request(t->worker.db);
    pair_arena_clear(arena);
}

static void *
worker_main(void *arg)
{
    struct thread *t = arg;
    const struct listener *l = t->listener;
    struct pair_arena *arena = pair_arena_new();
    if (arena == NULL) {
        fprintf(stderr, "worker %d: cannot initialize\n", t->worker.index);
        return NULL;
    }
    while (!atomic_load(&stopping)) {
        struct epoll_event ev;
        int n = epoll_wait(l->epoll, &ev, 1, -1);
        if (n < 0 && errno != EINTR)
            break;
        if (n <= 0)
            continue;
        if (ev.data.ptr == &stop_mark)
            break;
        struct pair_conn *k;
        if (ev.data.ptr == &listening_mark)
            k = conn_accept(l);
        else if (conn_has_request(ev.data.ptr))
            k = ev.data.ptr;
        else
            k = NULL;
        if (k != NULL)
            serve(t, k, arena);
    }
    pair_arena_free(arena);
    return NULL;
}

/* A periodic job's thread: job.run() every job.period_ms until stopping. */
struct ticker {
    pthread_t tid;
    bool started;
    struct pair_worker worker;
    struct pair_tick job;
};

static void *
ticker_main(void *arg)
{
    struct ticker *t = arg;
    struct pair_arena *arena = pair_arena_new();
    if (arena == NULL)
        return NULL;
    while (!atomic_load(&stopping)) {
        /* Sleeps in steps of 100 ms at most, so stopping is seen soon. */
        for (int left = t->job.period_ms; left > 0 && !atomic_load(&stopping); left -= 100)
            usleep((useconds_t)(left < 100 ? left : 100) * 1000);
        if (atomic_load(&stopping))
            break;
        struct pair_call c = {.worker = &t->worker, .arena = arena};
        c.id = atomic_fetch_add(&next_request_id, 1) + 1;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        t->job.run(&c);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        /* A job that overruns its period delays what it is for (typing
         * that stops late, seats that free late): say so. */
        long long ms = (t1.tv_sec - t0.tv_sec) * 1000LL + (t1.tv_nsec - t0.tv_nsec) / 1000000;
        if (ms > t->job.period_ms)
            pair_log(&c, "periodic job took %lld ms (period %d ms)", ms, t->job.period_ms);
        pair_roomlock_release(&c);
        pair_db_end_request(t->worker.db);
        pair_arena_clear(arena);
    }
    pair_arena_free(arena);
    return NULL;
}

/* ---------- sockets and start-up ---------- */

static int
listen_unix(const char *path)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof(sa.sun_path)) {
        fprintf(stderr, "socket path too long: %s\n", path);
        return -1;
    }
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    unlink(path);
    mode_t old = umask(0117);
    int ok = bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 && listen(fd, 1024) == 0;
    umask(old);
    if (!ok) {
        fprintf(stderr, "cannot listen on %s: %s\n", path, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* addr is "127.0.0.1:port"; SO_REUSEADDR lets a restarted app bind at once. */
static int
listen_tcp(const char *addr)
{
    const char *colon = strrchr(addr, ':');
    if (colon == NULL)
        return -1;
    char host[64];
    size_t hl = (size_t)(colon - addr);
    if (hl >= sizeof(host))
        return -1;
    memcpy(host, addr, hl);
    host[hl] = '\0';
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(colon + 1))};
    if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
        return -1;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, 1024) != 0) {
        fprintf(stderr, "cannot listen on %s: %s\n", addr, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* Each listener's epoll set, with its socket (non-blocking: the worker
 * woken for it accepts without waiting) and the stop signal, which stays
 * readable so that every worker sees it. */
static bool
open_epolls(struct listener *ls, int n)
{
    stop_fd = eventfd(0, EFD_CLOEXEC);
    if (stop_fd < 0)
        return false;
    for (int i = 0; i < n; i++) {
        struct epoll_event stop = {.events = EPOLLIN, .data.ptr = &stop_mark};
        int flags = fcntl(ls[i].fd, F_GETFL);
        ls[i].epoll = epoll_create1(EPOLL_CLOEXEC);
        if (ls[i].epoll < 0 || flags < 0 || fcntl(ls[i].fd, F_SETFL, flags | O_NONBLOCK) != 0 ||
            epoll_ctl(ls[i].epoll, EPOLL_CTL_ADD, stop_fd, &stop) != 0 ||
            !watch(&ls[i], ls[i].fd, &listening_mark, false)) {
            fprintf(stderr, "pair: cannot watch the sockets: %s\n", strerror(errno));
            return false;
        }
    }
    return true;
}

static const char *
env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v != NULL && *v != '\0' ? v : fallback;
}

/* The supervisor's child, for its signal handler. */
static volatile pid_t supervised_child;
static volatile sig_atomic_t supervisor_stopping;

static void
supervisor_forward(int sig)
{
    supervisor_stopping = 1;
    if (supervised_child > 0)
        kill(supervised_child, sig);
}

int
pair_supervise(void)
{
    struct sigaction sa = {.sa_handler = supervisor_forward};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    pid_t parent = getpid();
    struct timespec last_start = {0};
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &last_start);
        pid_t child = fork();
        if (child < 0) {
            perror("pair: fork");
            return 1;
        }
        if (child == 0) {
            /* The server goes when its supervisor goes, however it went. */
            prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (getppid() != parent)
                _exit(1);
            struct sigaction dfl = {.sa_handler = SIG_DFL};
            sigaction(SIGTERM, &dfl, NULL);
            sigaction(SIGINT, &dfl, NULL);
            sigaction(SIGHUP, &dfl, NULL);
            return -1;
        }
        supervised_child = child;
        int st;
        while (waitpid(child, &st, 0) < 0 && errno == EINTR)
            ;
        supervised_child = 0;
        if (supervisor_stopping)
            return WIFEXITED(st) ? WEXITSTATUS(st) : 0;
        fprintf(stderr, "pair: server process %d %s %d; restarting it\n", (int)child,
                WIFSIGNALED(st) ? "died of signal" : "exited with",
                WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
        /* Back off when it dies at once, so a broken start does not spin. */
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - last_start.tv_sec < 2)
            sleep(1);
    }
}

/* A worker's own connections to PostgreSQL and nchan; false when one could
 * not be made (worker_close frees what was). */
static bool
worker_open(struct pair_worker *w, int index, const struct pair_config *cfg)
{
    w->index = index;
    w->room_stripe = -1;
    w->cfg = cfg;
    w->stopping = &stopping;
    w->db = pair_db_new(cfg->database_url);
    w->nchan = pair_nchan_new(cfg->nchan_socket);
    return w->db != NULL && w->nchan != NULL;
}

static void
worker_close(struct pair_worker *w)
{
    pair_db_free(w->db);
    pair_nchan_free(w->nchan);
}

int
pair_serve(const struct pair_route *routes, size_t nroutes, const struct pair_route *hooks,
           size_t nhooks, const struct pair_tick *ticks, size_t nticks)
{
    static struct pair_config cfg;
    cfg.database_url = env_or("DATABASE_URL", "postgresql:///pair");
    cfg.app_socket = env_or("PAIR_APP_SOCKET", "var/run/app.sock");
    cfg.hook_addr = env_or("PAIR_HOOK_ADDR", "127.0.0.1:8091");
    cfg.nchan_socket = env_or("PAIR_NCHAN_SOCKET", "var/run/nchan.sock");
    cfg.workers = atoi(env_or("PAIR_WORKERS", "8"));
    cfg.seat_hold_seconds = atoi(env_or("PAIR_SEAT_HOLD_SECONDS", "30"));
    if (cfg.workers < 1 || cfg.workers > 256)
        cfg.workers = 8;
    if (cfg.seat_hold_seconds < 1)
        cfg.seat_hold_seconds = 30;

    if (pair_validate_init() != 0 || FCGX_Init() != 0 || !pair_append_open(cfg.database_url)) {
        fprintf(stderr, "pair: initialization failed\n");
        return 1;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct listener ls[2] = {
        {listen_unix(cfg.app_socket), routes, nroutes, -1},
        {listen_tcp(cfg.hook_addr), hooks, nhooks, -1},
    };
    if (ls[0].fd < 0 || ls[1].fd < 0 || !open_epolls(ls, 2))
        return 1;
    int nhook_threads = 2;
    int total = cfg.workers + nhook_threads;
    struct thread *threads = calloc((size_t)total, sizeof(*threads));
    if (threads == NULL)
        return 1;
    int status = 0;
    for (int i = 0; i < total; i++) {
        struct thread *t = &threads[i];
        t->listener = &ls[i < cfg.workers ? 0 : 1];
        if (!worker_open(&t->worker, i, &cfg) ||
            pthread_create(&t->tid, NULL, worker_main, t) != 0) {
            status = 1;
            break;
        }
        t->started = true;
    }
    struct ticker *tickers = calloc(nticks + 1, sizeof(*tickers));
    if (tickers == NULL)
        status = 1;
    for (size_t i = 0; status == 0 && i < nticks; i++) {
        struct ticker *t = &tickers[i];
        t->job = ticks[i];
        if (!worker_open(&t->worker, total + (int)i, &cfg) ||
            pthread_create(&t->tid, NULL, ticker_main, t) != 0) {
            status = 1;
            break;
        }
        t->started = true;
    }
    if (status == 0)
        fprintf(stderr, "pair: %d workers on %s, hooks on %s\n", cfg.workers, cfg.app_socket,
                cfg.hook_addr);

    int sig = 0;
    if (status == 0)
        sigwait(&set, &sig);
    /* Stop: every worker finishes the request it serves, then sees the
     * stop signal and returns. */
    atomic_store(&stopping, true);
    uint64_t one = 1;
    if (write(stop_fd, &one, sizeof(one)) != sizeof(one))
        fprintf(stderr, "pair: cannot wake the workers: %s\n", strerror(errno));
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 5;
    bool all_joined = true;
    for (size_t i = 0; tickers != NULL && i < nticks; i++)
        if (tickers[i].started && pthread_timedjoin_np(tickers[i].tid, NULL, &deadline) != 0)
            all_joined = false;
    for (int i = 0; i < total; i++)
        if (threads[i].started && pthread_timedjoin_np(threads[i].tid, NULL, &deadline) != 0)
            all_joined = false;
    unlink(cfg.app_socket);
    fprintf(stderr, "pair: stopped (signal %d)\n", sig);
    /* A worker stuck past the deadline still uses its connections: exit
     * without freeing them. */
    if (!all_joined)
        _exit(status);
    for (int i = 0; i < total; i++)
        worker_close(&threads[i].worker);
    free(threads);
    for (size_t i = 0; tickers != NULL && i < nticks; i++)
        worker_close(&tickers[i].worker);
    free(tickers);
    pair_doccache_clear();
    pair_append_close();
    for (int i = 0; i < 2; i++) {
        close(ls[i].epoll);
        close(ls[i].fd);
    }
    close(stop_fd);
    pair_validate_fini();
    return status;
}
