/*
 * test_input.c: fcgi/input.c: query strings, JSON bodies, field lookup.
 */
#include "../../fcgi/input.h"
#include "../../fcgi/validate.h"
#include "test.h"

static struct pair_call
new_call(void)
{
    return test_call(pair_validate_init);
}

/* Parses a literal query; the result stays in c's arena. */
static enum pair_err
parse_q(struct pair_call *c, const char *qs, struct pair_kv **kv, size_t *n)
{
    *kv = NULL;
    *n = 12345;
    c->detail = NULL;
    return pair_query_parse(c, qs, strlen(qs), kv, n);
}

/* Every decoded key and value is NUL-terminated right after len (the token
 * lookup in server.c relies on it) and valid UTF-8. */
static bool
well_formed(const struct pair_kv *kv, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct pair_str *s[2] = {&kv[i].key, &kv[i].value};
        for (int k = 0; k < 2; k++)
            if (s[k]->ptr == NULL || s[k]->ptr[s[k]->len] != '\0' ||
                !pair_utf8_valid(s[k]->ptr, s[k]->len))
                return false;
    }
    return true;
}

TEST(query_basic)
{
    struct pair_call c = new_call();
    struct pair_kv *kv;
    size_t n;
    REQUIRE(parse_q(&c, "a=1&b=2", &kv, &n) == PAIR_OK);
    REQUIRE(n == 2);
    CHECK(well_formed(kv, n));
    CHECK_PSTREQ(kv[0].key, "a");
    CHECK_PSTREQ(kv[0].value, "1");
    CHECK_PSTREQ(kv[1].key, "b");
    CHECK_PSTREQ(kv[1].value, "2");
    const struct pair_str *v = pair_query_get(kv, n, "b");
    REQUIRE(v != NULL);
    CHECK_PSTREQ(*v, "2");
    CHECK(pair_query_get(kv, n, "c") == NULL);
    CHECK(pair_query_get(kv, n, "") == NULL);
    CHECK(pair_query_get(kv, n, "aa") == NULL);
    CHECK(pair_query_get(NULL, 0, "a") == NULL);
    pair_arena_free(c.arena);
}

TEST(query_decoding)
{
    struct pair_call c = new_call();
    struct pair_kv *kv;
    size_t n;
    REQUIRE(parse_q(&c, "q=a+b+&%41=%42%43&p=a%2Bb&u=%E6%97%A5%e6%9c%ac&amp=%26%3D", &kv, &n) ==
            PAIR_OK);
    REQUIRE(n == 5);
    CHECK(well_formed(kv, n));
    CHECK_PSTREQ(kv[0].value, "a b ");
    CHECK_PSTREQ(kv[1].key, "A");
    CHECK_PSTREQ(kv[1].value, "BC");
    CHECK_PSTREQ(kv[2].value, "a+b");
    CHECK_PSTREQ(kv[3].value, "日本");
    CHECK_PSTREQ(kv[4].value, "&=");
    /* '+' in keys too, and 4-byte characters. */
    REQUIRE(parse_q(&c, "a+b=%F0%9F%98%80", &kv, &n) == PAIR_OK);
    REQUIRE(n == 1);
    CHECK_PSTREQ(kv[0].key, "a b");
    CHECK_PSTREQ(kv[0].value, "😀");
    /* Raw UTF-8 passes through. */
    REQUIRE(parse_q(&c, "name=Zo\xC3\xAB", &kv, &n) == PAIR_OK);
    REQUIRE(n == 1);
    CHECK_PSTREQ(kv[0].value, "Zoë");
    /* A decoded NUL would cut the text short wherever C reads it. */
    CHECK_INTEQ(parse_q(&c, "%00=x", &kv, &n), PAIR_E_INVALID);
    CHECK_INTEQ(parse_q(&c, "x=a%00b", &kv, &n), PAIR_E_INVALID);
    CHECK_INTEQ(parse_q(&c, "token=abc%00def", &kv, &n), PAIR_E_INVALID);
    pair_arena_free(c.arena);
}

