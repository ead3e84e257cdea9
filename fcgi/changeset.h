/*
 * changeset.h: CodeMirror 6 change sets, parsed, validated and applied.
 *
 * The wire form is ChangeSet.toJSON(): an array whose elements are a number n
 * (keep n units), [n] (delete n units) or [n, "line", ...] (replace n units
 * with the lines joined by "\n"). Units are UTF-16 code units, as the
 * browser counts; documents are stored as UTF-8. Parsing checks the shape and
 * bounds; applying checks the lengths against the actual text and never
 * splits a character. Both are linear in their input.
 */
#ifndef PAIR_CHANGESET_H
#define PAIR_CHANGESET_H

#include <json-c/json.h>
#include <stddef.h>

#include "err.h"

#define PAIR_CHANGESET_PARTS_MAX 100000

/* One step: keep `keep` units, then delete `del` units and insert `ins`. */
struct pair_change_op {
    size_t keep;
    size_t del;
    struct pair_str ins; /* UTF-8, lines already joined */
};

struct pair_changeset {
    struct pair_change_op *ops; /* arena-owned */
    size_t nops;
    size_t len_before; /* UTF-16 units the set covers */
    size_t len_after;  /* UTF-16 units it produces */
    size_t ins_bytes;  /* UTF-8 bytes it inserts */
    size_t del_total;  /* UTF-16 units it deletes */
};

/* Parses a ChangeSet.toJSON() value. Fails with PAIR_E_INVALID (detail says
 * what is wrong) for any other shape, negative or non-integer lengths,
 * non-string or non-UTF-8 insertions, or more than PAIR_CHANGESET_PARTS_MAX
 * parts. */
enum pair_err pair_changeset_parse(struct pair_call *c, json_object *v, struct pair_changeset *out);

/*
 * Applies cs to doc (valid UTF-8 whose UTF-16 length must be
 * cs->len_before), writing the result into the arena. Fails with
 * PAIR_E_INVALID when a position falls inside a surrogate pair or the
 * lengths do not match the text.
 */
enum pair_err pair_changeset_apply(struct pair_call *c, const struct pair_changeset *cs,
                                   struct pair_str doc, struct pair_str *out);

/* True when the change set changes nothing (keeps everything). */
int pair_changeset_empty(const struct pair_changeset *cs);

#endif
