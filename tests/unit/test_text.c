/*
 * test_text.c: fcgi/text.c: UTF-16 lengths and the change sets of
 * pair_text_diff, checked by applying them with a reference applier.
 */
#include <stdint.h>

#include "../../fcgi/input.h"
#include "../../fcgi/text.h"
#include "test.h"

/* A growable byte buffer on the heap. */
struct buf {
    char *p;
    size_t len, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (b->p == NULL)
            abort();
    }
    if (n > 0)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

/* Bytes of the UTF-8 character led by byte c. */
static size_t
char_bytes(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Moves *pos over n UTF-16 units of s; false when that runs past the end or
 * would stop between the two halves of a surrogate pair. */
static bool
advance(struct pair_str s, size_t *pos, long long n)
{
    while (n > 0) {
        if (*pos >= s.len)
            return false;
        size_t bytes = char_bytes((unsigned char)s.ptr[*pos]);
        long long units = bytes == 4 ? 2 : 1;
        if (units > n || *pos + bytes > s.len)
            return false;
        *pos += bytes;
        n -= units;
    }
    return true;
}

/*
 * The reference applier: walks a change set in CodeMirror's JSON form (a
 * number keeps that many UTF-16 units; [n, "l1", "l2", ...] deletes n units
 * and inserts the lines joined by "\n") over `from`. On success the result
 * is in *out (heap, caller frees), *covered holds the units kept or
 * deleted, *deleted and *inserted what the replaced part measured, and NULL
 * is returned; otherwise a description of what was wrong.
 */
static const char *
apply(json_object *cs, struct pair_str from, struct buf *out, long long *covered,
      long long *deleted, size_t *inserted)
{
    *covered = *deleted = 0;
    *inserted = 0;
    if (!json_object_is_type(cs, json_type_array))
        return "change set is not an array";
    size_t pos = 0, n = json_object_array_length(cs);
    for (size_t i = 0; i < n; i++) {
        json_object *part = json_object_array_get_idx(cs, i);
        if (json_object_is_type(part, json_type_int)) {
            long long keep = json_object_get_int64(part);
            if (keep <= 0)
                return "a kept length is not positive";
            size_t start = pos;
            if (!advance(from, &pos, keep))
                return "a kept length runs past the text or splits a character";
            buf_add(out, from.ptr + start, pos - start);
            *covered += keep;
            continue;
        }
        if (!json_object_is_type(part, json_type_array))
            return "a part is neither a number nor an array";
        size_t m = json_object_array_length(part);
        if (m == 0 || !json_object_is_type(json_object_array_get_idx(part, 0), json_type_int))
            return "a replacement does not start with a number";
        long long del = json_object_get_int64(json_object_array_get_idx(part, 0));
        if (del < 0)
            return "a deleted length is negative";
        if (del == 0 && m == 1)
            return "a replacement that does nothing";
        if (!advance(from, &pos, del))
            return "a deleted length runs past the text or splits a character";
        *covered += del;
        *deleted += del;
        for (size_t k = 1; k < m; k++) {
            json_object *line = json_object_array_get_idx(part, k);
            if (!json_object_is_type(line, json_type_string))
                return "an inserted line is not a string";
            if (k > 1) {
                buf_add(out, "\n", 1);
                ++*inserted;
            }
            size_t l = (size_t)json_object_get_string_len(line);
            if (memchr(json_object_get_string(line), '\n', l) != NULL)
                return "an inserted line holds a newline";
            buf_add(out, json_object_get_string(line), l);
            *inserted += l;
        }
    }
    if (pos != from.len)
        return "the change set does not cover the whole text";
    return NULL;
}

/* Code points of valid UTF-8 s (heap array, caller frees). */
static uint32_t *
code_points(struct pair_str s, size_t *n)
{
    uint32_t *cp = malloc((s.len + 1) * sizeof(*cp));
    if (cp == NULL)
        abort();
    *n = 0;
    for (size_t i = 0; i < s.len;) {
        const unsigned char *u = (const unsigned char *)s.ptr + i;
        size_t b = char_bytes(u[0]);
        uint32_t v = b == 1 ? u[0] : b == 2 ? u[0] & 0x1F : b == 3 ? u[0] & 0x0F : u[0] & 0x07;
        for (size_t k = 1; k < b; k++)
            v = (v << 6) | (u[k] & 0x3F);
        cp[(*n)++] = v;
        i += b;
    }
    return cp;
}

/* UTF-16 units of code points cp[lo..hi). */
static long long
units(const uint32_t *cp, size_t lo, size_t hi)
{
    long long u = 0;
    for (size_t i = lo; i < hi; i++)
        u += cp[i] > 0xFFFF ? 2 : 1;
    return u;
}

/* UTF-8 bytes of code points cp[lo..hi). */
static size_t
bytes_of(const uint32_t *cp, size_t lo, size_t hi)
{
    size_t b = 0;
    for (size_t i = lo; i < hi; i++)
        b += cp[i] < 0x80 ? 1 : cp[i] < 0x800 ? 2 : cp[i] < 0x10000 ? 3 : 4;
    return b;
}

/*
 * Diffs from and to, applies the change set (after a round trip through its
 * JSON text, as the browser gets it) and checks the result is `to`, that it
 * covers all of `from`, and that it replaces exactly the middle between the
 * longest common prefix and suffix of characters. Returns false (after
 * printing a failed check) when not. `want`, when not NULL, is the exact
 * JSON expected.
 */
static bool
check_diff(struct pair_call *c, struct pair_str from, struct pair_str to, const char *want,
           int line)
{
    json_object *cs = pair_text_diff(c, from, to);
    if (cs == NULL) {
        test_fail_(__FILE__, line, "pair_text_diff returned NULL");
        return false;
    }
    struct pair_str text = pair_json_text(c, cs);
    if (want != NULL && (text.ptr == NULL || strcmp(text.ptr, want) != 0)) {
        test_fail_(__FILE__, line, "diff \"%.*s\" -> \"%.*s\" is %s, want %s", (int)from.len,
                   from.ptr, (int)to.len, to.ptr, text.ptr != NULL ? text.ptr : "(null)", want);
        return false;
    }
    json_object *wire = json_tokener_parse(text.ptr != NULL ? text.ptr : "");
    struct buf out = {0};
    buf_add(&out, "", 0);
    long long covered, deleted;
    size_t inserted;
    const char *why = wire == NULL ? "the JSON text does not parse"
                                   : apply(wire, from, &out, &covered, &deleted, &inserted);
    bool ok = false;
    if (why != NULL) {
        test_fail_(__FILE__, line, "diff \"%.*s\" -> \"%.*s\" = %s: %s", (int)from.len, from.ptr,
                   (int)to.len, to.ptr, text.ptr, why);
    } else if (out.len != to.len || memcmp(out.p, to.ptr, to.len) != 0) {
        test_fail_(__FILE__, line, "diff \"%.*s\" -> \"%.*s\" = %s gives \"%s\"", (int)from.len,
                   from.ptr, (int)to.len, to.ptr, text.ptr, out.p);
    } else if ((size_t)covered != pair_utf16_len(from.ptr, from.len)) {
        test_fail_(__FILE__, line, "diff \"%.*s\" -> \"%.*s\" = %s covers %lld units, want %zu",
                   (int)from.len, from.ptr, (int)to.len, to.ptr, text.ptr, covered,
                   pair_utf16_len(from.ptr, from.len));
    } else {
        /* The middle by characters: what a prefix/suffix diff must replace. */
        size_t nf, nt;
        uint32_t *f = code_points(from, &nf), *t = code_points(to, &nt);
        size_t pre = 0, suf = 0, minn = nf < nt ? nf : nt;
        while (pre < minn && f[pre] == t[pre])
            pre++;
        /* The suffix may not reuse bytes the prefix took from the shorter
         * text (the diff works on bytes, then backs off to characters). */
        size_t room = (from.len < to.len ? from.len : to.len) - bytes_of(f, 0, pre);
        while (suf < minn - pre && f[nf - 1 - suf] == t[nt - 1 - suf] &&
               bytes_of(f, nf - 1 - suf, nf) <= room)
            suf++;
        long long want_del = units(f, pre, nf - suf);
        size_t want_ins = bytes_of(t, pre, nt - suf);
        if (deleted != want_del || inserted != want_ins)
            test_fail_(__FILE__, line,
                       "diff \"%.*s\" -> \"%.*s\" = %s deletes %lld units and inserts %zu "
                       "bytes, want %lld and %zu",
                       (int)from.len, from.ptr, (int)to.len, to.ptr, text.ptr, deleted, inserted,
                       want_del, want_ins);
        else
            ok = true;
        free(f);
        free(t);
    }
    json_object_put(wire);
    free(out.p);
    return ok;
}

TEST(utf16_len)
{
    CHECK_INTEQ(pair_utf16_len("", 0), 0);
    CHECK_INTEQ(pair_utf16_len(NULL, 0), 0);
    CHECK_INTEQ(pair_utf16_len("abc", 3), 3);
    CHECK_INTEQ(pair_utf16_len("a\nb", 3), 3);
    CHECK_INTEQ(pair_utf16_len("é", strlen("é")), 1);
    CHECK_INTEQ(pair_utf16_len("日", strlen("日")), 1);
    CHECK_INTEQ(pair_utf16_len("😀", strlen("😀")), 2);
    CHECK_INTEQ(pair_utf16_len("\xF4\x8F\xBF\xBF", 4), 2); /* U+10FFFF */
    CHECK_INTEQ(pair_utf16_len("\xEF\xBF\xBF", 3), 1);     /* U+FFFF */
    CHECK_INTEQ(pair_utf16_len("日本語", strlen("日本語")), 3);
    CHECK_INTEQ(pair_utf16_len("a😀é日\n", strlen("a😀é日\n")), 6);
    CHECK_INTEQ(pair_utf16_len("a\0b", 3), 3);
    /* Only len bytes count. */
    CHECK_INTEQ(pair_utf16_len("😀😀", 4), 2);
}

TEST(diff_exact_forms)
{
    struct pair_call c = test_call(NULL);
    check_diff(&c, LIT(""), LIT(""), "[]", __LINE__);
    check_diff(&c, LIT("abc"), LIT("abc"), "[3]", __LINE__);
    check_diff(&c, LIT(""), LIT("a"), "[[0,\"a\"]]", __LINE__);
    check_diff(&c, LIT("a"), LIT(""), "[[1]]", __LINE__);
    check_diff(&c, LIT("abc"), LIT("abd"), "[2,[1,\"d\"]]", __LINE__);
    check_diff(&c, LIT("abc"), LIT("xbc"), "[[1,\"x\"],2]", __LINE__);
    check_diff(&c, LIT("abc"), LIT("ac"), "[1,[1],1]", __LINE__);
    check_diff(&c, LIT("ac"), LIT("abc"), "[1,[0,\"b\"],1]", __LINE__);
    check_diff(&c, LIT("a\nb"), LIT("a\nc\nd\n"), "[2,[1,\"c\",\"d\",\"\"]]", __LINE__);
    check_diff(&c, LIT("x"), LIT("x\n"), "[1,[0,\"\",\"\"]]", __LINE__);
    check_diff(&c, LIT("é"), LIT("è"), "[[1,\"è\"]]", __LINE__);
    check_diff(&c, LIT("aé"), LIT("aè"), "[1,[1,\"è\"]]", __LINE__);
    check_diff(&c, LIT("éa"), LIT("èa"), "[[1,\"è\"],1]", __LINE__);
    check_diff(&c, LIT("😀"), LIT("😁"), "[[2,\"😁\"]]", __LINE__);
    check_diff(&c, LIT("a😀b"), LIT("a😁b"), "[1,[2,\"😁\"],1]", __LINE__);
    check_diff(&c, LIT("x😀y"), LIT("xy"), "[1,[2],1]", __LINE__);
    check_diff(&c, LIT("😀"), LIT("😀😀"), "[2,[0,\"😀\"]]", __LINE__);
    check_diff(&c, LIT("日本"), LIT("日日本"), "[1,[0,\"日\"],1]", __LINE__);
    pair_arena_free(c.arena);
}

TEST(diff_shared_bytes)
{
    /* Characters whose encodings share leading or trailing bytes, so that a
     * byte-wise prefix or suffix would end inside a character. */
    static const char *const pairs[][2] = {
        {"é", "è"},
        {"é", "ê"},
        {"é", "ĩ"},
        {"😀", "😁"},
        {"😀", "🙀"},
        {"😀", "𝒜"},
        {"日", "旦"},
        {"日", "本"},
        {"aé", "aè"},
        {"éa", "èa"},
        {"aéb", "aèb"},
        {"a😀b", "a😁b"},
        {"é", "e"},
        {"e", "é"},
        {"é", "éé"},
        {"éé", "é"},
        {"😀😀", "😀"},
        {"😀", "😀😀"},
        {"😀😁", "😁😁"},
        {"😀😁", "😀😀"},
        {"é\n", "è\n"},
        {"\né", "\nè"},
        {"日\n本", "日\n旦"},
        {"ab", "ba"},
        {"aaa", "aa"},
        {"aa", "aaa"},
        {"abab", "ab"},
        {"ab", "abab"},
        {"éé", "éèé"},
        {"😀x😀", "😀😀"},
        {"\xC3\xA9\xC3\xA9", "\xC3\xA9\xC4\xA9"},
        {"ĩ", "é"},
        {"\xF0\x9F\x98\x80\xF0\x9F\x98\x81", "\xF0\x9F\x98\x81"},
        {"", "😀\n日\né"},
        {"😀\n日\né", ""},
        {"\n\n", "\n"},
        {"\n", "\n\n"},
    };
    struct pair_call c = test_call(NULL);
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        struct pair_str a = {pairs[i][0], strlen(pairs[i][0])};
        struct pair_str b = {pairs[i][1], strlen(pairs[i][1])};
        check_diff(&c, a, b, NULL, __LINE__);
        check_diff(&c, b, a, NULL, __LINE__);
        check_diff(&c, a, a, NULL, __LINE__);
    }
    pair_arena_free(c.arena);
}