TEST(query_bad_escapes)
{
    static const char *const bad[] = {
        "x=%G1",          "x=%4",   "x=%",    "x=%%41",   "x=a%",        "%4=1",
        "x=1&y=%zz",      "x=%FF",  "x=%C3",  "x=%C3%28", "x=%ED%A0%80", "x=%C0%80",
        "x=%F4%90%80%80", "x=\xFF", "\xC3=1", "x=%E6%97", "ok=1&x=%80",  "%+1=2",
        "x=% 1",
    };
    struct pair_call c = new_call();
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct pair_kv *kv;
        size_t n;
        enum pair_err e = parse_q(&c, bad[i], &kv, &n);
        if (e != PAIR_E_INVALID)
            test_fail_(__FILE__, __LINE__, "query \"%s\" gave %d, want PAIR_E_INVALID", bad[i], e);
        else if (c.detail == NULL || strstr(c.detail, "query") == NULL)
            test_fail_(__FILE__, __LINE__, "query \"%s\": detail %s", bad[i],
                       c.detail != NULL ? c.detail : "(null)");
    }
    pair_arena_free(c.arena);
}

TEST(query_empty_parts)
{
    struct pair_call c = new_call();
    struct pair_kv *kv;
    size_t n;
    CHECK_INTEQ(parse_q(&c, "", &kv, &n), PAIR_OK);
    CHECK_INTEQ(n, 0);
    CHECK_INTEQ(parse_q(&c, "&", &kv, &n), PAIR_OK);
    CHECK_INTEQ(n, 0);
    CHECK_INTEQ(parse_q(&c, "&&", &kv, &n), PAIR_OK);
    CHECK_INTEQ(n, 0);
    REQUIRE(parse_q(&c, "&&a=1&&&b=2&", &kv, &n) == PAIR_OK);
    REQUIRE(n == 2);
    CHECK_PSTREQ(kv[0].key, "a");
    CHECK_PSTREQ(kv[1].key, "b");
    CHECK_PSTREQ(kv[1].value, "2");

    /* A key without '=' has an empty (not NULL) value. */
    REQUIRE(parse_q(&c, "flag&x=1&last", &kv, &n) == PAIR_OK);
    REQUIRE(n == 3);
    CHECK(well_formed(kv, n));
    CHECK_PSTREQ(kv[0].key, "flag");
    CHECK_PSTREQ(kv[0].value, "");
    CHECK_PSTREQ(kv[2].key, "last");
    CHECK_PSTREQ(kv[2].value, "");
    const struct pair_str *v = pair_query_get(kv, n, "flag");
    REQUIRE(v != NULL);
    CHECK_INTEQ(v->len, 0);

    /* Empty key, empty value, '=' inside a value. */
    REQUIRE(parse_q(&c, "=v&k=&e=1=2", &kv, &n) == PAIR_OK);
    REQUIRE(n == 3);
    CHECK_PSTREQ(kv[0].key, "");
    CHECK_PSTREQ(kv[0].value, "v");
    CHECK_PSTREQ(kv[1].value, "");
    CHECK_PSTREQ(kv[2].value, "1=2");
    v = pair_query_get(kv, n, "");
    REQUIRE(v != NULL);
    CHECK_PSTREQ(*v, "v");
    CHECK_INTEQ(parse_q(&c, "=", &kv, &n), PAIR_OK);
    CHECK_INTEQ(n, 1);
    pair_arena_free(c.arena);
}

TEST(query_duplicates_first_wins)
{
    struct pair_call c = new_call();
    struct pair_kv *kv;
    size_t n;
    REQUIRE(parse_q(&c, "a=1&b=x&a=2&a=3", &kv, &n) == PAIR_OK);
    CHECK_INTEQ(n, 4);
    const struct pair_str *v = pair_query_get(kv, n, "a");
    REQUIRE(v != NULL);
    CHECK_PSTREQ(*v, "1");
    /* Equal once decoded counts as the same key. */
    REQUIRE(parse_q(&c, "%61=first&a=second", &kv, &n) == PAIR_OK);
    v = pair_query_get(kv, n, "a");
    REQUIRE(v != NULL);
    CHECK_PSTREQ(*v, "first");
    pair_arena_free(c.arena);
}

