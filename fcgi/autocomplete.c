/*
 * autocomplete.c: ranking completions with a language model of the
 * document itself (see autocomplete.h for the model).
 *
 * One pass over the tokens gathers, for every word that matches the partial
 * word, its counts: in all, and in each context the cursor has (after its
 * previous token, after its two previous tokens, before its next token,
 * before its next two), and how close
 * its occurrences are to the cursor; plus, per context, the totals that turn
 * counts into probabilities. Only words matching the prefix get a table
 * entry, so the pass costs little more than the tokenizer. Words of comments
 * and literals, found with memchr, count a little; the known words of the
 * language join as candidates with a prior pseudo-count. A second pass
 * over the words adds the parts of identifiers that match the prefix, and
 * a look at the words around the cursor the next of a numbered name; the
 * document's distinct words, cut at their part boundaries, give the
 * members of name families it lacks. The scores are then calibrated. A
 * last, small pass over the best word's occurrences finds a continuation
 * the document makes likely (insertText).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "autocomplete.h"

#include <math.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ac_net.h"
#include "arena.h"
#include "input.h"

/* Weights of the slot evidence, tuned on seeds 1-5 of tests/bench/autocomplete.mjs (never on
 * the seed it reports by default, 20240611). */
#define MEMBER_W 1.0        /* after '.': exponent of how often the word was a member */
#define NONMEMBER_W 0.5     /* elsewhere: ... of how often it was not one */
#define DEFINE_W 2.8        /* after "#define": ... of how often it was not defined */
#define MEMBER_A 0.3        /* the pseudo-count of those ratios */
#define PRIOR_DECAY 10.0    /* a known word's prior halves at this rank */
#define TEXT_LOCAL 0.5      /* cache weight of a comment's word next to the cursor */
#define CONT_OCCURRENCES 64 /* occurrences of the best word examined for insertText */
#define PART_W 0.05         /* what one occurrence of a word a candidate is a part of counts for */
#define DECL_W 2.0 /* after def, class ...: exponent of how seldom a name is declared twice */
/* The keywords after which a name is declared, in the languages that have
 * them (C's struct and Go's type also name types already declared). */
#define DECLARES "def function fn func class interface enum trait"
#define SEQ_W 1.0          /* log-bonus of the next number of a numbered name nearby */
#define SEQ_SPAN 64        /* tokens searched for it each way */
#define LIST_W 2.0         /* log-penalty of a word already an element of the cursor's list */
#define LIST_SPAN 400      /* tokens searched for the brackets around the cursor's list */
#define SIBLINGS_MAX 64    /* list elements remembered */
#define ECHO_W 1.0         /* log-bonus of the name of the value after '=' or ':' */
#define ECHO_CASE_W 1.0    /* ... of it in another case ("reader=Reader") */
#define ECHO_PC 0.5        /* its pseudo-count when the document lacks it */
#define ANALOGY_PC 0.35    /* pseudo-count of a name a family implies, per family */
#define ANALOGY_WORK 20000 /* steps of the search for them */
#define ANALOGY_MAX 512    /* names made so, at most (each costs a score) */
#define PAR_W 1.5          /* log-penalty of the word in the same place of a parallel line */
#define PAR_LINES 12       /* lines looked at each way for parallel ones */
#define PAR_PREFIX 6       /* tokens before the word that parallel lines share, at most */
#define DIRECTIVE_W 1.0    /* elsewhere: exponent of how often a word was not a directive */
#define SHAPE_W 0.5      /* exponent of how much the cursor's neighbours favour the word's shape */
#define SHAPE_A 4.0      /* the pseudo-count of those shares */
#define DECL_KW_W 8.0    /* log-penalty of a keyword where a name is declared */
#define SORT_MIN 3       /* elements a list needs to be taken as sorted */
#define SORT_IN_W 1.0    /* log-bonus of a word that sorts into the cursor's place */
#define SORT_OUT_W 2.0   /* log-penalty of one that does not */
#define DECL_OTHER_W 1.0 /* log-bonus of a name declared in other scopes only */
#define LINE_RHS_W 1.5   /* log-bonus, where a name is assigned, of a word of the value */
#define LINE_LHS_W 2.0   /* ... in the value, of the name assigned to */
#define LINE_ONE_W 1.5   /* ... of the singular of a plural on the line */
#define CALL_W 2.0       /* before '(', log-bonus of a known function the document lacks */
#define INVENTED_TOP 2   /* such words among the first five, at most */
#define RECV_PC 2.0      /* pseudo-count of a well-known receiver's first member */
#define RECV_DECAY 10.0  /* ... which halves at this rank */
#define RECV_W 2.0       /* log-bonus of a well-known receiver's member */
#define DECL_LIB_W 2.0   /* where a name is declared, log-penalty of a library name it lacks */
#define DECL_CALL_W 0.5  /* ... exponent of how often a word the document has is called */
#define ORDER_W 6.0      /* log-bonus of a known word next in its sequence to the word beside */
#define ADJ_W 2.0        /* ... next to it in another list (a related name) */
#define DOC_ABOVE_W 1.0  /* log-bonus of a word of the comment above the declaration typed */
#define DOC_ORDER_W 2.0  /* ... of a word next to it in the same way elsewhere in the document */

static pcre2_code *lang_pattern;
static pthread_once_t ac_once = PTHREAD_ONCE_INIT;
static int ac_status = -1;

/* The once-per-process initialization behind pair_ac_init: the tokenizer
 * tables, the word lists and the language-name pattern. */
static void
ac_build(void)
{
    if (pair_ac_lex_init() != 0 || pair_ac_words_init() != 0)
        return;
    int errcode;
    PCRE2_SIZE erroff;
    lang_pattern = pcre2_compile((PCRE2_SPTR) "^[a-z0-9+#-]{1,32}$", PCRE2_ZERO_TERMINATED,
                                 PCRE2_DOLLAR_ENDONLY, &errcode, &erroff, NULL);
    if (lang_pattern != NULL)
        ac_status = 0;
}

int
pair_ac_init(void)
{
    pthread_once(&ac_once, ac_build);
    return ac_status;
}

struct pair_ac_model
pair_ac_default_model(void)
{
    return (struct pair_ac_model){
        .tau = 150.0,
        .cache_mix = 0.5,
        .right_weight = 1.0,
        .prior_scale = 2.0,
        .text_weight = 0.1,
        .cont_votes = 3,
        .cont_share = 0.75,
        .ngram = true,
        .continuation = true,
        .calibrate = true,
        .rerank = true,
    };
}

/* ---------- arithmetic without libm ---------- */

/* Natural logarithm of x > 0 (relative error below 1e-7): x = m * 2^e with
 * m in [0.5, 1), and ln m from the atanh series, which converges fast there. */
static double
ac_log(double x)
{
    if (x <= 0)
        return -1e30;
    int e;
    double m = frexp(x, &e);
    double y = (m - 1) / (m + 1), y2 = y * y;
    double s =
        y *
        (2 + y2 * (2.0 / 3 + y2 * (2.0 / 5 + y2 * (2.0 / 7 + y2 * (2.0 / 9 + y2 * (2.0 / 11))))));
    return s + e * 0.69314718055994530942;
}

/* ---------- input checks ---------- */

enum pair_err
pair_ac_check_language(struct pair_call *c, struct pair_str in, const char **out)
{
    if (pair_ac_init() != 0)
        return pair_fail(c, PAIR_E_INTERNAL, "autocomplete is not available");
    bool ok = false;
    if (in.len >= 1 && in.len <= PAIR_AC_LANG_MAX) {
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(lang_pattern, NULL);
        if (md == NULL)
            return PAIR_E_NOMEM;
        ok = pcre2_match(lang_pattern, (PCRE2_SPTR)in.ptr, in.len, 0, 0, md, NULL) >= 0;
        pcre2_match_data_free(md);
    }
    if (!ok)
        return pair_fail(c, PAIR_E_INVALID,
                         "language must be 1-32 characters of a-z, 0-9, '+', '#' and '-' "
                         "(for example python, javascript, cpp)");
    *out = pair_strndup(c->arena, in.ptr, in.len);
    return *out != NULL ? PAIR_OK : PAIR_E_NOMEM;
}

enum pair_err
pair_ac_cursor(struct pair_call *c, struct pair_str text, long long units, size_t *offset)
{
    const unsigned char *s = (const unsigned char *)text.ptr;
    long long u = 0;
    size_t i = 0;
    while (u < units && i < text.len) {
        unsigned char ch = s[i];
        size_t k = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
        if (k == 4 && u + 1 == units)
            return pair_fail(c, PAIR_E_INVALID,
                             "cursorPosition %lld falls between the two halves of a surrogate "
                             "pair",
                             units);
        u += k == 4 ? 2 : 1;
        i += k;
    }
    if (units < 0 || u < units)
        return pair_fail(c, PAIR_E_INVALID,
                         "cursorPosition %lld is out of range: code has %lld UTF-16 code units",
                         units, u);
    *offset = i;
    return PAIR_OK;
}

/* ---------- the per-request model ---------- */

/* The contexts of the cursor a word occurrence can share: the token before,
 * the two before, the token after, the two after. */
enum ctx_kind { CTX_LEFT1, CTX_LEFT2, CTX_RIGHT1, CTX_RIGHT2, CTX__MAX };

/* Everything known about one candidate word. */
struct cand {
    const char *text; /* the word's bytes (in the document or a static list) */
    uint32_t len, hash;
    uint32_t freq;           /* occurrences, the partial word excluded */
    uint32_t text_freq;      /* occurrences in comments and strings */
    uint32_t hits[CTX__MAX]; /* ... in each context of the cursor */
    uint32_t calls;          /* ... followed by '(' */
    uint32_t members;        /* ... after '.', '->', '::' */
    uint32_t defs_fn;        /* ... after def, function, fn, func */
    uint32_t defs_type;      /* ... after class, struct, interface, type, new ... */
    uint32_t imports;        /* ... after import, from, use, require, package */
    uint32_t defines;        /* ... after a line's "#define" */
    uint32_t directives;     /* ... after a line's '#' */
    uint32_t decls;          /* ... after a keyword of DECLARES */
    uint32_t decls_here;     /* ... of those, in the scope the cursor declares in */
    uint32_t nearest;        /* token distance of the closest occurrence */
    uint32_t parts;          /* occurrences of words it is a part of (see derive) */
    uint8_t seq;             /* the numbered words next to the cursor make it next (0-2) */
    uint8_t echo;            /* the name after '=' or ':': 1 as written, 2 in another case */
    uint16_t analogies;      /* name families that imply it (see analogy) */
    uint16_t recv;           /* 1 + its rank among the known members of the receiver, or 0 */
    uint8_t line;            /* LINE_* bits: what the cursor's line says of it */
    uint8_t in_order;        /* a known list puts it next to the word beside the cursor's: 2
                              * in a canonical sequence, 1 in another list */
    uint8_t doc_order;       /* places elsewhere that put it next to that word, at most 3 */
    bool doc_above;          /* in the comment right above a declaration being typed */
    bool invented;           /* made by the sequence, absent from the document */
    double local;            /* cache weight: sum of tau / (tau + distance) */
    const struct pair_ac_word *known;
    uint8_t match; /* 2: starts with the prefix as typed; 1: only ignoring case */
    bool used;
    double score;
};

/* A set of 32-bit hashes, to count distinct words in a context. */
struct hset {
    uint32_t *v;
    size_t cap, n;
};

/* How many words occur in one context, and how many distinct ones. */
struct ctx_stat {
    uint32_t total;
    struct hset types;
};

/* The shapes of names: how a token's case and underscores look. */
enum shape {
    SHAPE_UPPER,
    SHAPE_TYPE,
    SHAPE_CAMEL,
    SHAPE_SNAKE,
    SHAPE_LOWER,
    SHAPE_KEYWORD,
    SHAPE__MAX
};

/* Word tokens of one context by shape, and in all. */
struct shape_count {
    uint32_t n[SHAPE__MAX];
    uint32_t total;
};

/* One completion's working state, in the call's arena. */
struct ctx {
    struct pair_call *c;
    struct pair_ac_model m;
    enum pair_ac_lang lang;
    struct pair_str text;
    const struct pair_ac_token *tok;
    size_t n;
    const struct pair_ac_token *spans; /* comments and literals */
    size_t nspans;
    long t;              /* the partial word's token, or -1 */
    long anchor;         /* the token position of the cursor, for distances */
    long p1, p2, n1, n2; /* the tokens before and after the cursor, or -1 */
    struct pair_str prefix;
    bool member;              /* p1 is '.', '->', '::' or '?.' */
    enum pair_ac_place place; /* what kind of known word fits at the cursor */
    bool prose;               /* the cursor is in a comment or string */
    bool defining;            /* the cursor follows a line's "#define" */
    bool declaring;           /* the cursor follows def, function, class ... (DECLARES) */
    long scope_lo, scope_hi;  /* ... in the class or block of these tokens */
    bool names_only;          /* ... or another keyword that only a name follows */
    long sib[SIBLINGS_MAX];   /* the other elements of the list the cursor starts an element of */
    size_t nsib;
    long sort_prev, sort_next; /* in a sorted list, the elements around the cursor, or -1 */
    bool sort_fold;            /* ... sorted ignoring ASCII case */
    bool sorted;               /* the cursor's list is sorted */
    long par[2 * PAR_LINES];   /* the words in the cursor's place on parallel lines */
    const char *recv;          /* the known members of the receiver before '.', or NULL */
    size_t above_lo, above_hi; /* bytes of the comment ending right above a line the cursor
                                * starts a declaration on (above_lo == above_hi: none) */
    size_t npar;
    struct cand *tab;
    size_t cap, count;
    double words;                           /* word tokens, the partial word excluded */
    uint32_t shapes[SHAPE__MAX];            /* word tokens by shape */
    struct shape_count shapes_after;        /* ... after the token before the cursor */
    struct shape_count shapes_before;       /* ... before the token after it */
    struct shape_count shapes_after2;       /* ... after the two tokens before the cursor */
    struct shape_count shapes_before2;      /* ... before the two tokens after it */
    int shape_p1, shape_n1;                 /* the shapes of the words around the cursor, or -1 */
    struct shape_count shapes_after_shape;  /* ... after a word of p1's shape */
    struct shape_count shapes_before_shape; /* ... before a word of n1's shape */
    struct ctx_stat stat[CTX__MAX];         /* all words in each context of the cursor */
};

/* The bytes of token i. */
static const char *
tok_ptr(const struct ctx *x, size_t i)
{
    return x->text.ptr + x->tok[i].off;
}

/* Tokens i and j have the same text. */
static bool
same(const struct ctx *x, size_t i, size_t j)
{
    const struct pair_ac_token *a = &x->tok[i], *b = &x->tok[j];
    return a->hash == b->hash && a->len == b->len &&
           memcmp(x->text.ptr + a->off, x->text.ptr + b->off, a->len) == 0;
}

/* Token i is the NUL-terminated string s. */
static bool
tok_is(const struct ctx *x, long i, const char *s)
{
    if (i < 0)
        return false;
    size_t k = strlen(s);
    return x->tok[i].len == k && memcmp(tok_ptr(x, (size_t)i), s, k) == 0;
}

/* Token i is one of the words of the space-separated list. */
static bool
tok_in(const struct ctx *x, long i, const char *list)
{
    if (i < 0 || x->tok[i].type != PAIR_AC_WORD)
        return false;
    return pair_ac_word_in(tok_ptr(x, (size_t)i), x->tok[i].len, list, false);
}

/* Token i is a member access operator. */
static bool
is_member_op(const struct ctx *x, long i)
{
    return i >= 0 && x->tok[i].type == PAIR_AC_PUNCT &&
           (tok_is(x, i, ".") || tok_is(x, i, "->") || tok_is(x, i, "::") || tok_is(x, i, "?."));
}

/* ASCII lower case of ch (other bytes unchanged). */
static unsigned char
fold(unsigned char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch + 32) : ch;
}

/* 2 when w starts with the prefix as typed (or, in a case-insensitive
 * language, ignoring case), 1 when only ASCII case differs, 0 otherwise. */
