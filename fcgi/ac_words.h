/*
 * ac_words.h: the words a language brings before any document does:
 * keywords, builtins, standard-library modules, types and members.
 *
 * Each list is written in rough order of how often the word appears in
 * real code, so that a word's rank can serve as a prior when the document
 * gives no evidence. The tables are built once per process and read-only
 * afterwards, so any thread may read them.
 */
#ifndef PAIR_AC_WORDS_H
#define PAIR_AC_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ac_lex.h"

/* What a suggestion is; the wire names are in pair_ac_kind_name(). */
enum pair_ac_kind {
    PAIR_AC_KEYWORD,
    PAIR_AC_BUILTIN,
    PAIR_AC_VARIABLE,
    PAIR_AC_FUNCTION,
    PAIR_AC_PROPERTY,
    PAIR_AC_MODULE,
    PAIR_AC_TYPE,
    PAIR_AC_SNIPPET,
    PAIR_AC_KIND__MAX
};

/* Where a known word is used. */
enum pair_ac_place {
    PAIR_AC_ANYWHERE,
    PAIR_AC_AFTER_MEMBER, /* after '.', '->' or '::' (methods, fields) */
    PAIR_AC_AFTER_HASH,   /* after '#' at the start of a line (C directives) */
    PAIR_AC_IN_INCLUDE,   /* a header's name: after "#include <" or a '/' in it */
};

/* One known word. rank is its position in its list (0 = most common), of
 * group_size words. */
struct pair_ac_word {
    const char *text; /* NUL-terminated, static */
    uint16_t len;
    uint8_t kind;  /* enum pair_ac_kind */
    uint8_t place; /* enum pair_ac_place */
    uint16_t rank;
    uint16_t group_size;
    /* The words before and after it in its list, NUL-terminated, or NULL
     * at either end: lists of constants are written in their canonical
     * order (errno values, terminal flags, token types), so a
     * declaration's neighbours name its neighbours there. */
    const char *pred, *succ;
    bool in_sequence; /* its list is a canonical sequence, not a family */
};

/* Builds the tables once (any thread, any number of times). 0, or -1 when
 * memory ran out (the lists are then empty). */
int pair_ac_words_init(void);

/* lang's words sorted by their bytes (memcmp order), in *out; returns
 * how many. Empty before pair_ac_words_init. */
size_t pair_ac_words(enum pair_ac_lang lang, const struct pair_ac_word **out);

/* The word s[0..len) of lang, or NULL; when it has several places, any
 * one of its entries (they are next to each other in the table). */
const struct pair_ac_word *pair_ac_word_find(enum pair_ac_lang lang, const char *s, size_t len);

/* s[0..len), of token hash `hash` (pair_ac_hash), is a keyword of the
 * language valid anywhere. */
bool pair_ac_is_keyword(enum pair_ac_lang lang, const char *s, size_t len, uint32_t hash);

/* The wire name of a kind: "keyword", "builtin", ... */
const char *pair_ac_kind_name(enum pair_ac_kind kind);

/* The known members of the receiver name[0..len) in lang ("os",
 * "os.path", "Math", "std"), space-separated, most used first; NULL when
 * the receiver is not a well-known one. */
const char *pair_ac_receiver_members(enum pair_ac_lang lang, const char *name, size_t len);

/* True when lang's keywords are case-insensitive (SQL). */
int pair_ac_lang_case_insensitive(enum pair_ac_lang lang);

#endif