TEST(query_reads_only_len)
{
    struct pair_call c = new_call();
    struct pair_kv *kv;
    size_t n;
    /* A heap copy without a NUL: ASan reports any read past len. */
    static const char src[] = "a=1&b=%41&c";
    char *qs = malloc(sizeof(src) - 1);
    REQUIRE(qs != NULL);
    memcpy(qs, src, sizeof(src) - 1);
    CHECK_INTEQ(pair_query_parse(&c, qs, sizeof(src) - 1, &kv, &n), PAIR_OK);
    CHECK_INTEQ(n, 3);
    CHECK_INTEQ(pair_query_parse(&c, qs, 3, &kv, &n), PAIR_OK); /* "a=1" */
    REQUIRE(n == 1);
    CHECK_PSTREQ(kv[0].value, "1");
    /* A cut inside an escape is a malformed escape. */
    CHECK_INTEQ(pair_query_parse(&c, qs, 8, &kv, &n), PAIR_E_INVALID); /* "...b=%4" */
    CHECK_INTEQ(pair_query_parse(&c, qs, 0, &kv, &n), PAIR_OK);
    CHECK_INTEQ(n, 0);
    free(qs);
    pair_arena_free(c.arena);
}

TEST(query_many_pairs)
{
    struct pair_call c = new_call();
    size_t cap = 20000, len = 0;
    char *qs = malloc(cap);
    REQUIRE(qs != NULL);
    for (int i = 0; i < 1000; i++)
        len += (size_t)snprintf(qs + len, cap - len, "%sk%d=v%%20%d", i ? "&" : "", i, i);
    struct pair_kv *kv;
    size_t n;
    CHECK_INTEQ(pair_query_parse(&c, qs, len, &kv, &n), PAIR_OK);
    CHECK_INTEQ(n, 1000);
    const struct pair_str *v = pair_query_get(kv, n, "k999");
    REQUIRE(v != NULL);
    CHECK_PSTREQ(*v, "v 999");
    free(qs);
    pair_arena_free(c.arena);
}

/* Parses body; on success returns the object, else NULL with *e set. */
static json_object *
parse_j(struct pair_call *c, struct pair_str body, enum pair_err *e)
{
    json_object *o = NULL;
    c->detail = NULL;
    *e = pair_json_parse(c, body, &o);
    return *e == PAIR_OK ? o : NULL;
}

static void
json_bad(struct pair_call *c, struct pair_str body, int line)
{
    enum pair_err e;
    json_object *o = parse_j(c, body, &e);
    if (e != PAIR_E_JSON || o != NULL)
        test_fail_(__FILE__, line, "body \"%.*s\" gave %d, want PAIR_E_JSON", (int)body.len,
                   body.ptr, e);
    else if (c->detail == NULL || c->detail[0] == '\0')
        test_fail_(__FILE__, line, "body \"%.*s\": no detail", (int)body.len, body.ptr);
}

TEST(json_valid_objects)
{
    struct pair_call c = new_call();
    enum pair_err e;
    json_object *o = parse_j(&c, LIT("{\"a\":1,\"b\":\"x\"}"), &e);
    CHECK_INTEQ(e, PAIR_OK);
    REQUIRE(o != NULL);
    CHECK(json_object_is_type(o, json_type_object));
    json_object *v;
    REQUIRE(json_object_object_get_ex(o, "b", &v));
    CHECK_STREQ(json_object_get_string(v), "x");

    CHECK(parse_j(&c, LIT("{}"), &e) != NULL);
    CHECK(parse_j(&c, LIT(" \r\n\t{ \"a\" : [1, {\"b\": null}] } \n"), &e) != NULL);
    CHECK(parse_j(&c, LIT("{\"k\":\"\xE6\x97\xA5 \\u00e9 \\ud83d\\ude00\"}"), &e) != NULL);
    /* \u0000 is a character of its own. */
    o = parse_j(&c, LIT("{\"k\":\"a\\u0000b\"}"), &e);
    REQUIRE(o != NULL);
    REQUIRE(json_object_object_get_ex(o, "k", &v));
    CHECK_INTEQ(json_object_get_string_len(v), 3);
    /* Bodies need no NUL after them. */
    static const char src[] = "{\"a\":true}";
    char *heap = malloc(sizeof(src) - 1);
    REQUIRE(heap != NULL);
    memcpy(heap, src, sizeof(src) - 1);
    CHECK(parse_j(&c, (struct pair_str){heap, sizeof(src) - 1}, &e) != NULL);
    free(heap);
    pair_arena_free(c.arena);
}