static int
prefix_match(const struct ctx *x, const char *w, size_t len)
{
    const struct pair_str p = x->prefix;
    if (len < p.len)
        return 0;
    if (memcmp(w, p.ptr, p.len) == 0)
        return 2;
    for (size_t i = 0; i < p.len; i++)
        if (fold((unsigned char)w[i]) != fold((unsigned char)p.ptr[i]))
            return 0;
    return pair_ac_lang_case_insensitive(x->lang) ? 2 : 1;
}

/* Adds h to the set (growing it); false when out of memory. */
static bool
hset_add(struct pair_arena *a, struct hset *s, uint32_t h)
{
    h |= 1; /* 0 marks an empty slot */
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        uint32_t *v = pair_alloc(a, cap * sizeof(*v));
        if (v == NULL)
            return false;
        for (size_t i = 0; i < s->cap; i++)
            if (s->v[i] != 0) {
                size_t k = s->v[i] & (cap - 1);
                while (v[k] != 0)
                    k = (k + 1) & (cap - 1);
                v[k] = s->v[i];
            }
        s->v = v;
        s->cap = cap;
    }
    size_t k = h & (s->cap - 1);
    while (s->v[k] != 0) {
        if (s->v[k] == h)
            return true;
        k = (k + 1) & (s->cap - 1);
    }
    s->v[k] = h;
    s->n++;
    return true;
}

/* The candidate for the word w[0..len) of the given hash, or NULL when
 * there is none. */
static struct cand *
cand_find(const struct ctx *x, const char *w, size_t len, uint32_t hash)
{
    if (x->cap == 0)
        return NULL;
    for (size_t k = hash & (x->cap - 1); x->tab[k].used; k = (k + 1) & (x->cap - 1)) {
        struct cand *cd = &x->tab[k];
        if (cd->hash == hash && cd->len == len && memcmp(cd->text, w, len) == 0)
            return cd;
    }
    return NULL;
}

/* The candidate for the word w[0..len), made when missing; NULL when out
 * of memory. */
static struct cand *
cand_get(struct ctx *x, const char *w, size_t len, uint32_t hash)
{
    if ((x->count + 1) * 2 > x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 256;
        struct cand *tab = pair_alloc(x->c->arena, cap * sizeof(*tab));
        if (tab == NULL)
            return NULL;
        for (size_t i = 0; i < x->cap; i++)
            if (x->tab[i].used) {
                size_t k = x->tab[i].hash & (cap - 1);
                while (tab[k].used)
                    k = (k + 1) & (cap - 1);
                tab[k] = x->tab[i];
            }
        x->tab = tab;
        x->cap = cap;
    }
    size_t k = hash & (x->cap - 1);
    for (;;) {
        struct cand *cd = &x->tab[k];
        if (!cd->used) {
            *cd = (struct cand){
                .text = w, .len = (uint32_t)len, .hash = hash, .used = true, .nearest = UINT32_MAX};
            x->count++;
            return cd;
        }
        if (cd->hash == hash && cd->len == len && memcmp(cd->text, w, len) == 0)
            return cd;
        k = (k + 1) & (x->cap - 1);
    }
}

/* The cursor names a header: the line so far is "#include <" then words
 * separated by '/', '.', '-' or '+', and the token before is '<' or '/'. */
static bool
in_include(const struct ctx *x)
{
    if (!tok_is(x, x->p1, "<") && !tok_is(x, x->p1, "/"))
        return false;
    for (long i = x->p1; i >= 2 && i > x->p1 - 24; i--) {
        if (x->tok[i].type == PAIR_AC_NEWLINE)
            return false;
        if (tok_is(x, i, "<"))
            return tok_in(x, i - 1, "include include_next import") && tok_is(x, i - 2, "#");
        if (x->tok[i].type != PAIR_AC_WORD && !tok_is(x, i, "/") && !tok_is(x, i, ".") &&
            !tok_is(x, i, "-") && !tok_is(x, i, "+"))
            return false;
    }
    return false;
}

/* The first token at or after byte offset off. */
static long
token_at(const struct ctx *x, size_t off)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->tok[mid].off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo;
}

/* Finds the partial word and the context tokens around the cursor. */
static void
locate(struct ctx *x, size_t cursor, bool cursor_in_text)
{
    x->t = x->p1 = x->p2 = x->n1 = x->n2 = -1;
    x->prefix = (struct pair_str){x->text.ptr + cursor, 0};
    if (cursor_in_text) {
        /* In a comment or string: the word before the cursor, by characters. */
        size_t a = cursor;
        while (a > 0) {
            size_t b = a - 1;
            while (b > 0 && ((unsigned char)x->text.ptr[b] & 0xC0) == 0x80)
                b--;
            uint32_t cp;
            pair_ac_utf8_next(x->text.ptr, x->text.len, b, &cp);
            if (!pair_ac_ident_char(x->lang, cp, false))
                break;
            a = b;
        }
        while (a < cursor) {
            uint32_t cp;
            size_t k = pair_ac_utf8_next(x->text.ptr, x->text.len, a, &cp);
            if (pair_ac_ident_char(x->lang, cp, true))
                break;
            a += k;
        }
        x->prose = true;
        x->prefix = (struct pair_str){x->text.ptr + a, cursor - a};
        x->anchor = token_at(x, cursor);
        return;
    }
    /* lo: the first token starting at or after the cursor. */
    size_t lo = (size_t)token_at(x, cursor);
    long before = (long)lo - 1;
    if (before >= 0 && x->tok[before].off + x->tok[before].len >= cursor &&
        x->tok[before].type != PAIR_AC_PUNCT && x->tok[before].type != PAIR_AC_NEWLINE) {
        x->t = before;
        x->anchor = before;
        if (x->tok[before].type == PAIR_AC_WORD)
            x->prefix = (struct pair_str){tok_ptr(x, (size_t)before), cursor - x->tok[before].off};
        else
            x->prefix = (struct pair_str){NULL, 0}; /* inside a number: nothing to complete */
        x->p1 = before - 1;
        x->p2 = before - 2;
        x->n1 = (size_t)before + 1 < x->n ? before + 1 : -1;
    } else if (lo < x->n && x->tok[lo].off == cursor && x->tok[lo].type == PAIR_AC_WORD) {
        /* At the start of a word: that word is the one being edited, so it
         * is no evidence either; nothing is typed of it yet. */
        x->t = x->anchor = (long)lo;
        x->p1 = before;
        x->p2 = before - 1;
        x->n1 = lo + 1 < x->n ? (long)lo + 1 : -1;
    } else {
        x->anchor = (long)lo;
        x->p1 = before;
        x->p2 = before - 1;
        x->n1 = lo < x->n ? (long)lo : -1;
    }
    if (x->p2 < 0)
        x->p2 = -1;
    x->n2 = x->n1 >= 0 && (size_t)x->n1 + 1 < x->n ? x->n1 + 1 : -1;
    x->member = is_member_op(x, x->p1);
    x->place = x->member ? PAIR_AC_AFTER_MEMBER : PAIR_AC_ANYWHERE;
    if (tok_is(x, x->p1, "#") && (x->p2 < 0 || x->tok[x->p2].type == PAIR_AC_NEWLINE))
        x->place = PAIR_AC_AFTER_HASH;
    else if (in_include(x))
        x->place = PAIR_AC_IN_INCLUDE;
    x->defining = tok_is(x, x->p1, "define") && tok_is(x, x->p2, "#");
    x->declaring = tok_in(x, x->p1, DECLARES);
    /* Where only a name can follow, whatever the document declared there. */
    x->names_only = x->declaring;
    if (x->lang == PAIR_AC_JAVASCRIPT || x->lang == PAIR_AC_TYPESCRIPT)
        x->names_only |= tok_in(x, x->p1, "const let var");
    else if (x->lang == PAIR_AC_GO)
        x->names_only |= tok_in(x, x->p1, "var const type");
}

/* Token i is a one-character bracket of the set (for example "([{"). */
static bool
is_bracket(const struct ctx *x, long i, const char *set)
{
    return i >= 0 && (size_t)i < x->n && x->tok[i].type == PAIR_AC_PUNCT && x->tok[i].len == 1 &&
           strchr(set, tok_ptr(x, (size_t)i)[0]) != NULL;
}

/* The indentation of the line starting at byte offset i, or -1 when the
 * line is blank or a comment. */
static long
indentation(const struct ctx *x, size_t i)
{
    size_t k = i;
    while (k < x->text.len && (x->text.ptr[k] == ' ' || x->text.ptr[k] == '\t'))
        k++;
    if (k == x->text.len || x->text.ptr[k] == '\n' || x->text.ptr[k] == '\r' ||
        x->text.ptr[k] == '#')
        return -1;
    return (long)(k - i);
}

/*
 * Where the cursor declares a name, the scope it declares it in: in
 * Python the lines around it indented at least as much (a class body), in
 * the languages with braces the innermost block around it; the whole
 * document at the top level. A name declared in the same scope is seldom
 * declared again, while one declared in another (the same method in
 * another class) often is. Sets x->scope_lo and x->scope_hi (tokens).
 */
static void
find_scope(struct ctx *x)
{
    x->scope_lo = 0;
    x->scope_hi = (long)x->n;
    if (!x->declaring)
        return;
    size_t at = x->tok[x->p1].off;
    if (x->lang == PAIR_AC_PYTHON) {
        size_t ls = at;
        while (ls > 0 && x->text.ptr[ls - 1] != '\n')
            ls--;
        long ind = indentation(x, ls);
        if (ind <= 0)
            return;
        size_t lo = ls, hi = ls;
        while (lo > 0) {
            size_t p = lo - 1; /* the '\n' ending the previous line */
            while (p > 0 && x->text.ptr[p - 1] != '\n')
                p--;
            lo = p;
            long k = indentation(x, p);
            if (k >= 0 && k < ind)
                break;
        }
        while (hi < x->text.len) {
            const char *nl = memchr(x->text.ptr + hi, '\n', x->text.len - hi);
            if (nl == NULL) {
                hi = x->text.len;
                break;
            }
            hi = (size_t)(nl - x->text.ptr) + 1;
            long k = indentation(x, hi);
            if (k >= 0 && k < ind)
                break;
        }
        x->scope_lo = token_at(x, lo);
        x->scope_hi = token_at(x, hi);
        return;
    }
    int depth = 0;
    for (long i = x->p1; i >= 0; i--)
        if (is_bracket(x, i, "}"))
            depth++;
        else if (is_bracket(x, i, "{") && depth-- == 0) {
            x->scope_lo = i;
            break;
        }
    if (x->scope_lo == 0)
        return;
    depth = 0;
    for (long i = x->p1 + 1; (size_t)i < x->n; i++)
        if (is_bracket(x, i, "{"))
            depth++;
        else if (is_bracket(x, i, "}") && depth-- == 0) {
            x->scope_hi = i;
            break;
        }
}

/*
 * When the cursor starts an element of a list (after ',' or an opening
 * bracket, or "import"), records the list's other elements that are single
 * words: the names of an import list, of parameters, of object keys, of
 * enumerators. A list seldom names the same thing twice, so they are
 * unlikely completions, although the cache puts them close. The list is
 * what the innermost bracket around the cursor holds, or without one the
 * line.
 */
static void
find_siblings(struct ctx *x)
{
    x->nsib = 0;
    long p = x->p1;
    while (p >= 0 && x->tok[p].type == PAIR_AC_NEWLINE)
        p--; /* a list may go on over lines */
    if (x->prose || x->member || p < 0 ||
        !(tok_is(x, p, ",") || is_bracket(x, p, "([{") || tok_is(x, p, "import")))
        return;
    long lo = -1, line = -1;
    int depth = 0;
    for (long i = p; i >= 0 && i > p - LIST_SPAN; i--) {
        if (is_bracket(x, i, ")]}"))
            depth++;
        else if (is_bracket(x, i, "([{") && depth-- == 0) {
            lo = i;
            break;
        } else if (x->tok[i].type == PAIR_AC_NEWLINE && depth == 0 && line < 0)
            line = i;
    }
    bool bracket = lo >= 0;
    if (!bracket && (lo = line) < 0)
        return;
    depth = 0;
    long prev = lo; /* the last token before i that is not a line break */
    for (long i = lo + 1; (size_t)i < x->n && i < lo + 2 * LIST_SPAN; i++) {
        if (x->tok[i].type == PAIR_AC_NEWLINE) {
            if (!bracket && depth == 0)
                break;
            continue;
        }
        long before = prev;
        prev = i;
        if (is_bracket(x, i, "([{"))
            depth++;
        else if (is_bracket(x, i, ")]}") && depth-- == 0)
            break;
        if (depth != 0 || i == x->t || x->tok[i].type != PAIR_AC_WORD || before == x->t)
            continue;
        if ((before == lo && bracket) || tok_is(x, before, ",") || tok_is(x, before, "import")) {
            x->sib[x->nsib++] = i;
            if (x->nsib == SIBLINGS_MAX)
                break;
        }
    }
}

/* w[0..len), of the given token hash, is a keyword of the language. */
static bool
is_keyword(const struct ctx *x, const char *w, size_t len, uint32_t hash)
{
    return pair_ac_is_keyword(x->lang, w, len, hash);
}

/* Order of w[0..wl) and v[0..vl), by bytes or ignoring ASCII case. */
static int
order(const char *w, size_t wl, const char *v, size_t vl, bool nocase)
{
    for (size_t i = 0; i < wl && i < vl; i++) {
        unsigned char a = (unsigned char)w[i], b = (unsigned char)v[i];
        if (nocase)
            a = fold(a), b = fold(b);
        if (a != b)
            return a < b ? -1 : 1;
    }
    return (wl > vl) - (wl < vl);
}

/* Order of the list elements i and j (token positions). */
static int
order_tok(const struct ctx *x, long i, long j, bool nocase)
{
    return order(tok_ptr(x, (size_t)i), x->tok[i].len, tok_ptr(x, (size_t)j), x->tok[j].len,
                 nocase);
}

/*
 * Lists of names are often kept in alphabetical order: import and export
 * lists, enumerators, the keys or fields of parallel lines. When the other
 * elements of the cursor's list (or, outside a list, the words in the
 * cursor's place on parallel lines), SORT_MIN at least and keywords left
 * out, are in order, by bytes or ignoring case, the word being typed sorts
 * between the element before the cursor and the one after it
 * (x->sort_prev, x->sort_next).
 */
static void
find_sorted(struct ctx *x)
{
    x->sorted = false;
    x->sort_prev = x->sort_next = -1;
    long v[SIBLINGS_MAX + 2 * PAR_LINES];
    size_t n = 0;
    for (size_t i = 0; i < x->nsib; i++) {
        const struct pair_ac_token *k = &x->tok[x->sib[i]];
        if (!is_keyword(x, tok_ptr(x, (size_t)x->sib[i]), k->len, k->hash))
            v[n++] = x->sib[i];
    }
    if (n == 0) {
        /* Parallel lines: the words in the cursor's place, in text order. */
        for (size_t i = 0; i < x->npar; i++) {
            size_t k = n++;
            while (k > 0 && v[k - 1] > x->par[i]) {
                v[k] = v[k - 1];
                k--;
            }
            v[k] = x->par[i];
        }
    }
    if (n < (size_t)SORT_MIN)
        return;
    for (int nocase = 0; nocase <= 1 && !x->sorted; nocase++) {
        bool ok = true;
        for (size_t i = 1; i < n && ok; i++)
            ok = order_tok(x, v[i - 1], v[i], nocase) < 0;
        if (ok) {
            x->sorted = true;
            x->sort_fold = nocase;
        }
    }
    if (!x->sorted)
        return;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < x->anchor)
            x->sort_prev = v[i];
        else if (x->sort_next < 0)
            x->sort_next = v[i];
    }
}

/* The candidate sorts between the list elements around the cursor. */
static bool
sorts_here(const struct ctx *x, const struct cand *cd)
{
    if (x->sort_prev >= 0 && order(cd->text, cd->len, tok_ptr(x, (size_t)x->sort_prev),
                                   x->tok[x->sort_prev].len, x->sort_fold) <= 0)
        return false;
    return x->sort_next < 0 || order(cd->text, cd->len, tok_ptr(x, (size_t)x->sort_next),
                                     x->tok[x->sort_next].len, x->sort_fold) < 0;
}

