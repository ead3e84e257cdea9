/*
 * test_arena.c: fcgi/arena.c: alignment, zeroing, big allocations, strings,
 * cleanups and reuse after a clear.
 */
#include <stdalign.h>
#include <stdint.h>

#include "../../fcgi/arena.h"
#include "test.h"

/* The block size is private to arena.c; this is comfortably above it. */
#define BIG (64 * 1024)

TEST(new_and_free)
{
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    CHECK_INTEQ(pair_arena_used(a), 0);
    pair_arena_free(a);
    pair_arena_free(NULL); /* allowed */
}

TEST(alignment)
{
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    /* Odd sizes in a row must not knock later pointers off alignment. */
    static const size_t sizes[] = {1, 3, 7, 8, 13, 16, 17, 31, 100, 1, 0, 5, 4095, 9000, 2};
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
            void *p = pair_alloc(a, sizes[i]);
            REQUIRE(p != NULL);
            CHECK((uintptr_t)p % alignof(max_align_t) == 0);
            CHECK((uintptr_t)p % alignof(long double) == 0);
        }
    }
    pair_arena_free(a);
}

TEST(distinct_and_zeroed)
{
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    unsigned char *prev = NULL;
    size_t prev_len = 0;
    for (size_t n = 1; n < 3000; n += 97) {
        unsigned char *p = pair_alloc(a, n);
        REQUIRE(p != NULL);
        size_t nonzero = 0;
        for (size_t i = 0; i < n; i++)
            nonzero += p[i] != 0;
        CHECK_INTEQ(nonzero, 0);
        /* Dirty it so that a reuse of the same memory would show. */
        memset(p, 0xAB, n);
        if (prev != NULL) {
            CHECK(p >= prev + prev_len || p + n <= prev);
            CHECK_INTEQ(prev[0], 0xAB);
            CHECK_INTEQ(prev[prev_len - 1], 0xAB);
        }
        prev = p;
        prev_len = n;
    }
    /* After a clear the same memory comes back, and must be zeroed again. */
    pair_arena_clear(a);
    for (int k = 0; k < 20; k++) {
        unsigned char *p = pair_alloc(a, 512);
        REQUIRE(p != NULL);
        size_t nonzero = 0;
        for (size_t i = 0; i < 512; i++)
            nonzero += p[i] != 0;
        CHECK_INTEQ(nonzero, 0);
        memset(p, 0xCD, 512);
    }
    pair_arena_free(a);
}

TEST(used_counts_bytes)
{
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    CHECK(pair_alloc(a, 10) != NULL);
    CHECK(pair_alloc(a, 5) != NULL);
    CHECK_INTEQ(pair_arena_used(a), 15);
    pair_arena_clear(a);
    CHECK_INTEQ(pair_arena_used(a), 0);
    pair_arena_free(a);
}

TEST(big_allocations)
{
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    unsigned char *small = pair_alloc(a, 16);
    REQUIRE(small != NULL);
    memset(small, 1, 16);
    /* Several allocations each larger than one block, interleaved with small
     * ones; ASan would catch an overrun of any of them. */
    unsigned char *big[4];
    for (int i = 0; i < 4; i++) {
        big[i] = pair_alloc(a, BIG + (size_t)i * 1000);
        REQUIRE(big[i] != NULL);
        CHECK_INTEQ(big[i][0], 0);
        CHECK_INTEQ(big[i][BIG + (size_t)i * 1000 - 1], 0);
        memset(big[i], 'a' + i, BIG + (size_t)i * 1000);
        unsigned char *s = pair_alloc(a, 24);
        REQUIRE(s != NULL);
        memset(s, 2, 24);
    }
    for (int i = 0; i < 4; i++) {
        CHECK_INTEQ(big[i][0], 'a' + i);
        CHECK_INTEQ(big[i][BIG + (size_t)i * 1000 - 1], 'a' + i);
    }
    CHECK_INTEQ(small[15], 1);
    CHECK(pair_arena_used(a) >= 4 * (size_t)BIG);
    /* Many blocks' worth of small allocations. */
    for (int i = 0; i < 10000; i++)
        REQUIRE(pair_alloc(a, 100) != NULL);
    pair_arena_clear(a);
    CHECK_INTEQ(pair_arena_used(a), 0);
    unsigned char *again = pair_alloc(a, BIG);
    REQUIRE(again != NULL);
    CHECK_INTEQ(again[BIG - 1], 0);
    pair_arena_free(a);
}

TEST(impossible_size)
{
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    CHECK(pair_alloc(a, SIZE_MAX) == NULL);
    CHECK(pair_alloc(a, SIZE_MAX - 8) == NULL);
    CHECK(pair_strndup(a, "x", SIZE_MAX) == NULL);
    /* The arena still works after refusing. */
    char *s = pair_strndup(a, "ok", 2);
    CHECK_STREQ(s, "ok");
    pair_arena_free(a);
}

