/*
 * ac_lex.h: the autocomplete engine's tokenizers, one per language family.
 *
 * A tokenizer turns a document into words, numbers, punctuation and line
 * breaks, and skips what is not code: comments and string literals (JSON,
 * YAML, Markdown and plain text keep their strings, where the words are).
 * Identifiers may hold any Unicode letter, mark, digit or connector, as the
 * languages' own grammars allow (UAX #31 classes, decided by pcre2 once per
 * process). Tokens point into the text; nothing is copied.
 */
#ifndef PAIR_AC_LEX_H
#define PAIR_AC_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* The languages with a tokenizer (and word lists) of their own. */
enum pair_ac_lang {
    PAIR_AC_GENERIC, /* plaintext, markdown and anything unknown */
    PAIR_AC_PYTHON,
    PAIR_AC_JAVASCRIPT,
    PAIR_AC_TYPESCRIPT,
    PAIR_AC_C,
    PAIR_AC_CPP,
    PAIR_AC_JAVA,
    PAIR_AC_GO,
    PAIR_AC_RUST,
    PAIR_AC_CLIKE, /* C#, Kotlin, Swift, Scala, Dart: // and slash-star comments */
    PAIR_AC_PHP,
    PAIR_AC_RUBY,
    PAIR_AC_SHELL,
    PAIR_AC_SQL,
    PAIR_AC_HTML,
    PAIR_AC_XML,
    PAIR_AC_CSS,
    PAIR_AC_JSON,
    PAIR_AC_YAML,
    PAIR_AC_LANG__MAX
};

enum pair_ac_tok_type {
    PAIR_AC_WORD = 1, /* identifier or keyword */
    PAIR_AC_NUMBER,
    PAIR_AC_PUNCT,   /* an operator or bracket: "->", "::", ".", "(" ... */
    PAIR_AC_NEWLINE, /* one or more line breaks in code */
    PAIR_AC_TEXT,    /* a comment or a literal (spans only, never in the token stream) */
};

/* One token: text[off .. off+len). Equal texts have equal hashes. */
struct pair_ac_token {
    uint32_t off;
    uint32_t len;
    uint32_t hash;
    uint32_t type; /* enum pair_ac_tok_type */
};

struct pair_ac_tokens {
    struct pair_ac_token *v; /* arena-owned; n entries in text order */
    size_t n;
    /* The comments and literals that were skipped, as PAIR_AC_TEXT spans
     * (arena-owned, in text order, hash 0). */
    struct pair_ac_token *spans;
    size_t nspans;
    bool cursor_in_text; /* the cursor given to pair_ac_lex is inside a comment or a string */
};

/* Builds the process-wide Unicode identifier tables with pcre2, once (safe
 * to call from any thread, any number of times; pair_ac_lex calls it).
 * Returns 0, or -1 when pcre2 or memory fails. */
int pair_ac_lex_init(void);

/* The language a name denotes ("python", "py", "c++", "tsx" ...); an unknown
 * name is PAIR_AC_GENERIC. name is NUL-terminated. */
enum pair_ac_lang pair_ac_lang_of(const char *name);

/* The canonical name of lang ("generic" for PAIR_AC_GENERIC). */
const char *pair_ac_lang_name(enum pair_ac_lang lang);

/*
 * Tokenizes text (valid UTF-8, at most 4 GiB) as lang. cursor is a byte
 * offset whose surroundings are reported in out->cursor_in_text, or
 * SIZE_MAX for none. The token array belongs to the call's arena. Fails
 * only with PAIR_E_NOMEM (or PAIR_E_INTERNAL when the tables failed).
 */
enum pair_err pair_ac_lex(struct pair_call *c, enum pair_ac_lang lang, struct pair_str text,
                          size_t cursor, struct pair_ac_tokens *out);

/* The 32-bit hash tokens use, over s[0..len). */
uint32_t pair_ac_hash(const char *s, size_t len);

/* True when the code point may start (start) or continue an identifier in
 * lang, '$' and '-' included where the language allows them. */
bool pair_ac_ident_char(enum pair_ac_lang lang, uint32_t cp, bool start);

/* Decodes the character of valid UTF-8 s[i..len) into *cp and returns its
 * byte length (1-4). */
size_t pair_ac_utf8_next(const char *s, size_t len, size_t i, uint32_t *cp);

/* Is w[0..len) one of the words of the space-separated list (ignoring case
 * with nocase)? */
bool pair_ac_word_in(const char *w, size_t len, const char *list, bool nocase);

#endif
