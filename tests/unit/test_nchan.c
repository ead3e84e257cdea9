/*
 * test_nchan.c: fcgi/nchan.c: the publisher client against a stand-in for
 * nginx's publisher location on a unix socket, which reads the requests as
 * they come (several at a time) and answers as a script says: all at once
 * or a few bytes at a time, closing after some answer as nginx does after
 * keepalive_requests, or closing a kept connection without answering.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "../../fcgi/nchan.h"
#include "../../fcgi/worker.h"
#include "test.h"

#define SEEN_MAX 256

/* The stand-in: its script and what it answered, guarded by `lock`. */
static struct {
    pthread_mutex_t lock;
    int listen_fd;
    char path[108];
    /* script */
    int close_after; /* answers per connection, the last with "Connection: close" (0: no limit) */
    int drop;        /* requests to read and leave unanswered, closing the connection */
    int dribble;     /* answer bytes per write (0: each answer in one) */
    /* record: "room body" of every request answered, in order */
    char seen[SEEN_MAX][160];
    int nseen, connections;
} fake = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Reads one request from fd into buf (the bytes after it stay there). The
 * room goes to room, the body to body; false at the end of the stream. */
static bool
read_request(int fd, char *buf, size_t *len, size_t cap, char *room, char *body)
{
    for (;;) {
        char *end = memmem(buf, *len, "\r\n\r\n", 4);
        if (end != NULL) {
            size_t head = (size_t)(end + 4 - buf);
            const char *cl = strcasestr(buf, "Content-Length:");
            size_t blen = cl != NULL && cl < end ? strtoul(cl + 15, NULL, 10) : 0;
            if (*len >= head + blen) {
                sscanf(buf, "%*s /pub/%63s", room);
                snprintf(body, 64, "%.*s", (int)blen, buf + head);
                *len -= head + blen;
                memmove(buf, buf + head + blen, *len);
                return true;
            }
        }
        if (*len == cap)
            return false;
        ssize_t r = recv(fd, buf + *len, cap - *len, 0);
        if (r <= 0)
            return false;
        *len += (size_t)r;
    }
}

static void
answer(int fd, int status, bool closing)
{
    char a[256];
    int n = snprintf(a, sizeof(a),
                     "HTTP/1.1 %d X\r\nContent-Type: text/json\r\nContent-Length: 14\r\n%s\r\n"
                     "{\"messages\":1}",
                     status, closing ? "Connection: close\r\n" : "");
    pthread_mutex_lock(&fake.lock);
    int step = fake.dribble > 0 ? fake.dribble : n;
    pthread_mutex_unlock(&fake.lock);
    for (int off = 0; off < n; off += step) {
        if (send(fd, a + off, (size_t)(n - off < step ? n - off : step), MSG_NOSIGNAL) < 0)
            return;
        if (step < n)
            usleep(200);
    }
}

static void *
serve(void *arg)
{
    (void)arg;
    int fd;
    while ((fd = accept(fake.listen_fd, NULL, NULL)) >= 0) {
        pthread_mutex_lock(&fake.lock);
        fake.connections++;
        pthread_mutex_unlock(&fake.lock);
        static char buf[1 << 16];
        size_t len = 0;
        int answered = 0;
        char room[64], body[64];
        while (read_request(fd, buf, &len, sizeof(buf), room, body)) {
            pthread_mutex_lock(&fake.lock);
            bool drop = fake.drop > 0;
            fake.drop -= drop;
            bool closing = !drop && fake.close_after > 0 && answered + 1 >= fake.close_after;
            if (!drop && fake.nseen < SEEN_MAX)
                snprintf(fake.seen[fake.nseen++], sizeof(fake.seen[0]), "%s %s", room, body);
            pthread_mutex_unlock(&fake.lock);
            if (drop)
                break;
            answer(fd, strcmp(room, "refused") == 0 ? 403 : 201, closing);
            answered++;
            if (closing)
                break;
        }
        close(fd);
    }
    return NULL;
}

static struct pair_arena *arena;
static struct pair_worker worker;
static struct pair_call call;

static void
start(void)
{
    if (arena != NULL)
        return;
    char dir[] = "/tmp/pair-nchan-XXXXXX";
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    REQUIRE(mkdtemp(dir) != NULL);
    snprintf(fake.path, sizeof(fake.path), "%s/nchan.sock", dir);
    snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", fake.path);
    fake.listen_fd = socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fake.listen_fd >= 0);
    REQUIRE(bind(fake.listen_fd, (struct sockaddr *)&sa, sizeof(sa)) == 0);
    REQUIRE(listen(fake.listen_fd, 8) == 0);
    pthread_t tid;
    REQUIRE(pthread_create(&tid, NULL, serve, NULL) == 0);
    pthread_detach(tid);
    arena = pair_arena_new();
    worker.nchan = pair_nchan_new(fake.path);
    REQUIRE(arena != NULL && worker.nchan != NULL);
    call = (struct pair_call){.worker = &worker, .arena = arena};
}

