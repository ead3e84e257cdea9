/*
 * arena.c: a bump allocator over a list of blocks, plus a cleanup stack.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAIR_ARENA_BLOCK 8192
#define PAIR_ALIGN 16

struct block {
    struct block *next;
    size_t size, used;
    _Alignas(PAIR_ALIGN) unsigned char data[];
};

struct cleanup {
    struct cleanup *next;
    pair_cleanup_fn fn;
    void *p;
};

struct pair_arena {
    struct block *head;  /* block currently bumped; older ones follow */
    struct block *spare; /* first block, kept across clears */
    struct cleanup *cleanups;
    size_t used;
};

struct pair_arena *
pair_arena_new(void)
{
    struct pair_arena *a = calloc(1, sizeof(*a));
    if (a == NULL)
        return NULL;
    a->spare = malloc(sizeof(struct block) + PAIR_ARENA_BLOCK);
    if (a->spare == NULL) {
        free(a);
        return NULL;
    }
    a->spare->next = NULL;
    a->spare->size = PAIR_ARENA_BLOCK;
    a->spare->used = 0;
    a->head = a->spare;
    return a;
}

void
pair_arena_clear(struct pair_arena *a)
{
    while (a->cleanups != NULL) {
        struct cleanup *c = a->cleanups;
        a->cleanups = c->next;
        c->fn(c->p);
    }
    struct block *b = a->head;
    while (b != NULL && b != a->spare) {
        struct block *next = b->next;
        free(b);
        b = next;
    }
    a->spare->used = 0;
    a->spare->next = NULL;
    a->head = a->spare;
    a->used = 0;
}

void
pair_arena_free(struct pair_arena *a)
{
    if (a == NULL)
        return;
    pair_arena_clear(a);
    free(a->spare);
    free(a);
}

void *
pair_alloc(struct pair_arena *a, size_t n)
{
    size_t need = (n + PAIR_ALIGN - 1) & ~(size_t)(PAIR_ALIGN - 1);
    if (need < n)
        return NULL;
    struct block *b = a->head;
    if (b->size - b->used < need) {
        size_t size = need > PAIR_ARENA_BLOCK ? need : PAIR_ARENA_BLOCK;
        if (size > SIZE_MAX - sizeof(struct block))
            return NULL;
        b = malloc(sizeof(struct block) + size);
        if (b == NULL)
            return NULL;
        b->size = size;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->used += n;
    memset(p, 0, n);
    return p;
}

char *
pair_strndup(struct pair_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = pair_alloc(a, len + 1);
    if (p == NULL)
        return NULL;
    if (len > 0)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *
pair_sprintf(struct pair_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = pair_alloc(a, (size_t)n + 1);
    if (p == NULL)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

int
pair_arena_cleanup(struct pair_arena *a, pair_cleanup_fn fn, void *p)
{
    struct cleanup *c = pair_alloc(a, sizeof(*c));
    if (c == NULL) {
        fn(p);
        return -1;
    }
    c->fn = fn;
    c->p = p;
    c->next = a->cleanups;
    a->cleanups = c;
    return 0;
}

size_t
pair_arena_used(const struct pair_arena *a)
{
    return a->used;
}