/* The candidate is the text of one of the n tokens at. */
static bool
cand_among(const struct ctx *x, const struct cand *cd, const long *at, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct pair_ac_token *k = &x->tok[at[i]];
        if (k->hash == cd->hash && k->len == cd->len &&
            memcmp(tok_ptr(x, (size_t)at[i]), cd->text, cd->len) == 0)
            return true;
    }
    return false;
}

/* The candidate is one of the other elements of the cursor's list. */
static bool
is_sibling(const struct ctx *x, const struct cand *cd)
{
    return cand_among(x, cd, x->sib, x->nsib);
}

/* The first token of the line of token i (i itself when it starts one). */
static long
line_start(const struct ctx *x, long i)
{
    while (i > 0 && x->tok[i - 1].type != PAIR_AC_NEWLINE)
        i--;
    return i;
}

/*
 * Declarations come in parallel lines: the fields of a struct, the members
 * of an enum, the keys of a table, a block of assignments. When the lines
 * next to the cursor's start with the same tokens as it does up to the
 * cursor, the words they have in the cursor's place name other things than
 * the one being typed (unless they are called, or followed by a member:
 * repeated calls are not declarations). They are recorded in x->par. The
 * same holds after a member operator ("self.x = x", "mod.KEY: 'k'").
 */
static void
find_parallel(struct ctx *x)
{
    x->npar = 0;
    if (x->prose || x->n1 < 0 || x->tok[x->n1].type == PAIR_AC_NEWLINE)
        return;
    long at = x->t >= 0 ? x->t : x->anchor;
    long ls = line_start(x, at), m = at - ls;
    if (m > PAR_PREFIX)
        return;
    for (int dir = -1; dir <= 1; dir += 2) {
        long l = ls;
        for (int lines = 0; lines < PAR_LINES; lines++) {
            /* The start of the previous or next line. */
            if (dir < 0) {
                if (l < 2)
                    break;
                l = line_start(x, l - 2);
            } else {
                while ((size_t)l < x->n && x->tok[l].type != PAIR_AC_NEWLINE)
                    l++;
                if ((size_t)++l >= x->n)
                    break;
            }
            long w = l + m;
            if ((size_t)w + 1 >= x->n || w == x->t || x->tok[w].type != PAIR_AC_WORD)
                break;
            bool same_start = true;
            for (long k = 0; k < m && same_start; k++)
                same_start = same(x, (size_t)(ls + k), (size_t)(l + k));
            if (!same_start)
                break;
            if (tok_is(x, w + 1, "(") || is_member_op(x, w + 1))
                continue;
            if (!same(x, (size_t)(w + 1), (size_t)x->n1))
                continue;
            x->par[x->npar++] = w;
        }
    }
}

/* The candidate is the word in the cursor's place on a parallel line. */
static bool
is_parallel(const struct ctx *x, const struct cand *cd)
{
    return cand_among(x, cd, x->par, x->npar);
}

/* Looks up the receiver name[0..len) (Python's "_os" as "os"). */
static const char *
receiver_list(const struct ctx *x, const char *name, size_t len)
{
    if (x->lang == PAIR_AC_PYTHON)
        while (len > 1 && name[0] == '_')
            name++, len--;
    return pair_ac_receiver_members(x->lang, name, len);
}

/*
 * After "os.", "Math." or "std::" the cursor names a member of a module,
 * namespace or object every program knows: their members (x->recv) are
 * likelier than the language's other members. A receiver of two names
 * ("os.path.", "process.env.") is looked up whole first.
 */
static void
find_receiver(struct ctx *x)
{
    x->recv = NULL;
    if (!x->member || x->p2 < 0 || x->tok[x->p2].type != PAIR_AC_WORD)
        return;
    long r = x->p2;
    if (r >= 2 && same(x, (size_t)(r - 1), (size_t)x->p1) && x->tok[r - 2].type == PAIR_AC_WORD) {
        char name[96];
        const char *a = tok_ptr(x, (size_t)(r - 2)), *b = tok_ptr(x, (size_t)r);
        size_t la = x->tok[r - 2].len, lb = x->tok[r].len;
        if (x->lang == PAIR_AC_PYTHON)
            while (la > 1 && a[0] == '_')
                a++, la--;
        if (la + lb + 1 < sizeof(name)) {
            memcpy(name, a, la);
            name[la] = '.';
            memcpy(name + la + 1, b, lb);
            if ((x->recv = receiver_list(x, name, la + lb + 1)) != NULL)
                return;
        }
    }
    x->recv = receiver_list(x, tok_ptr(x, (size_t)r), x->tok[r].len);
}

enum { LINE_RHS = 1, LINE_LHS = 2, LINE_ONE = 4 };

/* Marks with bit the candidate w[0..len), when there is one. */
static void
mark_line(struct ctx *x, const char *w, size_t len, uint8_t bit)
{
    if (len <= x->prefix.len || len > 64)
        return;
    struct cand *cd = cand_find(x, w, len, pair_ac_hash(w, len));
    if (cd != NULL)
        cd->line |= bit;
}

/*
 * The cursor's line often names the word being typed: a name assigned
 * its value's name ("const conversions = require('webidl-conversions')",
 * "x = utils.x"), a value named as what it is assigned to
 * ("ownerDocument = this._ownerDocument"), and one of many named as the
 * many without their 's' ("for node in nodes", "values.push(value)").
 * Words of strings on the line count too.
 */
static void
line_hints(struct ctx *x)
{
    if (x->prose || x->prefix.len == 0)
        return;
    size_t cursor = (size_t)(x->prefix.ptr - x->text.ptr);
    size_t ls = cursor, le = cursor;
    while (ls > 0 && x->text.ptr[ls - 1] != '\n')
        ls--;
    while (le < x->text.len && x->text.ptr[le] != '\n')
        le++;
    if (le - ls > 400)
        return;
    size_t word_end = cursor + x->prefix.len;
    if (x->t >= 0)
        word_end = x->tok[x->t].off + x->tok[x->t].len;
    /* The first '=' of the line that assigns, and the name before it. */
    long eq = -1, lhs = -1;
    for (long i = token_at(x, ls); (size_t)i < x->n && x->tok[i].off < le; i++)
        if (x->tok[i].type == PAIR_AC_PUNCT && tok_is(x, i, "=")) {
            eq = i;
            break;
        } else if (x->tok[i].type == PAIR_AC_WORD && i != x->t)
            lhs = i;
    size_t eq_off = eq >= 0 ? x->tok[eq].off : le;
    if (eq >= 0 && cursor > eq_off && lhs >= 0) {
        const char *w = tok_ptr(x, (size_t)lhs);
        size_t len = x->tok[lhs].len;
        char v[66];
        if (len <= 63) {
            mark_line(x, w, len, LINE_LHS);
            v[0] = '_';
            memcpy(v + 1, w, len);
            mark_line(x, v, len + 1, LINE_LHS);
        }
        while (len > 1 && w[0] == '_')
            w++, len--;
        mark_line(x, w, len, LINE_LHS);
    }
    /* The words of the line (strings too), but the one being typed. */
    for (size_t i = ls; i < le;) {
        uint32_t cp;
        size_t k = pair_ac_utf8_next(x->text.ptr, le, i, &cp);
        if (!pair_ac_ident_char(x->lang, cp, false)) {
            i += k;
            continue;
        }
        size_t a = i;
        while (i < le && (k = pair_ac_utf8_next(x->text.ptr, le, i, &cp)) > 0 &&
               pair_ac_ident_char(x->lang, cp, false))
            i += k;
        if (a <= cursor && cursor <= word_end && i >= cursor)
            continue; /* the partial word */
        const char *w = x->text.ptr + a;
        size_t len = i - a;
        if (eq >= 0 && cursor < eq_off && a > eq_off)
            mark_line(x, w, len, LINE_RHS);
        if (len > 3 && w[len - 1] == 's')
            mark_line(x, w, len - 1, LINE_ONE);
    }
}

/* The word in the cursor's place on the nearest line before (dir -1) or
 * after (dir 1) it that starts with the same tokens and goes on as the
 * cursor's does (with the same token, or a number after a number); -1
 * when there is none. */
static long
line_neighbour(const struct ctx *x, int dir)
{
    long at = x->t >= 0 ? x->t : x->anchor;
    long ls = line_start(x, at), m = at - ls, l = ls;
    if (m > PAR_PREFIX || x->n1 < 0 || x->tok[x->n1].type == PAIR_AC_NEWLINE)
        return -1;
    if (dir < 0) {
        if (l < 2)
            return -1;
        l = line_start(x, l - 2);
    } else {
        while ((size_t)l < x->n && x->tok[l].type != PAIR_AC_NEWLINE)
            l++;
        if ((size_t)++l >= x->n)
            return -1;
    }
    long w = l + m;
    if ((size_t)w + 1 >= x->n || w == x->t || x->tok[w].type != PAIR_AC_WORD)
        return -1;
    for (long k = 0; k < m; k++)
        if (!same(x, (size_t)(ls + k), (size_t)(l + k)))
            return -1;
    const struct pair_ac_token *a = &x->tok[w + 1], *b = &x->tok[x->n1];
    if (a->type != b->type || (a->type != PAIR_AC_NUMBER && !same(x, (size_t)w + 1, (size_t)x->n1)))
        return -1;
    return w;
}

/* Marks the candidates that follow (dir -1) or precede (dir 1) the word
 * at token i: in the known lists (in_order), and elsewhere in the
 * document, at the same distance from another occurrence of it as the
 * cursor is from i (doc_order: a switch over the members of an enum in
 * their order, a table in the order of its declaration). */
static void
mark_order(struct ctx *x, long i, int dir)
{
    if (i < 0)
        return;
    long gap = (x->t >= 0 ? x->t : x->anchor) - i;
    for (size_t j = 0; j < x->n; j++) {
        long o = (long)j + gap;
        if ((long)j == i || o < 0 || (size_t)o >= x->n || o == x->t ||
            x->tok[j].hash != x->tok[i].hash || !same(x, j, (size_t)i) ||
            x->tok[o].type != PAIR_AC_WORD)
            continue;
        const char *v = tok_ptr(x, (size_t)o);
        struct cand *cd = cand_find(x, v, x->tok[o].len, x->tok[o].hash);
        if (cd != NULL && cd->doc_order < 3)
            cd->doc_order++;
    }
    const struct pair_ac_word *ws;
    size_t nw = pair_ac_words(x->lang, &ws);
    const char *w = tok_ptr(x, (size_t)i);
    size_t len = x->tok[i].len;
    const struct pair_ac_word *k = pair_ac_word_find(x->lang, w, len);
    if (k == NULL)
        return;
    while (k > ws && k[-1].len == len && memcmp(k[-1].text, w, len) == 0)
        k--;
    for (; k < ws + nw && k->len == len && memcmp(k->text, w, len) == 0; k++) {
        const char *v = dir < 0 ? k->succ : k->pred;
        if (v == NULL)
            continue;
        size_t vl = strlen(v);
        struct cand *cd = cand_find(x, v, vl, pair_ac_hash(v, vl));
        uint8_t how = k->in_sequence ? 2 : 1;
        if (cd != NULL && cd->in_order < how && !(x->npar > 0 && is_parallel(x, cd)) &&
            !(x->nsib > 0 && is_sibling(x, cd)))
            cd->in_order = how; /* unless declared there already */
    }
}

/*
 * Names come in orders: constants in the order their standard lists give
 * them (errno values, terminal flags, token types, signals), related
 * names next to each other (getuid, geteuid), and a document repeats its
 * own orders. The word on the line before the cursor's, in the same
 * place, or the element before it in its list, makes the word after it
 * likely; the word on the line after, or the element after, the word
 * before it.
 */
static void
list_order(struct ctx *x)
{
    if (x->prose || x->prefix.len == 0)
        return;
    mark_order(x, line_neighbour(x, -1), -1);
    mark_order(x, line_neighbour(x, 1), 1);
    long before = -1, after = -1;
    for (size_t i = 0; i < x->nsib; i++)
        if (x->sib[i] < x->anchor)
            before = before < x->sib[i] ? x->sib[i] : before;
        else if (after < 0 || x->sib[i] < after)
            after = x->sib[i];
    mark_order(x, before, -1);
    mark_order(x, after, 1);
}

/*
 * A declaration's comment names what it declares ("The start position of
 * the current token." above "start: number;"). When the cursor's word is
 * the first of its line but for keywords (export, function, readonly ...)
 * and the line before ends a comment, that comment's bytes are recorded
 * in x->above_lo and x->above_hi.
 */
static void
find_doc_above(struct ctx *x)
{
    x->above_lo = x->above_hi = 0;
    if (x->prose || x->member || x->prefix.len == 0)
        return;
    long at = x->t >= 0 ? x->t : x->anchor;
    long ls = line_start(x, at);
    for (long i = ls; i < at; i++)
        if (x->tok[i].type != PAIR_AC_WORD ||
            !is_keyword(x, tok_ptr(x, (size_t)i), x->tok[i].len, x->tok[i].hash))
            return;
    size_t line = x->tok[ls].off;
    while (line > 0 && x->text.ptr[line - 1] != '\n')
        line--;
    /* The last comment before the line, if only blanks separate them. */
    size_t lo = 0, hi = x->nspans;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->spans[mid].off < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return;
    const struct pair_ac_token *c = &x->spans[lo - 1];
    size_t end = c->off + c->len;
    for (size_t k = end; k < line; k++)
        if (x->text.ptr[k] != ' ' && x->text.ptr[k] != '\t' && x->text.ptr[k] != '\n' &&
            x->text.ptr[k] != '\r' && x->text.ptr[k] != '/' && x->text.ptr[k] != '*')
            return;
    x->above_lo = c->off;
    x->above_hi = end;
}

/* Makes the receiver's known members that match the prefix candidates. */
static enum pair_err
add_receiver(struct ctx *x)
{
    if (x->recv == NULL)
        return PAIR_OK;
    uint16_t rank = 0;
    for (const char *p = x->recv; *p != '\0';) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == 0)
            break;
        rank++;
        if (len > x->prefix.len && prefix_match(x, p, len) == 2) {
            struct cand *cd = cand_get(x, p, len, pair_ac_hash(p, len));
            if (cd == NULL)
                return PAIR_E_NOMEM;
            cd->match = 2;
            if (cd->recv == 0 || rank < cd->recv)
                cd->recv = rank;
        }
        p += len;
    }
    return PAIR_OK;
}

/* Token i (which may be out of range, or the partial word) has the text of
 * context token ref (which may be -1). */
static bool
is_ctx(const struct ctx *x, long i, long ref)
{
    return ref >= 0 && i >= 0 && (size_t)i < x->n && i != x->t &&
           x->tok[i].hash == x->tok[ref].hash && same(x, (size_t)i, (size_t)ref);
}

/* Which contexts of the cursor the word at i shares, as bits. */
static unsigned
contexts(const struct ctx *x, long i)
{
    unsigned m = 0;
    bool l1 = is_ctx(x, i - 1, x->p1), r1 = is_ctx(x, i + 1, x->n1);
    if (l1) {
        m |= 1u << CTX_LEFT1;
        if (is_ctx(x, i - 2, x->p2))
            m |= 1u << CTX_LEFT2;
    }
    if (r1) {
        m |= 1u << CTX_RIGHT1;
        if (is_ctx(x, i + 2, x->n2))
            m |= 1u << CTX_RIGHT2;
    }
    return m;
}

/* Records the occurrence i of a candidate, which shares the contexts in
 * mask: counts, kind evidence and distance from the cursor. */
