/*
 * test_validate.c: fcgi/validate.c: UTF-8, room ids, usernames, limits and
 * counts.
 */
#include "../../fcgi/validate.h"
#include "test.h"

static struct pair_call
new_call(void)
{
    return test_call(pair_validate_init);
}

/* The well-formed byte sequences of Unicode 15 table 3-7, written out as
 * ranges: an independent reference for pair_utf8_valid. */
static bool
ref_utf8_valid(const unsigned char *s, size_t len)
{
    static const struct {
        unsigned char lead_lo, lead_hi, n, lo1, hi1;
    } forms[] = {
        {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF}, {0xE1, 0xEC, 3, 0x80, 0xBF},
        {0xED, 0xED, 3, 0x80, 0x9F}, {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
        {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},
    };
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t f = 0, nforms = sizeof(forms) / sizeof(forms[0]);
        while (f < nforms && !(s[i] >= forms[f].lead_lo && s[i] <= forms[f].lead_hi))
            f++;
        if (f == nforms || len - i < forms[f].n)
            return false;
        if (s[i + 1] < forms[f].lo1 || s[i + 1] > forms[f].hi1)
            return false;
        for (size_t k = 2; k < forms[f].n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return false;
        i += forms[f].n;
    }
    return true;
}

TEST(utf8_valid_forms)
{
    static const struct pair_str ok[] = {
        LIT(""),
        LIT("a"),
        LIT("a\0b"),
        LIT("\x7F"),
        LIT("\xC2\x80"),         /* U+0080 */
        LIT("\xC3\xA9"),         /* é */
        LIT("\xDF\xBF"),         /* U+07FF */
        LIT("\xE0\xA0\x80"),     /* U+0800 */
        LIT("\xE6\x97\xA5"),     /* 日 */
        LIT("\xED\x9F\xBF"),     /* U+D7FF, just below the surrogates */
        LIT("\xEE\x80\x80"),     /* U+E000, just above */
        LIT("\xEF\xBF\xBF"),     /* U+FFFF */
        LIT("\xF0\x90\x80\x80"), /* U+10000 */
        LIT("\xF0\x9F\x98\x80"), /* 😀 */
        LIT("\xF4\x8F\xBF\xBF"), /* U+10FFFF */
        LIT("Zo\xC3\xAB \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80!"),
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        if (!pair_utf8_valid(ok[i].ptr, ok[i].len))
            test_fail_(__FILE__, __LINE__, "valid case %zu rejected", i);
}

TEST(utf8_invalid_forms)
{
    static const struct pair_str bad[] = {
        LIT("\x80"), /* lone continuation */
        LIT("\xBF"),
        LIT("\xC0\x80"),                 /* overlong NUL */
        LIT("\xC1\xBF"),                 /* overlong 2-byte */
        LIT("\xE0\x80\x80"),             /* overlong 3-byte */
        LIT("\xE0\x9F\xBF"),             /* overlong U+07FF */
        LIT("\xF0\x80\x80\x80"),         /* overlong 4-byte */
        LIT("\xF0\x8F\xBF\xBF"),         /* overlong U+FFFF */
        LIT("\xED\xA0\x80"),             /* U+D800 */
        LIT("\xED\xAF\xBF"),             /* U+DBFF */
        LIT("\xED\xB0\x80"),             /* U+DC00 */
        LIT("\xED\xBF\xBF"),             /* U+DFFF */
        LIT("\xED\xA0\xBD\xED\xB8\x80"), /* 😀 as CESU-8 surrogates */
        LIT("\xF4\x90\x80\x80"),         /* U+110000 */
        LIT("\xF5\x80\x80\x80"),
        LIT("\xF7\xBF\xBF\xBF"),
        LIT("\xF8\x88\x80\x80\x80"), /* 5-byte form */
        LIT("\xFE"),
        LIT("\xFF"),
        LIT("\xC3"),         /* truncated 2-byte */
        LIT("\xE6\x97"),     /* truncated 3-byte */
        LIT("\xF0\x9F\x98"), /* truncated 4-byte */
        LIT("abc\xC3"),      /* truncated at the end */
        LIT("\xC3\x28"),     /* bad continuation */
        LIT("\xE6\x28\xA5"),
        LIT("\xF0\x9F\x28\x80"),
        LIT("\xE6\x97\xA5\x80"), /* stray continuation after a character */
        LIT("ok\xFFok"),
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (pair_utf8_valid(bad[i].ptr, bad[i].len))
            test_fail_(__FILE__, __LINE__, "invalid case %zu accepted", i);
}

TEST(utf8_reads_only_len)
{
    /* A valid character cut by len is a truncated one. */
    CHECK(!pair_utf8_valid("\xE6\x97\xA5", 2));
    CHECK(!pair_utf8_valid("\xF0\x9F\x98\x80", 3));
    CHECK(pair_utf8_valid("ab\xFF", 2));
    CHECK(pair_utf8_valid(NULL, 0));
    /* A heap buffer with no NUL after it: ASan catches a read past len. */
    char *p = malloc(3);
    REQUIRE(p != NULL);
    memcpy(p, "\xE6\x97\xA5", 3);
    CHECK(pair_utf8_valid(p, 3));
    CHECK(!pair_utf8_valid(p, 1));
    free(p);
}

TEST(utf8_exhaustive_short)
{
    /* Every sequence of 1-2 bytes, and every 3-byte one with an E0-EF lead,
     * against the table-driven reference. */
    unsigned char b[3];
    int mismatches = 0;
    for (int x = 0; x < 256; x++) {
        b[0] = (unsigned char)x;
        if (pair_utf8_valid((char *)b, 1) != ref_utf8_valid(b, 1))
            mismatches++;
        for (int y = 0; y < 256; y++) {
            b[1] = (unsigned char)y;
            if (pair_utf8_valid((char *)b, 2) != ref_utf8_valid(b, 2))
                mismatches++;
        }
    }
    for (int x = 0xE0; x <= 0xEF; x++)
        for (int y = 0; y < 256; y++)
            for (int z = 0; z < 256; z++) {
                b[0] = (unsigned char)x;
                b[1] = (unsigned char)y;
                b[2] = (unsigned char)z;
                bool got = pair_utf8_valid((char *)b, 3), want = ref_utf8_valid(b, 3);
                if (got != want && mismatches++ < 5)
                    test_fail_(__FILE__, __LINE__, "%02X %02X %02X: got %d want %d", x, y, z, got,
                               want);
            }
    CHECK_INTEQ(mismatches, 0);
}

TEST(utf8_exhaustive_four_bytes)
{
    /* Leads F0-F7 with every second byte and a sample of the others. */
    static const unsigned char tail[] = {0x00, 0x7F, 0x80, 0x8F, 0x90,
                                         0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    unsigned char b[4];
    int mismatches = 0;
    for (int x = 0xF0; x <= 0xF7; x++)
        for (int y = 0; y < 256; y++)
            for (size_t z = 0; z < sizeof(tail); z++)
                for (size_t w = 0; w < sizeof(tail); w++) {
                    b[0] = (unsigned char)x;
                    b[1] = (unsigned char)y;
                    b[2] = tail[z];
                    b[3] = tail[w];
                    bool got = pair_utf8_valid((char *)b, 4), want = ref_utf8_valid(b, 4);
                    if (got != want && mismatches++ < 5)
                        test_fail_(__FILE__, __LINE__, "%02X %02X %02X %02X: got %d want %d", x, y,
                                   b[2], b[3], got, want);
                }
    CHECK_INTEQ(mismatches, 0);
}

/* Room id check: expect success with the same text back, or PAIR_E_INVALID
 * with a detail naming the field. */
static void
room_ok(struct pair_call *c, struct pair_str in, int line)
{
    const char *out = NULL;
    c->detail = NULL;
    enum pair_err e = pair_check_room_id(c, in, &out);
    if (e != PAIR_OK || out == NULL || strlen(out) != in.len || memcmp(out, in.ptr, in.len) != 0)
        test_fail_(__FILE__, line, "room id \"%.*s\" rejected (%d, %s)", (int)in.len, in.ptr, e,
                   c->detail != NULL ? c->detail : "-");
    else if (out == in.ptr)
        test_fail_(__FILE__, line, "room id not copied into the arena");
}

static void
room_bad(struct pair_call *c, struct pair_str in, int line)
{
    const char *out = NULL;
    c->detail = NULL;
    enum pair_err e = pair_check_room_id(c, in, &out);
    if (e != PAIR_E_INVALID)
        test_fail_(__FILE__, line, "room id \"%.*s\" gave %d, want PAIR_E_INVALID", (int)in.len,
                   in.ptr, e);
    else if (c->detail == NULL || strstr(c->detail, "roomId") == NULL)
        test_fail_(__FILE__, line, "room id detail does not name the field: %s",
                   c->detail != NULL ? c->detail : "(null)");
}

TEST(room_ids)
{
    struct pair_call c = new_call();
    char id64[65], id65[66];
    memset(id64, 'a', 64);
    id64[64] = '\0';
    memset(id65, 'Z', 65);
    id65[65] = '\0';

    room_ok(&c, LIT("a"), __LINE__);
    room_ok(&c, LIT("abc"), __LINE__);
    room_ok(&c, LIT("Room_42-x"), __LINE__);
    room_ok(&c, LIT("-_-"), __LINE__);
    room_ok(&c, (struct pair_str){id64, 64}, __LINE__);
    /* Only len bytes count: the 65-char buffer cut at 64 is fine. */
    room_ok(&c, (struct pair_str){id65, 64}, __LINE__);

    room_bad(&c, LIT(""), __LINE__);
    room_bad(&c, (struct pair_str){NULL, 0}, __LINE__);
    room_bad(&c, (struct pair_str){id65, 65}, __LINE__);
    room_bad(&c, LIT("../x"), __LINE__);
    room_bad(&c, LIT("a/b"), __LINE__);
    room_bad(&c, LIT("a b"), __LINE__);
    room_bad(&c, LIT("a;DROP"), __LINE__);
    room_bad(&c, LIT("a.b"), __LINE__);
    room_bad(&c, LIT("abc\n"), __LINE__); /* '$' must not match before a final newline */
    room_bad(&c, LIT("\nabc"), __LINE__);
    room_bad(&c, LIT("ab\0c"), __LINE__);
    room_bad(&c, LIT("caf\xC3\xA9"), __LINE__);
    room_bad(&c, LIT("ab\xFF"), __LINE__);
    room_bad(&c, LIT("%41"), __LINE__);
    pair_arena_free(c.arena);
}

static void
user_ok(struct pair_call *c, struct pair_str in, const char *want, int line)
{
    const char *out = NULL;
    c->detail = NULL;
    enum pair_err e = pair_check_username(c, in, &out);
    if (e != PAIR_OK)
        test_fail_(__FILE__, line, "username \"%.*s\" rejected (%d, %s)", (int)in.len, in.ptr, e,
                   c->detail != NULL ? c->detail : "-");
    else if (out == NULL || strcmp(out, want) != 0)
        test_fail_(__FILE__, line, "username \"%.*s\" gave \"%s\", want \"%s\"", (int)in.len,
                   in.ptr, out != NULL ? out : "(null)", want);
}

static void
user_bad(struct pair_call *c, struct pair_str in, int line)
{
    const char *out = NULL;
    c->detail = NULL;
    enum pair_err e = pair_check_username(c, in, &out);
    if (e != PAIR_E_INVALID)
        test_fail_(__FILE__, line, "username \"%.*s\" gave %d (%s), want PAIR_E_INVALID",
                   (int)in.len, in.ptr, e, out != NULL ? out : "-");
    else if (c->detail == NULL || strstr(c->detail, "username") == NULL)
        test_fail_(__FILE__, line, "username detail does not name the field: %s",
                   c->detail != NULL ? c->detail : "(null)");
}

/* n copies of s, NUL-terminated, in the arena. */
static struct pair_str
repeat(struct pair_call *c, const char *s, int n)
{
    size_t l = strlen(s);
    char *p = pair_alloc(c->arena, l * (size_t)n + 1);
    if (p == NULL)
        exit(1);
    for (int i = 0; i < n; i++)
        memcpy(p + l * (size_t)i, s, l);
    return (struct pair_str){p, l * (size_t)n};
}

TEST(usernames)
{
    struct pair_call c = new_call();
    user_ok(&c, LIT("alice"), "alice", __LINE__);
    user_ok(&c, LIT("abc"), "abc", __LINE__);
    user_ok(&c, LIT("  alice  "), "alice", __LINE__);
    user_ok(&c, LIT("\t\r\n bob \n\v\f"), "bob", __LINE__);
    user_ok(&c, LIT("Ada Lovelace"), "Ada Lovelace", __LINE__);
    user_ok(&c, LIT("a.b-c_d"), "a.b-c_d", __LINE__);
    user_ok(&c, LIT("123"), "123", __LINE__);
    /* 日本語: 3 characters in 9 bytes. */
    user_ok(&c, LIT("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"), "日本語", __LINE__);
    /* Zoë precomposed, then with a combining diaeresis. */
    user_ok(&c, LIT("Zo\xC3\xAB"), "Zoë", __LINE__);
    user_ok(&c, LIT("Zoe\xCC\x88"), "Zoe\xCC\x88", __LINE__);
    /* Arabic-Indic digits. */
    user_ok(&c, LIT("\xD9\xA1\xD9\xA2\xD9\xA3"), "١٢٣", __LINE__);
    user_ok(&c, LIT("Ren\xC3\xA9\x65"), "Renée", __LINE__);

    /* Lengths are characters, not bytes. */
    user_bad(&c, LIT(""), __LINE__);
    user_bad(&c, LIT("ab"), __LINE__);
    user_bad(&c, LIT("  ab  "), __LINE__); /* 2 once trimmed */
    user_bad(&c, LIT("     "), __LINE__);
    user_bad(&c, LIT("\xE6\x97\xA5\xE6\x9C\xAC"), __LINE__); /* 日本: 2 chars, 6 bytes */
    user_bad(&c, LIT("\xC3\xA9\xC3\xA9"), __LINE__);         /* éé: 2 chars, 4 bytes */
    struct pair_str a32 = repeat(&c, "a", 32), a33 = repeat(&c, "a", 33);
    user_ok(&c, a32, a32.ptr, __LINE__);
    user_bad(&c, a33, __LINE__);
    struct pair_str j32 = repeat(&c, "日", 32), j33 = repeat(&c, "日", 33);
    user_ok(&c, j32, j32.ptr, __LINE__); /* 96 bytes */
    user_bad(&c, j33, __LINE__);
    /* U+1D49C MATHEMATICAL SCRIPT CAPITAL A is a letter of 4 bytes: 32 of
     * them are 128 bytes, the most a valid name can take. */
    struct pair_str m32 = repeat(&c, "\xF0\x9D\x92\x9C", 32);
    struct pair_str m33 = repeat(&c, "\xF0\x9D\x92\x9C", 33);
    user_ok(&c, m32, m32.ptr, __LINE__);
    user_bad(&c, m33, __LINE__);
    /* 32 characters padded with white space beyond 128 bytes: trimmed first. */
    struct pair_str padded = repeat(&c, " ", 200);
    char *pp = (char *)padded.ptr;
    memcpy(pp + 50, a32.ptr, 32);
    user_ok(&c, padded, a32.ptr, __LINE__);

    user_bad(&c, LIT("<script>"), __LINE__);
    user_bad(&c, LIT("<b>bob</b>"), __LINE__);
    user_bad(&c, LIT("bob\"s"), __LINE__);
    user_bad(&c, LIT("O'Brien"), __LINE__);
    user_bad(&c, LIT("a`b`c"), __LINE__);
    user_bad(&c, LIT("a\tb"), __LINE__); /* tab inside */
    user_bad(&c, LIT("a\nbc"), __LINE__);
    user_ok(&c, LIT("abc\n\n"), "abc", __LINE__); /* trailing newlines are trimmed */
    user_bad(&c, LIT("ab\0cd"), __LINE__);        /* NUL inside */
    user_bad(&c, LIT("abc;drop"), __LINE__);
    user_bad(&c, LIT("a/b/c"), __LINE__);
    user_bad(&c, LIT("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"), __LINE__); /* emoji */
    /* NBSP is neither trimmed nor allowed; nor is a zero-width space. */
    user_bad(&c, LIT("\xC2\xA0\x61\x62\x63"), __LINE__);
    user_bad(&c, LIT("abc\xE2\x80\x8B"), __LINE__);
    user_bad(&c, LIT("abc\xFF"), __LINE__);
    user_bad(&c, LIT("ab\xED\xA0\x80"), __LINE__); /* surrogate */
    /* An overlong '<' before "script". */
    user_bad(&c, LIT("\xC0\xBCscript"), __LINE__);
    pair_arena_free(c.arena);
}

TEST(username_invalid_utf8_detail)
{
    struct pair_call c = new_call();
    const char *out = NULL;
    CHECK_INTEQ(pair_check_username(&c, LIT("abc\xFF"), &out), PAIR_E_INVALID);
    CHECK(c.detail != NULL && strstr(c.detail, "UTF-8") != NULL);
    pair_arena_free(c.arena);
}

static void
limit_case(struct pair_call *c, struct pair_str in, int want, int line)
{
    int v = -12345;
    c->detail = NULL;
    enum pair_err e = pair_check_limit(c, "limit", in, &v);
    if (want > 0) {
        if (e != PAIR_OK || v != want)
            test_fail_(__FILE__, line, "limit \"%.*s\": got %d/%d, want %d", (int)in.len, in.ptr, e,
                       v, want);
    } else if (e != PAIR_E_INVALID) {
        test_fail_(__FILE__, line, "limit \"%.*s\" accepted as %d", (int)in.len, in.ptr, v);
    } else if (c->detail == NULL || strstr(c->detail, "limit") == NULL ||
               strstr(c->detail, "20") == NULL) {
        test_fail_(__FILE__, line, "limit detail: %s", c->detail != NULL ? c->detail : "(null)");
    }
}

TEST(limits)
{
    struct pair_call c = new_call();
    limit_case(&c, LIT("1"), 1, __LINE__);
    limit_case(&c, LIT("2"), 2, __LINE__);
    limit_case(&c, LIT("19"), 19, __LINE__);
    limit_case(&c, LIT("20"), 20, __LINE__);
    limit_case(&c, LIT("0"), 0, __LINE__);
    limit_case(&c, LIT("21"), 0, __LINE__);
    limit_case(&c, LIT("100"), 0, __LINE__);
    limit_case(&c, LIT("-1"), 0, __LINE__);
    limit_case(&c, LIT("+5"), 0, __LINE__);
    limit_case(&c, LIT("2.5"), 0, __LINE__);
    limit_case(&c, LIT("5.0"), 0, __LINE__);
    limit_case(&c, LIT(" 5"), 0, __LINE__);
    limit_case(&c, LIT("5 "), 0, __LINE__);
    limit_case(&c, LIT("5\n"), 0, __LINE__);
    limit_case(&c, LIT("5\0"), 0, __LINE__);
    limit_case(&c, LIT("abc"), 0, __LINE__);
    limit_case(&c, LIT("0x5"), 0, __LINE__);
    limit_case(&c, LIT("1e1"), 0, __LINE__);
    limit_case(&c, LIT(""), 0, __LINE__);
    limit_case(&c, LIT("99999999999999999999"), 0, __LINE__);
    limit_case(&c, LIT("18446744073709551617"), 0, __LINE__); /* 2^64 + 1 wraps to 1 */
    limit_case(&c, LIT("4294967297"), 0, __LINE__);           /* 2^32 + 1 */
    limit_case(&c, LIT("\xD9\xA5"), 0, __LINE__);             /* Arabic-Indic 5 */
    /* `what` names the field in the detail. */
    int v;
    CHECK_INTEQ(pair_check_limit(&c, "seats", LIT("0"), &v), PAIR_E_INVALID);
    CHECK(c.detail != NULL && strstr(c.detail, "seats") != NULL);
    pair_arena_free(c.arena);
}

static void
count_case(struct pair_call *c, struct pair_str in, bool ok, long long want, int line)
{
    long long v = -12345;
    c->detail = NULL;
    enum pair_err e = pair_check_count(c, "version", in, &v);
    if (ok) {
        if (e != PAIR_OK || v != want)
            test_fail_(__FILE__, line, "count \"%.*s\": got %d/%lld, want %lld", (int)in.len,
                       in.ptr, e, v, want);
    } else if (e != PAIR_E_INVALID) {
        test_fail_(__FILE__, line, "count \"%.*s\" accepted as %lld", (int)in.len, in.ptr, v);
    } else if (c->detail == NULL || strstr(c->detail, "version") == NULL) {
        test_fail_(__FILE__, line, "count detail: %s", c->detail != NULL ? c->detail : "(null)");
    }
}

TEST(counts)
{
    struct pair_call c = new_call();
    count_case(&c, LIT("0"), true, 0, __LINE__);
    count_case(&c, LIT("1"), true, 1, __LINE__);
    count_case(&c, LIT("123456"), true, 123456, __LINE__);
    count_case(&c, LIT("9007199254740991"), true, 9007199254740991LL, __LINE__);
    count_case(&c, LIT("9007199254740992"), true, 9007199254740992LL, __LINE__); /* 2^53 */
    count_case(&c, LIT("9007199254740993"), false, 0, __LINE__);
    count_case(&c, LIT("9999999999999999"), false, 0, __LINE__);
    count_case(&c, LIT("99999999999999999999"), false, 0, __LINE__);
    count_case(&c, LIT("18446744073709551616"), false, 0, __LINE__);
    count_case(&c, LIT("-1"), false, 0, __LINE__);
    count_case(&c, LIT("-0"), false, 0, __LINE__);
    count_case(&c, LIT("1.0"), false, 0, __LINE__);
    count_case(&c, LIT("2.5"), false, 0, __LINE__);
    count_case(&c, LIT(" 1"), false, 0, __LINE__);
    count_case(&c, LIT("1 "), false, 0, __LINE__);
    count_case(&c, LIT(""), false, 0, __LINE__);
    count_case(&c, LIT("abc"), false, 0, __LINE__);
    count_case(&c, LIT("1e3"), false, 0, __LINE__);
    count_case(&c, LIT("0x10"), false, 0, __LINE__);
    pair_arena_free(c.arena);
}

TEST(init_is_idempotent)
{
    CHECK_INTEQ(pair_validate_init(), 0);
    CHECK_INTEQ(pair_validate_init(), 0);
    pair_validate_fini();
    pair_validate_fini();
    /* And works again after a fini. */
    struct pair_call c = new_call();
    const char *out = NULL;
    CHECK_INTEQ(pair_check_room_id(&c, LIT("abc"), &out), PAIR_OK);
    pair_arena_free(c.arena);
    pair_validate_fini();
}

TEST_MAIN()
