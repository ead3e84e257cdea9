/*
 * ac_lex.c: tokenizers for the autocomplete engine.
 *
 * One scanner, driven by a table of syntax flags per language (comment
 * markers, quote kinds, string prefixes, regex literals, template
 * literals), rather than one hand-written lexer per language: the languages
 * differ in which of a few dozen lexical rules apply, not in how a rule
 * works. The scanner never fails on odd input: an unterminated string or
 * comment runs to the end of its line or of the text.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "ac_lex.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"

/* Code points the identifier tables classify; everything above is not an
 * identifier character (no letters are assigned up there today beyond
 * CJK extension planes that these tables cover). */
#define UNI_MAX 0x40000
#define TEMPLATE_DEPTH 32

static uint8_t id_start_bits[UNI_MAX / 8];
static uint8_t id_cont_bits[UNI_MAX / 8];
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_status = -1;

enum syntax_flag {
    SX_SLASH_LINE = 1 << 0,   /* // to the end of the line */
    SX_HASH_LINE = 1 << 1,    /* # to the end of the line */
    SX_HASH_WORD = 1 << 2,    /* # where a word could start (shell, YAML) */
    SX_DASH_LINE = 1 << 3,    /* -- (SQL) */
    SX_BLOCK = 1 << 4,        /* slash-star ... star-slash */
    SX_BLOCK_NEST = 1 << 5,   /* ... nested (Rust) */
    SX_HTML_COMMENT = 1 << 6, /* <!-- ... --> */
    SX_SQ = 1 << 7,           /* '...' is a string or character literal */
    SX_DQ = 1 << 8,           /* "..." */
    SX_BT = 1 << 9,           /* `...` raw, no escapes (Go) */
    SX_TEMPLATE = 1 << 10,    /* `...${code}...` (JavaScript, TypeScript) */
    SX_TRIPLE = 1 << 11,      /* """...""" and '''...''' */
    SX_REGEX = 1 << 12,       /* /re/flags where an operand is expected */
    SX_RUST_QUOTE = 1 << 13,  /* 'c' is a char, 'a a lifetime */
    SX_PREFIX = 1 << 14, /* prefixed strings: r"" f'' (Python), L"" R"()" (C, C++), r#""# (Rust) */
    SX_TAGS = 1 << 15,   /* quotes are strings only inside <tags> */
    SX_DOLLAR = 1 << 16, /* '$' is an identifier character */
    SX_DASH_WORD = 1 << 17,  /* '-' continues an identifier */
    SX_DIGIT_SEP = 1 << 18,  /* 1'000'000 */
    SX_RUBY_BLOCK = 1 << 19, /* =begin ... =end */
    SX_MULTILINE = 1 << 20,  /* plain quotes may span lines */
    SX_SQ_RAW = 1 << 21,     /* no escapes in '...' (shell, SQL) */
};

struct syntax {
    const char *name;
    unsigned flags;
};

static const struct syntax syntaxes[PAIR_AC_LANG__MAX] = {
    [PAIR_AC_GENERIC] = {"generic", 0},
    [PAIR_AC_PYTHON] = {"python", SX_HASH_LINE | SX_SQ | SX_DQ | SX_TRIPLE | SX_PREFIX},
    [PAIR_AC_JAVASCRIPT] = {"javascript", SX_SLASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_TEMPLATE |
                                              SX_REGEX | SX_DOLLAR},
    [PAIR_AC_TYPESCRIPT] = {"typescript", SX_SLASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_TEMPLATE |
                                              SX_REGEX | SX_DOLLAR},
    [PAIR_AC_C] = {"c", SX_SLASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_PREFIX},
    [PAIR_AC_CPP] = {"cpp", SX_SLASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_PREFIX | SX_DIGIT_SEP},
    [PAIR_AC_JAVA] = {"java", SX_SLASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_TRIPLE | SX_DOLLAR},
    [PAIR_AC_GO] = {"go", SX_SLASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_BT},
    [PAIR_AC_RUST] = {"rust", SX_SLASH_LINE | SX_BLOCK | SX_BLOCK_NEST | SX_DQ | SX_RUST_QUOTE |
                                  SX_PREFIX | SX_MULTILINE},
    [PAIR_AC_CLIKE] = {"clike", SX_SLASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_TRIPLE | SX_DOLLAR},
    [PAIR_AC_PHP] = {"php", SX_SLASH_LINE | SX_HASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_DOLLAR |
                                SX_MULTILINE},
    [PAIR_AC_RUBY] = {"ruby", SX_HASH_LINE | SX_SQ | SX_DQ | SX_RUBY_BLOCK | SX_MULTILINE},
    [PAIR_AC_SHELL] = {"shell", SX_HASH_WORD | SX_SQ | SX_DQ | SX_MULTILINE | SX_SQ_RAW},
    [PAIR_AC_SQL] = {"sql", SX_DASH_LINE | SX_BLOCK | SX_SQ | SX_DQ | SX_MULTILINE | SX_SQ_RAW},
    [PAIR_AC_HTML] = {"html", SX_HTML_COMMENT | SX_TAGS | SX_DASH_WORD | SX_MULTILINE},
    [PAIR_AC_XML] = {"xml", SX_HTML_COMMENT | SX_TAGS | SX_DASH_WORD | SX_MULTILINE},
    [PAIR_AC_CSS] = {"css", SX_BLOCK | SX_SQ | SX_DQ | SX_DASH_WORD},
    [PAIR_AC_JSON] = {"json", 0},
    [PAIR_AC_YAML] = {"yaml", SX_HASH_WORD | SX_DASH_WORD},
};