TEST(diff_reads_only_len)
{
    /* Texts that are slices of longer buffers with no NUL after them. */
    struct pair_call c = test_call(NULL);
    char *a = malloc(7), *b = malloc(7);
    REQUIRE(a != NULL && b != NULL);
    memcpy(a, "ab\xC3\xA9xyz", 7);
    memcpy(b, "ab\xC3\xA8xyz", 7);
    check_diff(&c, (struct pair_str){a, 4}, (struct pair_str){b, 4}, "[2,[1,\"è\"]]", __LINE__);
    check_diff(&c, (struct pair_str){a, 7}, (struct pair_str){b, 7}, "[2,[1,\"è\"],3]", __LINE__);
    free(a);
    free(b);
    pair_arena_free(c.arena);
}

/* xorshift64*, fixed seed: the same strings every run. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t
rng(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32) % n;
}

/* Characters sharing lead bytes (é è, 日 旦, 😀 😁) and trailing bytes (é ĩ,
 * 😀 🙀) with each other. */
static const char *const alphabet[] = {"a",  "b",  "\n", " ", "é", "è", "ĩ",
                                       "日", "旦", "本", "😀", "😁", "🙀"};
#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))

static void
random_text(struct buf *b, int max_chars)
{
    b->len = 0;
    buf_add(b, "", 0);
    int n = (int)rng((uint32_t)max_chars + 1);
    for (int i = 0; i < n; i++) {
        const char *t = alphabet[rng(NALPHA)];
        buf_add(b, t, strlen(t));
    }
}