static void
observe(struct ctx *x, struct cand *cd, size_t i, unsigned mask)
{
    cd->freq++;
    for (int k = 0; k < CTX__MAX; k++)
        cd->hits[k] += (mask >> k) & 1;
    long prev = (long)i - 1, next = (long)i + 1;
    if (prev == x->t)
        prev = -1; /* the partial word is no evidence */
    if (next == x->t || (size_t)next >= x->n)
        next = -1;
    if (next >= 0 && tok_is(x, next, "("))
        cd->calls++;
    if (prev >= 0) {
        if (is_member_op(x, prev))
            cd->members++;
        else if (tok_in(x, prev, "def function fn func"))
            cd->defs_fn++;
        else if (tok_in(x, prev,
                        "class struct interface type enum trait new extends implements "
                        "union typedef"))
            cd->defs_type++;
        else if (tok_in(x, prev, "import from use require package include"))
            cd->imports++;
        else if (tok_is(x, prev, "define") && prev >= 1 && prev - 1 != x->t &&
                 tok_is(x, prev - 1, "#"))
            cd->defines++;
        if (tok_in(x, prev, DECLARES)) {
            cd->decls++;
            if ((long)i >= x->scope_lo && (long)i < x->scope_hi)
                cd->decls_here++;
        }
        if (tok_is(x, prev, "#") && (prev == 0 || x->tok[prev - 1].type == PAIR_AC_NEWLINE))
            cd->directives++;
    }
    uint32_t d = (uint32_t)((long)i > x->anchor ? (long)i - x->anchor : x->anchor - (long)i);
    if (d < cd->nearest)
        cd->nearest = d;
    cd->local += x->m.tau / (x->m.tau + d);
}

/* Counts the words in comments and literals that match the prefix: each
 * span is searched (memchr) for the prefix's first byte in either case, and
 * only hits at the start of a word are looked at. The word being typed is
 * not one of them. */
static enum pair_err
text_words(struct ctx *x)
{
    size_t cursor = (size_t)(x->prefix.ptr - x->text.ptr) + x->prefix.len;
    unsigned char first[2] = {(unsigned char)x->prefix.ptr[0],
                              fold((unsigned char)x->prefix.ptr[0])};
    if (first[1] == first[0] && first[0] >= 'a' && first[0] <= 'z')
        first[1] = (unsigned char)(first[0] - 32);
    int variants = first[1] != first[0] ? 2 : 1;
    for (size_t i = 0; i < x->nspans; i++) {
        const char *base = x->text.ptr + x->spans[i].off, *end = base + x->spans[i].len;
        for (int v = 0; v < variants; v++) {
            for (const char *p = base; p < end;) {
                const char *hit = memchr(p, first[v], (size_t)(end - p));
                if (hit == NULL)
                    break;
                p = hit + 1;
                size_t off = (size_t)(hit - x->text.ptr);
                if (hit > base) {
                    uint32_t cp;
                    size_t b = off - 1;
                    while (b > 0 && ((unsigned char)x->text.ptr[b] & 0xC0) == 0x80)
                        b--;
                    pair_ac_utf8_next(x->text.ptr, x->text.len, b, &cp);
                    if (pair_ac_ident_char(x->lang, cp, false))
                        continue; /* inside a word */
                }
                size_t w = off;
                while (w < (size_t)(end - x->text.ptr)) {
                    uint32_t cp;
                    size_t k = pair_ac_utf8_next(x->text.ptr, x->text.len, w, &cp);
                    if (!pair_ac_ident_char(x->lang, cp, w > off ? false : true))
                        break;
                    w += k;
                }
                size_t len = w - off;
                if (len < 2 || (off <= cursor && cursor <= w))
                    continue;
                int pm = prefix_match(x, hit, len);
                if (pm == 0)
                    continue;
                struct cand *cd = cand_get(x, hit, len, pair_ac_hash(hit, len));
                if (cd == NULL)
                    return PAIR_E_NOMEM;
                if (cd->match == 0)
                    cd->match = (uint8_t)pm;
                cd->text_freq++;
                /* Near the cursor (the comment above a declaration), it
                 * counts in the cache too; distance in tokens, roughly. */
                double d = (double)(off > cursor ? off - cursor : cursor - off) / 6.0;
                cd->local += TEXT_LOCAL * 20.0 / (20.0 + d);
                if (off >= x->above_lo && off < x->above_hi)
                    cd->doc_above = true;
                p = x->text.ptr + w;
            }
        }
    }
    return PAIR_OK;
}

/* The shape of the name w[0..len): UPPER_CASE, TypeCase, camelCase,
 * snake_case or lower (leading '_' and '$' do not count). */
static enum shape
shape_of(const char *w, size_t len)
{
    size_t i = 0;
    while (i < len && (w[i] == '_' || w[i] == '$'))
        i++;
    if (i == len)
        return SHAPE_LOWER;
    bool first_up = w[i] >= 'A' && w[i] <= 'Z', up = false, low = false, under = false;
    for (size_t k = i; k < len; k++) {
        up |= w[k] >= 'A' && w[k] <= 'Z';
        low |= w[k] >= 'a' && w[k] <= 'z';
        under |= w[k] == '_';
    }
    if (up && !low)
        return SHAPE_UPPER;
    if (first_up)
        return SHAPE_TYPE;
    if (up)
        return SHAPE_CAMEL;
    return under ? SHAPE_SNAKE : SHAPE_LOWER;
}

static void
count_shape(struct shape_count *s, enum shape sh)
{
    s->n[sh]++;
    s->total++;
}

/* The share of shape sh in s, backing off to the share `shorter` of a
 * shorter context. */
static double
shape_share(const struct shape_count *s, enum shape sh, double shorter)
{
    return (s->n[sh] + SHAPE_A * shorter) / (s->total + SHAPE_A);
}

/* The shape of token i, a word. */
static enum shape
shape_at(const struct ctx *x, size_t i)
{
    const struct pair_ac_token *k = &x->tok[i];
    return is_keyword(x, tok_ptr(x, i), k->len, k->hash) ? SHAPE_KEYWORD
                                                         : shape_of(tok_ptr(x, i), k->len);
}

/* The pass over the document: every count the model needs. */
static enum pair_err
gather(struct ctx *x)
{
    const struct pair_ac_token *tok = x->tok;
    bool use_ctx = x->m.ngram && !x->prose;
    long prev_word = -2; /* the last word token seen, and its shape */
    enum shape prev_shape = SHAPE_LOWER;
    x->shape_p1 =
        x->p1 >= 0 && x->tok[x->p1].type == PAIR_AC_WORD ? (int)shape_at(x, (size_t)x->p1) : -1;
    x->shape_n1 =
        x->n1 >= 0 && x->tok[x->n1].type == PAIR_AC_WORD ? (int)shape_at(x, (size_t)x->n1) : -1;
    for (size_t i = 0; i < x->n; i++) {
        if ((long)i == x->t || tok[i].type != PAIR_AC_WORD)
            continue;
        x->words++;
        unsigned mask = use_ctx ? contexts(x, (long)i) : 0;
        enum shape sh = shape_at(x, i);
        x->shapes[sh]++;
        if (use_ctx && prev_word == (long)i - 1) {
            if ((int)prev_shape == x->shape_p1)
                count_shape(&x->shapes_after_shape, sh);
            if ((int)sh == x->shape_n1)
                count_shape(&x->shapes_before_shape, prev_shape);
        }
        prev_word = (long)i;
        prev_shape = sh;
        if (use_ctx && is_ctx(x, (long)i - 1, x->p1)) {
            count_shape(&x->shapes_after, sh);
            if (is_ctx(x, (long)i - 2, x->p2))
                count_shape(&x->shapes_after2, sh);
        }
        if (use_ctx && is_ctx(x, (long)i + 1, x->n1)) {
            count_shape(&x->shapes_before, sh);
            if (is_ctx(x, (long)i + 2, x->n2))
                count_shape(&x->shapes_before2, sh);
        }
        for (int k = 0; mask != 0 && k < CTX__MAX; k++)
            if ((mask >> k) & 1) {
                x->stat[k].total++;
                if (!hset_add(x->c->arena, &x->stat[k].types, tok[i].hash))
                    return PAIR_E_NOMEM;
            }
        const char *w = tok_ptr(x, i);
        if (x->prefix.len > 0 && fold((unsigned char)w[0]) != fold((unsigned char)x->prefix.ptr[0]))
            continue; /* the cheap test first */
        int pm = prefix_match(x, w, tok[i].len);
        if (pm == 0)
            continue;
        struct cand *cd = cand_get(x, w, tok[i].len, tok[i].hash);
        if (cd == NULL)
            return PAIR_E_NOMEM;
        cd->match = (uint8_t)pm;
        observe(x, cd, i, mask);
    }
    /* Words in comments and literals: only that they exist. */
    return x->prefix.len > 0 && x->m.text_weight > 0 ? text_words(x) : PAIR_OK;
}

/* The identifier w[0..len) may split before byte b: after a '_' run or
 * before one, from lower to upper case, before the last capital of a run
 * followed by a small letter ("HTML|Parser"), between letters and digits. */
static bool
part_boundary(const char *w, size_t len, size_t b)
{
    if (b == 0 || b >= len)
        return false;
    unsigned char a = (unsigned char)w[b - 1], c = (unsigned char)w[b];
    bool a_up = a >= 'A' && a <= 'Z', a_low = a >= 'a' && a <= 'z', a_dig = a >= '0' && a <= '9';
    bool c_up = c >= 'A' && c <= 'Z', c_low = c >= 'a' && c <= 'z', c_dig = c >= '0' && c <= '9';
    if ((a == '_') != (c == '_'))
        return true;
    if (a_low && c_up)
        return true;
    if (a_up && c_up && b + 1 < len && w[b + 1] >= 'a' && w[b + 1] <= 'z')
        return true;
    return ((a_up || a_low) && c_dig) || (a_dig && (c_up || c_low));
}

/* Counts one occurrence of a word whose part w[0..len) matches the prefix:
 * a candidate made on first sight (w must outlive the call). */
static enum pair_err
add_part(struct ctx *x, const char *w, size_t len)
{
    int pm = prefix_match(x, w, len);
    if (pm == 0 || len <= x->prefix.len)
        return PAIR_OK;
    struct cand *cd = cand_get(x, w, len, pair_ac_hash(w, len));
    if (cd == NULL)
        return PAIR_E_NOMEM;
    if (cd->match == 0)
        cd->match = (uint8_t)pm;
    cd->parts++;
    return PAIR_OK;
}

/*
 * Words the document does not spell out but composes: the parts of its
 * identifiers at '_', case and digit boundaries. A head that matches the
 * prefix ("xslt" of "xsltFreeDoc", "gid" of "gid_t") and a tail ("kind" of
 * "block_kind", "name" of "_name", "Name" and "name" of "getName") become
 * candidates that count for little: they fill the answer where the
 * document has few words of that prefix. Parts neither end nor start with
 * '_'.
 */
static enum pair_err
derive(struct ctx *x)
{
    if (x->prose || x->prefix.len == 0 || PART_W <= 0)
        return PAIR_OK;
    unsigned char first = fold((unsigned char)x->prefix.ptr[0]);
    bool lower = x->prefix.ptr[0] >= 'a' && x->prefix.ptr[0] <= 'z';
    for (size_t i = 0; i < x->n; i++) {
        if ((long)i == x->t || x->tok[i].type != PAIR_AC_WORD || x->tok[i].len < 3)
            continue;
        const char *w = tok_ptr(x, i);
        size_t len = x->tok[i].len;
        bool starts = fold((unsigned char)w[0]) == first;
        enum pair_err e;
        if (starts && w[0] != x->prefix.ptr[0] && len > x->prefix.len &&
            x->lang != PAIR_AC_GENERIC) {
            /* The same name in the other case of its first letter
             * ("lineComment" beside "LineComment"). */
            char *v = pair_strndup(x->c->arena, w, len);
            if (v == NULL)
                return PAIR_E_NOMEM;
            v[0] = x->prefix.ptr[0];
            if (prefix_match(x, v, len) == 2 && (e = add_part(x, v, len)) != PAIR_OK)
                return e;
        }
        for (size_t b = 1; b < len; b++) {
            if (!part_boundary(w, len, b))
                continue;
            if (starts && b > x->prefix.len && w[b - 1] != '_' &&
                (e = add_part(x, w, b)) != PAIR_OK)
                return e;
            if (w[b] == '_' || fold((unsigned char)w[b]) != first)
                continue;
            if ((e = add_part(x, w + b, len - b)) != PAIR_OK)
                return e;
            if (lower && w[b] >= 'A' && w[b] <= 'Z' && b + 1 < len && w[b + 1] >= 'a' &&
                w[b + 1] <= 'z') {
                char *v = pair_strndup(x->c->arena, w + b, len - b);
                if (v == NULL)
                    return PAIR_E_NOMEM;
                v[0] = (char)fold((unsigned char)v[0]);
                if ((e = add_part(x, v, len - b)) != PAIR_OK)
                    return e;
            }
        }
    }
    return PAIR_OK;
}

/* One way to cut a word of the document in two at a part boundary. */
struct split {
    uint32_t tok;           /* the word's first token */
    uint32_t b;             /* the head's length */
    uint32_t hh, th;        /* hashes of the head and the tail */
    int32_t next_h, next_t; /* the next split with the same head hash, tail hash */
};

/* The distinct words of the document cut at their part boundaries (before
 * a '_' run, at case and digit changes), with chains by head and by tail.
 * NULL when out of memory; *n gets the number of splits. */
static struct split *
splits_of(struct ctx *x, size_t *n, int32_t **heads, int32_t **tails, size_t *mask)
{
    size_t cap = 64;
    while (cap < 2 * x->n + 2)
        cap *= 2;
    int32_t *seen = pair_alloc(x->c->arena, cap * sizeof(*seen));
    if (seen == NULL)
        return NULL;
    memset(seen, 0xff, cap * sizeof(*seen));
    size_t ns = 0, scap = 256;
    struct split *sp = pair_alloc(x->c->arena, scap * sizeof(*sp));
    if (sp == NULL)
        return NULL;
    for (size_t i = 0; i < x->n; i++) {
        const struct pair_ac_token *k = &x->tok[i];
        if ((long)i == x->t || k->type != PAIR_AC_WORD || k->len < 3 || k->len > 64)
            continue;
        size_t h = k->hash & (cap - 1);
        bool dup = false;
        while (seen[h] >= 0 && !(dup = same(x, (size_t)seen[h], i)))
            h = (h + 1) & (cap - 1);
        if (dup)
            continue;
        seen[h] = (int32_t)i;
        const char *w = tok_ptr(x, i);
        for (size_t b = 1; b < k->len; b++) {
            if (!part_boundary(w, k->len, b) || w[b - 1] == '_')
                continue;
            if (ns == scap) {
                struct split *v = pair_alloc(x->c->arena, 2 * scap * sizeof(*v));
                if (v == NULL)
                    return NULL;
                memcpy(v, sp, ns * sizeof(*v));
                sp = v;
                scap *= 2;
            }
            sp[ns++] = (struct split){.tok = (uint32_t)i,
                                      .b = (uint32_t)b,
                                      .hh = pair_ac_hash(w, b),
                                      .th = pair_ac_hash(w + b, k->len - b)};
        }
    }
    size_t bc = 64;
    while (bc < 2 * ns)
        bc *= 2;
    int32_t *hb = pair_alloc(x->c->arena, bc * sizeof(*hb));
    int32_t *tb = pair_alloc(x->c->arena, bc * sizeof(*tb));
    if (hb == NULL || tb == NULL)
        return NULL;
    memset(hb, 0xff, bc * sizeof(*hb));
    memset(tb, 0xff, bc * sizeof(*tb));
    for (size_t i = 0; i < ns; i++) {
        sp[i].next_h = hb[sp[i].hh & (bc - 1)];
        hb[sp[i].hh & (bc - 1)] = (int32_t)i;
        sp[i].next_t = tb[sp[i].th & (bc - 1)];
        tb[sp[i].th & (bc - 1)] = (int32_t)i;
    }
    *n = ns;
    *heads = hb;
    *tails = tb;
    *mask = bc - 1;
    return sp;
}

/* The head of split a is the head of split b. */
static bool
same_head(const struct ctx *x, const struct split *a, const struct split *b)
{
    return a->hh == b->hh && a->b == b->b &&
           memcmp(tok_ptr(x, a->tok), tok_ptr(x, b->tok), a->b) == 0;
}

