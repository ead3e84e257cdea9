/*
 * test_autocomplete.c: fcgi/ac_lex.c (the tokenizers), fcgi/ac_words.c and
 * fcgi/autocomplete.c (the ranking, insertText, the cursor and the wire
 * form).
 */
#include <json-c/json.h>

#include "../../fcgi/autocomplete.h"
#include "test.h"

static struct pair_call
new_call(void)
{
    return test_call(pair_ac_init);
}

/* The tokens of code of the given types, space-separated, NEWLINE as "\n"
 * (arena-owned). */
static const char *
tokens_of(struct pair_call *c, const char *lang, const char *code, unsigned types)
{
    struct pair_ac_tokens t;
    struct pair_str text = {code, strlen(code)};
    if (pair_ac_lex(c, pair_ac_lang_of(lang), text, SIZE_MAX, &t) != PAIR_OK)
        return "(lex failed)";
    char *out = pair_alloc(c->arena, text.len * 2 + 2);
    size_t n = 0;
    for (size_t i = 0; i < t.n; i++) {
        if (!((types >> t.v[i].type) & 1))
            continue;
        if (n > 0)
            out[n++] = ' ';
        if (t.v[i].type == PAIR_AC_NEWLINE)
            out[n++] = '\n';
        else {
            memcpy(out + n, code + t.v[i].off, t.v[i].len);
            n += t.v[i].len;
        }
    }
    out[n] = '\0';
    return out;
}

#define WORDS (1u << PAIR_AC_WORD)
#define ALL ((1u << PAIR_AC_WORD) | (1u << PAIR_AC_NUMBER) | (1u << PAIR_AC_PUNCT))

/* Whether the cursor at the '|' of code (which is removed) is reported
 * inside a comment or string. */
static bool
in_text(struct pair_call *c, const char *lang, const char *marked)
{
    size_t len = strlen(marked);
    char *code = pair_alloc(c->arena, len);
    const char *bar = strchr(marked, '|');
    size_t cur = (size_t)(bar - marked);
    memcpy(code, marked, cur);
    memcpy(code + cur, bar + 1, len - cur - 1);
    struct pair_ac_tokens t;
    if (pair_ac_lex(c, pair_ac_lang_of(lang), (struct pair_str){code, len - 1}, cur, &t) != PAIR_OK)
        return false;
    return t.cursor_in_text;
}

/* Completes at the '|' of marked (which is removed). */
static struct pair_ac_result
complete(struct pair_call *c, const char *lang, const char *marked)
{
    size_t len = strlen(marked);
    char *code = pair_alloc(c->arena, len + 1);
    const char *bar = strchr(marked, '|');
    size_t cur = bar != NULL ? (size_t)(bar - marked) : len;
    memcpy(code, marked, cur);
    if (bar != NULL)
        memcpy(code + cur, bar + 1, len - cur - 1);
    struct pair_ac_result r;
    struct pair_str text = {code, bar != NULL ? len - 1 : len};
    if (pair_ac_complete(c, text, cur, lang, NULL, &r) != PAIR_OK)
        r.n = 0;
    return r;
}

/* The labels of r, space-separated. */
static const char *
labels(struct pair_call *c, const struct pair_ac_result *r)
{
    char *out = pair_alloc(c->arena, 1024);
    size_t n = 0;
    for (size_t i = 0; i < r->n && n < 900; i++)
        n += (size_t)snprintf(out + n, 1024 - n, "%s%s", i > 0 ? " " : "", r->items[i].label);
    return out;
}

/* r offers label. */
static bool
has_label(const struct pair_ac_result *r, const char *label)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->items[i].label, label) == 0)
            return true;
    return false;
}

/* The position of label in r, or r->n when r lacks it. */
static size_t
rank_of(const struct pair_ac_result *r, const char *label)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->items[i].label, label) == 0)
            return i;
    return r->n;
}

/* ---------- tokenizers ---------- */

TEST(python_skips_comments_and_strings)
{
    struct pair_call c = new_call();
    CHECK_STREQ(tokens_of(&c, "python",
                          "x = 1  # not this\n"
                          "s = 'no' + \"nor\" + '''nor\nthis''' + r\"raw \\\" q\" + f'{y}'\n"
                          "b'x'; rb'y'; u\"z\"; print(x)",
                          WORDS),
                "x s print x"); /* b'x' is a bytes literal */
    /* A quote inside a comment opens nothing. */
    CHECK_STREQ(tokens_of(&c, "python", "# don't\nafter = 1", WORDS), "after");
    CHECK_STREQ(tokens_of(&c, "python", "def f(a, b):\n    return a ** b", ALL),
                "def f ( a , b ) : return a ** b");
    /* An unterminated string ends at its line. */
    CHECK_STREQ(tokens_of(&c, "python", "s = 'open\nnext", WORDS), "s next");
    pair_arena_free(c.arena);
}

TEST(javascript_templates_and_regexes)
{
    struct pair_call c = new_call();
    CHECK_STREQ(
        tokens_of(&c, "javascript",
                  "// line\n/* block\n words */ const a = `text ${b + `in ${c}`} more` + d;",
                  WORDS),
        "const a b c d");
    /* A regex literal where an operand is expected, division elsewhere. */
    CHECK_STREQ(tokens_of(&c, "javascript", "x = /ab+c[/]d/gi.test(s); y = a / b / c", WORDS),
                "x test s y a b c");
    CHECK_STREQ(tokens_of(&c, "javascript", "return /re/.source", WORDS), "return source");
    CHECK_STREQ(tokens_of(&c, "javascript", "const $el = _x$; obj?.a ?? b", ALL),
                "const $el = _x$ ; obj ?. a ?\?"
                " b");
    CHECK_STREQ(tokens_of(&c, "typescript", "let m: Map<string, number[]> = new Map()", WORDS),
                "let m Map string number new Map");
    pair_arena_free(c.arena);
}

TEST(c_family_literals)
{
    struct pair_call c = new_call();
    CHECK_STREQ(tokens_of(&c, "c",
                          "#include <stdio.h>\n/* c */ int main(void) { // x\n"
                          "  char c = 'q'; wchar_t *w = L\"wide\"; puts(\"s\\\"t\"); }",
                          WORDS),
                "include stdio h int main void char c wchar_t w puts");
    CHECK_STREQ(
        tokens_of(&c, "cpp",
                  "auto s = R\"x(raw \" ) still)x\"; int n = 1'000'000; std::vector<int> v;",
                  WORDS),
        "auto s int n std vector int v");
    CHECK_STREQ(tokens_of(&c, "cpp", "p->next; a::b", ALL), "p -> next ; a :: b");
    CHECK_STREQ(tokens_of(&c, "java",
                          "String t = \"\"\"\n  block \"quoted\"\n  \"\"\"; int $x = 'c';", WORDS),
                "String t int $x");
    CHECK_STREQ(tokens_of(&c, "go", "s := `raw\nlines` + \"q\"; r := 'x'; go f()", WORDS),
                "s r go f");
    pair_arena_free(c.arena);
}

TEST(rust_lifetimes_raw_strings_nested_comments)
{
    struct pair_call c = new_call();
    CHECK_STREQ(tokens_of(&c, "rust",
                          "/* a /* nested */ still */ fn f<'a>(s: &'a str) -> char { 'x' }", WORDS),
                "fn f a s a str char");
    CHECK_STREQ(
        tokens_of(&c, "rust", "let r = r#\"no \"words\" here\"#; let b = b\"nor\"; ok", WORDS),
        "let r let b ok");
    CHECK_STREQ(tokens_of(&c, "rust", "let c = '\\n'; let u = '\xc3\xa9'; done", WORDS),
                "let c let u done");
    pair_arena_free(c.arena);
}