TEST(json_rejects)
{
    struct pair_call c = new_call();
    json_bad(&c, LIT(""), __LINE__);
    json_bad(&c, (struct pair_str){NULL, 0}, __LINE__);
    json_bad(&c, LIT("   "), __LINE__);
    json_bad(&c, LIT("[1,2]"), __LINE__);
    json_bad(&c, LIT("[]"), __LINE__);
    json_bad(&c, LIT("\"str\""), __LINE__);
    json_bad(&c, LIT("1"), __LINE__);
    json_bad(&c, LIT("null"), __LINE__);
    json_bad(&c, LIT("true"), __LINE__);
    json_bad(&c, LIT("{\"a\":1} x"), __LINE__);
    json_bad(&c, LIT("{\"a\":1}{}"), __LINE__);
    json_bad(&c, LIT("{}]"), __LINE__);
    json_bad(&c, LIT("{\"a\":"), __LINE__);
    json_bad(&c, LIT("{\"a\""), __LINE__);
    json_bad(&c, LIT("{"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"unterminated}"), __LINE__);
    json_bad(&c, LIT("{\"a\":1,}"), __LINE__);
    json_bad(&c, LIT("{a:1}"), __LINE__);
    json_bad(&c, LIT("{\"a\":01}"), __LINE__);
    json_bad(&c, LIT("{\"a\":1}/* c */"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"x\0y\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\xFF\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\xC3\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\xED\xA0\x80\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\xC0\xAF\"}"), __LINE__);
    json_bad(&c, LIT("\xEF\xBB\xBF{}"), __LINE__); /* a BOM is not JSON */
    /* Lone UTF-16 surrogates: no browser could hold the text. */
    json_bad(&c, LIT("{\"a\":\"\\ud800\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\\uDBFF\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\\udc00\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\\ude00\\ud83d\"}"), __LINE__); /* reversed pair */
    json_bad(&c, LIT("{\"a\":\"\\ud83dx\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\\ud83d\\u0041\"}"), __LINE__);
    json_bad(&c, LIT("{\"\\ud800\":1}"), __LINE__); /* in a key */
    /* What json-c alone would let through. */
    json_bad(&c, LIT("{}\0"), __LINE__);
    json_bad(&c, LIT("{\"a\":1}\0\0\0"), __LINE__);
    json_bad(&c, LIT("{\"a\":NaN}"), __LINE__);
    json_bad(&c, LIT("{\"a\":Infinity}"), __LINE__);
    json_bad(&c, LIT("{\"a\":-Infinity}"), __LINE__);
    json_bad(&c, LIT("{'a':1}"), __LINE__);
    json_bad(&c, LIT("{\"a\":'x'}"), __LINE__);
    json_bad(&c, LIT("{\"a\":1.}"), __LINE__);
    json_bad(&c, LIT("{\"a\":.5}"), __LINE__);
    json_bad(&c, LIT("{\"a\":1e}"), __LINE__);
    json_bad(&c, LIT("{\"a\":+1}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"x\ny\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"x\x01y\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":\"\\x\"}"), __LINE__);
    json_bad(&c, LIT("{\"a\":tru}"), __LINE__);
    json_bad(&c, LIT("{\"a\" 1}"), __LINE__);
    json_bad(&c, LIT("{\"a\":1 \"b\":2}"), __LINE__);
    pair_arena_free(c.arena);
}

TEST(json_strict_accepts)
{
    struct pair_call c = new_call();
    static const char *const good[] = {
        "{}",
        " {\"a\" : [ 1 , -0.5e+3 , 0 , 1E9 , true , false , null ] } ",
        "{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}",
        "{\"a\":{\"b\":{\"c\":[[],{}]}}}",
        "\t{\"k\":\"\xc3\xa9\xf0\x9f\x98\x80\"}\r\n",
    };
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        enum pair_err e;
        json_object *o = parse_j(&c, (struct pair_str){good[i], strlen(good[i])}, &e);
        if (e != PAIR_OK || o == NULL)
            test_fail_(__FILE__, __LINE__, "body %s gave %d (%s)", good[i], e,
                       c.detail ? c.detail : "");
    }
    pair_arena_free(c.arena);
}