/* The tail of split a is the tail of split b. */
static bool
same_tail(const struct ctx *x, const struct split *a, const struct split *b)
{
    size_t la = x->tok[a->tok].len - a->b, lb = x->tok[b->tok].len - b->b;
    return a->th == b->th && la == lb &&
           memcmp(tok_ptr(x, a->tok) + a->b, tok_ptr(x, b->tok) + b->b, la) == 0;
}

/*
 * Names come in families: with stdin_fd, stdout_fd and stdin_mode in the
 * document, stdout_mode is likely too, although it is not written yet. For
 * every word that starts with the prefix, cut as head + tail, another head
 * seen with the same tail lends its other tails: head + other tail becomes
 * a candidate, counted once per family that implies it.
 */
static enum pair_err
analogy(struct ctx *x)
{
    if (x->prose || x->prefix.len == 0 || ANALOGY_PC <= 0)
        return PAIR_OK;
    size_t ns, mask;
    int32_t *hb, *tb;
    struct split *sp = splits_of(x, &ns, &hb, &tb, &mask);
    if (sp == NULL)
        return PAIR_E_NOMEM;
    long work = 0, made = 0;
    char v[2 * 64]; /* words are at most 64 bytes, so head + tail fits */
    for (size_t a = 0; a < ns && work < ANALOGY_WORK; a++) {
        const char *w = tok_ptr(x, sp[a].tok);
        if (sp[a].b < x->prefix.len || prefix_match(x, w, sp[a].b) != 2)
            continue;
        /* The word is a candidate already (it starts with the prefix). */
        const struct pair_ac_token *k = &x->tok[sp[a].tok];
        const struct cand *from = cand_find(x, w, k->len, k->hash);
        uint32_t near = from != NULL ? from->nearest : UINT32_MAX;
        memcpy(v, w, sp[a].b);
        /* Other heads with this tail. */
        for (int32_t b = tb[sp[a].th & mask]; b >= 0 && work < ANALOGY_WORK; b = sp[b].next_t) {
            work++;
            if (!same_tail(x, &sp[a], &sp[b]) || same_head(x, &sp[a], &sp[b]))
                continue;
            /* Their other tails, after this head. */
            for (int32_t c = hb[sp[b].hh & mask]; c >= 0 && work < ANALOGY_WORK; c = sp[c].next_h) {
                work++;
                if (c == b || !same_head(x, &sp[b], &sp[c]) || same_tail(x, &sp[a], &sp[c]))
                    continue;
                size_t tl = x->tok[sp[c].tok].len - sp[c].b, len = sp[a].b + tl;
                memcpy(v + sp[a].b, tok_ptr(x, sp[c].tok) + sp[c].b, tl);
                uint32_t h = pair_ac_hash(v, len);
                struct cand *cd = cand_find(x, v, len, h);
                if (cd != NULL && cd->freq > 0)
                    continue; /* the document has it */
                if (cd == NULL) {
                    if (made == ANALOGY_MAX)
                        continue;
                    made++;
                    char *copy = pair_strndup(x->c->arena, v, len);
                    if (copy == NULL || (cd = cand_get(x, copy, len, h)) == NULL)
                        return PAIR_E_NOMEM;
                }
                if (cd->match == 0)
                    cd->match = 2;
                if (cd->analogies < UINT16_MAX)
                    cd->analogies++;
                /* It would stand near the word it is made from. */
                if (near < cd->nearest)
                    cd->nearest = near;
            }
        }
    }
    return PAIR_OK;
}

/* Makes w[0..stem) followed by the number n a candidate that the
 * sequence predicts; when the document lacks it, it is counted as the
 * numbered word src it follows from (the same contexts, the same place). */
static enum pair_err
add_successor(struct ctx *x, const struct pair_ac_token *src, size_t stem, unsigned long n)
{
    const char *w = x->text.ptr + src->off;
    struct cand *from = cand_get(x, w, src->len, src->hash);
    if (from == NULL)
        return PAIR_E_NOMEM;
    struct cand copy = *from;
    char *v = pair_sprintf(x->c->arena, "%.*s%lu", (int)stem, w, n);
    if (v == NULL)
        return PAIR_E_NOMEM;
    size_t len = strlen(v);
    int pm = prefix_match(x, v, len);
    if (pm == 0)
        return PAIR_OK;
    struct cand *cd = cand_get(x, v, len, pair_ac_hash(v, len));
    if (cd == NULL)
        return PAIR_E_NOMEM;
    if (cd->match == 0)
        cd->match = (uint8_t)pm;
    if (cd->freq == 0 && cd->seq == 0) {
        cd->freq = copy.freq;
        memcpy(cd->hits, copy.hits, sizeof(cd->hits));
        cd->members = copy.members;
        cd->calls = copy.calls;
        cd->local = copy.local;
        cd->nearest = copy.nearest;
        cd->invented = true;
    } else if (cd->seq == 0) {
        /* It stands where the word it follows from stood: the same contexts. */
        for (int k = 0; k < CTX__MAX; k++)
            if (cd->hits[k] < copy.hits[k])
                cd->hits[k] = copy.hits[k];
        if (cd->local < copy.local)
            cd->local = copy.local;
    }
    if (cd->seq < 2)
        cd->seq++;
    return PAIR_OK;
}

/*
 * Numbered names come in order: after "sb5, sb6, " comes sb7, and between
 * KEY_F32 and KEY_F34 comes KEY_F33. The numbered word matching the prefix
 * closest before the cursor proposes its successor, the closest after it
 * its predecessor (numbers written with a leading zero are left alone).
 */
static enum pair_err
sequence(struct ctx *x)
{
    if (x->prose || x->prefix.len == 0 || SEQ_W <= 0)
        return PAIR_OK;
    for (int dir = -1; dir <= 1; dir += 2) {
        for (long i = x->anchor + dir, k = 0; i >= 0 && (size_t)i < x->n && k < SEQ_SPAN;
             i += dir, k++) {
            if (i == x->t || x->tok[i].type != PAIR_AC_WORD)
                continue;
            const char *w = tok_ptr(x, (size_t)i);
            size_t len = x->tok[i].len, stem = len;
            while (stem > 0 && w[stem - 1] >= '0' && w[stem - 1] <= '9')
                stem--;
            if (stem == len || stem == 0 || len - stem > 6 || (w[stem] == '0' && len - stem > 1) ||
                prefix_match(x, w, len) != 2)
                continue;
            unsigned long n = strtoul(w + stem, NULL, 10);
            if (dir > 0 && n == 0)
                break;
            enum pair_err e = add_successor(x, &x->tok[i], stem, dir < 0 ? n + 1 : n - 1);
            if (e != PAIR_OK)
                return e;
            break;
        }
    }
    return PAIR_OK;
}

/* Makes w[0..len) (which must outlive the call) a candidate that names
 * the value after the cursor, as written (how 1) or in another case. */
static enum pair_err
add_echo(struct ctx *x, const char *w, size_t len, uint8_t how)
{
    if (len <= x->prefix.len || prefix_match(x, w, len) != 2)
        return PAIR_OK;
    struct cand *cd = cand_get(x, w, len, pair_ac_hash(w, len));
    if (cd == NULL)
        return PAIR_E_NOMEM;
    if (cd->match == 0)
        cd->match = 2;
    if (cd->echo == 0 || how < cd->echo)
        cd->echo = how;
    return PAIR_OK;
}

/*
 * A name is often the name of what it is given: a keyword argument or key
 * named after its value ("limit=limit", "reader=Reader", "{ store: store }")
 * or a parameter after its type ("store: Store"). When the cursor's word is
 * followed by '=' or ':' and a word, that word, with its first letter or
 * all of it in lower case, is a candidate.
 */
static enum pair_err
echo(struct ctx *x)
{
    if (x->prose || x->prefix.len == 0 || x->member || x->n2 < 0 ||
        x->tok[x->n2].type != PAIR_AC_WORD || !(tok_is(x, x->n1, "=") || tok_is(x, x->n1, ":")))
        return PAIR_OK;
    const char *w = tok_ptr(x, (size_t)x->n2);
    size_t len = x->tok[x->n2].len;
    enum pair_err e = add_echo(x, w, len, 1);
    if (e != PAIR_OK)
        return e;
    char *low = pair_strndup(x->c->arena, w, len), *first = pair_strndup(x->c->arena, w, len);
    if (low == NULL || first == NULL)
        return PAIR_E_NOMEM;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)fold((unsigned char)low[i]);
    first[0] = (char)fold((unsigned char)first[0]);
    if (memcmp(first, w, len) != 0 && (e = add_echo(x, first, len, 2)) != PAIR_OK)
        return e;
    if (memcmp(low, first, len) != 0)
        e = add_echo(x, low, len, 2);
    return e;
}

/* The label of a known word as it should be inserted: SQL keywords take
 * the case of what was typed. Arena-owned or static; NULL when out of
 * memory. */
static const char *
known_label(struct ctx *x, const struct pair_ac_word *w)
{
    if (!pair_ac_lang_case_insensitive(x->lang))
        return w->text;
    bool lower = false;
    for (size_t i = 0; i < x->prefix.len; i++)
        lower |= x->prefix.ptr[i] >= 'a' && x->prefix.ptr[i] <= 'z';
    if (!lower)
        return w->text;
    char *s = pair_strndup(x->c->arena, w->text, w->len);
    if (s != NULL)
        for (char *p = s; *p != '\0'; p++)
            *p = (char)fold((unsigned char)*p);
    return s;
}

/* How well a known word fits where the cursor is, 0 to 1: members after
 * '.', directives after a line's '#', and elsewhere keywords most. */
static double
fit(const struct ctx *x, const struct pair_ac_word *w)
{
    if (x->place == PAIR_AC_AFTER_HASH && w->kind == PAIR_AC_KEYWORD &&
        (strcmp(w->text, "if") == 0 || strcmp(w->text, "else") == 0))
        return 1.0; /* keywords of code and of directives both */
    if (w->place != x->place)
        return x->place == PAIR_AC_ANYWHERE && w->place == PAIR_AC_AFTER_MEMBER ? 0.1 : 0.0;
    if (x->place != PAIR_AC_ANYWHERE)
        return 1.0;
    return w->kind == PAIR_AC_KEYWORD ? 1.0 : 0.6;
}

/* Adds the language's known words that match the prefix; links the
 * document's candidates to their known word. */
static enum pair_err
add_known(struct ctx *x)
{
    const struct pair_ac_word *ws;
    size_t nw = pair_ac_words(x->lang, &ws);
    for (size_t i = 0; i < x->cap; i++)
        if (x->tab[i].used && x->tab[i].known == NULL) {
            const struct pair_ac_word *w =
                pair_ac_word_find(x->lang, x->tab[i].text, x->tab[i].len);
            if (w != NULL) {
                /* The entry of the word that fits best where the cursor is. */
                const struct pair_ac_word *a = w, *b = w;
                while (a > ws && a[-1].len == w->len && memcmp(a[-1].text, w->text, w->len) == 0)
                    a--;
                while (b + 1 < ws + nw && b[1].len == w->len &&
                       memcmp(b[1].text, w->text, w->len) == 0)
                    b++;
                for (w = a; a <= b; a++)
                    if (fit(x, a) > fit(x, w))
                        w = a;
            }
            x->tab[i].known = w;
        }
    if (x->prose || x->prefix.len == 0)
        return PAIR_OK; /* known words need a typed start, and code around them */
    for (size_t i = 0; i < nw; i++) {
        const struct pair_ac_word *w = &ws[i];
        if (fit(x, w) == 0)
            continue; /* keywords do not follow '.', directives only follow '#' */
        int pm = prefix_match(x, w->text, w->len);
        if (pm == 0)
            continue;
        const char *label = known_label(x, w);
        if (label == NULL)
            return PAIR_E_NOMEM;
        struct cand *cd = cand_get(x, label, w->len, pair_ac_hash(label, w->len));
        if (cd == NULL)
            return PAIR_E_NOMEM;
        if (cd->known == NULL || fit(x, w) > fit(x, cd->known))
            cd->known = w;
        if (cd->match == 0)
            cd->match = (uint8_t)pm;
    }
    return PAIR_OK;
}

/* The prior pseudo-count of a known word: by its rank in its list, and by
 * how well it fits where the cursor is. */
static double
prior(const struct ctx *x, const struct cand *cd)
{
    const struct pair_ac_word *w = cd->known;
    if (w == NULL)
        return 0;
    return x->m.prior_scale * fit(x, w) / (1.0 + w->rank / PRIOR_DECAY);
}

/* Interpolates p with the relative frequency of the candidate in context
 * k, weighted by Witten-Bell: the more often the context was seen, and the
 * fewer distinct words followed it, the more it is trusted. */
static double
interpolate(const struct ctx *x, const struct cand *cd, enum ctx_kind k, double p)
{
    const struct ctx_stat *st = &x->stat[k];
    if (st->total == 0)
        return p;
    double l = (double)st->total / (st->total + st->types.n);
    double hits = cd->hits[k];
    if (x->defining && (k == CTX_LEFT1 || k == CTX_LEFT2) && hits >= cd->defines)
        hits -= cd->defines; /* "#define X" says X is defined, not that it comes next */
    if (x->declaring && (k == CTX_LEFT1 || k == CTX_LEFT2) && hits >= cd->decls)
        hits -= cd->decls; /* the same for "def f" */
    return l * hits / st->total + (1 - l) * p;
}

/* Python's special attributes, which a class does not define with def. */
#define DUNDER_DATA                                                                                \
    "__name__ __main__ __file__ __doc__ __all__ __class__ __dict__ __slots__ __module__ "          \
    "__qualname__ __mro__ __bases__ __wrapped__ __annotations__ __builtins__ __spec__ "            \
    "__loader__ __package__ __path__ __version__ __author__ __debug__ __future__ __defaults__ "    \
    "__kwdefaults__ __code__ __globals__ __closure__ __func__ __self__ __traceback__ __cause__ "   \
    "__context__ __weakref__"

/* A known word the document lacks that a program itself declares where
 * the cursor declares: a method of a protocol (a member name, a special
 * method), not a library's function, module or type. */
static bool
is_method_name(const struct cand *cd)
{
    const struct pair_ac_word *w = cd->known;
    if (w->place == PAIR_AC_AFTER_MEMBER || w->kind == PAIR_AC_PROPERTY ||
        w->kind == PAIR_AC_VARIABLE || w->kind == PAIR_AC_KEYWORD)
        return true;
    return cd->len > 4 && memcmp(cd->text, "__", 2) == 0 &&
           memcmp(cd->text + cd->len - 2, "__", 2) == 0;
}

/*
 * The model's log-score of a candidate (see autocomplete.h) before
 * calibration: the left n-gram chain over a unigram mixed with the cache,
 * times how much more likely the right context makes the word than its
 * unigram does.
 */
