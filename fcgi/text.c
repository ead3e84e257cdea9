/*
 * text.c: UTF-16 measures and the prefix/suffix diff.
 */
#include "text.h"

#include <string.h>

#include "input.h"

size_t
pair_utf16_len(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t units = 0;
    for (size_t i = 0; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            units++; /* a lead byte starts a character */
        if (s[i] >= 0xF0)
            units++; /* four-byte characters are surrogate pairs */
    }
    return units;
}

/* True when byte i of s starts a character (or is the end). */
static int
at_boundary(struct pair_str s, size_t i)
{
    return i >= s.len || ((unsigned char)s.ptr[i] & 0xC0) != 0x80;
}

json_object *
pair_text_diff(struct pair_call *c, struct pair_str from, struct pair_str to)
{
    size_t max = from.len < to.len ? from.len : to.len;
    size_t pre = 0;
    while (pre < max && from.ptr[pre] == to.ptr[pre])
        pre++;
    while (pre > 0 && !(at_boundary(from, pre) && at_boundary(to, pre)))
        pre--;
    size_t suf = 0;
    while (suf < max - pre && from.ptr[from.len - 1 - suf] == to.ptr[to.len - 1 - suf])
        suf++;
    while (suf > 0 && !(at_boundary(from, from.len - suf) && at_boundary(to, to.len - suf)))
        suf--;

    json_object *arr = pair_json_own(c, json_object_new_array());
    if (arr == NULL)
        return NULL;
    size_t keep_before = pair_utf16_len(from.ptr, pre);
    size_t deleted = pair_utf16_len(from.ptr + pre, from.len - pre - suf);
    size_t keep_after = pair_utf16_len(from.ptr + from.len - suf, suf);
    const char *ins = to.ptr + pre;
    size_t ins_len = to.len - pre - suf;

    if (keep_before > 0)
        json_object_array_add(arr, json_object_new_int64((int64_t)keep_before));
    if (deleted > 0 || ins_len > 0) {
        json_object *part = json_object_new_array();
        json_object_array_add(arr, part);
        json_object_array_add(part, json_object_new_int64((int64_t)deleted));
        if (ins_len > 0) {
            const char *p = ins, *end = ins + ins_len;
            for (;;) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                const char *stop = nl != NULL ? nl : end;
                json_object_array_add(part, json_object_new_string_len(p, (int)(stop - p)));
                if (nl == NULL)
                    break;
                p = nl + 1;
            }
        }
    }
    if (keep_after > 0)
        json_object_array_add(arr, json_object_new_int64((int64_t)keep_after));
    return arr;
}