TEST(json_invalid_utf8_detail)
{
    struct pair_call c = new_call();
    enum pair_err e;
    CHECK(parse_j(&c, LIT("{\"a\":\"\xFF\"}"), &e) == NULL);
    CHECK_INTEQ(e, PAIR_E_JSON);
    CHECK(c.detail != NULL && strstr(c.detail, "UTF-8") != NULL);
    CHECK(parse_j(&c, LIT("[1]"), &e) == NULL);
    CHECK(c.detail != NULL && strstr(c.detail, "object") != NULL);
    pair_arena_free(c.arena);
}

/* {"a": followed by depth-1 arrays: depth nested containers in all. */
static struct pair_str
nested(struct pair_call *c, int depth)
{
    char *p = pair_alloc(c->arena, 2 * (size_t)depth + 8);
    if (p == NULL)
        exit(1);
    size_t n = 0;
    n += (size_t)sprintf(p, "{\"a\":");
    for (int i = 1; i < depth; i++)
        p[n++] = '[';
    for (int i = 1; i < depth; i++)
        p[n++] = ']';
    p[n++] = '}';
    return (struct pair_str){p, n};
}

TEST(json_depth)
{
    struct pair_call c = new_call();
    enum pair_err e;
    CHECK(parse_j(&c, nested(&c, 2), &e) != NULL);
    CHECK(parse_j(&c, nested(&c, PAIR_JSON_DEPTH), &e) != NULL);
    CHECK_INTEQ(e, PAIR_OK);
    json_bad(&c, nested(&c, PAIR_JSON_DEPTH + 1), __LINE__);
    json_bad(&c, nested(&c, 1000), __LINE__);
    json_bad(&c, nested(&c, 100000), __LINE__);
    pair_arena_free(c.arena);
}

TEST(json_owned_by_arena)
{
    /* Parsed objects are put when the arena clears: LeakSanitizer reports
     * any that is not. Failures after a partial parse must not leak either. */
    struct pair_call c = new_call();
    enum pair_err e;
    for (int i = 0; i < 200; i++) {
        CHECK(parse_j(&c, LIT("{\"a\":[1,2,{\"b\":\"c\"}]}"), &e) != NULL);
        CHECK(parse_j(&c, LIT("[1,2,{\"b\":\"c\"}]"), &e) == NULL);
        CHECK(parse_j(&c, LIT("{\"a\":1} trailing"), &e) == NULL);
        CHECK(parse_j(&c, LIT("{\"a\":[1,2"), &e) == NULL);
        pair_arena_clear(c.arena);
    }
    json_object *o = pair_json_object(&c);
    REQUIRE(o != NULL);
    json_object_object_add(o, "k", json_object_new_string("v"));
    CHECK(pair_json_own(&c, NULL) == NULL);
    pair_arena_free(c.arena);
}

TEST(json_text)
{
    struct pair_call c = new_call();
    json_object *o = pair_json_object(&c);
    REQUIRE(o != NULL);
    json_object_object_add(o, "path", json_object_new_string("a/b 日"));
    json_object_object_add(o, "n", json_object_new_int(3));
    struct pair_str t = pair_json_text(&c, o);
    CHECK_PSTREQ(t, "{\"path\":\"a/b 日\",\"n\":3}");
    pair_arena_free(c.arena);
}

