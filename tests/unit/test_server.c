/*
 * test_server.c: fcgi/server.c: routing by a table (pair_route_match).
 */
#include "../../fcgi/server.h"
#include "test.h"

static enum pair_err
h_dummy(struct pair_req *r)
{
    (void)r;
    return PAIR_OK;
}

enum { R_LIST, R_CREATE, R_SAVE, R_GET, R_DELETE, R_LIMIT, R_LEAVE, R_HEALTHZ, R__MAX };

static const struct pair_route routes[R__MAX] = {
    [R_LIST] = {"GET", "/rooms", h_dummy},
    [R_CREATE] = {"POST", "/rooms", h_dummy},
    [R_SAVE] = {"POST", "/rooms/save", h_dummy},
    [R_GET] = {"GET", "/rooms/*", h_dummy},
    [R_DELETE] = {"DELETE", "/rooms/*", h_dummy},
    [R_LIMIT] = {"PATCH", "/rooms/*/limit", h_dummy},
    [R_LEAVE] = {"POST", "/rooms/*/leave", h_dummy},
    [R_HEALTHZ] = {"GET", "/healthz", h_dummy},
};

/* Shared by the table tests; reachable from here until exit, so not a leak. */
static struct pair_arena *arena;

/* Routes method + path through the table; *r is left for inspection. */
static int
route(struct pair_req *r, const char *method, const char *path)
{
    if (arena == NULL && (arena = pair_arena_new()) == NULL)
        exit(1);
    memset(r, 0, sizeof(*r));
    r->call.arena = arena;
    r->method = method;
    r->path = path;
    r->query = "";
    return pair_route_match(r, routes, R__MAX);
}

/* Expects a match of route `want` with capture `arg` (NULL for none). */
static void
hit(const char *method, const char *path, int want, const char *arg, int line)
{
    struct pair_req r;
    int got = route(&r, method, path);
    if (got != want)
        test_fail_(__FILE__, line, "%s %s -> %d, want %d", method, path, got, want);
    else if (arg != NULL && (r.args[0] == NULL || strcmp(r.args[0], arg) != 0))
        test_fail_(__FILE__, line, "%s %s: args[0] = \"%s\", want \"%s\"", method, path,
                   r.args[0] != NULL ? r.args[0] : "(null)", arg);
}

/* Expects no match; allow NULL means "no such path", else every method in
 * the comma-separated `allow` (and only those) must be listed. */
static void
miss(const char *method, const char *path, const char *allow, int line)
{
    struct pair_req r;
    int got = route(&r, method, path);
    if (got != -1) {
        test_fail_(__FILE__, line, "%s %s -> %d, want -1", method, path, got);
        return;
    }
    if (allow == NULL) {
        if (r.allow != NULL)
            test_fail_(__FILE__, line, "%s %s: allow = \"%s\", want NULL", method, path, r.allow);
        return;
    }
    if (r.allow == NULL) {
        test_fail_(__FILE__, line, "%s %s: allow = NULL, want \"%s\"", method, path, allow);
        return;
    }
    /* Same set of methods, in any order, each once. */
    char want[128], have[128];
    snprintf(want, sizeof(want), "%s", allow);
    snprintf(have, sizeof(have), "%s", r.allow);
    int nwant = 0, nhave = 0;
    for (char *save = NULL, *m = strtok_r(want, ", ", &save); m != NULL;
         m = strtok_r(NULL, ", ", &save)) {
        nwant++;
        size_t ml = strlen(m);
        const char *p = r.allow;
        bool listed = false;
        while ((p = strstr(p, m)) != NULL) {
            bool start = p == r.allow || p[-1] == ' ' || p[-1] == ',';
            bool end = p[ml] == '\0' || p[ml] == ',' || p[ml] == ' ';
            if (start && end)
                listed = true;
            p += ml;
        }
        if (!listed)
            test_fail_(__FILE__, line, "%s %s: allow \"%s\" lacks %s", method, path, r.allow, m);
    }
    for (char *save = NULL, *m = strtok_r(have, ", ", &save); m != NULL;
         m = strtok_r(NULL, ", ", &save))
        nhave++;
    if (nhave != nwant)
        test_fail_(__FILE__, line, "%s %s: allow \"%s\", want \"%s\"", method, path, r.allow,
                   allow);
}

TEST(exact_paths)
{
    hit("GET", "/rooms", R_LIST, NULL, __LINE__);
    hit("POST", "/rooms", R_CREATE, NULL, __LINE__);
    hit("GET", "/healthz", R_HEALTHZ, NULL, __LINE__);
}

