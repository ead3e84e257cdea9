/*
 * fuzz_query.c: libFuzzer target for query strings.
 *
 * The input is a raw query string. It is parsed; every decoded key and value
 * must be valid UTF-8, NUL-terminated and no longer than the input; lookups
 * must return the first pair with the key; and every value goes through the
 * validators, whose answers are checked against simple oracles written here.
 * pair_utf8_valid is also compared with an independent validator on the raw
 * input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/input.h"
#include "../../fcgi/validate.h"
#include "fuzz.h"

/* Table 3-7 of the Unicode standard, as ranges per lead byte. */
static bool
ref_utf8_valid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (len - i < n || s[i + 1] < lo || s[i + 1] > hi)
            return false;
        for (size_t k = 2; k < n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return false;
        i += n;
    }
    return true;
}

static bool
is_digits(struct pair_str s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] < '0' || s.ptr[i] > '9')
            return false;
    return s.len > 0;
}

static bool
is_ascii_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Runs the four validators on v and checks each answer. */
static void
check_validators(struct pair_call *c, struct pair_str v)
{
    /* Room id: the oracle is the pattern itself, by hand. */
    bool room_ok = v.len >= 1 && v.len <= PAIR_ROOM_ID_MAX;
    for (size_t i = 0; i < v.len && room_ok; i++) {
        char ch = v.ptr[i];
        room_ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
    }
    const char *room = NULL;
    c->detail = NULL;
    enum pair_err e = pair_check_room_id(c, v, &room);
    ENSURE(e == (room_ok ? PAIR_OK : PAIR_E_INVALID));
    if (e == PAIR_OK)
        ENSURE(room != NULL && strlen(room) == v.len && memcmp(room, v.ptr, v.len) == 0);
    else
        ENSURE(c->detail != NULL);

    /* Username: whatever passes is trimmed, UTF-8, 3-32 code points, and
     * its ASCII characters are only letters, digits, space, '_', '-', '.'. */
    const char *name = NULL;
    c->detail = NULL;
    e = pair_check_username(c, v, &name);
    if (e == PAIR_OK) {
        size_t n = strlen(name), chars = 0;
        ENSURE(n > 0 && n <= v.len && pair_utf8_valid(name, n));
        ENSURE(memmem(v.ptr, v.len, name, n) != NULL);
        ENSURE(!is_ascii_space(name[0]) && !is_ascii_space(name[n - 1]));
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)name[i];
            chars += (ch & 0xC0) != 0x80;
            if (ch < 0x80)
                ENSURE((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                       (ch >= '0' && ch <= '9') || ch == ' ' || ch == '_' || ch == '-' ||
                       ch == '.');
        }
        ENSURE(chars >= PAIR_USERNAME_MIN && chars <= PAIR_USERNAME_MAX);
    } else {
        ENSURE(e == PAIR_E_INVALID && c->detail != NULL);
    }
    /* For ASCII input the rule is simple enough to predict exactly. */
    bool ascii = true;
    for (size_t i = 0; i < v.len; i++)
        ascii = ascii && (unsigned char)v.ptr[i] < 0x80;
    if (ascii) {
        size_t lo = 0, hi = v.len;
        while (lo < hi && is_ascii_space(v.ptr[lo]))
            lo++;
        while (hi > lo && is_ascii_space(v.ptr[hi - 1]))
            hi--;
        bool user_ok = hi - lo >= PAIR_USERNAME_MIN && hi - lo <= PAIR_USERNAME_MAX;
        for (size_t i = lo; i < hi && user_ok; i++) {
            char ch = v.ptr[i];
            user_ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                      (ch >= '0' && ch <= '9') || ch == ' ' || ch == '_' || ch == '-' || ch == '.';
        }
        ENSURE((e == PAIR_OK) == user_ok);
    }

    /* Limit and count: plain digits, at most 16 of them, in range. */
    long long want = -1;
    if (is_digits(v) && v.len <= 16) {
        want = 0;
        for (size_t i = 0; i < v.len; i++)
            want = want * 10 + (v.ptr[i] - '0');
    }
    int limit = -1;
    c->detail = NULL;
    e = pair_check_limit(c, "limit", v, &limit);
    if (want >= PAIR_LIMIT_MIN && want <= PAIR_LIMIT_MAX)
        ENSURE(e == PAIR_OK && limit == want);
    else
        ENSURE(e == PAIR_E_INVALID && c->detail != NULL && strstr(c->detail, "limit") != NULL);
    long long count = -1;
    c->detail = NULL;
    e = pair_check_count(c, "version", v, &count);
    if (want >= 0 && want <= (1LL << 53))
        ENSURE(e == PAIR_OK && count == want);
    else
        ENSURE(e == PAIR_E_INVALID && c->detail != NULL && strstr(c->detail, "version") != NULL);
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
    const char *qs = (const char *)data;
    ENSURE(pair_utf8_valid(qs, size) == ref_utf8_valid(data, size));

    struct pair_call c = {0};
    c.arena = pair_arena_new();
    ENSURE(c.arena != NULL);
    struct pair_kv *kv = NULL;
    size_t n = 0;
    enum pair_err e = pair_query_parse(&c, qs, size, &kv, &n);
    if (e != PAIR_OK) {
        ENSURE(e == PAIR_E_INVALID && c.detail != NULL);
        pair_arena_free(c.arena);
        return 0;
    }
    size_t amps = 0;
    for (size_t i = 0; i < size; i++)
        amps += data[i] == '&';
    ENSURE(n <= amps + 1);
    ENSURE(n == 0 || kv != NULL);
    for (size_t i = 0; i < n; i++) {
        const struct pair_str *s[2] = {&kv[i].key, &kv[i].value};
        for (int k = 0; k < 2; k++) {
            ENSURE(s[k]->ptr != NULL && s[k]->len <= size);
            ENSURE(s[k]->ptr[s[k]->len] == '\0');
            ENSURE(pair_utf8_valid(s[k]->ptr, s[k]->len));
        }
        ENSURE(kv[i].key.len + kv[i].value.len <= size);
        /* The lookup answers with the first pair of that key. Keys with a
         * NUL cannot be asked for by a C string. */
        if (memchr(kv[i].key.ptr, '\0', kv[i].key.len) == NULL) {
            size_t first = 0;
            while (!(kv[first].key.len == kv[i].key.len &&
                     memcmp(kv[first].key.ptr, kv[i].key.ptr, kv[i].key.len) == 0))
                first++;
            ENSURE(pair_query_get(kv, n, kv[i].key.ptr) == &kv[first].value);
        }
        check_validators(&c, kv[i].value);
    }
    /* Lookups of keys that may or may not be there. */
    static const char *const keys[] = {"token", "username", "roomId", "limit", "version", ""};
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
        const struct pair_str *v = pair_query_get(kv, n, keys[k]);
        if (v != NULL)
            ENSURE(v->len == strlen(v->ptr) || memchr(v->ptr, '\0', v->len) != NULL);
    }
    pair_arena_free(c.arena);
    return 0;
}