/* Names and aliases clients send; anything else is generic. */
static const struct {
    const char *name;
    enum pair_ac_lang lang;
} lang_names[] = {
    {"python", PAIR_AC_PYTHON},
    {"py", PAIR_AC_PYTHON},
    {"python3", PAIR_AC_PYTHON},
    {"javascript", PAIR_AC_JAVASCRIPT},
    {"js", PAIR_AC_JAVASCRIPT},
    {"jsx", PAIR_AC_JAVASCRIPT},
    {"mjs", PAIR_AC_JAVASCRIPT},
    {"node", PAIR_AC_JAVASCRIPT},
    {"typescript", PAIR_AC_TYPESCRIPT},
    {"ts", PAIR_AC_TYPESCRIPT},
    {"tsx", PAIR_AC_TYPESCRIPT},
    {"c", PAIR_AC_C},
    {"h", PAIR_AC_C},
    {"cpp", PAIR_AC_CPP},
    {"c++", PAIR_AC_CPP},
    {"cxx", PAIR_AC_CPP},
    {"cc", PAIR_AC_CPP},
    {"hpp", PAIR_AC_CPP},
    {"java", PAIR_AC_JAVA},
    {"go", PAIR_AC_GO},
    {"golang", PAIR_AC_GO},
    {"rust", PAIR_AC_RUST},
    {"rs", PAIR_AC_RUST},
    {"csharp", PAIR_AC_CLIKE},
    {"c#", PAIR_AC_CLIKE},
    {"cs", PAIR_AC_CLIKE},
    {"kotlin", PAIR_AC_CLIKE},
    {"kt", PAIR_AC_CLIKE},
    {"swift", PAIR_AC_CLIKE},
    {"scala", PAIR_AC_CLIKE},
    {"dart", PAIR_AC_CLIKE},
    {"php", PAIR_AC_PHP},
    {"ruby", PAIR_AC_RUBY},
    {"rb", PAIR_AC_RUBY},
    {"shell", PAIR_AC_SHELL},
    {"sh", PAIR_AC_SHELL},
    {"bash", PAIR_AC_SHELL},
    {"zsh", PAIR_AC_SHELL},
    {"sql", PAIR_AC_SQL},
    {"pgsql", PAIR_AC_SQL},
    {"postgresql", PAIR_AC_SQL},
    {"html", PAIR_AC_HTML},
    {"htm", PAIR_AC_HTML},
    {"vue", PAIR_AC_HTML},
    {"xml", PAIR_AC_XML},
    {"svg", PAIR_AC_XML},
    {"css", PAIR_AC_CSS},
    {"scss", PAIR_AC_CSS},
    {"less", PAIR_AC_CSS},
    {"json", PAIR_AC_JSON},
    {"yaml", PAIR_AC_YAML},
    {"yml", PAIR_AC_YAML},
};

/* ---------- Unicode identifier tables ---------- */

/* Sets the bit of every code point in buf (UTF-8 of consecutive code
 * points) that falls inside a match of pattern. */
static int
mark_class(const char *pattern, uint8_t *bits, const unsigned char *buf, size_t len)
{
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                      PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &errcode, &erroff, NULL);
    if (re == NULL)
        return -1;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (md == NULL) {
        pcre2_code_free(re);
        return -1;
    }
    int status = 0;
    size_t off = 0;
    while (off < len) {
        int rc = pcre2_match(re, buf, len, off, PCRE2_NO_UTF_CHECK, md, NULL);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            status = -1;
            break;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        for (size_t i = ov[0]; i < ov[1];) {
            uint32_t cp;
            i += pair_ac_utf8_next((const char *)buf, len, i, &cp);
            if (cp < UNI_MAX)
                bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
        }
        off = ov[1] > off ? ov[1] : off + 1;
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return status;
}

