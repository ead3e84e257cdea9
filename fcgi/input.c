/*
 * input.c: query-string and JSON body parsing.
 */
#include "input.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "validate.h"

static int
hexval(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* Decodes one component into the arena; false on a bad escape or non-UTF-8. */
static bool
decode(struct pair_call *c, const char *s, size_t len, struct pair_str *out)
{
    char *buf = pair_alloc(c->arena, len + 1);
    if (buf == NULL)
        return false;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '+') {
            buf[o++] = ' ';
        } else if (s[i] == '%') {
            if (len - i < 3)
                return false;
            int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            buf[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            buf[o++] = s[i];
        }
    }
    buf[o] = '\0';
    /* A NUL would silently cut the value short wherever C reads it. */
    if (memchr(buf, '\0', o) != NULL || !pair_utf8_valid(buf, o))
        return false;
    out->ptr = buf;
    out->len = o;
    return true;
}

enum pair_err
pair_query_parse(struct pair_call *c, const char *qs, size_t len, struct pair_kv **out, size_t *n)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        count += qs[i] == '&';
    count++;
    struct pair_kv *kv = pair_alloc(c->arena, count * sizeof(*kv));
    if (kv == NULL)
        return PAIR_E_NOMEM;
    size_t k = 0, start = 0;
    while (start <= len && len > 0) {
        const char *amp = memchr(qs + start, '&', len - start);
        size_t end = amp != NULL ? (size_t)(amp - qs) : len;
        if (end > start) {
            const char *eq = memchr(qs + start, '=', end - start);
            size_t kend = eq != NULL ? (size_t)(eq - qs) : end;
            size_t vstart = eq != NULL ? kend + 1 : end;
            if (!decode(c, qs + start, kend - start, &kv[k].key) ||
                !decode(c, qs + vstart, end - vstart, &kv[k].value))
                return pair_fail(
                    c, PAIR_E_INVALID,
                    "query string has a malformed %%-escape, a NUL or text that is not UTF-8");
            k++;
        }
        if (amp == NULL)
            break;
        start = end + 1;
    }
    *out = kv;
    *n = k;
    return PAIR_OK;
}

const struct pair_str *
pair_query_get(const struct pair_kv *kv, size_t n, const char *key)
{
    size_t klen = strlen(key);
    for (size_t i = 0; i < n; i++)
        if (kv[i].key.len == klen && memcmp(kv[i].key.ptr, key, klen) == 0)
            return &kv[i].value;
    return NULL;
}

/* Reads four hex digits at p (which has at least 4 bytes); -1 if not hex. */
static long
hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/*
 * True when every \uD800-\uDFFF escape in the JSON text is half of a proper
 * surrogate pair. json-c would quietly turn a lone one into U+FFFD, and text
 * that no browser can hold must be refused, not altered.
 */
static bool
surrogates_paired(const char *s, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (s[i] != '\\')
            continue;
        if (s[i + 1] != 'u' || len - i < 6) {
            i++; /* skips the escaped character, a backslash included */
            continue;
        }
        long u = hex4(s + i + 2);
        if (u >= 0xDC00 && u <= 0xDFFF)
            return false;
        if (u >= 0xD800 && u <= 0xDBFF) {
            long lo = len - i >= 12 && s[i + 6] == '\\' && s[i + 7] == 'u' ? hex4(s + i + 8) : -1;
            if (lo < 0xDC00 || lo > 0xDFFF)
                return false;
            i += 6;
        }
        i += 5;
    }
    return true;
}

static void
json_put(void *p)
{
    json_object_put(p);
}