/* Sets the script and forgets what was seen. */
static void
script(int close_after, int drop, int dribble)
{
    start();
    pthread_mutex_lock(&fake.lock);
    fake.close_after = close_after;
    fake.drop = drop;
    fake.dribble = dribble;
    fake.nseen = 0;
    fake.connections = 0;
    pthread_mutex_unlock(&fake.lock);
}

/* n messages "m0".."m<n-1>" to room "r<i % rooms>", in a list. */
static struct pair_message *
messages(int n, int rooms)
{
    struct pair_message *list = NULL, **tail = &list;
    for (int i = 0; i < n; i++) {
        struct pair_message *m = pair_alloc(arena, sizeof(*m));
        if (m == NULL)
            abort();
        const char *text = pair_sprintf(arena, "m%d", i);
        *m = (struct pair_message){
            pair_sprintf(arena, "r%d", i % rooms), {text, strlen(text)}, NULL};
        *tail = m;
        tail = &m->next;
    }
    return list;
}

/* The stand-in saw exactly messages(n, rooms), in order. */
static void
check_seen(int n, int rooms, int line)
{
    pthread_mutex_lock(&fake.lock);
    if (fake.nseen != n)
        test_fail_(__FILE__, line, "the publisher location saw %d messages, want %d", fake.nseen,
                   n);
    for (int i = 0; i < n && i < fake.nseen; i++) {
        char want[64];
        snprintf(want, sizeof(want), "r%d m%d", i % rooms, i);
        if (strcmp(fake.seen[i], want) != 0) {
            test_fail_(__FILE__, line, "message %d arrived as \"%s\", want \"%s\"", i, fake.seen[i],
                       want);
            break;
        }
    }
    pthread_mutex_unlock(&fake.lock);
}

TEST(a_list_goes_out_in_order_on_one_connection)
{
    script(0, 0, 0);
    CHECK_INTEQ(pair_nchan_publish_list(&call, messages(5, 3)), 5);
    check_seen(5, 3, __LINE__);
    CHECK_INTEQ(fake.connections, 1);
}

TEST(more_than_one_write_of_requests_keeps_the_order)
{
    script(0, 0, 0);
    CHECK_INTEQ(pair_nchan_publish_list(&call, messages(150, 7)), 150);
    check_seen(150, 7, __LINE__);
    /* The connection of the test before is kept. */
    CHECK_INTEQ(fake.connections, 0);
}

TEST(answers_that_arrive_a_few_bytes_at_a_time)
{
    script(0, 0, 7);
    CHECK_INTEQ(pair_nchan_publish_list(&call, messages(4, 2)), 4);
    check_seen(4, 2, __LINE__);
}

TEST(a_connection_closed_after_an_answer_goes_on_with_a_new_one)
{
    /* nginx closes after keepalive_requests answers and drops the requests
     * it had not read: they go again, once each. */
    script(3, 0, 0);
    CHECK_INTEQ(pair_nchan_publish_list(&call, messages(10, 4)), 10);
    check_seen(10, 4, __LINE__);
    CHECK(fake.connections >= 3);
}

TEST(a_kept_connection_closed_without_an_answer_is_tried_once_more)
{
    script(0, 0, 0);
    CHECK_INTEQ(pair_nchan_publish_list(&call, messages(1, 1)), 1);
    script(0, 1, 0);
    CHECK(pair_nchan_publish(&call, "r0", LIT("m0")) == PAIR_OK);
    check_seen(1, 1, __LINE__);
    CHECK_INTEQ(fake.connections, 1);
}

TEST(a_new_connection_closed_without_an_answer_fails)
{
    /* The first try is on a new connection: no second one. */
    script(0, 0, 0);
    CHECK_INTEQ(pair_nchan_publish_list(&call, messages(1, 1)), 1);
    script(1, 0, 0);
    CHECK_INTEQ(pair_nchan_publish_list(&call, messages(1, 1)), 1);
    script(0, 1, 0);
    CHECK(pair_nchan_publish(&call, "r0", LIT("m0")) == PAIR_E_NCHAN);
    CHECK_INTEQ(fake.nseen, 0);
}

TEST(a_refused_message_is_not_counted_and_the_rest_go_on)
{
    script(0, 0, 0);
    struct pair_message *list = messages(3, 3);
    list->next->room = "refused";
    CHECK_INTEQ(pair_nchan_publish_list(&call, list), 2);
    CHECK(pair_nchan_publish(&call, "refused", LIT("x")) == PAIR_E_NCHAN);
    pthread_mutex_lock(&fake.lock);
    CHECK_INTEQ(fake.nseen, 4);
    CHECK_STREQ(fake.seen[2], "r2 m2");
    pthread_mutex_unlock(&fake.lock);
}

TEST(nothing_to_publish)
{
    script(0, 0, 0);
    CHECK_INTEQ(pair_nchan_publish_list(&call, NULL), 0);
    CHECK_INTEQ(fake.nseen, 0);
}

TEST_MAIN()
