/*
 * ac_features.c: what the autocomplete re-ranker sees, for fitting it
 * (tests/bench/ac_train.mjs). Reads the samples that
 * `tests/bench/autocomplete.mjs --dump FILE` writes (JSON lines: lang, path,
 * start, end, k, token; offsets in UTF-16 units), cuts each word after k
 * units as the benchmark does, runs the engine, and prints per sample
 *
 *   S <lang> <k> <the word's place among those shown (40: below them), or -1> <path>
 *   C <rank class> <1 if the word, else 0> <the inputs, space-separated>
 *
 * for the 40 best candidates in the engine's order before re-ranking, and
 * the word itself after them when it ranked lower.
 *
 * With --score it prints instead how often the word was the engine's first
 * suggestion and among its first five, per language and over all, for the
 * files of each half of the pool (by the hash ac_train.mjs splits them by)
 * and for both: the benchmark's top-1 and top-5 without the HTTP.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../fcgi/ac_net.h"
#include "../../fcgi/arena.h"
#include "../../fcgi/autocomplete.h"

#define SHOWN 40

struct seen {
    char *word;
    int cls;
    double in[PAIR_AC_NET_IN];
};

struct seen_list {
    struct seen *v;
    size_t n, cap;
};

static void
inspect(void *arg, const char *word, size_t len, int cls, const double *in)
{
    struct seen_list *l = arg;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 256;
        l->v = realloc(l->v, l->cap * sizeof(l->v[0]));
        if (l->v == NULL)
            abort();
    }
    struct seen *s = &l->v[l->n++];
    if ((s->word = strndup(word, len)) == NULL)
        abort();
    s->cls = cls;
    memcpy(s->in, in, sizeof(s->in));
}

/* The engine's order before re-ranking: rank class, then score. */
static int
order(const void *a, const void *b)
{
    const struct seen *x = a, *y = b;
    if (x->cls != y->cls)
        return x->cls - y->cls;
    return x->in[0] < y->in[0] ? 1 : x->in[0] > y->in[0] ? -1 : 0;
}

static const char *const LANGS[] = {"python", "javascript", "typescript", "c", "cpp", "go"};
#define NLANGS (sizeof(LANGS) / sizeof(LANGS[0]))

/* Samples, first suggestions and first fives, per language (the last: all)
 * and half of the pool (the last: both). */
static long scored[NLANGS + 1][3][3];

/* FNV-1a of the path, as ac_train.mjs: 0 even, 1 odd. */
static int
half_of(const char *path)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        h = (h ^ *p) * 16777619u;
    return (int)(h % 2);
}

static void
score(const char *lang, const char *path, const char *word, const struct pair_ac_result *r)
{
    size_t l = 0;
    while (l < NLANGS && strcmp(LANGS[l], lang) != 0)
        l++;
    size_t rank = SIZE_MAX;
    for (size_t i = 0; i < r->n && rank == SIZE_MAX; i++)
        if (strcmp(r->items[i].label, word) == 0)
            rank = i;
    size_t langs[] = {NLANGS, l}, halves[] = {2, (size_t)half_of(path)};
    for (size_t a = 0; a < (l < NLANGS ? 2 : 1); a++)
        for (size_t b = 0; b < 2; b++) {
            long *t = scored[langs[a]][halves[b]];
            t[0]++;
            t[1] += rank == 0;
            t[2] += rank < 5;
        }
}

static void
print_scores(void)
{
    static const char *const halves[] = {"even", "odd", "both"};
    for (size_t l = 0; l <= NLANGS; l++)
        for (size_t h = 0; h < 3; h++) {
            const long *t = scored[l][h];
            if (t[0] > 0)
                printf("%-10s %-4s n=%5ld top1 %6.2f top5 %6.2f\n", l < NLANGS ? LANGS[l] : "all",
                       halves[h], t[0], 100.0 * t[1] / t[0], 100.0 * t[2] / t[0]);
        }
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    for (size_t r; b != NULL && (r = fread(b + n, 1, cap - n, f)) > 0;) {
        if ((n += r) < cap)
            continue;
        char *more = realloc(b, (cap *= 2) + 1);
        if (more == NULL)
            free(b);
        b = more;
    }
    fclose(f);
    if (b != NULL)
        b[n] = '\0';
    *len = n;
    return b;
}