static double
raw_score(const struct ctx *x, const struct cand *cd, double local_total)
{
    double words = x->words > 0 ? x->words : 1;
    /* Uses in prose count for little, and sublinearly: "the" is frequent in
     * comments without being likely in code. */
    double text = cd->text_freq > 0 ? x->m.text_weight * (1 + ac_log(cd->text_freq)) : 0;
    double part = cd->freq == 0
                      ? PART_W * cd->parts + (cd->echo ? ECHO_PC : 0) + ANALOGY_PC * cd->analogies
                      : 0;
    double recv = cd->recv ? RECV_PC / (1.0 + (cd->recv - 1) / RECV_DECAY) : 0;
    double uni = (cd->freq + text + prior(x, cd) + part + recv) / (words + 1);
    if (uni < 1e-9)
        uni = 1e-9;
    double p = uni;
    if (local_total > 0)
        p = (1 - x->m.cache_mix) * p + x->m.cache_mix * cd->local / local_total;
    if (!x->m.ngram || x->prose)
        return ac_log(p);
    p = interpolate(x, cd, CTX_LEFT2, interpolate(x, cd, CTX_LEFT1, p));
    double s = ac_log(p > 0 ? p : 1e-12);
    /* How often the word is a member where the cursor is one, or not. */
    if (x->member)
        s += MEMBER_W * ac_log((cd->members + MEMBER_A) / (cd->freq + MEMBER_A));
    else if (x->place == PAIR_AC_AFTER_HASH || x->place == PAIR_AC_IN_INCLUDE)
        s += MEMBER_W * ac_log((cd->hits[CTX_LEFT1] + MEMBER_A) / (cd->freq + MEMBER_A));
    else if (x->defining && cd->freq > 0)
        /* A macro is defined once: the names defined already are unlikely. */
        s += DEFINE_W * ac_log((cd->freq - cd->defines + MEMBER_A) / (cd->freq + MEMBER_A));
    else if (x->declaring && cd->decls_here > 0)
        /* Declared already in this scope: seldom again. */
        s += DECL_W * ac_log(MEMBER_A / (cd->decls_here + MEMBER_A));
    else if (x->declaring && cd->decls > 0)
        s += DECL_OTHER_W; /* the same method in another class */
    else if (cd->freq > 0)
        s += NONMEMBER_W * ac_log((cd->freq - cd->members + MEMBER_A) / (cd->freq + MEMBER_A));
    /* A directive's name (include, ifndef) seldom stands anywhere else. */
    if (x->place == PAIR_AC_ANYWHERE && cd->directives > 0 &&
        !(cd->known != NULL && cd->known->place == PAIR_AC_ANYWHERE))
        s += DIRECTIVE_W * ac_log((cd->freq - cd->directives + MEMBER_A) / (cd->freq + MEMBER_A));
    if (x->m.right_weight > 0) {
        double pr = interpolate(x, cd, CTX_RIGHT2, interpolate(x, cd, CTX_RIGHT1, uni));
        s += x->m.right_weight * ac_log(pr / uni);
    }
    if (x->nsib > 0 && is_sibling(x, cd))
        s -= LIST_W;
    if (x->sorted)
        s += sorts_here(x, cd) ? SORT_IN_W : -SORT_OUT_W;
    if (SHAPE_W > 0 && x->words > 0) {
        /* How much more often than elsewhere names of this shape stand
         * after the one or two tokens before the cursor, and before the
         * one or two after it, each backing off to the shorter context and
         * that to the neighbour's shape when it is a word. */
        enum shape sh = cd->known != NULL && cd->known->kind == PAIR_AC_KEYWORD &&
                                is_keyword(x, cd->text, cd->len, cd->hash)
                            ? SHAPE_KEYWORD
                            : shape_of(cd->text, cd->len);
        double base = (x->shapes[sh] + 1.0) / (x->words + SHAPE__MAX);
        double left = base, right = base;
        if (x->shape_p1 >= 0)
            left = shape_share(&x->shapes_after_shape, sh, base);
        if (x->shape_n1 >= 0)
            right = shape_share(&x->shapes_before_shape, sh, base);
        left = shape_share(&x->shapes_after2, sh, shape_share(&x->shapes_after, sh, left));
        s += SHAPE_W * ac_log(left / base);
        right = shape_share(&x->shapes_before2, sh, shape_share(&x->shapes_before, sh, right));
        s += SHAPE_W * ac_log(right / base);
    }
    if (x->npar > 0 && is_parallel(x, cd) &&
        !(cd->known != NULL && cd->known->kind == PAIR_AC_KEYWORD))
        s -= PAR_W;
    if (cd->echo)
        s += cd->echo == 1 ? ECHO_W : ECHO_CASE_W;
    if (cd->recv)
        s += RECV_W;
    /* Before '(', the language's functions: for a word the document uses,
     * the right context says whether it is called; for one it lacks, the
     * kind of the known word does. */
    if (cd->freq == 0 && cd->known != NULL && tok_is(x, x->n1, "(") &&
        (cd->known->kind == PAIR_AC_FUNCTION || cd->known->kind == PAIR_AC_BUILTIN))
        s += CALL_W;
    if (cd->in_order)
        s += cd->in_order == 2 ? ORDER_W : ADJ_W;
    if (cd->doc_order)
        s += DOC_ORDER_W;
    if (cd->doc_above)
        s += DOC_ABOVE_W;
    if (cd->line & LINE_RHS)
        s += LINE_RHS_W;
    if (cd->line & LINE_LHS)
        s += LINE_LHS_W;
    if (cd->line & LINE_ONE)
        s += LINE_ONE_W;
    /* Where a name is declared (after def, function, class ...), the
     * program declares its own: no library function, module or type it
     * does not use (special methods and member names are declared), no
     * special attribute (__name__); of its words, those it calls. */
    bool special_attr = x->lang == PAIR_AC_PYTHON && cd->len > 4 && cd->text[0] == '_' &&
                        pair_ac_word_in(cd->text, cd->len, DUNDER_DATA, false);
    if (x->declaring &&
        (special_attr || (cd->freq == 0 && cd->known != NULL && !is_method_name(cd))))
        s -= DECL_LIB_W;
    if (x->declaring && cd->freq > 0)
        s += DECL_CALL_W * ac_log((cd->calls + MEMBER_A) / (cd->freq + MEMBER_A));
    /* Where a name is declared, no keyword fits (but C++'s "enum class" and
     * TypeScript's "const enum"), unless the document uses it as a name
     * (JavaScript's "from", Python's "match"): as a member, declared, or
     * right there. */
    if (x->names_only && cd->known != NULL && cd->known->kind == PAIR_AC_KEYWORD &&
        cd->members == 0 && cd->decls == 0 && cd->hits[CTX_LEFT1] == 0 &&
        !(tok_is(x, x->p1, "enum") && pair_ac_word_in(cd->text, cd->len, "class struct", false)) &&
        !(tok_is(x, x->p1, "const") && pair_ac_word_in(cd->text, cd->len, "enum", false)))
        s -= DECL_KW_W;
    /* A name the document lacks needs both neighbours to agree on it, else
     * it comes after the word it was made from. */
    if (!cd->invented || cd->seq == 2)
        s += SEQ_W * cd->seq;
    else
        s -= SEQ_W;
    return s;
}

/* The weights of a log-linear correction of the score (see refitted); the
 * first correction has only those of the first eight lines. */
struct refit {
    double log_freq;                     /* x ln(1 + occurrences) */
    double unseen;                       /* the document does not have the word */
    double log_nearest;                  /* x ln(1 + token distance of the closest occurrence) */
    double left1, left2, right1, right2; /* it was seen in that context */
    double once;                         /* the document has it once */
    double sibling;                      /* an element of the cursor's list already */
    double new_member;                   /* after '.', never seen as a member */
    double keyword;                      /* a keyword of the language */
    double known_unseen;                 /* a known word the document lacks */
    double known_seen;                   /* ... one it has */
    double text_only;                    /* only in comments and strings */
    double part_only;                    /* only a part of the document's names */
    double family_only;                  /* only a name family's member */
    double log_rest;                     /* x ln(1 + characters left to type) */
    double called, not_called;           /* before '(': the document called it, or never */
    double log_local;                    /* x ln(0.01 + the cache weight) */
    double numbered;                     /* the numbered names around make it next */
    double log_text;                     /* x ln(1 + uses in comments and strings) */
    double scale1, scale3;               /* x the score, one or three characters typed */
    double unseen1, unseen3;             /* the document lacks it, one or three typed */
    double log_left1, log_right1;        /* x ln(1 + uses after / before the neighbour) */
    double declared;                     /* where a name is declared, declared elsewhere */
    double invented;                     /* made by the numbered names, absent */
    double mostly_member;                /* elsewhere than after '.', mostly a member */
    double known_member_unseen;          /* after '.', a known member the document lacks */
    double in_order, doc_order;          /* next in a known list, in the document's orders */
    double log_known_rank;               /* x ln(1 + rank) of a known word the document lacks */
    double receiver;                     /* a well-known receiver's member */
    double line;                         /* the cursor's line names it */
    double declaring_unseen;             /* where a name is declared, one the document lacks */
    double known_call;                   /* before '(', a known function the document lacks */
    bool fitted;                         /* false: no correction (every weight 0) */
};

/*
 * A log-linear correction of raw_score, fitted by softmax regression over
 * the 40 best candidates of each sample of seeds 1-5 of
 * tests/bench/autocomplete.mjs (25,000 samples; the reported seed was left
 * out). It says that the n-gram contexts and the frequency above are
 * over-confident, that closeness and words used once count for more than
 * they say, and that after '.' a name never seen as a member is less
 * unlikely than the member ratio makes it. The weights of unseen and once
 * were moved by a coordinate search on the same seeds after the name
 * families and shapes were added (words the document lacks now come from
 * them as well as from the parts), and that of right2 (with DEFINE_W) after
 * the receivers, sorted lists, scopes and line hints were.
 */
static const struct refit calibration = {
    .log_freq = -0.30,
    .unseen = 0.18,
    .log_nearest = -0.32,
    .left1 = -1.70,
    .left2 = -1.05,
    .right1 = -1.61,
    .right2 = -1.72,
    .once = 0.99,
    .sibling = -0.45,
    .new_member = 0.88,
    .keyword = 0.24,
    .fitted = true,
};

/*
 * A second log-linear correction on top of the first, fitted the same way
 * (softmax regression over the 40 best candidates of each sample of seeds
 * 1-5, checked on seeds 6-10) after the orders, the declaration sites and
 * the longer word lists were added. It weighs what the model knows of a
 * word but the score used only through its hand-set parts: how much is
 * left to type, whether the word is only in comments, only a part, only a
 * family member, a known word or not, called before '(' or not, mostly a
 * member; and it flattens the score where one character is typed and more
 * so where three are (the evidence is then surer than the model says, but
 * the words the document lacks are less likely). The fit would also make
 * the line hints count 0.6 less; that weight is left at 0 (on seeds 6-10
 * it moved top-5 by less than 0.01 point and top-1 by 0.07).
 */
static const struct refit refit = {
    .log_freq = -0.337,
    .unseen = -0.275,
    .log_nearest = -0.025,
    .left1 = -0.371,
    .left2 = -0.103,
    .right1 = -0.469,
    .right2 = 0.318,
    .once = -0.197,
    .sibling = 0.067,
    .new_member = 0.211,
    .keyword = 0.100,
    .known_unseen = 0.604,
    .known_seen = -0.139,
    .text_only = 0.296,
    .part_only = 0.218,
    .family_only = -0.283,
    .log_rest = -0.207,
    .called = -0.039,
    .not_called = 0.039,
    .log_local = 0.142,
    .numbered = -0.023,
    .log_text = 0.043,
    .scale1 = -0.098,
    .scale3 = -0.330,
    .unseen1 = -0.440,
    .unseen3 = -0.558,
    .log_left1 = 0.259,
    .log_right1 = 0.447,
    .declared = 0.202,
    .invented = -0.699,
    .mostly_member = -0.519,
    .known_member_unseen = 0.499,
    .in_order = 0.611,
    .doc_order = 0.009,
    .log_known_rank = -0.018,
    .receiver = 0.405,
    .line = 0.0, /* fitted: -0.599, see above */
    .declaring_unseen = -0.626,
    .known_call = -0.125,
    .fitted = true,
};

/*
 * A third correction, per language, on top of the second and fitted the
 * same way on each language's samples (with a stronger L2 penalty: the
 * languages have a fifth of the samples each). Python, JavaScript,
 * TypeScript and C++ only: for C (and Go, with few samples) the fit gave
 * nothing on seeds 6-10 that a stronger penalty kept.
 */
static const struct refit refit_lang[PAIR_AC_LANG__MAX] = {
    [PAIR_AC_PYTHON] = {.log_freq = -0.094,
                        .unseen = -0.136,
                        .log_nearest = -0.050,
                        .left1 = -0.017,
                        .left2 = 0.035,
                        .right1 = -0.122,
                        .right2 = -0.084,
                        .once = 0.127,
                        .sibling = -0.049,
                        .new_member = 0.071,
                        .keyword = -0.051,
                        .known_unseen = -0.003,
                        .known_seen = -0.069,
                        .text_only = -0.126,
                        .part_only = -0.226,
                        .family_only = 0.060,
                        .log_rest = 0.014,
                        .called = 0.190,
                        .not_called = -0.190,
                        .log_local = 0.004,
                        .numbered = 0.073,
                        .log_text = -0.016,
                        .scale1 = 0.056,
                        .scale3 = 0.056,
                        .unseen1 = 0.077,
                        .unseen3 = -0.026,
                        .log_left1 = 0.117,
                        .log_right1 = 0.045,
                        .declared = -0.015,
                        .invented = 0.015,
                        .mostly_member = -0.191,
                        .known_member_unseen = 0.167,
                        .in_order = 0.293,
                        .doc_order = -0.002,
                        .log_known_rank = 0.032,
                        .receiver = 0.064,
                        .line = -0.204,
                        .declaring_unseen = 0.018,
                        .known_call = 0.232,
                        .fitted = true},
    [PAIR_AC_JAVASCRIPT] = {.log_freq = 0.033,
                            .unseen = -0.108,
                            .log_nearest = -0.036,
                            .left1 = -0.226,
                            .left2 = 0.033,
                            .right1 = -0.138,
                            .right2 = 0.236,
                            .once = 0.309,
                            .sibling = -0.171,
                            .new_member = -0.257,
                            .keyword = -0.119,
                            .known_unseen = 0.095,
                            .known_seen = -0.019,
                            .text_only = -0.214,
                            .part_only = 0.180,
                            .family_only = -0.094,
                            .log_rest = -0.149,
                            .called = 0.066,
                            .not_called = -0.066,
                            .log_local = -0.025,
                            .numbered = -0.007,
                            .log_text = 0.041,
                            .scale1 = 0.026,
                            .scale3 = 0.056,
                            .unseen1 = 0.006,
                            .unseen3 = -0.148,
                            .log_left1 = -0.093,
                            .log_right1 = -0.030,
                            .declared = -0.069,
                            .invented = 0.004,
                            .mostly_member = -0.363,
                            .known_member_unseen = 0.230,
                            .doc_order = -0.142,
                            .log_known_rank = -0.018,
                            .receiver = 0.103,
                            .line = -0.207,
                            .declaring_unseen = -0.073,
                            .known_call = -0.042,
                            .fitted = true},
    [PAIR_AC_TYPESCRIPT] = {.log_freq = 0.062,
                            .unseen = -0.205,
                            .log_nearest = 0.219,
                            .left1 = 0.011,
                            .left2 = 0.082,
                            .right1 = -0.159,
                            .right2 = 0.208,
                            .once = 0.377,
                            .sibling = -0.038,
                            .new_member = -0.077,
                            .keyword = 0.049,
                            .known_unseen = -0.035,
                            .known_seen = -0.091,
                            .text_only = -0.334,
                            .part_only = 0.177,
                            .family_only = -0.133,
                            .log_rest = 0.191,
                            .called = -0.125,
                            .not_called = 0.125,
                            .log_local = 0.145,
                            .numbered = 0.067,
                            .log_text = -0.002,
                            .scale1 = -0.017,
                            .scale3 = -0.016,
                            .unseen1 = 0.074,
                            .unseen3 = -0.082,
                            .log_left1 = 0.030,
                            .log_right1 = -0.059,
                            .declared = -0.014,
                            .invented = -0.029,
                            .mostly_member = -0.065,
                            .known_member_unseen = -0.014,
                            .in_order = 0.199,
                            .doc_order = -0.016,
                            .log_known_rank = 0.123,
                            .receiver = -0.010,
                            .line = -0.190,
                            .declaring_unseen = 0.141,
                            .known_call = -0.115,
                            .fitted = true},
    [PAIR_AC_CPP] = {.log_freq = -0.046,
                     .unseen = 0.096,
                     .log_nearest = -0.173,
                     .left1 = 0.153,
                     .left2 = 0.083,
                     .right1 = 0.276,
                     .right2 = 0.074,
                     .once = -0.119,
                     .sibling = 0.199,
                     .new_member = 0.206,
                     .keyword = 0.239,
                     .known_unseen = 0.232,
                     .known_seen = 0.033,
                     .text_only = 0.004,
                     .part_only = 0.153,
                     .family_only = 0.004,
                     .log_rest = -0.068,
                     .called = -0.002,
                     .not_called = 0.002,
                     .log_local = -0.032,
                     .numbered = 0.062,
                     .log_text = -0.009,
                     .scale1 = -0.103,
                     .scale3 = -0.051,
                     .unseen1 = -0.058,
                     .unseen3 = -0.083,
                     .log_left1 = -0.075,
                     .log_right1 = -0.035,
                     .declared = 0.072,
                     .invented = -0.065,
                     .mostly_member = 0.279,
                     .known_member_unseen = -0.041,
                     .in_order = -0.230,
                     .doc_order = -0.020,
                     .log_known_rank = -0.104,
                     .receiver = -0.020,
                     .line = -0.258,
                     .declaring_unseen = -0.188,
                     .known_call = -0.129,
                     .fitted = true},
};

