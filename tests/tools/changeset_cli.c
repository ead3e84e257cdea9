/*
 * changeset_cli.c: the C change-set code as a filter, for the differential
 * tests against @codemirror/state. Reads JSON lines {"doc": text, "changes":
 * ChangeSet JSON}; writes one JSON line per input: {"ok": true, "doc": result,
 * "length": UTF-16 length} or {"ok": false, "error": detail}.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/changeset.h"
#include "../../fcgi/input.h"
#include "../../fcgi/text.h"
#include "../../fcgi/validate.h"

/* Handles one input line; every path prints exactly one line. */
static void
one(struct pair_call *c, const char *line, size_t len)
{
    json_object *in = NULL, *doc = NULL, *changes = NULL;
    json_object *reply = pair_json_object(c);
    struct pair_str body = {line, len}, result;
    struct pair_changeset cs;
    enum pair_err e = pair_json_parse(c, body, &in);
    if (e == PAIR_OK && (!json_object_object_get_ex(in, "doc", &doc) ||
                         !json_object_is_type(doc, json_type_string)))
        e = pair_fail(c, PAIR_E_INVALID, "doc must be a string");
    if (e == PAIR_OK && !json_object_object_get_ex(in, "changes", &changes))
        e = pair_fail(c, PAIR_E_INVALID, "changes is required");
    if (e == PAIR_OK)
        e = pair_changeset_parse(c, changes, &cs);
    if (e == PAIR_OK) {
        struct pair_str text = {json_object_get_string(doc),
                                (size_t)json_object_get_string_len(doc)};
        if (cs.len_before != pair_utf16_len(text.ptr, text.len))
            e = pair_fail(c, PAIR_E_INVALID, "length mismatch");
        else
            e = pair_changeset_apply(c, &cs, text, &result);
    }
    json_object_object_add(reply, "ok", json_object_new_boolean(e == PAIR_OK));
    if (e == PAIR_OK) {
        json_object_object_add(reply, "doc",
                               json_object_new_string_len(result.ptr, (int)result.len));
        json_object_object_add(
            reply, "length",
            json_object_new_int64((int64_t)pair_utf16_len(result.ptr, result.len)));
        if (pair_utf16_len(result.ptr, result.len) != cs.len_after) {
            fprintf(stderr, "len_after %zu disagrees with the result\n", cs.len_after);
            abort();
        }
    } else {
        json_object_object_add(reply, "error",
                               json_object_new_string(c->detail ? c->detail : pair_strerror(e)));
    }
    struct pair_str out = pair_json_text(c, reply);
    fwrite(out.ptr, 1, out.len, stdout);
    fputc('\n', stdout);
    fflush(stdout);
}

int
main(void)
{
    if (pair_validate_init() != 0)
        return 1;
    struct pair_arena *arena = pair_arena_new();
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        struct pair_call c = {.arena = arena};
        if (line[n - 1] == '\n')
            n--;
        one(&c, line, (size_t)n);
        pair_arena_clear(arena);
    }
    free(line);
    pair_arena_free(arena);
    pair_validate_fini();
    return 0;
}
