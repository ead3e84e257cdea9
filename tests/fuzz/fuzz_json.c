/*
 * fuzz_json.c: libFuzzer target for JSON request bodies.
 *
 * The input is a request body. When pair_json_parse accepts it, it must be
 * valid UTF-8 and an object, and its compact text must parse again to the
 * same object. Then the fields a handler asks for are fetched as both kinds
 * (with a query string behind the body), as is every key the object has;
 * what comes back must be what the kind promises, and goes through the
 * validators.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/input.h"
#include "../../fcgi/validate.h"
#include "fuzz.h"

/* Fields the handlers ask for, and a query behind the body carrying some. */
static const char *const fields[] = {"username", "roomId", "limit", "code", "version"};
static const char query[] = "username=q+user&limit=3&version=9&roomId=fromquery";

/* Fetches key as kind and checks what comes back. */
static void
fetch(struct pair_call *c, const struct pair_input *in, const char *key, enum pair_kind kind)
{
    struct pair_str out = {"sentinel", 8};
    bool found = true;
    c->detail = NULL;
    enum pair_err e = pair_input_get(c, in, key, kind, &out, &found);
    if (e != PAIR_OK) {
        ENSURE(e == PAIR_E_INVALID && !found && c->detail != NULL);
        /* The detail names the field (unless pair_fail's buffer cut it). */
        ENSURE(strlen(key) > 400 || strstr(c->detail, key) != NULL);
        return;
    }
    if (!found) {
        ENSURE(out.len == 8 && memcmp(out.ptr, "sentinel", 8) == 0);
        return;
    }
    ENSURE(out.ptr != NULL && pair_utf8_valid(out.ptr, out.len));
    json_object *v = NULL;
    bool from_body = in->body != NULL && json_object_object_get_ex(in->body, key, &v);
    if (from_body && kind == PAIR_STRING) {
        ENSURE(json_object_is_type(v, json_type_string));
        ENSURE((size_t)json_object_get_string_len(v) == out.len);
    }
    if (from_body && kind == PAIR_INTEGER) {
        /* Decimal text, no sign, no leading zero, within the count range. */
        ENSURE(json_object_is_type(v, json_type_int));
        ENSURE(out.len >= 1 && out.len <= 13);
        ENSURE(out.len == 1 || out.ptr[0] != '0');
        long long n = -1;
        c->detail = NULL;
        ENSURE(pair_check_count(c, key, out, &n) == PAIR_OK);
        ENSURE(n >= 0 && n <= 1000000000000LL && n == json_object_get_int64(v));
    }

    /* Validators: any answer is fine, but a pass hands back sane values. */
    const char *s = NULL;
    if (strcmp(key, "roomId") == 0) {
        c->detail = NULL;
        e = pair_check_room_id(c, out, &s);
        ENSURE(e == PAIR_OK ? s != NULL && strlen(s) == out.len && out.len <= PAIR_ROOM_ID_MAX
                            : e == PAIR_E_INVALID && c->detail != NULL);
    } else if (strcmp(key, "username") == 0) {
        c->detail = NULL;
        e = pair_check_username(c, out, &s);
        ENSURE(e == PAIR_OK ? s != NULL && strlen(s) <= out.len && pair_utf8_valid(s, strlen(s))
                            : e == PAIR_E_INVALID && c->detail != NULL);
    } else if (strcmp(key, "limit") == 0) {
        int limit = 0;
        c->detail = NULL;
        e = pair_check_limit(c, key, out, &limit);
        ENSURE(e == PAIR_OK ? limit >= PAIR_LIMIT_MIN && limit <= PAIR_LIMIT_MAX
                            : e == PAIR_E_INVALID && c->detail != NULL);
    } else if (strcmp(key, "version") == 0) {
        long long n = 0;
        c->detail = NULL;
        e = pair_check_count(c, key, out, &n);
        ENSURE(e == PAIR_OK ? n >= 0 && n <= (1LL << 53)
                            : e == PAIR_E_INVALID && c->detail != NULL);
    }
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (pair_validate_init() != 0)
        abort();
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pair_call c = {0};
    c.arena = pair_arena_new();
    ENSURE(c.arena != NULL);
    struct pair_str body = {(const char *)data, size};
    struct pair_input in = {0};
    enum pair_err e = pair_json_parse(&c, body, &in.body);
    if (e != PAIR_OK) {
        ENSURE(e == PAIR_E_JSON && c.detail != NULL && in.body == NULL);
        pair_arena_free(c.arena);
        return 0;
    }
    ENSURE(in.body != NULL && json_object_is_type(in.body, json_type_object));
    ENSURE(pair_utf8_valid(body.ptr, body.len));

    /* What we accept, written back compactly, is accepted again as the same
     * object. */
    struct pair_str text = pair_json_text(&c, in.body);
    ENSURE(text.ptr != NULL);
    json_object *again = NULL;
    c.detail = NULL;
    e = pair_json_parse(&c, text, &again);
    if (e != PAIR_OK)
        fprintf(stderr, "re-parse of %.*s failed: %s\n", (int)text.len, text.ptr,
                c.detail != NULL ? c.detail : "?");
    ENSURE(e == PAIR_OK);
    /* Same object: compared by text, since json_object_equal says NaN is not
     * NaN (json-c's strict mode lets NaN through). */
    struct pair_str text2 = pair_json_text(&c, again);
    ENSURE(text2.ptr != NULL && text2.len == text.len &&
           memcmp(text.ptr, text2.ptr, text.len) == 0);

    ENSURE(pair_query_parse(&c, query, sizeof(query) - 1, &in.query, &in.nquery) == PAIR_OK);
    for (size_t f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
        fetch(&c, &in, fields[f], PAIR_STRING);
        fetch(&c, &in, fields[f], PAIR_INTEGER);
        struct pair_str out;
        c.detail = NULL;
        e = pair_input_need(&c, &in, fields[f], PAIR_STRING, &out);
        ENSURE(e == PAIR_OK || (e == PAIR_E_INVALID && c.detail != NULL));
    }
    /* Every key the body has, both kinds, body alone. */
    struct pair_input body_only = {.body = in.body};
    json_object_object_foreach(in.body, key, val)
    {
        (void)val;
        fetch(&c, &body_only, key, PAIR_STRING);
        fetch(&c, &body_only, key, PAIR_INTEGER);
    }
    pair_arena_free(c.arena);
    return 0;
}