/* Appends the UTF-8 form of cp to buf at *len. */
static void
put_utf8(unsigned char *buf, size_t *len, uint32_t cp)
{
    if (cp < 0x80) {
        buf[(*len)++] = (unsigned char)cp;
    } else if (cp < 0x800) {
        buf[(*len)++] = (unsigned char)(0xC0 | (cp >> 6));
        buf[(*len)++] = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        buf[(*len)++] = (unsigned char)(0xE0 | (cp >> 12));
        buf[(*len)++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        buf[(*len)++] = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        buf[(*len)++] = (unsigned char)(0xF0 | (cp >> 18));
        buf[(*len)++] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        buf[(*len)++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        buf[(*len)++] = (unsigned char)(0x80 | (cp & 0x3F));
    }
}

/* Classifies every non-ASCII code point below UNI_MAX once: pcre2 matches
 * runs of the classes over one string holding all of them, which is much
 * faster than a match per code point. */
static void
build_tables(void)
{
    unsigned char *buf = malloc((size_t)UNI_MAX * 4);
    if (buf == NULL)
        return;
    size_t len = 0;
    for (uint32_t cp = 0x80; cp < UNI_MAX; cp++)
        if (cp < 0xD800 || cp > 0xDFFF)
            put_utf8(buf, &len, cp);
    /* UAX #31 ID_Start and ID_Continue (plus ZWNJ/ZWJ, which JavaScript and
     * Rust allow inside identifiers). */
    int rc = mark_class("[\\p{L}\\p{Nl}]+", id_start_bits, buf, len);
    if (rc == 0)
        rc = mark_class("[\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}\\x{200C}\\x{200D}\\x{B7}]+",
                        id_cont_bits, buf, len);
    free(buf);
    init_status = rc;
}

int
pair_ac_lex_init(void)
{
    pthread_once(&init_once, build_tables);
    return init_status;
}

/* ---------- small helpers ---------- */

uint32_t
pair_ac_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

size_t
pair_ac_utf8_next(const char *str, size_t len, size_t i, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n > len - i)
        n = len - i; /* not valid UTF-8: take what is there */
    uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < n; k++)
        v = (v << 6) | (s[i + k] & 0x3Fu);
    *cp = v;
    return n;
}

bool
pair_ac_ident_char(enum pair_ac_lang lang, uint32_t cp, bool start)
{
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_')
            return true;
        if (cp == '$')
            return (syntaxes[lang].flags & SX_DOLLAR) != 0;
        if (start)
            return false;
        if (cp >= '0' && cp <= '9')
            return true;
        return cp == '-' && (syntaxes[lang].flags & SX_DASH_WORD) != 0;
    }
    if (cp >= UNI_MAX)
        return false;
    const uint8_t *bits = start ? id_start_bits : id_cont_bits;
    return (bits[cp >> 3] >> (cp & 7)) & 1;
}

enum pair_ac_lang
pair_ac_lang_of(const char *name)
{
    for (size_t i = 0; i < sizeof(lang_names) / sizeof(lang_names[0]); i++)
        if (strcmp(lang_names[i].name, name) == 0)
            return lang_names[i].lang;
    return PAIR_AC_GENERIC;
}

const char *
pair_ac_lang_name(enum pair_ac_lang lang)
{
    return lang < PAIR_AC_LANG__MAX ? syntaxes[lang].name : "generic";
}

/* ---------- the scanner ---------- */

struct lexer {
    const unsigned char *s;
    size_t n, i;
    enum pair_ac_lang lang;
    unsigned flags;
    struct pair_arena *arena;
    struct pair_ac_token *v;
    size_t nv, cap;
    struct pair_ac_token *sp; /* comments and literals */
    size_t nsp, capsp;
    bool oom;
    size_t cursor;
    bool cursor_in_text;
    /* JavaScript template literals: the brace depth at each open ${ */
    int tpl[TEMPLATE_DEPTH];
    int ntpl;
    int brace;
    bool in_tag; /* HTML, XML: between < and > */
};

/* Appends a token; on memory shortage, stops collecting (lx->oom). */
static void
emit(struct lexer *lx, size_t off, size_t len, enum pair_ac_tok_type type)
{
    if (lx->oom)
        return;
    if (type == PAIR_AC_NEWLINE && (lx->nv == 0 || lx->v[lx->nv - 1].type == PAIR_AC_NEWLINE))
        return; /* one token per run of line breaks, none at the start */
    if (lx->nv == lx->cap) {
        size_t cap = lx->cap * 2;
        struct pair_ac_token *v = pair_alloc(lx->arena, cap * sizeof(*v));
        if (v == NULL) {
            lx->oom = true;
            return;
        }
        memcpy(v, lx->v, lx->nv * sizeof(*v));
        lx->v = v;
        lx->cap = cap;
    }
    lx->v[lx->nv++] = (struct pair_ac_token){
        .off = (uint32_t)off,
        .len = (uint32_t)len,
        .hash = pair_ac_hash((const char *)lx->s + off, len),
        .type = type,
    };
}

