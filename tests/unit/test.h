/*
 * test.h: tiny test macros for the C unit tests, in the spirit of Redis's
 * testhelp.h.
 *
 *     TEST(alignment) {
 *         CHECK(p != NULL);
 *         CHECK_INTEQ(n, 3);
 *         CHECK_STREQ(s, "abc");
 *     }
 *     TEST_MAIN()
 *
 * TEST(name) defines and registers a test; tests run in the order they
 * appear in the file. A failed CHECK prints one line (file:line, test name,
 * the expression and, for the _EQ forms, both values) and the test goes on;
 * REQUIRE is a CHECK that also ends the test, for when what follows would
 * dereference what failed. The last line of the output is exactly
 * "N passed, M failed", counting tests, and the exit status is non-zero when
 * M > 0 (and then the program ends with _exit, so that LeakSanitizer does
 * not add noise about what a test cut short by REQUIRE left behind).
 * CHECK_PSTREQ compares a {ptr, len} string with a C string. Only one test
 * file is compiled per program, so everything here is static.
 */
#ifndef PAIR_TEST_H
#define PAIR_TEST_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../fcgi/arena.h"
#include "../../fcgi/err.h"

#define TEST_MAX 256

struct test_case {
    const char *name;
    void (*fn)(void);
    int line;
};

static struct test_case test_cases_[TEST_MAX];
static int test_ncases_;
static const char *test_current_;  /* name of the running test */
static int test_current_failures_; /* failed checks in the running test */

/* Called by the constructor TEST() makes; keeps the table sorted by line so
 * tests run in file order whatever order constructors run in. */
static void
test_register_(const char *name, void (*fn)(void), int line)
{
    if (test_ncases_ == TEST_MAX) {
        fprintf(stderr, "test.h: more than %d tests\n", TEST_MAX);
        abort();
    }
    int i = test_ncases_++;
    while (i > 0 && test_cases_[i - 1].line > line) {
        test_cases_[i] = test_cases_[i - 1];
        i--;
    }
    test_cases_[i] = (struct test_case){name, fn, line};
}

/* Records one failed check: one line on stdout, control characters in the
 * message escaped so that it stays one line. Tests call it directly for
 * checks the macros do not cover. */
__attribute__((format(printf, 3, 4))) static void test_fail_(const char *file, int line,
                                                             const char *fmt, ...);

static void
test_fail_(const char *file, int line, const char *fmt, ...)
{
    char small[512], *msg = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0) {
        snprintf(small, sizeof(small), "(unprintable message: %s)", fmt);
    } else if ((size_t)n >= sizeof(small)) {
        /* Too long for the stack buffer: format again on the heap, or keep
         * the truncated text when memory is short. */
        char *big = malloc((size_t)n + 1);
        if (big != NULL) {
            va_start(ap, fmt);
            vsnprintf(big, (size_t)n + 1, fmt, ap);
            va_end(ap);
            msg = big;
        }
    }
    printf("%s:%d: [%s] ", file, line, test_current_ != NULL ? test_current_ : "?");
    for (const unsigned char *p = (const unsigned char *)msg; *p != '\0'; p++) {
        if (*p == '\n')
            fputs("\\n", stdout);
        else if (*p == '\t')
            fputs("\\t", stdout);
        else if (*p < 0x20 || *p == 0x7F)
            printf("\\x%02X", *p);
        else
            putchar(*p);
    }
    putchar('\n');
    fflush(stdout);
    if (msg != small)
        free(msg);
    test_current_failures_++;
}

#define TEST(name)                                                                                 \
    static void test_fn_##name(void);                                                              \
    __attribute__((constructor)) static void test_reg_##name(void)                                 \
    {                                                                                              \
        test_register_(#name, test_fn_##name, __LINE__);                                           \
    }                                                                                              \
    static void test_fn_##name(void)

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            test_fail_(__FILE__, __LINE__, "CHECK(%s) failed", #cond);                             \
    } while (0)

/* A CHECK that returns from the test (which must return void) on failure. */
#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            test_fail_(__FILE__, __LINE__, "REQUIRE(%s) failed", #cond);                           \
            return;                                                                                \
        }                                                                                          \
    } while (0)

/* Integers of any type, compared and printed as long long. */
#define CHECK_INTEQ(a, b)                                                                          \
    do {                                                                                           \
        long long test_a_ = (long long)(a), test_b_ = (long long)(b);                              \
        if (test_a_ != test_b_)                                                                    \
            test_fail_(__FILE__, __LINE__, "CHECK_INTEQ(%s, %s) failed: %lld != %lld", #a, #b,     \
                       test_a_, test_b_);                                                          \
    } while (0)

/* NUL-terminated strings; NULL equals only NULL. */
#define CHECK_STREQ(a, b)                                                                          \
    do {                                                                                           \
        const char *test_a_ = (a), *test_b_ = (b);                                                 \
        if (!((test_a_ == NULL && test_b_ == NULL) ||                                              \
              (test_a_ != NULL && test_b_ != NULL && strcmp(test_a_, test_b_) == 0)))              \
            test_fail_(__FILE__, __LINE__, "CHECK_STREQ(%s, %s) failed: \"%s\" != \"%s\"", #a, #b, \
                       test_a_ != NULL ? test_a_ : "(null)",                                       \
                       test_b_ != NULL ? test_b_ : "(null)");                                      \
    } while (0)

/* A counted string (anything with .ptr and .len) against a C string. */
#define CHECK_PSTREQ(s, b)                                                                         \
    do {                                                                                           \
        const char *test_p_ = (s).ptr, *test_b_ = (b);                                             \
        size_t test_n_ = (s).len;                                                                  \
        if (test_p_ == NULL || strlen(test_b_) != test_n_ ||                                       \
            memcmp(test_p_, test_b_, test_n_) != 0)                                                \
            test_fail_(__FILE__, __LINE__, "CHECK_PSTREQ(%s, %s) failed: \"%.*s\" != \"%s\"", #s,  \
                       #b, test_p_ != NULL ? (int)test_n_ : 6,                                     \
                       test_p_ != NULL ? test_p_ : "(null)", test_b_);                             \
    } while (0)

/* A pair_str over a string literal (which may hold NULs: sizeof, not
 * strlen). */
#define LIT(s) ((struct pair_str){(s), sizeof(s) - 1})

/* A call with a fresh arena, after init (when not NULL) has built what the
 * code under test needs; either failing ends the program. */
__attribute__((unused)) static struct pair_call
test_call(int (*init)(void))
{
    if (init != NULL && init() != 0) {
        fprintf(stderr, "initialization failed\n");
        exit(1);
    }
    struct pair_call c = {0};
    c.arena = pair_arena_new();
    if (c.arena == NULL)
        exit(1);
    return c;
}

/* Runs every registered test; returns the exit status. */
static int
test_run_all_(void)
{
    int passed = 0, failed = 0;
    for (int i = 0; i < test_ncases_; i++) {
        test_current_ = test_cases_[i].name;
        test_current_failures_ = 0;
        test_cases_[i].fn();
        if (test_current_failures_ == 0)
            passed++;
        else
            failed++;
    }
    test_current_ = NULL;
    printf("%d passed, %d failed\n", passed, failed);
    fflush(stdout);
    /* A REQUIRE that ended a test early leaks what the test had made; the
     * failure is already reported, so skip LeakSanitizer's exit check. */
    if (failed > 0)
        _exit(1);
    return 0;
}

#define TEST_MAIN()                                                                                \
    int main(void)                                                                                 \
    {                                                                                              \
        return test_run_all_();                                                                    \
    }

#endif
