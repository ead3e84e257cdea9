/*
 * validate.c: the patterns (pcre2) and numeric checks for outside input.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "validate.h"

#include <pcre2.h>
#include <string.h>

enum pattern { PAT_ROOM_ID, PAT_USERNAME, PAT__MAX };

static const char *const pattern_src[PAT__MAX] = {
    [PAT_ROOM_ID] = "^[A-Za-z0-9_-]{1,64}$",
    /* Characters, not bytes, thanks to PCRE2_UTF. */
    [PAT_USERNAME] = "^[\\p{L}\\p{M}\\p{Nd} _.\\-]{3,32}$",
};

static pcre2_code *patterns[PAT__MAX];

int
pair_validate_init(void)
{
    for (int i = 0; i < PAT__MAX; i++) {
        if (patterns[i] != NULL)
            continue;
        int errcode;
        PCRE2_SIZE erroff;
        patterns[i] =
            pcre2_compile((PCRE2_SPTR)pattern_src[i], PCRE2_ZERO_TERMINATED,
                          PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY | PCRE2_NO_UTF_CHECK,
                          &errcode, &erroff, NULL);
        if (patterns[i] == NULL)
            return -1;
    }
    return 0;
}

void
pair_validate_fini(void)
{
    for (int i = 0; i < PAT__MAX; i++) {
        pcre2_code_free(patterns[i]);
        patterns[i] = NULL;
    }
}

/* Matches s against pattern p; s must already be valid UTF-8. */
static bool
matches(enum pattern p, const char *s, size_t len)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(patterns[p], NULL);
    if (md == NULL)
        return false;
    int rc = pcre2_match(patterns[p], (PCRE2_SPTR)s, len, 0, PCRE2_NO_UTF_CHECK, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0;
}

bool
pair_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (len - i < n)
            return false;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

enum pair_err
pair_check_room_id(struct pair_call *c, struct pair_str in, const char **out)
{
    if (in.len == 0 || in.len > PAIR_ROOM_ID_MAX || !pair_utf8_valid(in.ptr, in.len) ||
        !matches(PAT_ROOM_ID, in.ptr, in.len))
        return pair_fail(c, PAIR_E_INVALID,
                         "roomId must be 1-64 characters of letters A-Z and a-z, digits, "
                         "'_' and '-'");
    *out = pair_strndup(c->arena, in.ptr, in.len);
    return *out != NULL ? PAIR_OK : PAIR_E_NOMEM;
}

static bool
is_space(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

enum pair_err
pair_check_username(struct pair_call *c, struct pair_str in, const char **out)
{
    const char *p = in.ptr;
    size_t len = in.len;
    while (len > 0 && is_space((unsigned char)p[0])) {
        p++;
        len--;
    }
    while (len > 0 && is_space((unsigned char)p[len - 1]))
        len--;
    if (!pair_utf8_valid(p, len))
        return pair_fail(c, PAIR_E_INVALID, "username must be valid UTF-8");
    if (len > PAIR_USERNAME_MAX * 4 || !matches(PAT_USERNAME, p, len))
        return pair_fail(c, PAIR_E_INVALID,
                         "username must be 3-32 characters of letters, digits, space, "
                         "'_', '-' and '.'");
    *out = pair_strndup(c->arena, p, len);
    return *out != NULL ? PAIR_OK : PAIR_E_NOMEM;
}

/* Parses a plain non-negative decimal integer of at most 16 digits. */
static bool
parse_decimal(struct pair_str in, long long *out)
{
    if (in.len == 0 || in.len > 16)
        return false;
    long long v = 0;
    for (size_t i = 0; i < in.len; i++) {
        if (in.ptr[i] < '0' || in.ptr[i] > '9')
            return false;
        v = v * 10 + (in.ptr[i] - '0');
    }
    *out = v;
    return true;
}

enum pair_err
pair_check_limit(struct pair_call *c, const char *what, struct pair_str in, int *out)
{
    long long v;
    if (!parse_decimal(in, &v) || v < PAIR_LIMIT_MIN || v > PAIR_LIMIT_MAX)
        return pair_fail(c, PAIR_E_INVALID, "%s must be an integer from %d to %d", what,
                         PAIR_LIMIT_MIN, PAIR_LIMIT_MAX);
    *out = (int)v;
    return PAIR_OK;
}

enum pair_err
pair_check_count(struct pair_call *c, const char *what, struct pair_str in, long long *out)
{
    long long v;
    if (!parse_decimal(in, &v) || v > (1LL << 53))
        return pair_fail(c, PAIR_E_INVALID, "%s must be a non-negative integer", what);
    *out = v;
    return PAIR_OK;
}