/* The file of the last sample: a file's samples come one after another. */
static struct {
    char *path, *text;
    size_t len;
} file;

static const char *
file_text(const char *path, size_t *len)
{
    if (file.path == NULL || strcmp(file.path, path) != 0) {
        free(file.path);
        free(file.text);
        file.path = strdup(path);
        file.text = file.path != NULL ? slurp(path, &file.len) : NULL;
        if (file.text == NULL) {
            free(file.path);
            file.path = NULL;
            return NULL;
        }
    }
    *len = file.len;
    return file.text;
}

static void
one(struct pair_call *c, json_object *o, bool scoring)
{
    json_object *v;
    const char *lang = json_object_object_get_ex(o, "lang", &v) ? json_object_get_string(v) : "";
    const char *path = json_object_object_get_ex(o, "path", &v) ? json_object_get_string(v) : "";
    const char *word = json_object_object_get_ex(o, "token", &v) ? json_object_get_string(v) : "";
    long long start = json_object_object_get_ex(o, "start", &v) ? json_object_get_int64(v) : 0;
    long long end = json_object_object_get_ex(o, "end", &v) ? json_object_get_int64(v) : 0;
    int k = json_object_object_get_ex(o, "k", &v) ? json_object_get_int(v) : 0;
    size_t whole, cut, rest;
    const char *src = file_text(path, &whole);
    if (src == NULL) {
        fprintf(stderr, "ac_features: cannot read %s\n", path);
        return;
    }
    struct pair_str all = {src, whole};
    if (pair_ac_cursor(c, all, start + k, &cut) != PAIR_OK ||
        pair_ac_cursor(c, all, end, &rest) != PAIR_OK || rest < cut) {
        fprintf(stderr, "ac_features: no word at %lld-%lld in %s\n", start, end, path);
        return;
    }
    /* The word cut after k units, the rest of the file kept. */
    size_t len = whole - (rest - cut);
    char *text = malloc(len + 1);
    if (text == NULL)
        abort();
    memcpy(text, src, cut);
    memcpy(text + cut, src + rest, whole - rest + 1);

    struct seen_list l = {0};
    struct pair_ac_model m = pair_ac_default_model();
    m.inspect = scoring ? NULL : inspect;
    m.inspect_arg = &l;
    struct pair_ac_result r = {0};
    pair_arena_clear(c->arena);
    pair_ac_complete(c, (struct pair_str){text, len}, cut, lang, &m, &r);
    if (scoring) {
        score(lang, path, word, &r);
        free(text);
        return;
    }
    qsort(l.v, l.n, sizeof(l.v[0]), order);
    size_t shown = l.n < SHOWN ? l.n : SHOWN, found = l.n;
    for (size_t i = 0; i < l.n && found == l.n; i++)
        if (strcmp(l.v[i].word, word) == 0)
            found = i;
    printf("S %s %d %d %s\n", lang, k, found < l.n ? (int)(found < shown ? found : shown) : -1,
           path);
    for (size_t i = 0; found < l.n && i <= shown; i++) {
        size_t q = i < shown ? i : found;
        if (i == shown && found < shown)
            break;
        printf("C %d %d", l.v[q].cls, q == found);
        for (size_t f = 0; f < PAIR_AC_NET_IN; f++)
            printf(" %.6g", l.v[q].in[f]);
        putchar('\n');
    }
    for (size_t i = 0; i < l.n; i++)
        free(l.v[i].word);
    free(l.v);
    free(text);
}

int
main(int argc, char **argv)
{
    bool scoring = argc > 1 && strcmp(argv[1], "--score") == 0;
    struct pair_call c = {.arena = pair_arena_new()};
    if (c.arena == NULL || pair_ac_init() != 0)
        return 1;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, stdin) > 0) {
        json_object *o = json_tokener_parse(line);
        if (o != NULL)
            one(&c, o, scoring);
        json_object_put(o);
    }
    free(line);
    free(file.path);
    free(file.text);
    if (scoring)
        print_scores();
    pair_arena_free(c.arena);
    return 0;
}