/*
 * What the calibrations and the re-ranking networks know of a candidate,
 * each fact in its place of the networks' inputs (the order they were
 * fitted with). The score and the facts made of it are the caller's.
 */
enum fact {
    F_SCORE,
    F_LOG_FREQ,     /* ln(1 + occurrences) */
    F_UNSEEN,       /* the document lacks it */
    F_KNOWN_UNSEEN, /* a known word the document lacks */
    F_LOG_NEAREST,  /* ln(1 + token distance of the closest occurrence) */
    F_LEFT1,        /* seen in that context of the cursor */
    F_LEFT2,
    F_RIGHT1,
    F_RIGHT2,
    F_TEXT_ONLY,  /* only in comments and strings */
    F_PART_ONLY,  /* only a part of the document's names */
    F_LOG_REST,   /* ln(1 + characters left to type) */
    F_SIBLING,    /* an element of the cursor's list already */
    F_NEW_MEMBER, /* after '.', seen but never as a member */
    F_CALLED,     /* before '(': the document called it */
    F_NOT_CALLED, /* ... or never */
    F_KEYWORD,
    F_ONE,                    /* one character typed */
    F_THREE,                  /* three or more */
    F_ONCE,                   /* the document has it once */
    F_KNOWN_SEEN,             /* a known word the document has */
    F_LOG_LOCAL,              /* ln(0.01 + the cache weight) */
    F_NUMBERED,               /* the numbered names around make it next */
    F_LOG_TEXT,               /* ln(1 + uses in comments and strings), 0 for none */
    F_SCORE1,                 /* the score where one character is typed, else 0 */
    F_SCORE3,                 /* ... three or more */
    F_UNSEEN1,                /* the document lacks it, one typed */
    F_UNSEEN3,                /* ... three or more */
    F_LOG_LEFT1,              /* ln(1 + uses after the token before the cursor) */
    F_LOG_RIGHT1,             /* ln(1 + uses before the token after it) */
    F_DECLARED,               /* where a name is declared, declared elsewhere */
    F_INVENTED,               /* made by the numbered names, absent */
    F_MOSTLY_MEMBER,          /* elsewhere than after '.', mostly a member */
    F_KNOWN_MEMBER_UNSEEN,    /* after '.', a known member the document lacks */
    F_IN_ORDER,               /* next in a known list */
    F_DOC_ORDER,              /* ... in the document's orders */
    F_FAMILY_ONLY,            /* only a name family's member */
    F_LOG_KNOWN_RANK,         /* ln(1 + rank) of a known word the document lacks */
    F_RECEIVER,               /* a well-known receiver's member */
    F_LINE,                   /* the cursor's line names it */
    F_DECLARING_UNSEEN,       /* where a name is declared, one the document lacks */
    F_KNOWN_CALL,             /* before '(', a known function the document lacks */
    F_LANG,                   /* six: Python, JavaScript, TypeScript, C, C++, Go */
    F_ONE_AGAIN = F_LANG + 6, /* F_ONE and F_THREE once more, as the networks had them */
    F_THREE_AGAIN,
    F__MAX
};
_Static_assert(F__MAX == PAIR_AC_NET_IN, "the networks' inputs are the facts");

/* The facts about cd in f[F__MAX], but for F_SCORE, F_SCORE1 and F_SCORE3. */
static void
facts(const struct ctx *x, const struct cand *cd, double *f)
{
    bool unseen = cd->freq == 0, known = cd->known != NULL, paren = tok_is(x, x->n1, "(");
    bool one = x->prefix.len == 1, three = x->prefix.len >= 3;
    memset(f, 0, F__MAX * sizeof(f[0]));
    f[F_LOG_FREQ] = ac_log(cd->freq + 1.0);
    f[F_UNSEEN] = unseen;
    f[F_KNOWN_UNSEEN] = known && unseen;
    f[F_LOG_NEAREST] = ac_log((cd->nearest == UINT32_MAX ? (double)x->n : (double)cd->nearest) + 1);
    f[F_LEFT1] = cd->hits[CTX_LEFT1] > 0;
    f[F_LEFT2] = cd->hits[CTX_LEFT2] > 0;
    f[F_RIGHT1] = cd->hits[CTX_RIGHT1] > 0;
    f[F_RIGHT2] = cd->hits[CTX_RIGHT2] > 0;
    f[F_TEXT_ONLY] = cd->text_freq > 0 && unseen;
    f[F_PART_ONLY] = cd->parts > 0 && unseen;
    f[F_LOG_REST] = ac_log(cd->len - x->prefix.len + 1.0);
    f[F_SIBLING] = x->nsib > 0 && is_sibling(x, cd);
    f[F_NEW_MEMBER] = x->member && cd->members == 0 && !unseen;
    f[F_CALLED] = paren && cd->calls > 0;
    f[F_NOT_CALLED] = paren && cd->calls == 0;
    f[F_KEYWORD] = known && cd->known->kind == PAIR_AC_KEYWORD;
    f[F_ONE] = f[F_ONE_AGAIN] = one;
    f[F_THREE] = f[F_THREE_AGAIN] = three;
    f[F_ONCE] = cd->freq == 1;
    f[F_KNOWN_SEEN] = known && !unseen;
    f[F_LOG_LOCAL] = ac_log(cd->local + 0.01);
    f[F_NUMBERED] = cd->seq > 0;
    f[F_LOG_TEXT] = cd->text_freq > 0 ? ac_log(cd->text_freq + 1.0) : 0;
    f[F_UNSEEN1] = unseen && one;
    f[F_UNSEEN3] = unseen && three;
    f[F_LOG_LEFT1] = ac_log(cd->hits[CTX_LEFT1] + 1.0);
    f[F_LOG_RIGHT1] = ac_log(cd->hits[CTX_RIGHT1] + 1.0);
    f[F_DECLARED] = x->declaring && cd->decls > 0;
    f[F_INVENTED] = cd->invented;
    f[F_MOSTLY_MEMBER] = !x->member && !unseen && cd->members * 2 > cd->freq;
    f[F_KNOWN_MEMBER_UNSEEN] = x->member && known && unseen;
    f[F_IN_ORDER] = cd->in_order > 0;
    f[F_DOC_ORDER] = cd->doc_order > 0;
    f[F_FAMILY_ONLY] = cd->analogies > 0 && unseen;
    f[F_LOG_KNOWN_RANK] = known && unseen ? ac_log(1.0 + cd->known->rank) : 0;
    f[F_RECEIVER] = cd->recv > 0;
    f[F_LINE] = cd->line != 0;
    f[F_DECLARING_UNSEEN] = x->declaring && unseen;
    f[F_KNOWN_CALL] = known && unseen && paren &&
                      (cd->known->kind == PAIR_AC_FUNCTION || cd->known->kind == PAIR_AC_BUILTIN);
    static const enum pair_ac_lang langs[] = {
        PAIR_AC_PYTHON, PAIR_AC_JAVASCRIPT, PAIR_AC_TYPESCRIPT, PAIR_AC_C, PAIR_AC_CPP, PAIR_AC_GO};
    for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++)
        f[F_LANG + i] = x->lang == langs[i];
}

/* The correction r of the score s, given the candidate's facts f. */
static double
refitted(const double *f, double s, const struct refit *r)
{
    double t = r->log_freq * f[F_LOG_FREQ] + r->log_nearest * f[F_LOG_NEAREST];
    t += f[F_UNSEEN] ? r->unseen : f[F_ONCE] ? r->once : 0;
    t += (f[F_LEFT1] ? r->left1 : 0) + (f[F_LEFT2] ? r->left2 : 0) + (f[F_RIGHT1] ? r->right1 : 0) +
         (f[F_RIGHT2] ? r->right2 : 0);
    if (f[F_SIBLING])
        t += r->sibling;
    if (f[F_NEW_MEMBER])
        t += r->new_member;
    if (f[F_KEYWORD])
        t += r->keyword;
    if (f[F_KNOWN_UNSEEN])
        t += r->known_unseen + r->log_known_rank * f[F_LOG_KNOWN_RANK];
    else if (f[F_KNOWN_SEEN])
        t += r->known_seen;
    if (f[F_TEXT_ONLY])
        t += r->text_only;
    if (f[F_PART_ONLY])
        t += r->part_only;
    if (f[F_FAMILY_ONLY])
        t += r->family_only;
    t += r->log_rest * f[F_LOG_REST];
    t += f[F_CALLED] ? r->called : f[F_NOT_CALLED] ? r->not_called : 0;
    t += r->log_local * f[F_LOG_LOCAL];
    if (f[F_NUMBERED])
        t += r->numbered;
    t += r->log_text * f[F_LOG_TEXT];
    if (f[F_ONE])
        t += r->scale1 * s + (f[F_UNSEEN] ? r->unseen1 : 0);
    else if (f[F_THREE])
        t += r->scale3 * s + (f[F_UNSEEN] ? r->unseen3 : 0);
    t += r->log_left1 * f[F_LOG_LEFT1] + r->log_right1 * f[F_LOG_RIGHT1];
    if (f[F_DECLARED])
        t += r->declared;
    if (f[F_INVENTED])
        t += r->invented;
    if (f[F_MOSTLY_MEMBER])
        t += r->mostly_member;
    if (f[F_KNOWN_MEMBER_UNSEEN])
        t += r->known_member_unseen;
    if (f[F_IN_ORDER])
        t += r->in_order;
    if (f[F_DOC_ORDER])
        t += r->doc_order;
    if (f[F_RECEIVER])
        t += r->receiver;
    if (f[F_LINE])
        t += r->line;
    if (f[F_DECLARING_UNSEEN])
        t += r->declaring_unseen;
    if (f[F_KNOWN_CALL])
        t += r->known_call;
    return s + t;
}

/* The calibrated log-score of a candidate. */
static double
score(const struct ctx *x, const struct cand *cd, double local_total)
{
    double s = raw_score(x, cd, local_total);
    if (!x->m.calibrate || x->prose || x->lang == PAIR_AC_GENERIC)
        return s; /* fitted on code */
    double f[F__MAX];
    facts(x, cd, f);
    s = refitted(f, refitted(f, s, &calibration), &refit);
    return refit_lang[x->lang].fitted ? refitted(f, s, &refit_lang[x->lang]) : s;
}

/*
 * Last, small networks re-rank the RERANK_N best candidates: each has 32
 * tanh units over the calibrated score and the same facts the calibrations
 * weigh one by one, with the language and how much was typed, so that it
 * can weigh them together (a word the document lacks counts differently
 * where one character is typed in C than where three are in Python). What
 * each adds to a score is bounded (RERANK_CAP), and the candidate gets the
 * average of the networks' answers: they settle close calls and cannot
 * overturn strong evidence. Each input is clipped to the range seen in
 * fitting, so a document unlike those (a word used 50,000 times) gets no
 * wild answer. They were fitted alike, from different starting points, by
 * softmax regression on the 40 best candidates of benchmark samples of 80
 * seeds, from the files of one half of the benchmark's pool (by a hash of
 * their path), and checked on the other half (tests/bench/ac_train.mjs,
 * tests/tools/ac_features.c; see tests/bench/README.md). Only for the
 * languages and the document sizes they saw, and only when something was
 * typed.
 */
#define RERANK_N 40
#define RERANK_CAP 1.5  /* the most a network moves a score, either way (smoothly) */
#define RERANK_MIN 1024 /* bytes of a document, as the benchmark's smallest files */

/* e^y for |y| <= 40: 2^n e^r with |r| <= ln 2 / 2, e^r by its series to
 * r^11 / 11! (relative error below 1e-13), 2^n by its bits. */
static double
ac_exp(double y)
{
    static const double inverse_factorial[] = {
        1.0,       1.0,        1.0 / 2,     1.0 / 6,      1.0 / 24,      1.0 / 120,
        1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800};
    long n = (long)(y * 1.44269504088896340736 + (y >= 0 ? 0.5 : -0.5));
    double r = y - (double)n * 0.69314718055994530942, e = 0;
    for (size_t k = sizeof(inverse_factorial) / sizeof(inverse_factorial[0]); k-- > 0;)
        e = e * r + inverse_factorial[k];
    union {
        double d;
        uint64_t u;
    } two = {.u = (uint64_t)(n + 1023) << 52};
    return e * two.d;
}

static double
ac_tanh(double a)
{
    if (a > 20)
        return 1;
    if (a < -20)
        return -1;
    return 1 - 2 / (ac_exp(2 * a) + 1);
}

static bool
reranked(const struct ctx *x)
{
    static const bool seen[PAIR_AC_LANG__MAX] = {
        [PAIR_AC_PYTHON] = true, [PAIR_AC_JAVASCRIPT] = true, [PAIR_AC_TYPESCRIPT] = true,
        [PAIR_AC_C] = true,      [PAIR_AC_CPP] = true,        [PAIR_AC_GO] = true,
    };
    return x->m.calibrate && x->m.rerank && !x->prose && x->prefix.len > 0 &&
           x->text.len >= RERANK_MIN && seen[x->lang];
}

/* The networks' inputs for a candidate: its facts and its score. */
static void
rerank_inputs(const struct ctx *x, const struct cand *cd, double *f)
{
    facts(x, cd, f);
    f[F_SCORE] = cd->score;
    f[F_SCORE1] = f[F_ONE] ? cd->score : 0;
    f[F_SCORE3] = f[F_THREE] ? cd->score : 0;
}

/* What the networks add to a candidate's score, on average. */
static double
rerank(const struct ctx *x, const struct cand *cd)
{
    double raw[PAIR_AC_NET_IN], total = 0;
    rerank_inputs(x, cd, raw);
    for (size_t k = 0; k < PAIR_AC_NETS; k++) {
        const struct pair_ac_net *net = &pair_ac_net[k];
        double in[PAIR_AC_NET_IN], out = 0;
        for (size_t i = 0; i < PAIR_AC_NET_IN; i++) {
            double v = raw[i] < net->lo[i] ? net->lo[i] : raw[i] > net->hi[i] ? net->hi[i] : raw[i];
            in[i] = (v - net->mean[i]) / net->sd[i];
        }
        double a[PAIR_AC_NET_HIDDEN];
        memcpy(a, net->b1, sizeof(a));
        for (size_t i = 0; i < PAIR_AC_NET_IN; i++)
            for (size_t j = 0; j < PAIR_AC_NET_HIDDEN; j++)
                a[j] += net->w1[i][j] * in[i];
        for (size_t j = 0; j < PAIR_AC_NET_HIDDEN; j++)
            out += net->w2[j] * ac_tanh(a[j]);
        total += RERANK_CAP * ac_tanh(out / RERANK_CAP);
    }
    return total / PAIR_AC_NETS;
}

/* Sum of tau / (tau + d) over every token position around the anchor, as
 * an integral (the cache weights' total mass). */
static double
local_mass(const struct ctx *x)
{
    double before = x->anchor > 0 ? (double)x->anchor : 0;
    double after = (double)x->n - before;
    double tau = x->m.tau;
    double mass = tau * (ac_log(1 + before / tau) + ac_log(1 + after / tau));
    return mass * (x->n > 0 ? x->words / (double)x->n : 0);
}

/* Ordering of the answer: typed case first, the word equal to the prefix
 * last (it completes nothing), then by score, closeness and text. */
static int
rank_class(const struct ctx *x, const struct cand *cd)
{
    if (cd->len == x->prefix.len)
        return 2;
    return cd->match == 2 ? 0 : 1;
}