/* Records a skipped comment or literal [a, b), and whether the cursor is
 * inside it: after a and before b, or at b when the region is open-ended (a
 * line comment, or text not closed before the end). */
static void
skipped(struct lexer *lx, size_t a, size_t b, bool open_end)
{
    if (lx->cursor > a && (lx->cursor < b || (lx->cursor == b && open_end)))
        lx->cursor_in_text = true;
    if (lx->oom || b <= a)
        return;
    if (lx->nsp > 0 && lx->sp[lx->nsp - 1].off + lx->sp[lx->nsp - 1].len == a) {
        lx->sp[lx->nsp - 1].len += (uint32_t)(b - a); /* adjacent: one span */
        return;
    }
    if (lx->nsp == lx->capsp) {
        size_t cap = lx->capsp ? lx->capsp * 2 : 64;
        struct pair_ac_token *v = pair_alloc(lx->arena, cap * sizeof(*v));
        if (v == NULL) {
            lx->oom = true;
            return;
        }
        if (lx->nsp > 0)
            memcpy(v, lx->sp, lx->nsp * sizeof(*v));
        lx->sp = v;
        lx->capsp = cap;
    }
    lx->sp[lx->nsp++] = (struct pair_ac_token){
        .off = (uint32_t)a, .len = (uint32_t)(b - a), .hash = 0, .type = PAIR_AC_TEXT};
}

/* The text at i starts with lit. */
static bool
at(const struct lexer *lx, size_t i, const char *lit)
{
    size_t k = strlen(lit);
    return k <= lx->n - i && memcmp(lx->s + i, lit, k) == 0;
}

/* A comment from i to the end of its line (the line break is left). */
static void
line_comment(struct lexer *lx)
{
    size_t a = lx->i;
    const unsigned char *nl = memchr(lx->s + a, '\n', lx->n - a);
    lx->i = nl != NULL ? (size_t)(nl - lx->s) : lx->n;
    skipped(lx, a, lx->i, true);
}

/* A slash-star comment at i (nested when the language nests them). */
static void
block_comment(struct lexer *lx)
{
    size_t a = lx->i, j = a + 2;
    int depth = 1;
    bool nest = (lx->flags & SX_BLOCK_NEST) != 0;
    while (j < lx->n) {
        if (!nest) {
            /* The common case: jump from star to star. */
            const unsigned char *star = memchr(lx->s + j, '*', lx->n - j);
            if (star == NULL) {
                j = lx->n;
                break;
            }
            j = (size_t)(star - lx->s);
        }
        if (lx->s[j] == '*' && j + 1 < lx->n && lx->s[j + 1] == '/') {
            j += 2;
            if (--depth == 0)
                break;
        } else if (nest && lx->s[j] == '/' && j + 1 < lx->n && lx->s[j + 1] == '*') {
            depth++;
            j += 2;
        } else {
            j++;
        }
    }
    lx->i = j;
    skipped(lx, a, j, depth > 0);
}

/* Skips from i to just past the first occurrence of end (or to the end of
 * the text); a is where the skipped region began. */
static void
skip_to(struct lexer *lx, size_t a, size_t from, const char *end)
{
    size_t k = strlen(end);
    size_t j = from;
    while (j < lx->n && !at(lx, j, end))
        j++;
    bool closed = j < lx->n;
    lx->i = closed ? j + k : lx->n;
    skipped(lx, a, lx->i, !closed);
}

/*
 * A quoted literal whose opening quote q is at lx->i (prefixes already
 * passed; a is where the literal, prefix included, began). triple: the
 * quote is tripled; escapes: backslash escapes; multiline: may span lines.
 */
static void
quoted(struct lexer *lx, size_t a, unsigned char q, bool triple, bool escapes, bool multiline)
{
    size_t j = lx->i + (triple ? 3 : 1);
    while (j < lx->n) {
        unsigned char ch = lx->s[j];
        if (ch == '\\' && escapes) {
            j += 2;
            continue;
        }
        if (ch == q && (!triple || (j + 2 < lx->n && lx->s[j + 1] == q && lx->s[j + 2] == q))) {
            lx->i = j + (triple ? 3 : 1);
            skipped(lx, a, lx->i, false);
            return;
        }
        if (ch == '\n' && !triple && !multiline) {
            lx->i = j; /* unterminated: the line break ends it */
            skipped(lx, a, j, true);
            return;
        }
        j++;
    }
    lx->i = lx->n;
    skipped(lx, a, lx->n, true);
}

