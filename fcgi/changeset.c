/*
 * changeset.c: parse and apply CodeMirror change sets over UTF-8 text.
 */
#include "changeset.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "text.h"
#include "validate.h"

/* Longest length a part may name: far beyond any document we accept, small
 * enough that sums cannot overflow. */
#define LEN_MAX (1LL << 40)

/* Reads a non-negative integer length; false for anything else. */
static int
get_len(json_object *v, size_t *out)
{
    if (!json_object_is_type(v, json_type_int))
        return 0;
    errno = 0;
    int64_t n = json_object_get_int64(v);
    if (errno != 0 || n < 0 || n > LEN_MAX)
        return 0;
    *out = (size_t)n;
    return 1;
}

enum pair_err
pair_changeset_parse(struct pair_call *c, json_object *v, struct pair_changeset *out)
{
    memset(out, 0, sizeof(*out));
    if (v == NULL || !json_object_is_type(v, json_type_array))
        return pair_fail(c, PAIR_E_INVALID, "changes must be an array (ChangeSet.toJSON())");
    size_t n = json_object_array_length(v);
    if (n > PAIR_CHANGESET_PARTS_MAX)
        return pair_fail(c, PAIR_E_INVALID, "changes has more than %d parts",
                         PAIR_CHANGESET_PARTS_MAX);
    out->ops = pair_alloc(c->arena, (n + 1) * sizeof(*out->ops));
    if (out->ops == NULL)
        return PAIR_E_NOMEM;
    struct pair_change_op *op = &out->ops[0];
    for (size_t i = 0; i < n; i++) {
        json_object *part = json_object_array_get_idx(v, i);
        size_t len;
        if (get_len(part, &len)) {
            /* A keep after a replacement starts a new step. */
            if (op->del > 0 || op->ins.len > 0 || op->ins.ptr != NULL)
                op = &out->ops[++out->nops];
            op->keep += len;
            out->len_before += len;
            out->len_after += len;
            continue;
        }
        size_t m;
        if (!json_object_is_type(part, json_type_array) ||
            (m = json_object_array_length(part)) == 0 ||
            !get_len(json_object_array_get_idx(part, 0), &len))
            return pair_fail(c, PAIR_E_INVALID,
                             "changes[%zu] must be a length or [length, \"line\", ...]", i);
        /* Join the lines with "\n", checking each. */
        size_t bytes = 0, units = 0;
        for (size_t k = 1; k < m; k++) {
            json_object *line = json_object_array_get_idx(part, k);
            if (!json_object_is_type(line, json_type_string))
                return pair_fail(c, PAIR_E_INVALID, "changes[%zu][%zu] must be a string", i, k);
            size_t ll = (size_t)json_object_get_string_len(line);
            const char *ls = json_object_get_string(line);
            if (!pair_utf8_valid(ls, ll) || memchr(ls, '\0', ll) != NULL)
                return pair_fail(c, PAIR_E_INVALID,
                                 "changes[%zu][%zu] must be UTF-8 text without NUL", i, k);
            bytes += ll + (k > 1);
            units += pair_utf16_len(ls, ll) + (k > 1);
        }
        if (bytes > PAIR_DOC_MAX)
            return pair_fail(c, PAIR_E_TOO_LARGE, "an insertion is larger than %d bytes",
                             PAIR_DOC_MAX);
        char *ins = NULL;
        if (m > 1) {
            ins = pair_alloc(c->arena, bytes + 1);
            if (ins == NULL)
                return PAIR_E_NOMEM;
            size_t o = 0;
            for (size_t k = 1; k < m; k++) {
                json_object *line = json_object_array_get_idx(part, k);
                size_t ll = (size_t)json_object_get_string_len(line);
                if (k > 1)
                    ins[o++] = '\n';
                memcpy(ins + o, json_object_get_string(line), ll);
                o += ll;
            }
        }
        /* Adjacent replacements merge into one step. */
        if (op->ins.len > 0 && ins != NULL) {
            char *joined = pair_alloc(c->arena, op->ins.len + bytes + 1);
            if (joined == NULL)
                return PAIR_E_NOMEM;
            memcpy(joined, op->ins.ptr, op->ins.len);
            memcpy(joined + op->ins.len, ins, bytes);
            op->ins.ptr = joined;
            op->ins.len += bytes;
        } else if (ins != NULL) {
            op->ins.ptr = ins;
            op->ins.len = bytes;
        }
        op->del += len;
        out->len_before += len;
        out->len_after += units;
        out->ins_bytes += bytes;
        out->del_total += len;
        if (out->ins_bytes > PAIR_DOC_MAX)
            return pair_fail(c, PAIR_E_TOO_LARGE, "changes insert more than %d bytes",
                             PAIR_DOC_MAX);
    }
    out->nops = n > 0 ? out->nops + 1 : 0;
    return PAIR_OK;
}

int
pair_changeset_empty(const struct pair_changeset *cs)
{
    return cs->del_total == 0 && cs->ins_bytes == 0;
}

/* Why advancing stopped. */
enum step { STEP_OK, STEP_END, STEP_SPLIT };

/* Advances *pos over `units` UTF-16 units of s. */
static enum step
advance(struct pair_str s, size_t *pos, size_t units)
{
    const unsigned char *p = (const unsigned char *)s.ptr;
    size_t i = *pos;
    while (units > 0) {
        if (i >= s.len)
            return STEP_END;
        unsigned char b = p[i];
        size_t w = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        size_t u = w == 4 ? 2 : 1;
        if (u > units)
            return STEP_SPLIT;
        units -= u;
        i += w;
    }
    *pos = i;
    return STEP_OK;
}

enum pair_err
pair_changeset_apply(struct pair_call *c, const struct pair_changeset *cs, struct pair_str doc,
                     struct pair_str *out)
{
    char *buf = pair_alloc(c->arena, doc.len + cs->ins_bytes + 1);
    if (buf == NULL)
        return PAIR_E_NOMEM;
    size_t pos = 0, o = 0, at = 0;
    enum step st = STEP_OK;
    for (size_t i = 0; i < cs->nops && st == STEP_OK; i++) {
        const struct pair_change_op *op = &cs->ops[i];
        size_t from = pos;
        if ((st = advance(doc, &pos, op->keep)) != STEP_OK)
            break;
        if (pos > from)
            memcpy(buf + o, doc.ptr + from, pos - from);
        o += pos - from;
        at += op->keep;
        if ((st = advance(doc, &pos, op->del)) != STEP_OK)
            break;
        at += op->del;
        if (op->ins.len > 0)
            memcpy(buf + o, op->ins.ptr, op->ins.len);
        o += op->ins.len;
    }
    if (st == STEP_SPLIT)
        return pair_fail(
            c, PAIR_E_INVALID,
            "a change starts or ends inside a surrogate pair (at or after position %zu)", at);
    if (st == STEP_END || pos != doc.len)
        return pair_fail(c, PAIR_E_INVALID, "changes cover %zu units but the document has %zu",
                         cs->len_before, pair_utf16_len(doc.ptr, doc.len));
    buf[o] = '\0';
    out->ptr = buf;
    out->len = o;
    return PAIR_OK;
}
