/*
 * fuzz_changeset.c: the change-set parser and applier on arbitrary input.
 *
 * The input is a document and a change set separated by the first NUL byte.
 * Whatever the bytes, parsing must not crash; when a change set parses and
 * applies, the result must be valid UTF-8 of exactly the length the change
 * set announced.
 */
#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/changeset.h"
#include "../../fcgi/input.h"
#include "../../fcgi/text.h"
#include "../../fcgi/validate.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct pair_arena *arena;
    if (arena == NULL) {
        if (pair_validate_init() != 0)
            abort();
        arena = pair_arena_new();
    }
    const uint8_t *nul = memchr(data, 0, size);
    if (nul == NULL)
        return 0;
    struct pair_str doc = {(const char *)data, (size_t)(nul - data)};
    const char *json = (const char *)nul + 1;
    size_t json_len = size - doc.len - 1;
    if (!pair_utf8_valid(doc.ptr, doc.len) || json_len > INT32_MAX)
        return 0;

    struct pair_call c = {.arena = arena};
    json_tokener *tok = json_tokener_new_ex(PAIR_JSON_DEPTH);
    json_object *v = json_tokener_parse_ex(tok, json, (int)json_len);
    json_tokener_free(tok);
    pair_json_own(&c, v);

    struct pair_changeset cs;
    if (pair_changeset_parse(&c, v, &cs) == PAIR_OK &&
        cs.len_before == pair_utf16_len(doc.ptr, doc.len)) {
        struct pair_str out;
        if (pair_changeset_apply(&c, &cs, doc, &out) == PAIR_OK) {
            if (!pair_utf8_valid(out.ptr, out.len) ||
                pair_utf16_len(out.ptr, out.len) != cs.len_after ||
                out.len != doc.len + cs.ins_bytes - (doc.len - (out.len - cs.ins_bytes)))
                abort();
        }
    }
    pair_arena_clear(arena);
    return 0;
}
