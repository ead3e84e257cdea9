/*
 * text.h: document text measured the way the browser measures it.
 *
 * Documents are stored as UTF-8; positions and lengths on the wire count
 * UTF-16 code units, so a character outside the BMP counts two.
 */
#ifndef PAIR_TEXT_H
#define PAIR_TEXT_H

#include <json-c/json.h>
#include <stddef.h>

#include "err.h"

/* UTF-16 length of valid UTF-8 text s[0..len). */
size_t pair_utf16_len(const char *s, size_t len);

/*
 * The change set (CodeMirror's ChangeSet.toJSON() form) that turns `from`
 * into `to`: the common prefix and suffix are kept, the middle replaced.
 * Both texts must be valid UTF-8; the split never falls inside a character.
 * The array belongs to the call's arena; NULL when out of memory.
 */
json_object *pair_text_diff(struct pair_call *c, struct pair_str from, struct pair_str to);

#endif