/* An input with both a body and a query, as a handler sees it. */
static struct pair_input
make_input(struct pair_call *c)
{
    static const char body[] =
        "{\"username\":\"alice\",\"limit\":5,\"neg\":-1,\"frac\":2.5,\"yes\":true,\"no\":false,"
        "\"numstr\":\"5\",\"nul\":null,\"big\":99999999999999999999,\"arr\":[],\"obj\":{},"
        "\"slash\":\"\\\\ud800\",\"zero\":0,\"max\":1000000000000,\"over\":1000000000001,"
        "\"exp\":1e2,\"negbig\":-99999999999999999999,\"empty\":\"\"}";
    static const char query[] = "username=bob&limit=7&roomId=r1&onlyq=q&version=12&version=13";
    struct pair_input in = {0};
    if (pair_json_parse(c, LIT(body), &in.body) != PAIR_OK ||
        pair_query_parse(c, query, sizeof(query) - 1, &in.query, &in.nquery) != PAIR_OK) {
        fprintf(stderr, "make_input: %s\n", c->detail != NULL ? c->detail : "?");
        exit(1);
    }
    return in;
}

static void
get_ok(struct pair_call *c, const struct pair_input *in, const char *key, enum pair_kind kind,
       const char *want, int line)
{
    struct pair_str out = {"untouched", 9};
    bool found = false;
    c->detail = NULL;
    enum pair_err e = pair_input_get(c, in, key, kind, &out, &found);
    if (e != PAIR_OK || !found || out.ptr == NULL || out.len != strlen(want) ||
        memcmp(out.ptr, want, out.len) != 0)
        test_fail_(__FILE__, line, "get %s: e=%d found=%d \"%.*s\", want \"%s\"", key, e, found,
                   out.ptr != NULL ? (int)out.len : 0, out.ptr != NULL ? out.ptr : "", want);
}

static void
get_bad(struct pair_call *c, const struct pair_input *in, const char *key, enum pair_kind kind,
        int line)
{
    struct pair_str out = {"untouched", 9};
    bool found = true;
    c->detail = NULL;
    enum pair_err e = pair_input_get(c, in, key, kind, &out, &found);
    if (e != PAIR_E_INVALID)
        test_fail_(__FILE__, line, "get %s as %s: e=%d \"%.*s\", want PAIR_E_INVALID", key,
                   kind == PAIR_STRING ? "string" : "integer", e, (int)out.len, out.ptr);
    else if (c->detail == NULL || strstr(c->detail, key) == NULL)
        test_fail_(__FILE__, line, "get %s: detail %s does not name the field", key,
                   c->detail != NULL ? c->detail : "(null)");
    /* A kind error is never mistaken for a value. */
    if (found)
        test_fail_(__FILE__, line, "get %s: found set on failure", key);
}

TEST(input_precedence)
{
    struct pair_call c = new_call();
    struct pair_input in = make_input(&c);
    get_ok(&c, &in, "username", PAIR_STRING, "alice", __LINE__); /* body, not query's bob */
    get_ok(&c, &in, "limit", PAIR_INTEGER, "5", __LINE__);       /* body, not query's 7 */
    get_ok(&c, &in, "roomId", PAIR_STRING, "r1", __LINE__);      /* only in the query */
    get_ok(&c, &in, "version", PAIR_INTEGER, "12", __LINE__);    /* first of the query's */
    /* Query values are raw text whatever the kind: the validator judges. */
    get_ok(&c, &in, "onlyq", PAIR_INTEGER, "q", __LINE__);
    get_ok(&c, &in, "zero", PAIR_INTEGER, "0", __LINE__);
    get_ok(&c, &in, "max", PAIR_INTEGER, "1000000000000", __LINE__);
    get_ok(&c, &in, "empty", PAIR_STRING, "", __LINE__);
    get_ok(&c, &in, "numstr", PAIR_STRING, "5", __LINE__);

    /* Without a body the query answers. */
    struct pair_input qonly = in;
    qonly.body = NULL;
    get_ok(&c, &qonly, "username", PAIR_STRING, "bob", __LINE__);
    get_ok(&c, &qonly, "limit", PAIR_INTEGER, "7", __LINE__);
    pair_arena_free(c.arena);
}