/* A copy of src with a few random edits at character boundaries, so that
 * the two share a prefix and a suffix. */
static void
mutate(struct buf *dst, const struct buf *src)
{
    dst->len = 0;
    buf_add(dst, src->p, src->len);
    int edits = 1 + (int)rng(3);
    for (int e = 0; e < edits; e++) {
        /* Pick a character boundary. */
        size_t nb = 0, pick, pos = 0;
        for (size_t i = 0; i < dst->len; i++)
            nb += ((unsigned char)dst->p[i] & 0xC0) != 0x80;
        pick = rng((uint32_t)nb + 1);
        for (size_t k = 0; k < pick; k++)
            pos += char_bytes((unsigned char)dst->p[pos]);
        int op = (int)rng(3);
        size_t cut = 0;
        if (op != 1 && pos < dst->len) /* delete or replace one character */
            cut = char_bytes((unsigned char)dst->p[pos]);
        const char *ins = op != 0 ? alphabet[rng(NALPHA)] : "";
        struct buf t = {0};
        buf_add(&t, dst->p, pos);
        buf_add(&t, ins, strlen(ins));
        buf_add(&t, dst->p + pos + cut, dst->len - pos - cut);
        free(dst->p);
        *dst = t;
    }
}

TEST(diff_random)
{
    struct pair_call c = test_call(NULL);
    struct buf a = {0}, b = {0};
    int failures = 0;
    for (int iter = 0; iter < 5000 && failures < 5; iter++) {
        random_text(&a, 12);
        if (rng(4) == 0)
            random_text(&b, 12);
        else
            mutate(&b, &a);
        if (!check_diff(&c, (struct pair_str){a.p, a.len}, (struct pair_str){b.p, b.len}, NULL,
                        __LINE__))
            failures++;
        pair_arena_clear(c.arena);
    }
    CHECK_INTEQ(failures, 0);
    free(a.p);
    free(b.p);
    pair_arena_free(c.arena);
}

TEST(diff_large)
{
    /* A document of a few hundred kilobytes with one edit in the middle. */
    struct pair_call c = test_call(NULL);
    struct buf a = {0}, b = {0};
    buf_add(&a, "", 0);
    for (int i = 0; i < 20000; i++)
        buf_add(&a, "line 日本 😀\n", strlen("line 日本 😀\n"));
    buf_add(&b, a.p, a.len / 2);
    buf_add(&b, "é", strlen("é"));
    buf_add(&b, a.p + a.len / 2, a.len - a.len / 2);
    check_diff(&c, (struct pair_str){a.p, a.len}, (struct pair_str){b.p, b.len}, NULL, __LINE__);
    check_diff(&c, (struct pair_str){b.p, b.len}, (struct pair_str){a.p, a.len}, NULL, __LINE__);
    free(a.p);
    free(b.p);
    pair_arena_free(c.arena);
}

TEST_MAIN()