TEST(other_languages_and_generic)
{
    struct pair_call c = new_call();
    /* Plain text: apostrophes are not quotes, nothing is skipped. */
    CHECK_STREQ(tokens_of(&c, "plaintext", "don't \"stop\" # now", WORDS), "don t stop now");
    CHECK_STREQ(tokens_of(&c, "some-new-lang", "a // b", WORDS), "a b");
    CHECK_STREQ(tokens_of(&c, "sql", "SELECT name -- who\nFROM t WHERE x = 'it''s' /* c */", WORDS),
                "SELECT name FROM t WHERE x");
    CHECK_STREQ(
        tokens_of(&c, "html", "<!-- no --><div class=\"a b\" data-id='c'>it's text</div>", WORDS),
        "div class data-id it s text div");
    CHECK_STREQ(
        tokens_of(&c, "css", ".a { background-color: red; /* no */ content: \"no\" }", WORDS),
        "a background-color red content");
    CHECK_STREQ(tokens_of(&c, "shell", "echo $# ${#arr} # comment\nls", WORDS), "echo arr ls");
    CHECK_STREQ(tokens_of(&c, "json", "{\"key\": [true, null]}", WORDS), "key true null");
    CHECK_STREQ(tokens_of(&c, "ruby", "=begin\nno\n=end\nputs 'x' # c\ndef", WORDS), "puts def");
    pair_arena_free(c.arena);
}

TEST(unicode_identifiers)
{
    struct pair_call c = new_call();
    /* Letters of any script, combining marks, and not emoji or spaces. */
    CHECK_STREQ(tokens_of(&c, "python",
                          "na\xc3\xafve = \xe5\xa4\x89\xe6\x95\xb0 + \xce\xb1\xce\xb2", WORDS),
                "na\xc3\xafve \xe5\xa4\x89\xe6\x95\xb0 \xce\xb1\xce\xb2");
    CHECK_STREQ(tokens_of(&c, "javascript", "let cafe\xcc\x81 = 1; \xf0\x9f\x98\x80x", ALL),
                "let cafe\xcc\x81 = 1 ; \xf0\x9f\x98\x80 x");
    CHECK_STREQ(tokens_of(&c, "python",
                          "a\xc2\xa0"
                          "b",
                          WORDS),
                "a b");                                       /* NBSP separates */
    CHECK(pair_ac_ident_char(PAIR_AC_PYTHON, 0x4E2D, true));  /* 中 */
    CHECK(pair_ac_ident_char(PAIR_AC_PYTHON, 0x0301, false)); /* combining acute */
    CHECK(!pair_ac_ident_char(PAIR_AC_PYTHON, 0x0301, true));
    CHECK(!pair_ac_ident_char(PAIR_AC_PYTHON, 0x1F600, false));
    CHECK(pair_ac_ident_char(PAIR_AC_JAVASCRIPT, '$', true));
    CHECK(!pair_ac_ident_char(PAIR_AC_PYTHON, '$', true));
    CHECK(pair_ac_ident_char(PAIR_AC_CSS, '-', false));
    pair_arena_free(c.arena);
}

/* Every language's tokenizer takes identifiers in any script, and skips
 * its comments and strings, whatever script they are written in. */
TEST(unicode_identifiers_in_every_language)
{
    struct pair_call c = new_call();
    static const struct {
        const char *lang, *code, *words;
    } cases[] = {
        {"typescript",
         "// \xc3\xa9t\xc3\xa9 note\nconst \xc3\xa9t\xc3\xa9: number = f(\"\xce\xbb quoted\");",
         "const \xc3\xa9t\xc3\xa9 number f"},
        {"c", "/* \xce\xb1 note */ int \xce\xb1\xce\xb2 = g(\"\xce\xb1 s\"); // \xce\xb3 x",
         "int \xce\xb1\xce\xb2 g"},
        {"cpp", "auto \xe5\xa4\x89\xe6\x95\xb0 = u8\"\xe6\x96\x87 s\"; // \xe5\xa4\x89 note",
         "auto \xe5\xa4\x89\xe6\x95\xb0"},
        {"java", "String na\xc3\xafve = \"caf\xc3\xa9 x\"; /* \xc3\xbc note */",
         "String na\xc3\xafve"},
        {"go", "var \xd0\xb8\xd0\xbc\xd1\x8f = `\xd1\x81\xd1\x8b\xd1\x80 raw` // \xd0\xb8 note",
         "var \xd0\xb8\xd0\xbc\xd1\x8f"},
        {"rust", "let \xc3\xb1o\xc3\xb1o = r#\"\xc3\xb1 raw\"#; /* \xc3\xb1 /* nested */ */",
         "let \xc3\xb1o\xc3\xb1o"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        CHECK_STREQ(tokens_of(&c, cases[i].lang, cases[i].code, WORDS), cases[i].words);
    pair_arena_free(c.arena);
}

TEST(newlines_collapse_and_spans)
{
    struct pair_call c = new_call();
    CHECK_STREQ(tokens_of(&c, "python", "\n\na\n\n\nb # c\n", (1u << PAIR_AC_NEWLINE) | WORDS),
                "a \n b \n");
    struct pair_ac_tokens t;
    const char *code = "a /* one */ b \"two\" c";
    REQUIRE(pair_ac_lex(&c, PAIR_AC_C, (struct pair_str){code, strlen(code)}, SIZE_MAX, &t) ==
            PAIR_OK);
    REQUIRE(t.nspans == 2);
    CHECK(memcmp(code + t.spans[0].off, "/* one */", t.spans[0].len) == 0);
    CHECK(memcmp(code + t.spans[1].off, "\"two\"", t.spans[1].len) == 0);
    CHECK_INTEQ(t.spans[0].type, PAIR_AC_TEXT);
    pair_arena_free(c.arena);
}

TEST(cursor_in_comment_or_string)
{
    struct pair_call c = new_call();
    CHECK(in_text(&c, "python", "x = 1 # com|ment"));
    CHECK(in_text(&c, "python", "x = 1 # comment|"));
    CHECK(in_text(&c, "python", "s = 'ab|c'"));
    CHECK(!in_text(&c, "python", "s = 'abc'|"));
    CHECK(!in_text(&c, "python", "s = |'abc'"));
    CHECK(in_text(&c, "c", "/* open|"));
    CHECK(!in_text(&c, "c", "/* closed */|"));
    CHECK(in_text(&c, "javascript", "`tpl |${x}`"));
    CHECK(!in_text(&c, "javascript", "`tpl ${x|}`"));
    pair_arena_free(c.arena);
}

TEST(language_names)
{
    CHECK_INTEQ(pair_ac_lang_of("python"), PAIR_AC_PYTHON);
    CHECK_INTEQ(pair_ac_lang_of("c++"), PAIR_AC_CPP);
    CHECK_INTEQ(pair_ac_lang_of("tsx"), PAIR_AC_TYPESCRIPT);
    CHECK_INTEQ(pair_ac_lang_of("brainfuck"), PAIR_AC_GENERIC);
    CHECK_STREQ(pair_ac_lang_name(PAIR_AC_GO), "go");
    struct pair_call c = new_call();
    const char *out;
    CHECK(pair_ac_check_language(&c, (struct pair_str){"c++", 3}, &out) == PAIR_OK);
    CHECK_STREQ(out, "c++");
    CHECK(pair_ac_check_language(&c, (struct pair_str){"objective-c#2", 13}, &out) == PAIR_OK);
    CHECK(pair_ac_check_language(&c, (struct pair_str){"", 0}, &out) == PAIR_E_INVALID);
    CHECK(pair_ac_check_language(&c, (struct pair_str){"Python", 6}, &out) == PAIR_E_INVALID);
    CHECK(pair_ac_check_language(&c, (struct pair_str){"py thon", 7}, &out) == PAIR_E_INVALID);
    CHECK(pair_ac_check_language(&c, (struct pair_str){"py\n", 3}, &out) == PAIR_E_INVALID);
    CHECK(pair_ac_check_language(&c, (struct pair_str){"abcdefghijabcdefghijabcdefghijabc", 33},
                                 &out) == PAIR_E_INVALID);
    CHECK(c.detail != NULL);
    pair_arena_free(c.arena);
}

/* ---------- words ---------- */

TEST(word_lists)
{
    REQUIRE(pair_ac_words_init() == 0);
    const struct pair_ac_word *w = pair_ac_word_find(PAIR_AC_PYTHON, "return", 6);
    REQUIRE(w != NULL);
    CHECK_INTEQ(w->kind, PAIR_AC_KEYWORD);
    CHECK((w = pair_ac_word_find(PAIR_AC_PYTHON, "len", 3)) != NULL && w->kind == PAIR_AC_BUILTIN);
    CHECK((w = pair_ac_word_find(PAIR_AC_TYPESCRIPT, "interface", 9)) != NULL);
    CHECK((w = pair_ac_word_find(PAIR_AC_TYPESCRIPT, "const", 5)) != NULL); /* JavaScript's too */
    CHECK(pair_ac_word_find(PAIR_AC_JAVASCRIPT, "interface", 9) == NULL);
    CHECK((w = pair_ac_word_find(PAIR_AC_CPP, "nullptr", 7)) != NULL);
    CHECK((w = pair_ac_word_find(PAIR_AC_CPP, "malloc", 6)) != NULL); /* C's too */
    CHECK((w = pair_ac_word_find(PAIR_AC_C, "define", 6)) != NULL &&
          w->place == PAIR_AC_AFTER_HASH);
    CHECK(pair_ac_word_find(PAIR_AC_GENERIC, "return", 6) == NULL);
    /* Library names come bare and qualified: std::move and move. */
    REQUIRE((w = pair_ac_word_find(PAIR_AC_CPP, "move", 4)) != NULL);
    const struct pair_ac_word *w2 =
        w[-1].len == 4 && memcmp(w[-1].text, "move", 4) == 0 ? &w[-1] : &w[1];
    CHECK(w2->len == 4 && memcmp(w2->text, "move", 4) == 0 && w2->place != w->place);
    /* The words added after a language's own lists rank after them. */
    const struct pair_ac_word *later = pair_ac_word_find(PAIR_AC_PYTHON, "namedtuple", 10);
    REQUIRE(later != NULL && (w = pair_ac_word_find(PAIR_AC_PYTHON, "len", 3)) != NULL);
    CHECK(later->rank > w->rank);
    CHECK((w = pair_ac_word_find(PAIR_AC_GO, "name", 4)) != NULL); /* the common words */
    /* Sorted, without duplicates in one place, in every language. */
    for (int l = 0; l < PAIR_AC_LANG__MAX; l++) {
        const struct pair_ac_word *t;
        size_t n = pair_ac_words((enum pair_ac_lang)l, &t);
        for (size_t i = 1; i < n; i++) {
            size_t m = t[i - 1].len < t[i].len ? t[i - 1].len : t[i].len;
            int r = memcmp(t[i - 1].text, t[i].text, m);
            bool twin = r == 0 && t[i - 1].len == t[i].len;
            CHECK(r < 0 || (r == 0 && t[i - 1].len < t[i].len) || twin);
            for (size_t j = i; twin && j-- > 0 && t[j].len == t[i].len &&
                               memcmp(t[j].text, t[i].text, t[i].len) == 0;)
                CHECK(t[j].place != t[i].place);
        }
    }
    CHECK_STREQ(pair_ac_kind_name(PAIR_AC_SNIPPET), "snippet");
}

/* ---------- ranking ---------- */

TEST(whole_word_labels_starting_with_prefix)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "python", "counter = 0\ncount_all = 1\nco|");
    REQUIRE(r.n >= 2);
    CHECK_PSTREQ(r.prefix, "co");
    for (size_t i = 0; i < r.n; i++)
        CHECK(strncmp(r.items[i].label, "co", 2) == 0);
    CHECK(strcmp(r.items[0].label, "counter") == 0 || strcmp(r.items[0].label, "count_all") == 0);
    pair_arena_free(c.arena);
}