enum pair_err
pair_json_parse(struct pair_call *c, struct pair_str body, json_object **out)
{
    if (!pair_utf8_valid(body.ptr, body.len))
        return pair_fail(c, PAIR_E_JSON, "request body is not valid UTF-8");
    if (body.len > INT32_MAX)
        return PAIR_E_TOO_LARGE;
    if (!surrogates_paired(body.ptr, body.len))
        return pair_fail(c, PAIR_E_JSON, "request body has a lone UTF-16 surrogate escape");
    json_tokener *tok = json_tokener_new_ex(PAIR_JSON_DEPTH);
    if (tok == NULL)
        return PAIR_E_NOMEM;
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_object *obj = json_tokener_parse_ex(tok, body.ptr, (int)body.len);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    size_t used = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    if (obj != NULL && pair_arena_cleanup(c->arena, json_put, obj) != 0)
        return PAIR_E_NOMEM;
    if (obj == NULL || jerr != json_tokener_success)
        return pair_fail(c, PAIR_E_JSON, "request body is not valid JSON: %s",
                         obj == NULL && jerr == json_tokener_success
                             ? "empty body"
                             : json_tokener_error_desc(jerr));
    for (size_t i = used; i < body.len; i++)
        if (!strchr(" \t\r\n", body.ptr[i]))
            return pair_fail(c, PAIR_E_JSON, "request body has data after the JSON value");
    if (!json_object_is_type(obj, json_type_object))
        return pair_fail(c, PAIR_E_JSON, "request body must be a JSON object");
    *out = obj;
    return PAIR_OK;
}

enum pair_err
pair_input_get(struct pair_call *c, const struct pair_input *in, const char *key,
               enum pair_kind kind, struct pair_str *out, bool *found)
{
    json_object *v;
    *found = false;
    if (in->body != NULL && json_object_object_get_ex(in->body, key, &v)) {
        if (kind == PAIR_STRING) {
            if (!json_object_is_type(v, json_type_string))
                return pair_fail(c, PAIR_E_INVALID, "%s must be a string", key);
            const char *s = json_object_get_string(v);
            size_t len = (size_t)json_object_get_string_len(v);
            /* json-c turns lone \uD800-style escapes into bytes of their own. */
            if (!pair_utf8_valid(s, len))
                return pair_fail(c, PAIR_E_INVALID, "%s must be valid UTF-8", key);
            out->ptr = s;
            out->len = len;
        } else {
            errno = 0;
            int64_t n = json_object_get_int64(v);
            if (!json_object_is_type(v, json_type_int) || errno != 0 || n < 0 ||
                n > 1000000000000LL)
                return pair_fail(c, PAIR_E_INVALID, "%s must be a non-negative integer", key);
            const char *s = pair_sprintf(c->arena, "%" PRId64, n);
            if (s == NULL)
                return PAIR_E_NOMEM;
            out->ptr = s;
            out->len = strlen(s);
        }
        *found = true;
        return PAIR_OK;
    }
    const struct pair_str *q = pair_query_get(in->query, in->nquery, key);
    if (q != NULL) {
        *out = *q;
        *found = true;
    }
    return PAIR_OK;
}

enum pair_err
pair_input_need(struct pair_call *c, const struct pair_input *in, const char *key,
                enum pair_kind kind, struct pair_str *out)
{
    bool found;
    enum pair_err e = pair_input_get(c, in, key, kind, out, &found);
    if (e == PAIR_OK && !found)
        return pair_fail(c, PAIR_E_INVALID, "%s is required", key);
    return e;
}

struct pair_str
pair_json_text(struct pair_call *c, json_object *obj)
{
    size_t len = 0;
    const char *s = json_object_to_json_string_length(
        obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
    struct pair_str out = {NULL, 0};
    if (s != NULL) {
        out.ptr = pair_strndup(c->arena, s, len);
        out.len = out.ptr != NULL ? len : 0;
    }
    return out;
}

json_object *
pair_json_own(struct pair_call *c, json_object *o)
{
    if (o == NULL || pair_arena_cleanup(c->arena, json_put, o) != 0)
        return NULL;
    return o;
}

json_object *
pair_json_object(struct pair_call *c)
{
    return pair_json_own(c, json_object_new_object());
}