TEST(strndup)
{
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    CHECK_STREQ(pair_strndup(a, "hello world", 5), "hello");
    CHECK_STREQ(pair_strndup(a, "", 0), "");
    CHECK_STREQ(pair_strndup(a, NULL, 0), "");
    /* Embedded NUL: the copy is len bytes plus one more NUL. */
    char *z = pair_strndup(a, "a\0b", 3);
    REQUIRE(z != NULL);
    CHECK(memcmp(z, "a\0b\0", 4) == 0);
    /* Not NUL-terminated source: only len bytes are read (ASan checks). */
    char raw[3] = {'x', 'y', 'z'};
    CHECK_STREQ(pair_strndup(a, raw, 3), "xyz");
    /* A copy longer than a block. */
    char *src = malloc(BIG);
    REQUIRE(src != NULL);
    memset(src, 'q', BIG);
    char *big = pair_strndup(a, src, BIG);
    free(src);
    REQUIRE(big != NULL);
    CHECK_INTEQ(strlen(big), BIG);
    pair_arena_free(a);
}

TEST(sprintf)
{
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    CHECK_STREQ(pair_sprintf(a, "%s=%d", "n", 42), "n=42");
    CHECK_STREQ(pair_sprintf(a, "%s", ""), "");
    CHECK_STREQ(pair_sprintf(a, "%lld|%zu|%.3s", -5LL, (size_t)7, "abcdef"), "-5|7|abc");
    CHECK_STREQ(pair_sprintf(a, "%s", "日本語 😀"), "日本語 😀");
    /* Output longer than a block. */
    char *s = pair_sprintf(a, "%*d", BIG, 1);
    REQUIRE(s != NULL);
    CHECK_INTEQ(strlen(s), BIG);
    CHECK_INTEQ(s[BIG - 1], '1');
    CHECK_INTEQ(s[0], ' ');
    pair_arena_free(a);
}

/* Cleanups append their tag to a log so the order can be checked. */
static char cleanup_log[64];
static size_t cleanup_len;

static void
record(void *p)
{
    if (cleanup_len + 1 < sizeof(cleanup_log))
        cleanup_log[cleanup_len++] = *(const char *)p;
    cleanup_log[cleanup_len] = '\0';
}

static void
free_heap(void *p)
{
    free(p);
}

TEST(cleanups_reverse_order)
{
    static const char tags[] = "abcde";
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    cleanup_len = 0;
    cleanup_log[0] = '\0';
    for (int i = 0; i < 5; i++) {
        CHECK_INTEQ(pair_arena_cleanup(a, record, (void *)&tags[i]), 0);
        /* Interleave allocations, including big ones, with registrations. */
        CHECK(pair_alloc(a, i % 2 ? BIG : 40) != NULL);
    }
    CHECK_STREQ(cleanup_log, "");
    pair_arena_clear(a);
    CHECK_STREQ(cleanup_log, "edcba");

    /* A clear runs each cleanup once: a second clear runs nothing. */
    pair_arena_clear(a);
    CHECK_STREQ(cleanup_log, "edcba");

    /* Reusable afterwards: allocations, strings and cleanups work again, and
     * a heap object tied to the arena is freed (LeakSanitizer checks). */
    cleanup_len = 0;
    cleanup_log[0] = '\0';
    char *s = pair_sprintf(a, "%d", 7);
    CHECK_STREQ(s, "7");
    void *heap = malloc(100);
    REQUIRE(heap != NULL);
    CHECK_INTEQ(pair_arena_cleanup(a, free_heap, heap), 0);
    CHECK_INTEQ(pair_arena_cleanup(a, record, (void *)&tags[0]), 0);
    CHECK_INTEQ(pair_arena_cleanup(a, record, (void *)&tags[1]), 0);
    pair_arena_free(a); /* free clears too */
    CHECK_STREQ(cleanup_log, "ba");
}

TEST(many_cycles)
{
    /* A request loop: allocate, register, clear, a few hundred times. */
    struct pair_arena *a = pair_arena_new();
    REQUIRE(a != NULL);
    for (int cycle = 0; cycle < 300; cycle++) {
        for (int i = 0; i < 50; i++) {
            char *s = pair_sprintf(a, "cycle %d item %d", cycle, i);
            REQUIRE(s != NULL);
        }
        void *heap = malloc(32);
        REQUIRE(heap != NULL);
        CHECK_INTEQ(pair_arena_cleanup(a, free_heap, heap), 0);
        if (cycle % 10 == 0)
            CHECK(pair_alloc(a, BIG) != NULL);
        pair_arena_clear(a);
        CHECK_INTEQ(pair_arena_used(a), 0);
    }
    pair_arena_free(a);
}

TEST_MAIN()