/* The rest of a template literal from j (just after ` or after the } that
 * closes a ${...}); leaves lx->i in code after a ${, or after the closing
 * backquote. */
static void
template_rest(struct lexer *lx, size_t a, size_t j)
{
    while (j < lx->n) {
        unsigned char ch = lx->s[j];
        if (ch == '\\') {
            j += 2;
            continue;
        }
        if (ch == '`') {
            lx->i = j + 1;
            skipped(lx, a, lx->i, false);
            return;
        }
        if (ch == '$' && j + 1 < lx->n && lx->s[j + 1] == '{' && lx->ntpl < TEMPLATE_DEPTH) {
            lx->tpl[lx->ntpl++] = lx->brace;
            lx->i = j + 2;
            skipped(lx, a, j, true); /* the text goes on after the expression */
            return;
        }
        j++;
    }
    lx->i = lx->n;
    skipped(lx, a, lx->n, true);
}

/* A Rust raw string r#"..."# whose r (or br, cr) began at a; lx->i is at
 * the first '#' or the quote. False when no quote follows the hashes (a raw
 * identifier such as r#type). */
static bool
rust_raw(struct lexer *lx, size_t a)
{
    size_t j = lx->i, hashes = 0;
    while (j < lx->n && lx->s[j] == '#')
        j++, hashes++;
    if (j >= lx->n || lx->s[j] != '"')
        return false;
    j++;
    while (j < lx->n) {
        if (lx->s[j] == '"') {
            size_t k = 0;
            while (k < hashes && j + 1 + k < lx->n && lx->s[j + 1 + k] == '#')
                k++;
            if (k == hashes) {
                lx->i = j + 1 + hashes;
                skipped(lx, a, lx->i, false);
                return true;
            }
        }
        j++;
    }
    lx->i = lx->n;
    skipped(lx, a, lx->n, true);
    return true;
}

/* A C++ raw string R"delim( ... )delim" whose prefix began at a; lx->i is
 * at the quote. False when the delimiter is malformed. */
static bool
cpp_raw(struct lexer *lx, size_t a)
{
    size_t j = lx->i + 1, d0 = j;
    while (j < lx->n && j - d0 <= 16 && lx->s[j] != '(' && lx->s[j] != '"' && lx->s[j] != ' ' &&
           lx->s[j] != '\\' && lx->s[j] != '\n')
        j++;
    if (j >= lx->n || lx->s[j] != '(' || j - d0 > 16)
        return false;
    size_t dlen = j - d0;
    for (j++; j < lx->n; j++) {
        if (lx->s[j] == ')' && dlen + 1 < lx->n - j &&
            memcmp(lx->s + j + 1, lx->s + d0, dlen) == 0 && lx->s[j + 1 + dlen] == '"') {
            lx->i = j + 2 + dlen;
            skipped(lx, a, lx->i, false);
            return true;
        }
    }
    lx->i = lx->n;
    skipped(lx, a, lx->n, true);
    return true;
}

bool
pair_ac_word_in(const char *w, size_t len, const char *list, bool nocase)
{
    for (const char *p = list; *p != '\0';) {
        size_t k = strcspn(p, " ");
        if (k == len && (nocase ? strncasecmp(p, w, len) : memcmp(p, w, len)) == 0)
            return true;
        p += k;
        while (*p == ' ')
            p++;
    }
    return false;
}

/* Case-insensitive pair_ac_word_in. */
static bool
word_in(const unsigned char *w, size_t len, const char *list)
{
    return pair_ac_word_in((const char *)w, len, list, true);
}

/*
 * After a word at [a, lx->i): when the word is a string prefix that a quote
 * follows directly, scans the literal and returns true (the word is not a
 * token).
 */