TEST(partial_word_is_no_evidence_for_itself)
{
    struct pair_call c = new_call();
    /* The word under the cursor, "alphabet", occurs nowhere else. */
    struct pair_ac_result r = complete(&c, "python", "alpha = 1\nprint(alph|abet)");
    CHECK_STREQ(labels(&c, &r), "alpha");
    /* Nor does a word typed at the end. */
    r = complete(&c, "python", "zzz_top = 1\nzzz_tw|");
    CHECK_STREQ(labels(&c, &r), "");
    pair_arena_free(c.arena);
}

TEST(frequency_when_nothing_else_differs)
{
    struct pair_call c = new_call();
    struct pair_ac_result r =
        complete(&c, "generic", "berry berry berry banana banana bread\n\n\nb|");
    CHECK_STREQ(labels(&c, &r), "berry banana bread");
    pair_arena_free(c.arena);
}

TEST(closeness_to_the_cursor)
{
    struct pair_call c = new_call();
    /* Same counts; the one used near the cursor wins. */
    char doc[8192];
    size_t n = (size_t)snprintf(doc, sizeof(doc), "far_name = 1\n");
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(doc + n, sizeof(doc) - n, "x%d = %d\n", i, i);
    snprintf(doc + n, sizeof(doc) - n, "fat_name = 2\nf|");
    struct pair_ac_result r = complete(&c, "python", doc);
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "fat_name");
    pair_arena_free(c.arena);
}

TEST(previous_token_ngram)
{
    struct pair_call c = new_call();
    /* "raise" is more frequent overall, but after "(" the document puts
     * "range" ... and after "in" too. */
    struct pair_ac_result r = complete(&c, "python",
                                       "raise X\nraise Y\nraise Z\nraise W\n"
                                       "for a in range(3): pass\nfor b in range(4): pass\n"
                                       "for c in ra|");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "range");
    /* Without the context, frequency decides. */
    r = complete(&c, "python",
                 "raise X\nraise Y\nraise Z\nraise W\n"
                 "for a in range(3): pass\nfor b in range(4): pass\nra|");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "raise");
    pair_arena_free(c.arena);
}

TEST(member_context_prefers_the_same_receiver)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "python",
                                       "other.value = 1\nother.value = 2\nother.value = 3\n"
                                       "self.valid = True\nself.v|");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "valid");
    CHECK_INTEQ(r.items[0].kind, PAIR_AC_PROPERTY);
    REQUIRE(r.items[0].detail != NULL);
    CHECK(strstr(r.items[0].detail, "after self.") != NULL);
    r = complete(&c, "c", "p->next = q; n->nested = 1; n->nested = 2; n->nested = 3; x = p->ne|");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "next");
    r = complete(&c, "cpp", "std::vector<int> a; std::variant<int> b; v = std::v|");
    REQUIRE(r.n >= 2);
    CHECK(strcmp(r.items[0].label, "vector") == 0 || strcmp(r.items[0].label, "variant") == 0);
    /* Keywords do not follow a dot. */
    r = complete(&c, "python", "x.ret|");
    CHECK(!has_label(&r, "return"));
    /* With nothing typed after a dot, members seen after it are offered. */
    r = complete(&c, "javascript", "items.push(1); items.pop(); other.zzz = 1;\nitems.|");
    CHECK(r.n >= 2 && strstr(labels(&c, &r), "push") != NULL &&
          strstr(labels(&c, &r), "pop") != NULL);
    pair_arena_free(c.arena);
}

