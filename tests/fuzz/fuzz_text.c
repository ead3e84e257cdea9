/*
 * fuzz_text.c: libFuzzer target for pair_text_diff.
 *
 * The first byte says where to cut the rest of the input (proportionally:
 * 0 is the start, 255 the end); the two parts are the old and the new text.
 * When both are valid UTF-8, the change set's JSON text, applied by the
 * reference applier below, must turn the old text into the new one and cover
 * exactly the old text's UTF-16 length. Anything else aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/input.h"
#include "../../fcgi/text.h"
#include "../../fcgi/validate.h"
#include "fuzz.h"

/* Bytes of the UTF-8 character led by c. */
static size_t
char_bytes(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* UTF-16 units of valid UTF-8 s, counted per character. */
static size_t
ref_utf16_len(const char *s, size_t len)
{
    size_t units = 0;
    for (size_t i = 0; i < len;) {
        size_t b = char_bytes((unsigned char)s[i]);
        units += b == 4 ? 2 : 1;
        i += b;
    }
    return units;
}

/* Moves *pos over n UTF-16 units of s[0..len); false when that runs past
 * the end or would stop inside a surrogate pair. */
static bool
advance(const char *s, size_t len, size_t *pos, long long n)
{
    while (n > 0) {
        if (*pos >= len)
            return false;
        size_t b = char_bytes((unsigned char)s[*pos]);
        long long units = b == 4 ? 2 : 1;
        if (units > n || *pos + b > len)
            return false;
        *pos += b;
        n -= units;
    }
    return true;
}

/* Appends n bytes to out (capacity cap); false when it would overflow. */
static bool
put(char *out, size_t cap, size_t *olen, const char *s, size_t n)
{
    if (n > cap - *olen)
        return false;
    memcpy(out + *olen, s, n);
    *olen += n;
    return true;
}

/*
 * Applies change set cs (CodeMirror's JSON form) to from[0..flen) into out
 * (capacity cap). Aborts on any malformed part; returns the units covered.
 */
static long long
apply(json_object *cs, const char *from, size_t flen, char *out, size_t cap, size_t *olen)
{
    ENSURE(json_object_is_type(cs, json_type_array));
    size_t pos = 0;
    long long covered = 0;
    *olen = 0;
    for (size_t i = 0; i < json_object_array_length(cs); i++) {
        json_object *part = json_object_array_get_idx(cs, i);
        if (json_object_is_type(part, json_type_int)) {
            long long keep = json_object_get_int64(part);
            size_t start = pos;
            ENSURE(keep > 0 && advance(from, flen, &pos, keep));
            ENSURE(put(out, cap, olen, from + start, pos - start));
            covered += keep;
            continue;
        }
        ENSURE(json_object_is_type(part, json_type_array));
        size_t m = json_object_array_length(part);
        ENSURE(m >= 1 && json_object_is_type(json_object_array_get_idx(part, 0), json_type_int));
        long long del = json_object_get_int64(json_object_array_get_idx(part, 0));
        ENSURE(del >= 0 && (del > 0 || m > 1));
        ENSURE(advance(from, flen, &pos, del));
        covered += del;
        for (size_t k = 1; k < m; k++) {
            json_object *line = json_object_array_get_idx(part, k);
            ENSURE(json_object_is_type(line, json_type_string));
            size_t l = (size_t)json_object_get_string_len(line);
            ENSURE(memchr(json_object_get_string(line), '\n', l) == NULL);
            if (k > 1)
                ENSURE(put(out, cap, olen, "\n", 1));
            ENSURE(put(out, cap, olen, json_object_get_string(line), l));
        }
    }
    ENSURE(pos == flen);
    return covered;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *rest = (const char *)data + 1;
    size_t rlen = size - 1;
    size_t cut = (size_t)data[0] * (rlen + 1) / 256;
    struct pair_str from = {rest, cut}, to = {rest + cut, rlen - cut};
    if (!pair_utf8_valid(from.ptr, from.len) || !pair_utf8_valid(to.ptr, to.len))
        return 0;
    ENSURE(pair_utf16_len(from.ptr, from.len) == ref_utf16_len(from.ptr, from.len));
    ENSURE(pair_utf16_len(to.ptr, to.len) == ref_utf16_len(to.ptr, to.len));

    struct pair_call c = {0};
    c.arena = pair_arena_new();
    ENSURE(c.arena != NULL);
    json_object *cs = pair_text_diff(&c, from, to);
    ENSURE(cs != NULL);
    /* Apply what goes on the wire: the JSON text, parsed back. */
    struct pair_str text = pair_json_text(&c, cs);
    ENSURE(text.ptr != NULL);
    json_object *wire = json_tokener_parse(text.ptr);
    ENSURE(wire != NULL);
    size_t cap = to.len + 1, olen = 0;
    char *out = malloc(cap);
    ENSURE(out != NULL);
    long long covered = apply(wire, from.ptr, from.len, out, cap, &olen);
    if (olen != to.len || memcmp(out, to.ptr, to.len) != 0) {
        fprintf(stderr, "diff %s turns the old text into the wrong one\n", text.ptr);
        abort();
    }
    ENSURE((size_t)covered == pair_utf16_len(from.ptr, from.len));
    /* The identical text is one kept run (or nothing). */
    if (from.len == to.len && memcmp(from.ptr, to.ptr, to.len) == 0)
        ENSURE(json_object_array_length(wire) == (from.len > 0 ? 1u : 0u));
    free(out);
    json_object_put(wire);
    pair_arena_free(c.arena);
    return 0;
}
