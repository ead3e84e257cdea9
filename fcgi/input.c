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
 * A strict RFC 8259 scanner, run before json-c: json-c accepts NaN, single
 * quotes, "1." and raw control characters in strings, and turns a lone
 * \uD800-style escape into U+FFFD. Text that no browser can hold must be
 * refused, not altered, so this refuses all of them. Positions advance
 * through *i; depth is bounded.
 */
struct scan {
    const char *s;
    size_t len, i;
};

static bool scan_value(struct scan *sc, int depth);

static void
scan_ws(struct scan *sc)
{
    while (sc->i < sc->len && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
                               sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
        sc->i++;
}

static bool
scan_lit(struct scan *sc, const char *lit)
{
    size_t n = strlen(lit);
    if (sc->len - sc->i < n || memcmp(sc->s + sc->i, lit, n) != 0)
        return false;
    sc->i += n;
    return true;
}

static bool
scan_digits(struct scan *sc)
{
    size_t from = sc->i;
    while (sc->i < sc->len && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')
        sc->i++;
    return sc->i > from;
}

static bool
scan_number(struct scan *sc)
{
    if (sc->i < sc->len && sc->s[sc->i] == '-')
        sc->i++;
    if (sc->i < sc->len && sc->s[sc->i] == '0')
        sc->i++;
    else if (!scan_digits(sc))
        return false;
    if (sc->i < sc->len && sc->s[sc->i] == '.') {
        sc->i++;
        if (!scan_digits(sc))
            return false;
    }
    if (sc->i < sc->len && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
        sc->i++;
        if (sc->i < sc->len && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
            sc->i++;
        if (!scan_digits(sc))
            return false;
    }
    return true;
}

/* A \uXXXX escape at sc->i (pointing at the 'u'); -1 if malformed. */
static long
scan_u(struct scan *sc)
{
    if (sc->len - sc->i < 5 || sc->s[sc->i] != 'u')
        return -1;
    long v = hex4(sc->s + sc->i + 1);
    sc->i += 5;
    return v;
}

static bool
scan_string(struct scan *sc)
{
    sc->i++; /* the opening quote */
    while (sc->i < sc->len) {
        unsigned char ch = (unsigned char)sc->s[sc->i];
        if (ch == '"') {
            sc->i++;
            return true;
        }
        if (ch < 0x20)
            return false;
        if (ch != '\\') {
            sc->i++;
            continue;
        }
        if (++sc->i >= sc->len)
            return false;
        if (strchr("\"\\/bfnrt", sc->s[sc->i]) != NULL && sc->s[sc->i] != '\0') {
            sc->i++;
            continue;
        }
        long u = scan_u(sc);
        if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
            return false;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (sc->len - sc->i < 2 || sc->s[sc->i] != '\\')
                return false;
            sc->i++;
            long lo = scan_u(sc);
            if (lo < 0xDC00 || lo > 0xDFFF)
                return false;
        }
    }
    return false;
}

/* Elements of an array or members of an object, up to `close`. */
static bool
scan_items(struct scan *sc, int depth, char close, bool keyed)
{
    sc->i++; /* the opening bracket */
    scan_ws(sc);
    if (sc->i < sc->len && sc->s[sc->i] == close) {
        sc->i++;
        return true;
    }
    for (;;) {
        if (keyed) {
            if (sc->i >= sc->len || sc->s[sc->i] != '"' || !scan_string(sc))
                return false;
            scan_ws(sc);
            if (sc->i >= sc->len || sc->s[sc->i] != ':')
                return false;
            sc->i++;
        }
        if (!scan_value(sc, depth + 1))
            return false;
        if (sc->i < sc->len && sc->s[sc->i] == ',') {
            sc->i++;
            scan_ws(sc);
            continue;
        }
        if (sc->i < sc->len && sc->s[sc->i] == close) {
            sc->i++;
            return true;
        }
        return false;
    }
}

static bool
scan_value(struct scan *sc, int depth)
{
    if (depth > PAIR_JSON_DEPTH)
        return false;
    scan_ws(sc);
    if (sc->i >= sc->len)
        return false;
    bool ok;
    switch (sc->s[sc->i]) {
    case '{': ok = scan_items(sc, depth, '}', true); break;
    case '[': ok = scan_items(sc, depth, ']', false); break;
    case '"': ok = scan_string(sc); break;
    case 't': ok = scan_lit(sc, "true"); break;
    case 'f': ok = scan_lit(sc, "false"); break;
    case 'n': ok = scan_lit(sc, "null"); break;
    default: ok = scan_number(sc); break;
    }
    scan_ws(sc);
    return ok;
}

/* True when s[0..len) is exactly one strict JSON value. */
static bool
json_strict(const char *s, size_t len)
{
    struct scan sc = {s, len, 0};
    return scan_value(&sc, 1) && sc.i == len;
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
    if (!json_strict(body.ptr, body.len))
        return pair_fail(c, PAIR_E_JSON,
                         "request body is not valid JSON (RFC 8259; a lone surrogate escape "
                         "counts as invalid)");
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
    /* json_strict has seen the whole body; json-c must have too. */
    if (used != body.len && obj != NULL) {
        for (size_t i = used; i < body.len; i++)
            if (body.ptr[i] != ' ' && body.ptr[i] != '\t' && body.ptr[i] != '\r' &&
                body.ptr[i] != '\n')
                return pair_fail(c, PAIR_E_JSON, "request body has data after the JSON value");
    }
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
            if (!json_object_is_type(v, json_type_int))
                return pair_fail(c, PAIR_E_INVALID, "%s must be a non-negative integer", key);
            errno = 0;
            int64_t n = json_object_get_int64(v);
            if (errno != 0 || n < 0 || n > 1000000000000LL)
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