TEST(members_of_well_known_receivers)
{
    struct pair_call c = new_call();
    /* After a standard module or global object, its own members first. */
    struct pair_ac_result r = complete(&c, "javascript", "const a = Math.m|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "max");
    CHECK_INTEQ(r.items[0].kind, PAIR_AC_PROPERTY);
    REQUIRE(r.items[0].detail != NULL);
    CHECK(strstr(r.items[0].detail, "member of Math") != NULL);
    r = complete(&c, "typescript", "for (const k of xs[Symbol.i|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "iterator");
    r = complete(&c, "python", "import os\nuid = os.getu|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "getuid");
    /* A receiver of two names, and Python's private alias of a module. */
    r = complete(&c, "javascript", "if (process.env.N|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "NODE_ENV");
    r = complete(&c, "python", "import sys as _sys\n_sys.std|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "stdout");
    r = complete(&c, "cpp", "auto p = std::make_u|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "make_unique");
    /* Another receiver's members are not promoted. */
    r = complete(&c, "javascript", "const a = stats.m|");
    CHECK(!has_label(&r, "max") || rank_of(&r, "max") > 0);
    pair_arena_free(c.arena);
}

TEST(headers_members_and_macros)
{
    struct pair_call c = new_call();
    /* In "#include <", header names; code's words and keywords do not fit. */
    struct pair_ac_result r = complete(&c, "c", "#include <st|\nint stuff;\n");
    REQUIRE(r.n >= 2);
    CHECK(strcmp(r.items[0].label, "stdio") == 0 || strcmp(r.items[0].label, "stdlib") == 0);
    CHECK(strstr(labels(&c, &r), "static") == NULL);
    r = complete(&c, "c", "#include <sys/st|");
    CHECK(r.n >= 1 && strstr(labels(&c, &r), "stat") != NULL);
    r = complete(&c, "c", "int st|");
    CHECK(r.n >= 1 && strstr(labels(&c, &r), "stdio") == NULL);
    /* A keyword anywhere is also a member after '.': JavaScript's Map.get. */
    r = complete(&c, "javascript", "const m = new Map();\nm.ge|");
    bool get = false;
    for (size_t i = 0; i < r.n; i++)
        get |= strcmp(r.items[i].label, "get") == 0;
    CHECK(get);
    /* "#if" and "#else" are directives too. */
    r = complete(&c, "c", "int a;\n#i|");
    CHECK(r.n >= 1 && strstr(labels(&c, &r), "if") != NULL);
    /* After "#define", the macros defined already come after the others. */
    r = complete(&c, "c", "#define LIMIT_LOW 1\nint x = LIMIT_HIGH;\n#define LI|\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "LIMIT_HIGH");
    pair_arena_free(c.arena);
}

TEST(parts_of_the_documents_identifiers)
{
    struct pair_call c = new_call();
    /* "zork" is only ever written inside longer names: their head... */
    struct pair_ac_result r =
        complete(&c, "javascript", "zorkFrobnicate(1);\nzorkBlat(2);\nzorkFrobnicate(3);\nz|");
    REQUIRE(r.n >= 3);
    CHECK(rank_of(&r, "zork") > rank_of(&r, "zorkFrobnicate"));
    CHECK(rank_of(&r, "zork") > rank_of(&r, "zorkBlat"));
    CHECK(has_label(&r, "zork"));
    CHECK(!has_label(&r, "zorkF"));
    for (size_t i = 0; i < r.n; i++)
        if (strcmp(r.items[i].label, "zork") == 0)
            CHECK_STREQ(r.items[i].detail, "part of 3 names in this document");
    /* ... or their tail, after '_' or a change of case. */
    r = complete(&c, "c", "int foo_widget_quux = 1, fooBlorp = 2;\nint y = qu|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "quux");
    r = complete(&c, "c", "int fooBlorp = 2;\nint y = bl|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "blorp");
    /* A part counts for less than a word the document has. */
    r = complete(&c, "python", "quuxly = 1\nfoo_quux = 2\nx = qu|");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "quuxly");
    pair_arena_free(c.arena);
}

TEST(numbered_names_go_on_in_order)
{
    struct pair_call c = new_call();
    /* After sb5 and sb6, sb7, although the document never wrote it. */
    struct pair_ac_result r = complete(&c, "c",
                                       "release(&sb5);\nrelease(&sb6);\nrelease(&sb|);\n"
                                       "release(&sp1);\nfree(sb5);\nfree(sb6);\nfree(sb7);\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "sb7");
    /* Between KEY_F32 and KEY_F34 comes KEY_F33. */
    r = complete(&c, "python",
                 "d = {\n  KEY_F31: 1,\n  KEY_F32: 2,\n  KE|: 3,\n  KEY_F34: 4,\n}\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "KEY_F33");
    CHECK_STREQ(r.items[0].detail, "next in the numbered names around");
    /* With one neighbour only, a number the document lacks comes after the
     * word it was made from. */
    r = complete(&c, "python", "v1 = 1\nprint(v|)\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "v1");
    CHECK(has_label(&r, "v2"));
    pair_arena_free(c.arena);
}

/* The score of label in r, or 0 when r lacks it. */
static double
score_of(const struct pair_ac_result *r, const char *label)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->items[i].label, label) == 0)
            return r->items[i].score;
    return 0;
}

TEST(known_sequences_go_on_in_order)
{
    struct pair_call c = new_call();
    /* Constants are declared in the order of their standard list: after
     * EPERM and ENOENT comes ESRCH, after LPAR and RPAR comes LSQB. */
    struct pair_ac_result r =
        complete(&c, "c", "#define EPERM 1\n#define ENOENT 2\n#define E| 3\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "ESRCH");
    r = complete(&c, "python", "LPAR = 7\nRPAR = 8\nL| = 9\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "LSQB");
    /* The same from the line after the cursor's: before ENOENT, EPERM. */
    r = complete(&c, "c", "#define E| 1\n#define ENOENT 2\n#define ESRCH 3\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "EPERM");
    pair_arena_free(c.arena);
}

TEST(the_document_repeats_its_orders)
{
    struct pair_call c = new_call();
    /* Where RED was followed by GREEN, GREEN follows RED again, although
     * GRAY is used more and nearer. */
    struct pair_ac_result r =
        complete(&c, "c",
                 "void f(int x) {\n  switch (x) {\n  case RED: a(); break;\n"
                 "  case GREEN: b(); break;\n  case BLUE: c(); break;\n  }\n}\n"
                 "void h(int x) {\n  switch (x) {\n  case GRAY: d(); break;\n"
                 "  case GRAY: d(); break;\n  case GRAY: d(); break;\n"
                 "  case GRAY: d(); break;\n  }\n}\n"
                 "void g(int x) {\n  switch (x) {\n  case RED: e(); break;\n"
                 "  case G|: e(); break;\n  }\n}\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "GREEN");
    pair_arena_free(c.arena);
}

TEST(declared_names_are_not_the_librarys)
{
    struct pair_call c = new_call();
    /* After def, a special method, not a special attribute (__name__) nor a
     * builtin function. */
    struct pair_ac_result r =
        complete(&c, "python", "class A:\n    def __|(self):\n        return 1\n");
    REQUIRE(r.n >= 3);
    CHECK_STREQ(r.items[0].label, "__init__");
    CHECK(rank_of(&r, "__name__") > rank_of(&r, "__str__"));
    pair_arena_free(c.arena);
}

TEST(names_in_the_other_case_of_their_first_letter)
{
    struct pair_call c = new_call();
    /* lineComment beside LineComment, ahead of the name that differs only in case. */
    struct pair_ac_result r =
        complete(&c, "javascript", "const LineComment = 1;\nlet x = lineC|;\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "lineComment");
    pair_arena_free(c.arena);
}

TEST(a_declarations_comment_names_it)
{
    struct pair_call c = new_call();
    /* The comment right above the member being declared names it. */
    struct pair_ac_result r = complete(&c, "typescript",
                                       "interface Stream {\n  state: number;\n  string: string;\n"
                                       "  /** The start position of the current token. */\n"
                                       "  s|: number;\n}\nlet sum = size + size + size;\n");
    REQUIRE(r.n >= 3);
    CHECK(rank_of(&r, "start") < rank_of(&r, "string"));
    pair_arena_free(c.arena);
}

TEST(parallel_lines_after_a_member_operator)
{
    struct pair_call c = new_call();
    /* Keys written as members on parallel lines: the ones around are
     * declared already, and the keys are sorted. */
    struct pair_ac_result r = complete(&c, "python",
                                       "a = m.KEY_PAD + m.KEY_PAD + m.KEY_PAD + m.KEY_PREVIOUS\n"
                                       "d = {\n    m.KEY_PPAGE: 1,\n    m.KEY_P|: 2,\n"
                                       "    m.KEY_PRINT: 3,\n}\n");
    REQUIRE(r.n >= 3);
    CHECK(rank_of(&r, "KEY_PREVIOUS") < rank_of(&r, "KEY_PRINT"));
    CHECK(rank_of(&r, "KEY_PREVIOUS") < rank_of(&r, "KEY_PPAGE"));
    pair_arena_free(c.arena);
}

TEST(a_list_seldom_repeats_its_elements)
{
    struct pair_call c = new_call();
    /* The same words, the same place; but alpha_value is an argument of the
     * call the cursor is in already. */
    const char *before = "alpha_other = 2\nalpha_value = 1\nprint(alpha_value)\n";
    char in_list[256], no_list[256];
    snprintf(in_list, sizeof(in_list), "%sf(alpha_value, al|)\n", before);
    snprintf(no_list, sizeof(no_list), "%sf(alpha_value + al|)\n", before);
    struct pair_ac_result a = complete(&c, "python", in_list);
    struct pair_ac_result b = complete(&c, "python", no_list);
    REQUIRE(has_label(&a, "alpha_value") && has_label(&b, "alpha_value"));
    CHECK(score_of(&a, "alpha_value") < score_of(&b, "alpha_value") - 1.0);
    CHECK(score_of(&a, "alpha_other") == score_of(&b, "alpha_other"));
    /* An import list over several lines. */
    a = complete(&c, "typescript",
                 "import {\n  removeRecord,\n  r|\n} from './y'\nremoveRecord(1)\n"
                 "releaseRequest(2)\n");
    REQUIRE(has_label(&a, "releaseRequest") && has_label(&a, "removeRecord"));
    CHECK(rank_of(&a, "releaseRequest") < rank_of(&a, "removeRecord"));
    pair_arena_free(c.arena);
}

TEST(sorted_lists_keep_their_order)
{
    struct pair_call c = new_call();
    /* The elements around the cursor are in order: the word sorts between
     * cobra and cow, although cheetah is used more. */
    struct pair_ac_result r = complete(&c, "javascript",
                                       "coral(); coral(); cheetah(); cheetah(); cheetah(); "
                                       "cheetah();\nexport { cat, cobra, c|, cow, dog };");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "coral");
    /* The same for the keys of parallel lines. */
    r = complete(&c, "javascript",
                 "coral(); coral(); cheetah(); cheetah(); cheetah(); cheetah();\nconst t = {\n  "
                 "cat: 1,\n  cobra: 2,\n"
                 "  c|: 3,\n  cow: 4,\n};");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "coral");
    /* An unsorted list says nothing. */
    r = complete(&c, "javascript",
                 "coral(); coral(); cheetah(); cheetah(); cheetah(); cheetah();\nexport { dog, "
                 "cobra, c|, cat, cow };");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "cheetah");
    pair_arena_free(c.arena);
}

TEST(declarations_name_something_new)
{
    struct pair_call c = new_call();
    /* After "def", the function defined already is unlikely. */
    struct pair_ac_result r = complete(&c, "python",
                                       "def helper():\n    pass\n\nhelper()\nhelper()\n"
                                       "helpme()\n\ndef hel|");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "helpme");
    /* A method of another class is declared again in this one; one of this
     * class is not. */
    r = complete(&c, "python",
                 "class A:\n    def encode(self):\n        pass\n\n"
                 "class B:\n    def encoder(self):\n        pass\n\n"
                 "    def enc|\n\nx.encoder()\nx.encoder()\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "encode");
    r = complete(&c, "javascript",
                 "function a() {\n  function encode() {}\n}\nfunction b() {\n"
                 "  function encoder() {}\n  function enc|() {}\n}\nx.encoder(); x.encoder();\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "encode");
    pair_arena_free(c.arena);
}

TEST(no_keyword_where_a_name_is_declared)
{
    struct pair_call c = new_call();
    /* "def d": "def", "del" and "dict" are frequent, but a name is declared. */
    struct pair_ac_result r = complete(
        &c, "python", "def a():\n    del x\n\ndef b():\n    del y\n\nz = data.decode()\n\ndef d|");
    REQUIRE(r.n >= 1);
    CHECK(has_label(&r, "decode"));
    CHECK(!has_label(&r, "def") && !has_label(&r, "del"));
    /* C++'s "enum class" is the exception. */
    r = complete(&c, "cpp", "enum cl|");
    CHECK(has_label(&r, "class"));
    pair_arena_free(c.arena);
}

TEST(a_name_is_named_after_its_value)
{
    struct pair_call c = new_call();
    /* A keyword argument named after its value, in another case too. */
    struct pair_ac_result r =
        complete(&c, "python",
                 "class StreamWriter:\n    pass\n\nsetup = 1\nstatus = 2\nstop = 3\n"
                 "info(st|=StreamWriter)\n");
    REQUIRE(r.n >= 2);
    CHECK(rank_of(&r, "streamWriter") < rank_of(&r, "setup"));
    CHECK(rank_of(&r, "streamwriter") < rank_of(&r, "setup"));
    r = complete(&c, "javascript", "const limit = 3, lines = 4;\nf({ li|: limit, x: lines });\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "limit");
    pair_arena_free(c.arena);
}

TEST(the_line_names_the_word)
{
    struct pair_call c = new_call();
    /* A name assigned: the names in its value, strings included. */
    struct pair_ac_result r = complete(
        &c, "javascript",
        "conversions();\nconvert(); convert(); convert(); convert(); convert(); convert();\n"
        "const conv| = require('webidl-conversions');\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "conversions");
    /* In a value: the name it is assigned to. */
    r = complete(&c, "javascript",
                 "this._ownerDocument = d; this._other = 1; this._other = 2; this._other = 3;\n"
                 "const ownerDocument = this._o|;\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "_ownerDocument");
    /* One of many: the plural without its 's'. */
    r = complete(&c, "python",
                 "value = 1\nvendor()\nvendor()\nvendor()\nfor v| in values:\n    pass\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "value");
    pair_arena_free(c.arena);
}

TEST(names_come_in_families)
{
    struct pair_call c = new_call();
    /* stdin_fd, stdin_mode and stdout_fd imply stdout_mode. */
    struct pair_ac_result r =
        complete(&c, "c",
                 "int stdin_fd, stdout_fd;\nint stdin_mode;\nint size, state;\n"
                 "void f(void) { g(stdout_fd, stdo|); }\n");
    REQUIRE(r.n >= 2);
    CHECK(has_label(&r, "stdout_mode"));
    CHECK(!has_label(&r, "stdout_fdfd"));
    for (size_t i = 0; i < r.n; i++)
        if (strcmp(r.items[i].label, "stdout_mode") == 0)
            CHECK_STREQ(r.items[i].detail, "completes 1 name family in this document");
    /* Only words the document lacks are made. */
    r = complete(&c, "c", "int stdin_fd, stdout_fd, stdin_mode, stdout_mode;\nx = stdout_m|;\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "stdout_mode");
    CHECK_STREQ(r.items[0].detail, "1 use in this document");
    pair_arena_free(c.arena);
}

TEST(parallel_lines_declare_new_names)
{
    struct pair_call c = new_call();
    /* The fields around the cursor's name other things; a field named
     * further away is still likely. */
    const char *fields = "struct stat {\n  unsigned short st_mode;\n  unsigned short st_uid;\n"
                         "  unsigned short st|;\n  unsigned short st_gid;\n};\n";
    char code[512];
    snprintf(code, sizeof(code), "%sx.st_nlink = 1;\n", fields);
    struct pair_ac_result r = complete(&c, "c", code);
    REQUIRE(r.n >= 3);
    CHECK(rank_of(&r, "st_nlink") < rank_of(&r, "st_uid"));
    CHECK(rank_of(&r, "st_nlink") < rank_of(&r, "st_gid"));
    /* Repeated calls are no declarations. */
    r = complete(&c, "python", "assertEqual(a, 1)\nassertEqual(b, 2)\nas|(c, 3)\nassertIs(d, 4)\n");
    CHECK(rank_of(&r, "assertEqual") < 2);
    pair_arena_free(c.arena);
}

TEST(the_shape_of_names_where_the_cursor_is)
{
    struct pair_call c = new_call();
    /* After "function" this document writes camelCase names: mapItems,
     * used once, beats mid_value, used three times. */
    struct pair_ac_result r =
        complete(&c, "javascript",
                 "function makeThing() {}\nfunction runAll() {}\nfunction doStuff() {}\n"
                 "const mid_value = 1;\nlog(mid_value);\nlog(mid_value);\nconst mapItems = 2;\n"
                 "function m|\n");
    REQUIRE(r.n >= 2);
    CHECK(rank_of(&r, "mapItems") < rank_of(&r, "mid_value"));
    /* A directive's name is no statement. */
    r = complete(&c, "c",
                 "#include <a.h>\n#include <b.h>\n#include <c.h>\nint f(int x) {\n  i| (x)\n"
                 "    return 1;\n  if (x > 2)\n    return 2;\n}\n");
    REQUIRE(r.n >= 2);
    CHECK(rank_of(&r, "if") < rank_of(&r, "include"));
    /* After ')' in Python come keywords, not names. */
    r = complete(&c, "python",
                 "if f(a) in b:\n    pass\nif g(a) in c:\n    pass\nindex = 1\nindex += 1\n"
                 "x = index\nif h(a) i|\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "in");
    pair_arena_free(c.arena);
}

TEST(next_token_context)
{
    struct pair_call c = new_call();
    /* "dataset" is commoner, "draw" is what the document calls. */
    struct pair_ac_result r = complete(&c, "python",
                                       "dataset = 1\nx = dataset\ny = dataset\nz = dataset\n"
                                       "draw(1)\ndraw(2)\n\nd|(3)");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "draw");
    CHECK_INTEQ(r.items[0].kind, PAIR_AC_FUNCTION);
    pair_arena_free(c.arena);
}

TEST(case_sensitive_matches_first)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "javascript", "mapper(); mapper(); mapper(); Map; Ma|");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "Map");
    /* A case-insensitive match is allowed, lower. */
    r = complete(&c, "generic", "Mapping\nmap|");
    CHECK_STREQ(labels(&c, &r), "Mapping");
    pair_arena_free(c.arena);
}

TEST(known_words_of_the_language)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "python", "ret|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "return");
    CHECK_INTEQ(r.items[0].kind, PAIR_AC_KEYWORD);
    r = complete(&c, "javascript", "fun|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "function");
    r = complete(&c, "python", "isins|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "isinstance");
    CHECK_INTEQ(r.items[0].kind, PAIR_AC_BUILTIN);
    r = complete(&c, "go", "fm|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "fmt");
    CHECK_INTEQ(r.items[0].kind, PAIR_AC_MODULE);
    r = complete(&c, "rust", "pu|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "pub");
    /* Directives after '#', only there. */
    r = complete(&c, "c", "#inc|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "include");
    r = complete(&c, "c", "x = inc|");
    CHECK(!has_label(&r, "include"));
    /* SQL keywords take the case typed. */
    r = complete(&c, "sql", "sel|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "select");
    r = complete(&c, "sql", "SEL|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "SELECT");
    /* Generic text has no keywords. */
    r = complete(&c, "plaintext", "ret|");
    CHECK_INTEQ(r.n, 0);
    pair_arena_free(c.arena);
}

TEST(standard_library_names)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "python", "def f(tb):\n    return tb.tb_f|\n");
    CHECK(has_label(&r, "tb_frame"));
    r = complete(&c, "typescript", "let v: HTMLV|;\n");
    CHECK(has_label(&r, "HTMLVideoElement"));
    r = complete(&c, "c", "int w = inotify_add_w|(fd, p, m);\n");
    CHECK(has_label(&r, "inotify_add_watch"));
    r = complete(&c, "javascript", "const { spawnS| } = require(\"child_process\");\n");
    CHECK(has_label(&r, "spawnSync"));
    r = complete(&c, "cpp", "#if __cpp_lib_opt|\n#endif\n");
    CHECK(has_label(&r, "__cpp_lib_optional"));
    /* C++'s own headers before C's. */
    r = complete(&c, "cpp", "#include <vector>\n#include <m|>\n");
    CHECK(rank_of(&r, "memory") < rank_of(&r, "math"));
    pair_arena_free(c.arena);
}

TEST(known_functions_before_a_call)
{
    struct pair_call c = new_call();
    /* Before '(', a function of the language comes before a variable of
     * the document that is never called (declared some lines away: right
     * next to the cursor, the cache may still put it first). */
    struct pair_ac_result r =
        complete(&c, "c",
                 "int size = 0;\nint v1 = 1;\nint v2 = 2;\nint v3 = 3;\nint v4 = 4;\nint v5 = 5;\n"
                 "int v6 = 6;\nint v7 = 7;\nint v8 = 8;\nint v9 = 9;\nint v10 = 10;\n"
                 "void g(void) {\n    s|(buf, 10, \"%d\", x);\n}\n");
    REQUIRE(r.n >= 2);
    CHECK(rank_of(&r, "size") > 0);
    CHECK_INTEQ(r.items[0].kind, PAIR_AC_BUILTIN);
    r = complete(&c, "c", "int files = 0, flags = 0;\nvoid g(void) {\n    f|(stdout);\n}\n");
    REQUIRE(r.n >= 2);
    CHECK(rank_of(&r, "flags") > 0 && rank_of(&r, "files") > 0);
    CHECK_INTEQ(r.items[0].kind, PAIR_AC_BUILTIN);
    /* Elsewhere the variable keeps its place. */
    r = complete(&c, "c", "int size = 0;\nvoid g(void) {\n    x = s|;\n}\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "size");
    pair_arena_free(c.arena);
}

TEST(few_invented_words_first)
{
    struct pair_call c = new_call();
    /* Name families imply many names the document lacks, but the first
     * five hold at most two of them. */
    struct pair_ac_result r = complete(&c, "c",
                                       "int zapper, zapata, zapfino;\n"
                                       "int qa_one, qa_two, qa_six, qa_ten, qa_red, qa_tan;\n"
                                       "int qb_one, qb_two, qb_six, qb_ten, qb_red, qb_tan;\n"
                                       "int qc_one, qc_two, qc_six, qc_ten, qc_red, qc_tan;\n"
                                       "int qd_one, qd_two, qd_six, qd_ten, qd_red, qd_tan;\n"
                                       "int qe_one, qe_two, qe_six, qe_ten, qe_red, qe_tan;\n"
                                       "int qf_one, qf_two, qf_six, qf_ten, qf_red, qf_tan;\n"
                                       "int qg_one, qg_two, qg_six, qg_ten, qg_red, qg_tan;\n"
                                       "int qh_one, qh_two, qh_six, qh_ten, qh_red, qh_tan;\n"
                                       "int qi_one, qi_two, qi_six, qi_ten, qi_red, qi_tan;\n"
                                       "int zap_one;\nx = zap|;\n");
    REQUIRE(r.n >= 5);
    int made = 0;
    for (size_t i = 0; i < 5; i++)
        made += r.items[i].detail != NULL && (strstr(r.items[i].detail, "part of") != NULL ||
                                              strstr(r.items[i].detail, "famil") != NULL);
    CHECK(made <= 2);
    pair_arena_free(c.arena);
}

TEST(exact_word_last_and_at_most_ten)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "generic", "i i i i i items\ni|");
    CHECK_STREQ(labels(&c, &r), "items i");
    char doc[4096];
    size_t n = 0;
    for (int i = 0; i < 30; i++)
        n += (size_t)snprintf(doc + n, sizeof(doc) - n, "word%02d ", i);
    snprintf(doc + n, sizeof(doc) - n, "\nwo|");
    r = complete(&c, "generic", doc);
    CHECK_INTEQ(r.n, PAIR_AC_MAX);
    pair_arena_free(c.arena);
}

TEST(nothing_to_complete)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "python", "x = 12|");
    CHECK_INTEQ(r.n, 0);
    r = complete(&c, "python", "");
    CHECK_INTEQ(r.n, 0);
    r = complete(&c, "python", "value = 1\nx = |");
    CHECK_INTEQ(r.n, 0); /* nothing typed, no strong context */
    pair_arena_free(c.arena);
}

TEST(inside_comments_words_only)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "python", "frobnicate = 1\n# we fro|");
    CHECK_STREQ(labels(&c, &r), "frobnicate");
    /* Keywords are code, not prose. */
    r = complete(&c, "python", "# ret|");
    CHECK_INTEQ(r.n, 0);
    /* Words of comments are weak evidence in code too (a known word of the
     * language, like the module queue for "qu", may come first). */
    r = complete(&c, "python", "# the quixotic helper\nqui|");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "quixotic");
    pair_arena_free(c.arena);
}

TEST(unicode_prefixes)
{
    struct pair_call c = new_call();
    struct pair_ac_result r =
        complete(&c, "python", "na\xc3\xafvet\xc3\xa9 = 1\nnative = 2\nna\xc3\xaf|");
    CHECK_STREQ(labels(&c, &r), "na\xc3\xafvet\xc3\xa9");
    r = complete(&c, "javascript",
                 "const \xe5\xa4\x89\xe6\x95\xb0\xe5\x90\x8d = 1;\n\xe5\xa4\x89|");
    CHECK_STREQ(labels(&c, &r), "\xe5\xa4\x89\xe6\x95\xb0\xe5\x90\x8d");
    pair_arena_free(c.arena);
}

TEST(insert_text_continues_a_repeated_pattern)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "python",
                                       "def f(items):\n"
                                       "    for i in range(len(items)):\n        pass\n"
                                       "    for j in range(len(items)):\n        pass\n"
                                       "    for j in range(len(items)):\n        pass\n"
                                       "    for k in ra|\n");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "range");
    CHECK_STREQ(r.insert_text, "range(len(items)):");
    /* Also with nothing typed, after "for i in" seen three times. */
    r = complete(&c, "python",
                 "for i in range(len(a)):\n  pass\nfor i in range(len(a)):\n  pass\n"
                 "for i in range(len(a)):\n  pass\nfor i in |");
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "range");
    CHECK_STREQ(r.insert_text, "range(len(a)):");
    /* Not when the occurrences disagree, nor on two alone. */
    r = complete(&c, "python", "foo(1, a)\nfoo(2, b)\nfoo(3, c)\nfo|");
    CHECK(r.insert_text == NULL);
    r = complete(&c, "python", "bar(1, a)\nbar(1, a)\nba|");
    CHECK(r.insert_text == NULL);
    /* Not in the middle of a line. */
    r = complete(&c, "python", "log.info('a', x)\nlog.info('a', x)\nlog.info('a', x)\nlog.in| + 1");
    CHECK(r.insert_text == NULL);
    r = complete(&c, "javascript",
                 "console.log(err);\nconsole.log(err);\nconsole.log(err);\nconsole.l|");
    CHECK_STREQ(r.insert_text, "log(err);");
    /* Never ending on a dangling token: it stops before "(". */
    r = complete(&c, "javascript", "a = obj.method(1\na = obj.method(2\na = obj.method(3\na = ob|");
    CHECK_STREQ(r.insert_text, "obj.method");
    pair_arena_free(c.arena);
}

TEST(calibration_weighs_words_of_comments)
{
    struct pair_call c = new_call();
    /* A word of the comment above, which the document does not use in code,
     * comes before a keyword that does not follow return. */
    struct pair_ac_result r = complete(&c, "javascript",
                                       "function f(items) {\n  // the element count\n"
                                       "  let n = items.length;\n  return e|;\n}\n");
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "element");
    pair_arena_free(c.arena);
}

TEST(calibration_per_language)
{
    struct pair_call c = new_call();
    /* JavaScript's own correction: a name used once (declared or imported
     * once) is likelier than the model alone makes it, here before one used
     * three times. */
    const char *doc =
        "coral(); cheetah(); cheetah(); cheetah();\nexport { dog, cobra, c|, cat, cow };";
    struct pair_ac_result r = complete(&c, "javascript", doc);
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "coral");
    pair_arena_free(c.arena);
}

TEST(model_parts_can_be_switched_off)
{
    struct pair_call c = new_call();
    struct pair_ac_model m = pair_ac_default_model();
    m.ngram = false;
    m.continuation = false;
    const char *code = "raise X\nraise Y\nraise Z\nfor a in range(3): pass\nfor b in range(4): "
                       "pass\nfor c in ra";
    struct pair_ac_result r;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){code, strlen(code)}, strlen(code), "python", &m,
                             &r) == PAIR_OK);
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "raise"); /* frequency alone */
    CHECK(r.insert_text == NULL);
    pair_arena_free(c.arena);
}

TEST(calibration_can_be_switched_off)
{
    struct pair_call c = new_call();
    /* Three uses far up against one close by: the raw model goes by
     * frequency, the calibrated one by closeness. */
    const char *code = "beta_far = 1\nbeta_far = 2\nbeta_far = 3\n"
                       "x = 1\nx = 2\nx = 3\nx = 4\nx = 5\nx = 6\nx = 7\nx = 8\n"
                       "beta_near = 4\ny = be";
    struct pair_ac_model m = pair_ac_default_model();
    CHECK(m.calibrate);
    struct pair_ac_result r;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){code, strlen(code)}, strlen(code), "python", &m,
                             &r) == PAIR_OK);
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "beta_near");
    m.calibrate = false;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){code, strlen(code)}, strlen(code), "python", &m,
                             &r) == PAIR_OK);
    REQUIRE(r.n >= 2);
    CHECK_STREQ(r.items[0].label, "beta_far");
    pair_arena_free(c.arena);
}

