/*
 * autocomplete.h: the context-aware completion engine (the domain; no
 * HTTP here).
 *
 * Given a document, a cursor and a language, it finds the partial word
 * before the cursor and ranks the words that could complete it: the
 * document's own identifiers, the words of its comments and literals, and
 * the language's keywords, builtins and standard-library names. The ranking
 * is a small language model built from the document alone, at request time:
 *
 *   P(w | left)   interpolated n-gram (Witten-Bell) over the document's
 *                 tokens: the two tokens before the cursor, then the one
 *                 before, then a unigram that mixes frequency with a cache
 *                 of the occurrences near the cursor; known words add a prior
 *                 pseudo-count by rank and fit (keywords never after '.');
 *   x P(w | right) / P(w)  the same n-gram backwards from the one or two
 *                 tokens after the cursor (a word followed by '(' there).
 *
 * After "obj.", "ptr->" or "ns::" the two-token context is the receiver and
 * its operator, so names seen after the same receiver come first, and
 * after a well-known receiver ("os.", "Math.", "process.env.", "std::")
 * the members the language's library gives it count as seen there; a word
 * is also weighed by how often it was a member (after '.') or not
 * (elsewhere), by how often it followed '#' (directives, there and not
 * elsewhere), by how much more often than elsewhere names of its shape
 * (UPPER_CASE, TypeCase, camelCase, snake_case, lower, keyword) stand
 * next to the cursor's neighbours, and after "#define" the macros defined
 * already count less. In "#include <" the known words are header names.
 * Words of a comment next to the cursor join the cache a little, and
 * those of the comment right above a declaration being typed count more.
 *
 * Words the document does not spell out can still be candidates: the parts
 * of its identifiers ("xslt" of "xsltFreeDoc", "kind" of "block_kind"), the
 * next number of a numbered name next to the cursor (sb7 after sb5, sb6),
 * the members of its name families (stdout_mode when stdin_fd, stdout_fd
 * and stdin_mode are there), and the name of the value after the cursor
 * ("reader" in "reader=Reader"), which also counts for a word the document
 * has; at most two such words stand among the first five. The cursor's line names the word too: a
 * name assigned is often named after a word of its value (strings included), a value after the name
 * it is assigned to, and one of many after the plural on the line
 * ("for node in nodes"). The words in the cursor's place on parallel
 * declaration lines (struct fields, enum members, keys) count less, and no
 * keyword fits where only a name can follow (after def, class, const ...).
 * A word that is already an element of the list the cursor is in (an
 * import list, arguments, keys) or already declared where the cursor
 * declares (after def, function, class, "#define"; in the same class body
 * or block) counts less, and one declared only in other scopes (the same
 * method in another class) more. When the other elements of that list, or
 * the words in the cursor's place on parallel lines, are in alphabetical
 * order, a word that sorts between its neighbours there counts more and
 * any other less. Before '(' a known function or builtin the document does
 * not use yet counts more. Names come in orders: the word after the one
 * on the line before (in the same place) or the element before in the
 * list, in a known list (errno values, terminal flags, token types; or
 * related names written next to each other) or where the document has
 * the two together elsewhere, counts more, and so does the word before
 * the one after. Where a name is declared (after def, function ...), a
 * library name the document lacks counts less (a special method or a
 * member name does not), and of the document's words those it calls
 * more. A name in the other case of its first letter ("lineComment"
 * beside "LineComment") is a part too. Last, log-linear
 * calibrations fitted on other samples than the reported one correct the
 * score, the last one per language (see calibration, refit and refit_lang
 * in autocomplete.c), and small networks re-rank the 40 best
 * (rerank, fcgi/ac_net.c). The partial word itself is never evidence for
 * itself. Everything a call allocates is in the call's
 * arena; the process-wide tables are built once and read-only afterwards.
 */
#ifndef PAIR_AUTOCOMPLETE_H
#define PAIR_AUTOCOMPLETE_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>

#include "ac_lex.h"
#include "ac_words.h"
#include "err.h"

#define PAIR_AC_MAX 10         /* suggestions in an answer */
#define PAIR_AC_LANG_MAX 32    /* bytes of a language name */
#define PAIR_AC_CONTINUATION 8 /* tokens an insertText may add after the word */

struct pair_ac_item {
    const char *label; /* the whole word, NUL-terminated, arena-owned */
    enum pair_ac_kind kind;
    const char *detail; /* for a person: why it is suggested; NULL for none */
    double score;       /* the model's log-score; higher is better */
};

struct pair_ac_result {
    struct pair_str prefix; /* the partial word before the cursor (points into the text) */
    struct pair_ac_item items[PAIR_AC_MAX];
    size_t n; /* items, best first */
    /* The text to put in place of the partial word when the document makes
     * a longer continuation likely: items[0].label followed by the tokens
     * that usually come after it (up to the end of the line). NULL for none. */
    const char *insert_text;
};

/* The model's knobs. pair_ac_default_model() gives the tuned values; tests
 * and measurements may switch parts off. */
struct pair_ac_model {
    double tau;          /* cache decay, in tokens */
    double cache_mix;    /* share of the cache in the unigram */
    double right_weight; /* exponent of the right-context ratio (0: off) */
    double prior_scale;  /* pseudo-count of the most common known word */
    double text_weight;  /* what one use in a comment or string counts for */
    unsigned cont_votes; /* insertText: occurrences that must agree on each token */
    double cont_share;   /* ... and their least share of the occurrences left */
    bool ngram;          /* use the left n-gram contexts */
    bool continuation;   /* compute insert_text */
    bool calibrate;      /* correct the score with the fitted calibration */
    bool rerank;         /* ... and re-rank the best with the networks (fcgi/ac_net.h) */
    /* When set, called with the re-ranker's inputs for every candidate it
     * could see (before it re-ranks them), to fit it: see
     * tests/tools/ac_features.c. */
    void (*inspect)(void *arg, const char *word, size_t len, int rank_class, const double *inputs);
    void *inspect_arg;
};

/* The tuned model. */
struct pair_ac_model pair_ac_default_model(void);

/* Builds the process-wide tables and patterns once (any thread, any number
 * of times). 0, or -1 when pcre2 or memory failed. */
int pair_ac_init(void);

/* A language name: 1-32 characters of [a-z0-9+#-]. Unknown names are
 * accepted (the generic tokenizer handles them). *out is an arena copy. */
enum pair_err pair_ac_check_language(struct pair_call *c, struct pair_str in, const char **out);

/* Converts cursorPosition (UTF-16 code units from the start of valid UTF-8
 * text) into a byte offset. PAIR_E_INVALID when it is past the end or
 * between the two halves of a surrogate pair. */
enum pair_err pair_ac_cursor(struct pair_call *c, struct pair_str text, long long units,
                             size_t *offset);

/*
 * Completes the word before byte offset cursor (<= text.len, on a character
 * boundary) of text (valid UTF-8) written in language. model may be NULL for
 * the default. *out is filled (n may be 0: nothing to suggest); its strings
 * belong to the call's arena. Fails only with PAIR_E_NOMEM or
 * PAIR_E_INTERNAL.
 */
enum pair_err pair_ac_complete(struct pair_call *c, struct pair_str text, size_t cursor,
                               const char *language, const struct pair_ac_model *model,
                               struct pair_ac_result *out);

/* The wire form: {suggestion, suggestions: [{label, kind, detail?}],
 * insertText?}, owned by the call's arena. NULL when out of memory. */
json_object *pair_ac_json(struct pair_call *c, const struct pair_ac_result *r);

#endif
