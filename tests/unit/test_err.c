/*
 * test_err.c: fcgi/err.c: the strerror and status tables, pair_fail.
 */
#include "../../fcgi/err.h"
#include "test.h"

TEST(every_kind_has_text_and_status)
{
    for (int e = 0; e < PAIR_E__MAX; e++) {
        const char *s = pair_strerror((enum pair_err)e);
        int status = pair_err_status((enum pair_err)e);
        if (s == NULL || s[0] == '\0')
            test_fail_(__FILE__, __LINE__, "pair_strerror(%d) is empty", e);
        if (status < 200 || status > 599)
            test_fail_(__FILE__, __LINE__, "pair_err_status(%d) = %d", e, status);
    }
}

TEST(texts_are_distinct)
{
    /* Two kinds with the same text would make logs ambiguous. */
    for (int i = 0; i < PAIR_E__MAX; i++)
        for (int j = i + 1; j < PAIR_E__MAX; j++)
            if (strcmp(pair_strerror((enum pair_err)i), pair_strerror((enum pair_err)j)) == 0)
                test_fail_(__FILE__, __LINE__, "kinds %d and %d share the text \"%s\"", i, j,
                           pair_strerror((enum pair_err)i));
}

TEST(status_mapping)
{
    CHECK_INTEQ(pair_err_status(PAIR_OK), 200);
    CHECK_INTEQ(pair_err_status(PAIR_E_INVALID), 400);
    CHECK_INTEQ(pair_err_status(PAIR_E_JSON), 400);
    CHECK_INTEQ(pair_err_status(PAIR_E_UNAUTHORIZED), 401);
    CHECK_INTEQ(pair_err_status(PAIR_E_FORBIDDEN), 403);
    CHECK_INTEQ(pair_err_status(PAIR_E_FULL), 403);
    CHECK_INTEQ(pair_err_status(PAIR_E_NOT_FOUND), 404);
    CHECK_INTEQ(pair_err_status(PAIR_E_METHOD), 405);
    CHECK_INTEQ(pair_err_status(PAIR_E_CONFLICT), 409);
    CHECK_INTEQ(pair_err_status(PAIR_E_STALE), 409);
    CHECK_INTEQ(pair_err_status(PAIR_E_TOO_LARGE), 413);
    CHECK_INTEQ(pair_err_status(PAIR_E_NOT_MODIFIED), 304);
    CHECK_INTEQ(pair_err_status(PAIR_E_DB), 503);
    CHECK_INTEQ(pair_err_status(PAIR_E_NCHAN), 503);
    CHECK_INTEQ(pair_err_status(PAIR_E_NOMEM), 500);
    CHECK_INTEQ(pair_err_status(PAIR_E_INTERNAL), 500);
}

TEST(out_of_range_kind)
{
    /* A value outside the enum is a bug somewhere; it must still answer. */
    CHECK_INTEQ(pair_err_status(PAIR_E__MAX), 500);
    CHECK_INTEQ(pair_err_status((enum pair_err)1000), 500);
    CHECK_INTEQ(pair_err_status((enum pair_err) - 1), 500);
    CHECK_STREQ(pair_strerror(PAIR_E__MAX), pair_strerror(PAIR_E_INTERNAL));
    CHECK_STREQ(pair_strerror((enum pair_err) - 1), pair_strerror(PAIR_E_INTERNAL));
}

TEST(fail_sets_detail)
{
    struct pair_call c = test_call(NULL);
    CHECK(c.detail == NULL);
    enum pair_err e = pair_fail(&c, PAIR_E_INVALID, "%s must be %d-%d", "limit", 1, 20);
    CHECK_INTEQ(e, PAIR_E_INVALID);
    CHECK_STREQ(c.detail, "limit must be 1-20");
    /* A later failure replaces the detail. */
    CHECK_INTEQ(pair_fail(&c, PAIR_E_STALE, "version %lld is not current", 7LL), PAIR_E_STALE);
    CHECK_STREQ(c.detail, "version 7 is not current");
    CHECK_INTEQ(pair_fail(&c, PAIR_E_NOT_FOUND, "%s", ""), PAIR_E_NOT_FOUND);
    CHECK_STREQ(c.detail, "");
    pair_arena_free(c.arena);
}

TEST(fail_long_detail_is_truncated)
{
    struct pair_call c = test_call(NULL);
    char big[2000];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    CHECK_INTEQ(pair_fail(&c, PAIR_E_TOO_LARGE, "%s", big), PAIR_E_TOO_LARGE);
    REQUIRE(c.detail != NULL);
    CHECK(strlen(c.detail) > 100);
    CHECK(strlen(c.detail) < sizeof(big) - 1);
    CHECK(strspn(c.detail, "x") == strlen(c.detail));
    pair_arena_free(c.arena);
}

TEST(fail_without_arena)
{
    /* No arena: the code still comes back, nothing is allocated. */
    struct pair_call c = {0};
    CHECK_INTEQ(pair_fail(&c, PAIR_E_DB, "down"), PAIR_E_DB);
    CHECK(c.detail == NULL);
}

TEST_MAIN()