/* A module of about 1.3 KB, cut inside a word of its last line. */
static const char *const RERANK_DOC =
    "import os\nimport sys\n\n\nclass Inventory:\n"
    "    \"\"\"Items on the shelves, by name, with their counts.\"\"\"\n\n"
    "    def __init__(self, path):\n        self.path = path\n        self.items = {}\n"
    "        self.changed = False\n\n"
    "    def load(self):\n        if not os.path.exists(self.path):\n            return\n"
    "        with open(self.path) as handle:\n            for line in handle:\n"
    "                name, count = line.split()\n                self.items[name] = int(count)\n\n"
    "    def save(self):\n        if not self.changed:\n            return\n"
    "        with open(self.path, 'w') as handle:\n"
    "            for name, count in sorted(self.items.items()):\n"
    "                handle.write(f'{name} {count}\\n')\n        self.changed = False\n\n"
    "    def add(self, name, count=1):\n        self.items[name] = self.items.get(name, 0) + "
    "count\n"
    "        self.changed = True\n\n"
    "    def remove(self, name, count=1):\n        left = self.items.get(name, 0) - count\n"
    "        if left < 0:\n            raise ValueError(f'only {self.items.get(name, 0)} of "
    "{name}')\n"
    "        if left == 0:\n            del self.items[name]\n        else:\n"
    "            self.items[name] = left\n        self.changed = True\n\n"
    "    def count(self, name):\n        return self.items.get(name, 0)\n\n\n"
    "def main(argv):\n    inventory = Inventory(argv[1])\n    inventory.load()\n"
    "    for word in argv[2:]:\n        inventory.add(word)\n    inventory.save()\n"
    "    return 0\n\n\nif __name__ == '__main__':\n    sys.exit(main(sys.argv))\n"
    "    inventory.ch";