TEST(captures)
{
    hit("GET", "/rooms/abc", R_GET, "abc", __LINE__);
    hit("DELETE", "/rooms/Room_42-x", R_DELETE, "Room_42-x", __LINE__);
    hit("PATCH", "/rooms/abc/limit", R_LIMIT, "abc", __LINE__);
    hit("POST", "/rooms/r1/leave", R_LEAVE, "r1", __LINE__);
    /* The capture is the raw segment: no decoding, no validation here. */
    hit("GET", "/rooms/a%2Fb", R_GET, "a%2Fb", __LINE__);
    hit("GET", "/rooms/..", R_GET, "..", __LINE__);
    /* A capture is an arena copy that ends at the segment. */
    struct pair_req r;
    static const char path[] = "/rooms/xyz/limit";
    REQUIRE(route(&r, "PATCH", path) == R_LIMIT);
    REQUIRE(r.args[0] != NULL);
    CHECK(r.args[0] < path || r.args[0] >= path + sizeof(path));
    CHECK_STREQ(r.args[0], "xyz");
}

TEST(trailing_slash)
{
    hit("GET", "/rooms/", R_LIST, NULL, __LINE__);
    hit("POST", "/rooms/", R_CREATE, NULL, __LINE__);
    hit("GET", "/rooms/abc/", R_GET, "abc", __LINE__);
    hit("PATCH", "/rooms/abc/limit/", R_LIMIT, "abc", __LINE__);
    hit("POST", "/rooms/save/", R_SAVE, NULL, __LINE__);
    hit("GET", "/healthz/", R_HEALTHZ, NULL, __LINE__);
    /* Only one. */
    miss("GET", "/rooms//", NULL, __LINE__);
    miss("GET", "/rooms/abc//", NULL, __LINE__);
}

TEST(save_before_wildcard)
{
    /* POST /rooms/save is the save route, not a room called "save". */
    hit("POST", "/rooms/save", R_SAVE, NULL, __LINE__);
    /* Other methods on the same path fall to the wildcard routes. */
    hit("GET", "/rooms/save", R_GET, "save", __LINE__);
    hit("DELETE", "/rooms/save", R_DELETE, "save", __LINE__);
    /* A room whose id merely starts with "save". */
    hit("GET", "/rooms/saved", R_GET, "saved", __LINE__);
    miss("POST", "/rooms/saved", "GET, DELETE", __LINE__);
}

TEST(unknown_paths)
{
    miss("GET", "/nope", NULL, __LINE__);
    miss("GET", "/", NULL, __LINE__);
    miss("GET", "", NULL, __LINE__);
    miss("GET", "/room", NULL, __LINE__);
    miss("GET", "/roomsx", NULL, __LINE__);
    miss("GET", "/rooms/abc/other", NULL, __LINE__);
    miss("GET", "/rooms/abc/limitx", NULL, __LINE__);
    miss("PATCH", "/rooms/abc/limit/x", NULL, __LINE__);
    miss("PATCH", "/rooms//limit", NULL, __LINE__); /* an empty segment captures nothing */
    miss("GET", "//rooms", NULL, __LINE__);
    miss("GET", "rooms", NULL, __LINE__);
    miss("GET", "/ROOMS", NULL, __LINE__);
    miss("GET", "/rooms?x=1", NULL, __LINE__); /* the caller strips the query */
    miss("POST", "/nope", NULL, __LINE__);
}

TEST(wrong_method)
{
    miss("PUT", "/rooms", "GET, POST", __LINE__);
    miss("DELETE", "/rooms/", "GET, POST", __LINE__);
    miss("GET", "/rooms/abc/limit", "PATCH", __LINE__);
    miss("POST", "/rooms/abc/limit", "PATCH", __LINE__);
    miss("GET", "/rooms/abc/leave", "POST", __LINE__);
    miss("POST", "/rooms/abc", "GET, DELETE", __LINE__);
    miss("PUT", "/rooms/save", "POST, GET, DELETE", __LINE__);
    miss("POST", "/healthz", "GET", __LINE__);
    /* Methods are compared exactly. */
    miss("get", "/rooms", "GET, POST", __LINE__);
    miss("HEAD", "/healthz", "GET", __LINE__);
    miss("", "/healthz", "GET", __LINE__);
}

TEST(empty_table)
{
    struct pair_req r = {0};
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    r.call.arena = a;
    r.method = "GET";
    r.path = "/rooms";
    CHECK_INTEQ(pair_route_match(&r, routes, 0), -1);
    CHECK(r.allow == NULL);
    pair_arena_free(a);
}

TEST(two_captures)
{
    static const struct pair_route two[] = {
        {"GET", "/a/*/b/*", h_dummy},
        {"GET", "/a/*", h_dummy},
    };
    struct pair_req r = {0};
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    r.call.arena = a;
    r.method = "GET";
    r.path = "/a/x1/b/y2";
    CHECK_INTEQ(pair_route_match(&r, two, 2), 0);
    CHECK_STREQ(r.args[0], "x1");
    CHECK_STREQ(r.args[1], "y2");
    r.path = "/a/only/";
    CHECK_INTEQ(pair_route_match(&r, two, 2), 1);
    CHECK_STREQ(r.args[0], "only");
    r.path = "/a/x/b/";
    CHECK_INTEQ(pair_route_match(&r, two, 2), -1);
    pair_arena_free(a);
}

TEST_MAIN()
