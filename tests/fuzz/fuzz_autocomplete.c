/*
 * fuzz_autocomplete.c: libFuzzer target for the autocomplete engine.
 *
 * Input: byte 0 picks the language, bytes 1-2 the cursor (proportionally,
 * in UTF-16 units, so that it may also fall between surrogates or past the
 * end), the rest is the document. Invalid UTF-8 is skipped (the handler
 * refuses it before the engine). Checked: the tokens lie inside the text, in
 * order, without overlapping each other or the skipped spans; the cursor
 * conversion agrees with a reference count; every suggestion is non-empty,
 * starts with the partial word (ignoring ASCII case), is valid UTF-8, and
 * appears at most once; insertText starts with the first suggestion; the
 * JSON form is produced. Anything else aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../fcgi/autocomplete.h"
#include "../../fcgi/text.h"
#include "../../fcgi/validate.h"
#include "fuzz.h"

static const char *const languages[] = {
    "python", "javascript", "typescript", "c",      "cpp",  "java", "go",         "rust",
    "php",    "ruby",       "shell",      "sql",    "html", "xml",  "css",        "json",
    "yaml",   "markdown",   "plaintext",  "kotlin", "c#",   "tsx",  "zz-unknown",
};

/* Byte offset of UTF-16 unit u in valid UTF-8 s, or SIZE_MAX when u falls
 * inside a surrogate pair or past the end: an independent reference. */
static size_t
ref_offset(const char *s, size_t len, long long u)
{
    size_t i = 0;
    long long k = 0;
    while (k < u) {
        if (i >= len)
            return SIZE_MAX;
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        k += n == 4 ? 2 : 1;
        i += n;
    }
    return k == u ? i : SIZE_MAX;
}

/* Tokens and spans lie inside the text, in order, and do not overlap. */
static void
check_tokens(const struct pair_ac_tokens *t, size_t len)
{
    size_t end = 0;
    for (size_t i = 0; i < t->n; i++) {
        ENSURE(t->v[i].len > 0 && t->v[i].off >= end && t->v[i].off + t->v[i].len <= len);
        ENSURE(t->v[i].type >= PAIR_AC_WORD && t->v[i].type <= PAIR_AC_NEWLINE);
        end = t->v[i].off + t->v[i].len;
    }
    end = 0;
    for (size_t i = 0; i < t->nspans; i++) {
        ENSURE(t->spans[i].len > 0 && t->spans[i].off >= end &&
               t->spans[i].off + t->spans[i].len <= len);
        end = t->spans[i].off + t->spans[i].len;
    }
    /* No token inside a skipped span. */
    size_t s = 0;
    for (size_t i = 0; i < t->n; i++) {
        while (s < t->nspans && t->spans[s].off + t->spans[s].len <= t->v[i].off)
            s++;
        if (s < t->nspans)
            ENSURE(t->v[i].off + t->v[i].len <= t->spans[s].off);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const char *lang = languages[data[0] % (sizeof(languages) / sizeof(languages[0]))];
    struct pair_str text = {(const char *)data + 3, size - 3};
    if (!pair_utf8_valid(text.ptr, text.len))
        return 0;
    ENSURE(pair_ac_init() == 0);
    long long units = (long long)pair_utf16_len(text.ptr, text.len);
    long long want = ((long long)data[1] << 8 | data[2]) * (units + 2) / 65536;

    struct pair_call c = {0};
    c.arena = pair_arena_new();
    ENSURE(c.arena != NULL);
    size_t cursor, ref = ref_offset(text.ptr, text.len, want);
    enum pair_err e = pair_ac_cursor(&c, text, want, &cursor);
    ENSURE((e == PAIR_OK) == (ref != SIZE_MAX));
    if (e != PAIR_OK) {
        ENSURE(e == PAIR_E_INVALID && c.detail != NULL);
        pair_arena_free(c.arena);
        return 0;
    }
    ENSURE(cursor == ref);

    struct pair_ac_tokens t;
    ENSURE(pair_ac_lex(&c, pair_ac_lang_of(lang), text, cursor, &t) == PAIR_OK);
    check_tokens(&t, text.len);

    struct pair_ac_result r;
    ENSURE(pair_ac_complete(&c, text, cursor, lang, NULL, &r) == PAIR_OK);
    ENSURE(r.n <= PAIR_AC_MAX);
    ENSURE(r.prefix.ptr == NULL ||
           (r.prefix.ptr >= text.ptr && r.prefix.ptr + r.prefix.len == text.ptr + cursor));
    for (size_t i = 0; i < r.n; i++) {
        const char *l = r.items[i].label;
        size_t ll = strlen(l);
        ENSURE(ll > 0 && ll >= r.prefix.len && pair_utf8_valid(l, ll));
        ENSURE(strncasecmp(l, r.prefix.ptr, r.prefix.len) == 0);
        ENSURE(r.items[i].kind < PAIR_AC_KIND__MAX);
        for (size_t j = 0; j < i; j++)
            ENSURE(strcmp(r.items[j].label, l) != 0);
    }
    if (r.insert_text != NULL) {
        ENSURE(r.n > 0);
        ENSURE(strncmp(r.insert_text, r.items[0].label, strlen(r.items[0].label)) == 0);
        ENSURE(strchr(r.insert_text, '\n') == NULL);
    }
    ENSURE(pair_ac_json(&c, &r) != NULL);
    pair_arena_free(c.arena);
    return 0;
}
