/*
 * input.h: request fields from a query string and a JSON body.
 *
 * The seed API takes the same fields either as query parameters or as a JSON
 * object; a handler asks for a field by name and kind and gets its raw text,
 * already type-checked, to hand to a validator. The parsers here are the ones
 * the fuzz target drives.
 */
#ifndef PAIR_INPUT_H
#define PAIR_INPUT_H

#include <json-c/json.h>
#include <stdbool.h>

#include "err.h"

#define PAIR_JSON_DEPTH 32

struct pair_kv {
    struct pair_str key, value;
};

struct pair_input {
    struct pair_kv *query;
    size_t nquery;
    json_object *body; /* NULL when the request had no JSON body */
};

enum pair_kind { PAIR_STRING, PAIR_INTEGER };

/* Parses an application/x-www-form-urlencoded query string: '&'-separated
 * pairs, '+' as space, %XX escapes. Keys and values are decoded into the
 * arena; a pair without '=' has an empty value. A malformed escape or decoded
 * text that is not UTF-8 fails with PAIR_E_INVALID. */
enum pair_err pair_query_parse(struct pair_call *c, const char *qs, size_t len,
                               struct pair_kv **out, size_t *n);

/* The first value for key, or NULL. */
const struct pair_str *pair_query_get(const struct pair_kv *kv, size_t n, const char *key);

/* Parses body as one JSON object (strict, UTF-8 checked, depth-bounded). The
 * object belongs to the call's arena. Anything else fails with PAIR_E_JSON. */
enum pair_err pair_json_parse(struct pair_call *c, struct pair_str body, json_object **out);

/*
 * Looks up field `key`, first in the JSON body, then in the query. A body
 * value of the wrong JSON type fails with PAIR_E_INVALID; an INTEGER comes
 * back as its decimal text. *found tells whether the field was there at all
 * (out is untouched when not).
 */
enum pair_err pair_input_get(struct pair_call *c, const struct pair_input *in, const char *key,
                             enum pair_kind kind, struct pair_str *out, bool *found);

/* Like pair_input_get, but a missing field fails with PAIR_E_INVALID. */
enum pair_err pair_input_need(struct pair_call *c, const struct pair_input *in, const char *key,
                              enum pair_kind kind, struct pair_str *out);

/* Serializes obj compactly into the arena. NULL when out of memory. */
struct pair_str pair_json_text(struct pair_call *c, json_object *obj);

/* Creates a json-c object owned by the call's arena. */
json_object *pair_json_object(struct pair_call *c);

/* Hands o (which may be NULL) to the call's arena: it is put when the
 * request ends. To place an owned object inside another, add
 * json_object_get(o). Returns o, or NULL when o was NULL or memory ran out
 * (o has then been put). */
json_object *pair_json_own(struct pair_call *c, json_object *o);

#endif