TEST(the_network_reranks_within_its_bound)
{
    /* On a document of the size it was fitted on, the network moves the
     * best candidates' scores, by at most 1.5 each. */
    struct pair_call c = new_call();
    size_t n = strlen(RERANK_DOC);
    REQUIRE(n >= 1024);
    struct pair_ac_model m = pair_ac_default_model();
    CHECK(m.rerank);
    struct pair_ac_result on, off;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){RERANK_DOC, n}, n, "python", &m, &on) ==
            PAIR_OK);
    m.rerank = false;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){RERANK_DOC, n}, n, "python", &m, &off) ==
            PAIR_OK);
    REQUIRE(on.n >= 2 && off.n >= 2);
    CHECK_STREQ(on.items[0].label, "changed");
    size_t moved = 0, compared = 0;
    for (size_t i = 0; i < on.n; i++)
        for (size_t j = 0; j < off.n; j++)
            if (strcmp(on.items[i].label, off.items[j].label) == 0) {
                double d = on.items[i].score - off.items[j].score;
                CHECK(d <= 1.5 && d >= -1.5);
                moved += d > 1e-9 || d < -1e-9;
                compared++;
            }
    CHECK(compared >= 2);
    CHECK(moved == compared); /* every score moved: the network is in effect */
    pair_arena_free(c.arena);
}