/* a ranks before b. */
static bool
better(const struct ctx *x, const struct cand *a, const struct cand *b)
{
    int ca = rank_class(x, a), cb = rank_class(x, b);
    if (ca != cb)
        return ca < cb;
    if (a->score != b->score)
        return a->score > b->score;
    if (a->nearest != b->nearest)
        return a->nearest < b->nearest;
    int r = memcmp(a->text, b->text, a->len < b->len ? a->len : b->len);
    return r != 0 ? r < 0 : a->len < b->len;
}

/* Inserts cd into top (*n of at most max, best first) if it is among the
 * best max. */
static void
keep_best(const struct ctx *x, struct cand **top, size_t *n, size_t max, struct cand *cd)
{
    size_t k = *n < max ? (*n)++ : max;
    if (k == max) {
        if (!better(x, cd, top[max - 1]))
            return;
        k = max - 1;
    }
    while (k > 0 && better(x, cd, top[k - 1])) {
        top[k] = top[k - 1];
        k--;
    }
    top[k] = cd;
}

/* With nothing typed, suggestions need evidence from the context: a member
 * seen after this operator, or a word that follows these two tokens often. */
static bool
worth_without_prefix(const struct ctx *x, const struct cand *cd)
{
    if (x->member)
        return cd->hits[CTX_LEFT1] > 0;
    return cd->hits[CTX_LEFT2] >= 2 && cd->hits[CTX_LEFT2] * 2 >= x->stat[CTX_LEFT2].total;
}

/* The kind shown for a candidate. */
static enum pair_ac_kind
kind_of(const struct ctx *x, const struct cand *cd)
{
    const struct pair_ac_word *w = cd->known;
    bool member = w != NULL && w->place == PAIR_AC_AFTER_MEMBER;
    if (w == NULL && cd->recv && cd->freq == 0)
        return PAIR_AC_PROPERTY;
    if (w != NULL && (w->kind == PAIR_AC_KEYWORD || (!member && cd->freq == 0)))
        return (enum pair_ac_kind)w->kind;
    if (cd->imports * 2 > cd->freq)
        return PAIR_AC_MODULE;
    if (w != NULL && !member)
        return (enum pair_ac_kind)w->kind;
    if (cd->defs_type > 0)
        return PAIR_AC_TYPE;
    if (cd->defs_fn > 0 || (cd->calls > 0 && cd->calls * 2 >= cd->freq))
        return PAIR_AC_FUNCTION;
    if (cd->members > 0 && cd->members * 2 >= cd->freq)
        return PAIR_AC_PROPERTY;
    if (w != NULL)
        return (enum pair_ac_kind)w->kind;
    bool upper = cd->text[0] >= 'A' && cd->text[0] <= 'Z', lower = false;
    for (size_t i = 1; i < cd->len; i++)
        lower |= cd->text[i] >= 'a' && cd->text[i] <= 'z';
    if (upper && lower && x->lang != PAIR_AC_GO && x->lang != PAIR_AC_C)
        return PAIR_AC_TYPE;
    return PAIR_AC_VARIABLE;
}

/* The detail shown for a candidate; arena-owned, NULL when out of memory. */
static const char *
detail_of(struct ctx *x, const struct cand *cd, enum pair_ac_kind kind)
{
    struct pair_arena *a = x->c->arena;
    if (cd->invented)
        return pair_sprintf(a, "next in the numbered names around");
    if (cd->freq == 0 && cd->recv)
        return pair_sprintf(a, "%s member of %.*s", pair_ac_lang_name(x->lang),
                            (int)x->tok[x->p2].len, tok_ptr(x, (size_t)x->p2));
    if (cd->freq == 0 && cd->known == NULL && cd->text_freq == 0 && cd->parts == 0) {
        if (cd->analogies > 0)
            return pair_sprintf(a, "completes %u name famil%s in this document", cd->analogies,
                                cd->analogies == 1 ? "y" : "ies");
        if (cd->echo)
            return pair_sprintf(a, "named after the value it is given");
    }
    if (cd->freq == 0 && cd->known == NULL && cd->text_freq == 0)
        return pair_sprintf(a, "part of %u name%s in this document", cd->parts,
                            cd->parts == 1 ? "" : "s");
    if (cd->freq == 0 && cd->known == NULL)
        return pair_sprintf(a, "%u use%s in comments and strings", cd->text_freq,
                            cd->text_freq == 1 ? "" : "s");
    if (cd->freq == 0) {
        if (kind == PAIR_AC_KEYWORD || kind == PAIR_AC_BUILTIN)
            return pair_sprintf(a, "%s %s", pair_ac_lang_name(x->lang), pair_ac_kind_name(kind));
        return pair_sprintf(a, "%s standard library", pair_ac_lang_name(x->lang));
    }
    if (x->member && cd->hits[CTX_LEFT2] > 0 && x->tok[x->p2].type == PAIR_AC_WORD)
        return pair_sprintf(a, "%u of %u uses after %.*s%.*s", cd->hits[CTX_LEFT2], cd->freq,
                            (int)x->tok[x->p2].len, tok_ptr(x, (size_t)x->p2),
                            (int)x->tok[x->p1].len, tok_ptr(x, (size_t)x->p1));
    return pair_sprintf(a, "%u use%s in this document", cd->freq, cd->freq == 1 ? "" : "s");
}

/* True when only white space follows byte offset from on its line. */
static bool
rest_of_line_blank(const struct ctx *x, size_t from)
{
    for (size_t i = from; i < x->text.len && x->text.ptr[i] != '\n'; i++)
        if (x->text.ptr[i] != ' ' && x->text.ptr[i] != '\t' && x->text.ptr[i] != '\r')
            return false;
    return true;
}

/* Only blanks (no comment, no line break) between tokens i and i+1. */
static bool
adjacent(const struct ctx *x, size_t i)
{
    for (size_t k = x->tok[i].off + x->tok[i].len; k < x->tok[i + 1].off; k++)
        if (x->text.ptr[k] != ' ' && x->text.ptr[k] != '\t')
            return false;
    return true;
}

/* Token i would leave a line unfinished: an opening bracket, a separator or
 * an operator (closing brackets, ';', ':' and '{' end lines well). */
static bool
dangling(const struct ctx *x, size_t i)
{
    const struct pair_ac_token *k = &x->tok[i];
    if (k->type != PAIR_AC_PUNCT)
        return false;
    const char *p = tok_ptr(x, i);
    if (k->len == 1)
        return strchr(")]};:", p[0]) == NULL;
    return !(k->len == 2 && p[0] == ')' && p[1] == ';');
}

/*
 * The continuation of the best word: among its occurrences after the same
 * context token(s), the tokens that follow, extended one token at a time
 * while at least two occurrences and 60 % of those left agree, up to the end
 * of the line. Returns the label plus the continuation's text as written at
 * the agreeing occurrence closest to the cursor, or NULL when fewer than
 * two tokens would be added.
 */
static const char *
continuation(struct ctx *x, const struct cand *best)
{
    size_t occ[CONT_OCCURRENCES], nocc = 0, strict[CONT_OCCURRENCES], nstrict = 0;
    size_t from =
        x->t >= 0 ? x->tok[x->t].off + x->tok[x->t].len : (size_t)(x->prefix.ptr - x->text.ptr);
    if (best->freq < 2 || !rest_of_line_blank(x, from))
        return NULL;
    /* The occurrences closest to the cursor first: walk outwards. */
    long lo = x->anchor - 1, hi = x->t >= 0 ? x->anchor + 1 : x->anchor;
    while (nocc < CONT_OCCURRENCES && (lo >= 0 || hi < (long)x->n)) {
        long i;
        if (hi >= (long)x->n || (lo >= 0 && x->anchor - lo <= hi - x->anchor))
            i = lo--;
        else
            i = hi++;
        const struct pair_ac_token *k = &x->tok[i];
        if (k->hash != best->hash || k->len != best->len ||
            memcmp(tok_ptr(x, (size_t)i), best->text, best->len) != 0)
            continue;
        if (x->p1 >= 0 && !(i >= 1 && i - 1 != x->t && same(x, (size_t)i - 1, (size_t)x->p1)))
            continue;
        occ[nocc++] = (size_t)i;
        if (x->p2 >= 0 && i >= 2 && i - 2 != x->t && same(x, (size_t)i - 2, (size_t)x->p2))
            strict[nstrict++] = (size_t)i;
    }
    size_t *set = nstrict >= 2 ? strict : occ;
    size_t nset = nstrict >= 2 ? nstrict : nocc;
    size_t j = 0;
    while (nset >= 2 && j < PAIR_AC_CONTINUATION) {
        /* Vote on the next token after each occurrence still in the set. */
        size_t best_i = SIZE_MAX, best_votes = 0;
        for (size_t a = 0; a < nset; a++) {
            size_t k = set[a] + j + 1;
            if (k >= x->n || (long)k == x->t || x->tok[k].type == PAIR_AC_NEWLINE ||
                !adjacent(x, k - 1))
                continue;
            size_t votes = 0;
            for (size_t b = 0; b < nset; b++) {
                size_t kb = set[b] + j + 1;
                if (kb < x->n && (long)kb != x->t && same(x, k, kb) && adjacent(x, kb - 1))
                    votes++;
            }
            if (votes > best_votes) {
                best_votes = votes;
                best_i = k;
            }
        }
        if (best_votes < x->m.cont_votes || best_votes < nset * x->m.cont_share)
            break;
        size_t keep = 0;
        for (size_t a = 0; a < nset; a++) {
            size_t kb = set[a] + j + 1;
            if (kb < x->n && (long)kb != x->t && same(x, best_i, kb) && adjacent(x, kb - 1))
                set[keep++] = set[a];
        }
        nset = keep;
        j++;
    }
    /* End where a line could end: not on '.', '(', ',' or an operator. */
    while (j > 0 && dangling(x, set[0] + j))
        j--;
    if (j < 2)
        return NULL;
    size_t rep = set[0]; /* the closest agreeing occurrence */
    size_t start = x->tok[rep].off + x->tok[rep].len;
    size_t end = x->tok[rep + j].off + x->tok[rep + j].len;
    return pair_sprintf(x->c->arena, "%.*s%.*s", (int)best->len, best->text, (int)(end - start),
                        x->text.ptr + start);
}

/*
 * Words no one wrote (parts, family members, echoes) fill the answer where
 * the document has few words of the prefix, but at most INVENTED_TOP of the
 * first five: the others move to just after the fifth, in their order.
 */
static void
hold_back_made(struct cand **top, size_t ntop)
{
    struct cand *order[PAIR_AC_MAX], *later[PAIR_AC_MAX];
    size_t no = 0, nl = 0, made_in_five = 0;
    for (size_t i = 0; i < ntop; i++) {
        struct cand *cd = top[i];
        bool made = cd->freq == 0 && cd->text_freq == 0 && cd->known == NULL && cd->recv == 0;
        if (made && no < 5) {
            if (made_in_five == INVENTED_TOP) {
                later[nl++] = cd;
                continue;
            }
            made_in_five++;
        }
        order[no++] = cd;
        if (no == 5) {
            for (size_t k = 0; k < nl; k++)
                order[no++] = later[k];
            nl = 0;
        }
    }
    for (size_t k = 0; k < nl; k++)
        order[no++] = later[k];
    memcpy(top, order, ntop * sizeof(top[0]));
}

enum pair_err
pair_ac_complete(struct pair_call *c, struct pair_str text, size_t cursor, const char *language,
                 const struct pair_ac_model *model, struct pair_ac_result *out)
{
    *out = (struct pair_ac_result){.prefix = {text.ptr + (cursor <= text.len ? cursor : 0), 0}};
    if (pair_ac_init() != 0)
        return pair_fail(c, PAIR_E_INTERNAL, "autocomplete is not available");
    if (cursor > text.len)
        return pair_fail(c, PAIR_E_INTERNAL, "cursor beyond the text");
    struct ctx x = {.c = c, .m = model != NULL ? *model : pair_ac_default_model(), .text = text};
    x.lang = pair_ac_lang_of(language);
    struct pair_ac_tokens toks;
    enum pair_err e = pair_ac_lex(c, x.lang, text, cursor, &toks);
    if (e != PAIR_OK)
        return e;
    x.tok = toks.v;
    x.n = toks.n;
    x.spans = toks.spans;
    x.nspans = toks.nspans;
    locate(&x, cursor, toks.cursor_in_text);
    find_siblings(&x);
    find_parallel(&x);
    find_sorted(&x);
    find_scope(&x);
    find_receiver(&x);
    find_doc_above(&x);
    out->prefix = x.prefix;
    if (x.prefix.ptr == NULL || (x.prefix.len == 0 && x.prose))
        return PAIR_OK;
    if ((e = gather(&x)) != PAIR_OK || (e = derive(&x)) != PAIR_OK ||
        (e = sequence(&x)) != PAIR_OK || (e = echo(&x)) != PAIR_OK ||
        (e = analogy(&x)) != PAIR_OK || (e = add_receiver(&x)) != PAIR_OK ||
        (e = add_known(&x)) != PAIR_OK)
        return e;
    line_hints(&x);
    list_order(&x);

    /* Score, keep the best RERANK_N in order, re-rank them, and answer with
     * the best PAIR_AC_MAX. */
    double local_total = local_mass(&x);
    struct cand *top[RERANK_N];
    size_t ntop = 0;
    for (size_t i = 0; i < x.cap; i++) {
        struct cand *cd = &x.tab[i];
        if (!cd->used || (x.prefix.len == 0 && !worth_without_prefix(&x, cd)))
            continue;
        cd->score = score(&x, cd, local_total);
        if (x.m.inspect != NULL && reranked(&x)) {
            double in[PAIR_AC_NET_IN];
            rerank_inputs(&x, cd, in);
            x.m.inspect(x.m.inspect_arg, cd->text, cd->len, rank_class(&x, cd), in);
        }
        keep_best(&x, top, &ntop, RERANK_N, cd);
    }
    if (reranked(&x)) {
        struct cand *all[RERANK_N];
        size_t nall = ntop;
        memcpy(all, top, ntop * sizeof(top[0]));
        for (size_t i = 0; i < nall; i++)
            all[i]->score += rerank(&x, all[i]);
        ntop = 0;
        for (size_t i = 0; i < nall; i++)
            keep_best(&x, top, &ntop, RERANK_N, all[i]);
    }
    if (ntop > PAIR_AC_MAX)
        ntop = PAIR_AC_MAX;
    hold_back_made(top, ntop);
    for (size_t i = 0; i < ntop; i++) {
        struct pair_ac_item *it = &out->items[i];
        it->label = pair_strndup(c->arena, top[i]->text, top[i]->len);
        it->kind = kind_of(&x, top[i]);
        it->detail = detail_of(&x, top[i], it->kind);
        it->score = top[i]->score;
        if (it->label == NULL || it->detail == NULL)
            return PAIR_E_NOMEM;
    }
    out->n = ntop;
    if (ntop > 0 && x.m.continuation && !x.prose && rank_class(&x, top[0]) == 0)
        out->insert_text = continuation(&x, top[0]);
    return PAIR_OK;
}

json_object *
pair_ac_json(struct pair_call *c, const struct pair_ac_result *r)
{
    json_object *o = pair_json_object(c);
    if (o == NULL)
        return NULL;
    json_object *list = json_object_new_array();
    if (list == NULL)
        return NULL;
    json_object_object_add(o, "suggestion",
                           json_object_new_string(r->n > 0 ? r->items[0].label : ""));
    json_object_object_add(o, "suggestions", list);
    for (size_t i = 0; i < r->n; i++) {
        json_object *s = json_object_new_object();
        if (s == NULL)
            return NULL;
        json_object_object_add(s, "label", json_object_new_string(r->items[i].label));
        json_object_object_add(s, "kind",
                               json_object_new_string(pair_ac_kind_name(r->items[i].kind)));
        if (r->items[i].detail != NULL)
            json_object_object_add(s, "detail", json_object_new_string(r->items[i].detail));
        json_object_array_add(list, s);
    }
    if (r->insert_text != NULL)
        json_object_object_add(o, "insertText", json_object_new_string(r->insert_text));
    return o;
}