TEST(input_wrong_types)
{
    struct pair_call c = new_call();
    struct pair_input in = make_input(&c);
    get_bad(&c, &in, "limit", PAIR_STRING, __LINE__);     /* number for a string */
    get_bad(&c, &in, "username", PAIR_INTEGER, __LINE__); /* string for a number */
    get_bad(&c, &in, "numstr", PAIR_INTEGER, __LINE__);   /* "5" is still a string */
    get_bad(&c, &in, "yes", PAIR_STRING, __LINE__);
    get_bad(&c, &in, "yes", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "no", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "frac", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "exp", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "neg", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "over", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "big", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "negbig", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "nul", PAIR_STRING, __LINE__);
    get_bad(&c, &in, "nul", PAIR_INTEGER, __LINE__);
    get_bad(&c, &in, "arr", PAIR_STRING, __LINE__);
    get_bad(&c, &in, "obj", PAIR_STRING, __LINE__);
    get_bad(&c, &in, "obj", PAIR_INTEGER, __LINE__);
    get_ok(&c, &in, "slash", PAIR_STRING, "\\ud800", __LINE__); /* an escaped backslash */
    /* A wrong body type is not rescued by a good query value. */
    get_bad(&c, &in, "limit", PAIR_STRING, __LINE__);
    pair_arena_free(c.arena);
}

TEST(input_missing)
{
    struct pair_call c = new_call();
    struct pair_input in = make_input(&c);
    struct pair_str out = {"untouched", 9};
    bool found = true;
    CHECK_INTEQ(pair_input_get(&c, &in, "nope", PAIR_STRING, &out, &found), PAIR_OK);
    CHECK(!found);
    CHECK_PSTREQ(out, "untouched");
    CHECK_INTEQ(pair_input_get(&c, &in, "nope", PAIR_INTEGER, &out, &found), PAIR_OK);
    CHECK(!found);

    c.detail = NULL;
    CHECK_INTEQ(pair_input_need(&c, &in, "code", PAIR_STRING, &out), PAIR_E_INVALID);
    CHECK(c.detail != NULL && strstr(c.detail, "code") != NULL);
    CHECK_PSTREQ(out, "untouched");
    c.detail = NULL;
    CHECK_INTEQ(pair_input_need(&c, &in, "baseVersion", PAIR_INTEGER, &out), PAIR_E_INVALID);
    CHECK(c.detail != NULL && strstr(c.detail, "baseVersion") != NULL);
    /* need passes a kind error through. */
    c.detail = NULL;
    CHECK_INTEQ(pair_input_need(&c, &in, "frac", PAIR_INTEGER, &out), PAIR_E_INVALID);
    CHECK(c.detail != NULL && strstr(c.detail, "frac") != NULL);
    CHECK_INTEQ(pair_input_need(&c, &in, "username", PAIR_STRING, &out), PAIR_OK);
    CHECK_PSTREQ(out, "alice");
    CHECK_INTEQ(pair_input_need(&c, &in, "roomId", PAIR_STRING, &out), PAIR_OK);
    CHECK_PSTREQ(out, "r1");

    /* No body and no query at all. */
    struct pair_input none = {0};
    found = true;
    CHECK_INTEQ(pair_input_get(&c, &none, "username", PAIR_STRING, &out, &found), PAIR_OK);
    CHECK(!found);
    CHECK_INTEQ(pair_input_need(&c, &none, "username", PAIR_STRING, &out), PAIR_E_INVALID);
    pair_arena_free(c.arena);
}

TEST(input_then_validate)
{
    /* The path a handler takes: get, then validate what came back. */
    struct pair_call c = new_call();
    struct pair_input in = make_input(&c);
    struct pair_str s;
    const char *name = NULL;
    int limit = 0;
    REQUIRE(pair_input_need(&c, &in, "username", PAIR_STRING, &s) == PAIR_OK);
    CHECK_INTEQ(pair_check_username(&c, s, &name), PAIR_OK);
    CHECK_STREQ(name, "alice");
    REQUIRE(pair_input_need(&c, &in, "limit", PAIR_INTEGER, &s) == PAIR_OK);
    CHECK_INTEQ(pair_check_limit(&c, "limit", s, &limit), PAIR_OK);
    CHECK_INTEQ(limit, 5);
    REQUIRE(pair_input_need(&c, &in, "max", PAIR_INTEGER, &s) == PAIR_OK);
    long long n = 0;
    CHECK_INTEQ(pair_check_count(&c, "max", s, &n), PAIR_OK);
    CHECK_INTEQ(n, 1000000000000LL);
    pair_arena_free(c.arena);
}

TEST_MAIN()