TEST(the_network_leaves_small_documents_alone)
{
    /* Below 1 KB (smaller than any file it was fitted on) the calibrated
     * model answers alone. */
    struct pair_call c = new_call();
    const char *code = "total = 0\ncount = 0\nfor value in values:\n    total += value\n"
                       "    count += 1\nprint(total / co";
    struct pair_ac_model m = pair_ac_default_model();
    struct pair_ac_result on, off;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){code, strlen(code)}, strlen(code), "python", &m,
                             &on) == PAIR_OK);
    m.rerank = false;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){code, strlen(code)}, strlen(code), "python", &m,
                             &off) == PAIR_OK);
    REQUIRE(on.n >= 1);
    CHECK_INTEQ(on.n, off.n);
    for (size_t i = 0; i < on.n && i < off.n; i++) {
        CHECK_STREQ(on.items[i].label, off.items[i].label);
        CHECK(on.items[i].score == off.items[i].score);
    }
    CHECK_STREQ(on.items[0].label, "count");
    pair_arena_free(c.arena);
}

/* What the inspect hook was shown: each word once, with its inputs' first
 * (the calibrated score). */
struct shown {
    size_t n;
    char word[64][32];
    double score[64];
};

static void
record_shown(void *arg, const char *word, size_t len, int rank_class, const double *inputs)
{
    (void)rank_class;
    struct shown *s = arg;
    if (s->n < 64 && len < sizeof(s->word[0])) {
        memcpy(s->word[s->n], word, len);
        s->word[s->n][len] = '\0';
        s->score[s->n++] = inputs[0];
    }
}