static bool
prefixed_string(struct lexer *lx, size_t a)
{
    if (!(lx->flags & SX_PREFIX) || lx->i >= lx->n)
        return false;
    const unsigned char *w = lx->s + a;
    size_t len = lx->i - a;
    unsigned char q = lx->s[lx->i];
    if (len > 3)
        return false;
    switch (lx->lang) {
    case PAIR_AC_PYTHON:
        if ((q == '"' || q == '\'') && word_in(w, len, "r u b f t rb br fr rf")) {
            bool triple = at(lx, lx->i, q == '"' ? "\"\"\"" : "'''");
            quoted(lx, a, q, triple, true, false);
            return true;
        }
        return false;
    case PAIR_AC_C:
    case PAIR_AC_CPP:
        if (q == '"' && len >= 1 && w[len - 1] == 'R' &&
            (len == 1 || word_in(w, len - 1, "L u U u8")))
            return cpp_raw(lx, a);
        if ((q == '"' || q == '\'') && (len == 1 || len == 2) &&
            (memcmp(w, "L", len) == 0 || memcmp(w, "u", len) == 0 || memcmp(w, "U", len) == 0 ||
             memcmp(w, "u8", len) == 0)) {
            quoted(lx, a, q, false, true, false);
            return true;
        }
        return false;
    case PAIR_AC_RUST:
        if ((q == '"' || q == '#') && len <= 2 &&
            (memcmp(w, "r", len) == 0 || memcmp(w, "br", len) == 0 || memcmp(w, "cr", len) == 0))
            return rust_raw(lx, a);
        if (len == 1 &&
            ((q == '"' && (w[0] == 'b' || w[0] == 'c')) || (q == '\'' && w[0] == 'b'))) {
            quoted(lx, a, q, false, true, q == '"');
            return true;
        }
        return false;
    default: return false;
    }
}

/* Whether a '/' at this point starts a regular expression: an operand is
 * expected after an operator, an opening bracket, a keyword like return,
 * or at the start. */
static bool
regex_allowed(const struct lexer *lx)
{
    if (lx->nv == 0)
        return true;
    const struct pair_ac_token *t = &lx->v[lx->nv - 1];
    const unsigned char *p = lx->s + t->off;
    switch (t->type) {
    case PAIR_AC_NUMBER: return false;
    case PAIR_AC_NEWLINE: return true;
    case PAIR_AC_WORD:
        return word_in(p, t->len,
                       "return typeof instanceof in of new delete void throw case do else yield "
                       "await");
    default:
        if (t->len == 1 && (p[0] == ')' || p[0] == ']' || p[0] == '}'))
            return false;
        return !(t->len == 2 && ((p[0] == '+' && p[1] == '+') || (p[0] == '-' && p[1] == '-')));
    }
}

/* A regular expression literal at lx->i, or false (then '/' is division):
 * it must close on the same line. */
static bool
regex(struct lexer *lx)
{
    size_t a = lx->i, j = a + 1;
    bool cls = false;
    while (j < lx->n) {
        unsigned char ch = lx->s[j];
        if (ch == '\n')
            return false;
        if (ch == '\\') {
            j += 2;
            continue;
        }
        if (ch == '[')
            cls = true;
        else if (ch == ']')
            cls = false;
        else if (ch == '/' && !cls)
            break;
        j++;
    }
    if (j >= lx->n)
        return false;
    j++;
    while (j < lx->n &&
           ((lx->s[j] >= 'a' && lx->s[j] <= 'z') || (lx->s[j] >= 'A' && lx->s[j] <= 'Z')))
        j++;
    lx->i = j;
    skipped(lx, a, j, false);
    return true;
}

/* A number: digits, letters (hex, suffixes, exponents), '_', a '.' before a
 * digit, an exponent's sign, C++ digit separators. */
static void
number(struct lexer *lx)
{
    size_t a = lx->i, j = a;
    while (j < lx->n) {
        unsigned char ch = lx->s[j];
        if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
            ch == '_') {
            j++;
            if ((ch == 'e' || ch == 'E') && j + 1 < lx->n && (lx->s[j] == '+' || lx->s[j] == '-') &&
                lx->s[j + 1] >= '0' && lx->s[j + 1] <= '9')
                j++;
        } else if (ch == '.' && j + 1 < lx->n && lx->s[j + 1] >= '0' && lx->s[j + 1] <= '9') {
            j++;
        } else if (ch == '\'' && (lx->flags & SX_DIGIT_SEP) && j + 1 < lx->n &&
                   ((lx->s[j + 1] >= '0' && lx->s[j + 1] <= '9') ||
                    (lx->s[j + 1] >= 'a' && lx->s[j + 1] <= 'f') ||
                    (lx->s[j + 1] >= 'A' && lx->s[j + 1] <= 'F'))) {
            j++;
        } else {
            break;
        }
    }
    lx->i = j;
    emit(lx, a, j - a, PAIR_AC_NUMBER);
}