TEST(the_inspect_hook_sees_the_scores_before_the_network)
{
    /* What tests/tools/ac_features.c fits the networks on: every candidate
     * the networks could re-rank, with the score the calibrated model alone
     * gives it. */
    struct pair_call c = new_call();
    size_t n = strlen(RERANK_DOC);
    struct shown shown = {0};
    struct pair_ac_model m = pair_ac_default_model();
    m.inspect = record_shown;
    m.inspect_arg = &shown;
    struct pair_ac_result on, off;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){RERANK_DOC, n}, n, "python", &m, &on) ==
            PAIR_OK);
    m.rerank = false;
    m.inspect = NULL;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){RERANK_DOC, n}, n, "python", &m, &off) ==
            PAIR_OK);
    REQUIRE(off.n >= 2);
    CHECK(shown.n >= off.n);
    for (size_t i = 0; i < off.n; i++) {
        size_t k = 0;
        while (k < shown.n && strcmp(shown.word[k], off.items[i].label) != 0)
            k++;
        REQUIRE(k < shown.n);
        CHECK(shown.score[k] == off.items[i].score);
    }
    pair_arena_free(c.arena);
}

TEST(large_document)
{
    struct pair_call c = new_call();
    size_t cap = 2 * 1024 * 1024, n = 0;
    char *doc = malloc(cap + 64);
    REQUIRE(doc != NULL);
    for (int i = 0; n + 40 < cap; i++)
        n += (size_t)snprintf(doc + n, cap + 64 - n, "value_%d = compute(value_%d) # x\n", i % 997,
                              i % 991);
    memcpy(doc + n, "comp", 4);
    n += 4;
    struct pair_ac_result r;
    REQUIRE(pair_ac_complete(&c, (struct pair_str){doc, n}, n, "python", NULL, &r) == PAIR_OK);
    REQUIRE(r.n >= 1);
    CHECK_STREQ(r.items[0].label, "compute");
    free(doc);
    pair_arena_free(c.arena);
}

/* ---------- the cursor and the wire form ---------- */

TEST(cursor_counts_utf16_units)
{
    struct pair_call c = new_call();
    /* "é" is 1 unit (2 bytes), "😀" 2 units (4 bytes). */
    struct pair_str text = {"a\xc3\xa9\xf0\x9f\x98\x80z", 8};
    size_t off;
    CHECK(pair_ac_cursor(&c, text, 0, &off) == PAIR_OK && off == 0);
    CHECK(pair_ac_cursor(&c, text, 2, &off) == PAIR_OK && off == 3);
    CHECK(pair_ac_cursor(&c, text, 4, &off) == PAIR_OK && off == 7);
    CHECK(pair_ac_cursor(&c, text, 5, &off) == PAIR_OK && off == 8);
    CHECK(pair_ac_cursor(&c, text, 3, &off) == PAIR_E_INVALID); /* inside the pair */
    CHECK(pair_ac_cursor(&c, text, 6, &off) == PAIR_E_INVALID); /* past the end */
    CHECK(pair_ac_cursor(&c, text, -1, &off) == PAIR_E_INVALID);
    CHECK(c.detail != NULL);
    pair_arena_free(c.arena);
}

TEST(json_shape)
{
    struct pair_call c = new_call();
    struct pair_ac_result r = complete(&c, "python", "import os\nimport sys\nim|");
    json_object *o = pair_ac_json(&c, &r);
    REQUIRE(o != NULL);
    json_object *v, *list;
    REQUIRE(json_object_object_get_ex(o, "suggestion", &v));
    CHECK_STREQ(json_object_get_string(v), "import");
    REQUIRE(json_object_object_get_ex(o, "suggestions", &list));
    REQUIRE(json_object_array_length(list) >= 1);
    json_object *first = json_object_array_get_idx(list, 0);
    REQUIRE(json_object_object_get_ex(first, "label", &v));
    CHECK_STREQ(json_object_get_string(v), "import");
    REQUIRE(json_object_object_get_ex(first, "kind", &v));
    CHECK_STREQ(json_object_get_string(v), "keyword");
    CHECK(json_object_object_get_ex(first, "detail", &v));
    CHECK(!json_object_object_get_ex(o, "insertText", &v));
    /* Nothing: an empty suggestion and list. */
    r = complete(&c, "python", "12|");
    o = pair_ac_json(&c, &r);
    REQUIRE(o != NULL);
    REQUIRE(json_object_object_get_ex(o, "suggestion", &v));
    CHECK_STREQ(json_object_get_string(v), "");
    REQUIRE(json_object_object_get_ex(o, "suggestions", &list));
    CHECK_INTEQ(json_object_array_length(list), 0);
    pair_arena_free(c.arena);
}

TEST_MAIN()