/* ASCII identifier classes: 1 starts (and continues), 2 only continues. */
static const uint8_t ascii_ident[128] = {
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2,
    ['8'] = 2, ['9'] = 2, ['_'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1,
    ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1,
    ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1,
    ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1,
    ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1,
    ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
};

/* The identifier character (if any) at j: its length, or 0. */
static size_t
ident_at(const struct lexer *lx, size_t j, bool start)
{
    unsigned char ch = lx->s[j];
    if (ch < 0x80) {
        uint8_t k = ascii_ident[ch];
        if (k == 1 || (k == 2 && !start))
            return 1;
        if (ch == '$')
            return (lx->flags & SX_DOLLAR) ? 1 : 0;
        return ch == '-' && !start && (lx->flags & SX_DASH_WORD) ? 1 : 0;
    }
    uint32_t cp;
    size_t k = pair_ac_utf8_next((const char *)lx->s, lx->n, j, &cp);
    return pair_ac_ident_char(lx->lang, cp, start) ? k : 0;
}

/* A word starting at lx->i (whose first character is known to start one). */
static void
word(struct lexer *lx, size_t first)
{
    size_t a = lx->i, j = a + first, k;
    for (;;) {
        while (j < lx->n && lx->s[j] < 0x80 && ascii_ident[lx->s[j]] != 0)
            j++; /* the common case, without a call */
        if (j >= lx->n || (k = ident_at(lx, j, false)) == 0)
            break;
        j += k;
    }
    /* A trailing '-' (CSS, HTML) belongs to what follows, not the word. */
    while ((lx->flags & SX_DASH_WORD) && j > a + 1 && lx->s[j - 1] == '-')
        j--;
    lx->i = j;
    if (prefixed_string(lx, a))
        return;
    emit(lx, a, j - a, PAIR_AC_WORD);
}

static const char ops3[][4] = {
    "===", "!==", "...", "**=", "<<=", ">>=", "?\?=", "||=", "&&=", ">>>", "<=>"};
static const char ops2[][3] = {"->",  "::", "=>", "==", "!=", "<=", ">=", "&&", "||",
                               "?\?", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
                               "**",  "<<", ">>", ":=", "|=", "&=", "^=", "</", "/>"};

/* An operator or bracket at lx->i: the longest known operator, else one
 * character. */
static void
punct(struct lexer *lx)
{
    size_t a = lx->i;
    unsigned char c0 = lx->s[a], c1 = a + 1 < lx->n ? lx->s[a + 1] : 0,
                  c2 = a + 2 < lx->n ? lx->s[a + 2] : 0;
    size_t len = 0;
    if (c1 != 0 && c0 < 0x80) {
        for (size_t k = 0; k < sizeof(ops3) / sizeof(ops3[0]) && len == 0; k++)
            if ((unsigned char)ops3[k][0] == c0 && (unsigned char)ops3[k][1] == c1 &&
                (unsigned char)ops3[k][2] == c2)
                len = 3;
        for (size_t k = 0; k < sizeof(ops2) / sizeof(ops2[0]) && len == 0; k++)
            if ((unsigned char)ops2[k][0] == c0 && (unsigned char)ops2[k][1] == c1)
                len = 2;
    }
    if (len == 0) {
        uint32_t cp;
        len = pair_ac_utf8_next((const char *)lx->s, lx->n, a, &cp);
    }
    lx->i += len;
    emit(lx, a, len, PAIR_AC_PUNCT);
}

/* Handles a comment or literal at lx->i if one starts there; true when it
 * consumed something. */
static bool
comment_or_string(struct lexer *lx)
{
    unsigned f = lx->flags;
    size_t i = lx->i;
    unsigned char ch = lx->s[i], next = i + 1 < lx->n ? lx->s[i + 1] : 0;
    if (ch == '/' && next == '/' && (f & SX_SLASH_LINE)) {
        line_comment(lx);
        return true;
    }
    if (ch == '/' && next == '*' && (f & SX_BLOCK)) {
        block_comment(lx);
        return true;
    }
    if (ch == '#' && ((f & SX_HASH_LINE) ||
                      ((f & SX_HASH_WORD) && (i == 0 || lx->s[i - 1] == ' ' ||
                                              lx->s[i - 1] == '\t' || lx->s[i - 1] == '\n')))) {
        line_comment(lx);
        return true;
    }
    if (ch == '-' && next == '-' && (f & SX_DASH_LINE)) {
        line_comment(lx);
        return true;
    }
    if (ch == '<' && (f & SX_HTML_COMMENT) && at(lx, i, "<!--")) {
        skip_to(lx, i, i + 4, "-->");
        return true;
    }
    if (ch == '=' && (f & SX_RUBY_BLOCK) && (i == 0 || lx->s[i - 1] == '\n') &&
        at(lx, i, "=begin")) {
        skip_to(lx, i, i + 6, "\n=end");
        line_comment(lx); /* the rest of the =end line */
        return true;
    }
    if (f & SX_TAGS) {
        if (!lx->in_tag || (ch != '"' && ch != '\''))
            return false;
        quoted(lx, i, ch, false, false, true);
        return true;
    }
    if ((ch == '"' && (f & SX_DQ)) || (ch == '\'' && (f & SX_SQ))) {
        bool triple = (f & SX_TRIPLE) && next == ch && i + 2 < lx->n && lx->s[i + 2] == ch;
        bool raw = ch == '\'' && (f & SX_SQ_RAW);
        quoted(lx, i, ch, triple, !raw, (f & SX_MULTILINE) != 0);
        return true;
    }
    if (ch == '`' && (f & SX_BT)) {
        quoted(lx, i, ch, false, false, true);
        return true;
    }
    if (ch == '`' && (f & SX_TEMPLATE)) {
        template_rest(lx, i, i + 1);
        return true;
    }
    if (ch == '\'' && (f & SX_RUST_QUOTE)) {
        /* 'x' and '\n' are characters; 'a (no closing quote after one
         * character) is a lifetime or label, left to the word scanner. */
        if (next == '\\') {
            quoted(lx, i, '\'', false, true, false);
            return true;
        }
        if (i + 1 < lx->n && next != '\'' && next != '\n') {
            uint32_t cp;
            size_t k = pair_ac_utf8_next((const char *)lx->s, lx->n, i + 1, &cp);
            if (i + 1 + k < lx->n && lx->s[i + 1 + k] == '\'') {
                lx->i = i + 2 + k;
                skipped(lx, i, lx->i, false);
                return true;
            }
        }
        return false;
    }
    if (ch == '/' && (f & SX_REGEX) && regex_allowed(lx))
        return regex(lx);
    return false;
}

enum pair_err
pair_ac_lex(struct pair_call *c, enum pair_ac_lang lang, struct pair_str text, size_t cursor,
            struct pair_ac_tokens *out)
{
    if (pair_ac_lex_init() != 0)
        return pair_fail(c, PAIR_E_INTERNAL, "autocomplete tables are not available");
    if (lang >= PAIR_AC_LANG__MAX)
        lang = PAIR_AC_GENERIC;
    if (text.len > UINT32_MAX)
        return pair_fail(c, PAIR_E_TOO_LARGE, "text too large to tokenize");
    struct lexer lx = {
        .s = (const unsigned char *)text.ptr,
        .n = text.len,
        .lang = lang,
        .flags = syntaxes[lang].flags,
        .arena = c->arena,
        .cursor = cursor,
    };
    lx.cap = text.len / 8 + 64; /* code has about one token per 5-8 bytes */
    lx.v = pair_alloc(c->arena, lx.cap * sizeof(*lx.v));
    if (lx.v == NULL)
        return PAIR_E_NOMEM;
    while (lx.i < lx.n && !lx.oom) {
        unsigned char ch = lx.s[lx.i];
        if (ch == '\n') {
            emit(&lx, lx.i, 1, PAIR_AC_NEWLINE);
            lx.i++;
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
            lx.i++;
            continue;
        }
        if (comment_or_string(&lx))
            continue;
        if (lx.flags & SX_TEMPLATE) {
            if (ch == '{') {
                lx.brace++;
            } else if (ch == '}') {
                if (lx.ntpl > 0 && lx.tpl[lx.ntpl - 1] == lx.brace) {
                    lx.ntpl--;
                    template_rest(&lx, lx.i, lx.i + 1);
                    continue;
                }
                if (lx.brace > 0)
                    lx.brace--;
            }
        }
        if (lx.flags & SX_TAGS) {
            if (ch == '<' && lx.i + 1 < lx.n &&
                (lx.s[lx.i + 1] == '/' || lx.s[lx.i + 1] == '!' || lx.s[lx.i + 1] == '?' ||
                 ident_at(&lx, lx.i + 1, true) > 0))
                lx.in_tag = true;
            else if (ch == '>')
                lx.in_tag = false;
        }
        if ((ch >= '0' && ch <= '9') ||
            (ch == '.' && lx.i + 1 < lx.n && lx.s[lx.i + 1] >= '0' && lx.s[lx.i + 1] <= '9')) {
            number(&lx);
            continue;
        }
        size_t k = ch < 0x80 && ascii_ident[ch] == 1 ? 1 : ident_at(&lx, lx.i, true);
        if (k > 0) {
            word(&lx, k);
            continue;
        }
        punct(&lx);
    }
    if (lx.oom)
        return PAIR_E_NOMEM;
    out->v = lx.v;
    out->n = lx.nv;
    out->spans = lx.sp;
    out->nspans = lx.nsp;
    out->cursor_in_text = lx.cursor_in_text;
    return PAIR_OK;
}
