/*
 * arena.h: one memory pool per request.
 *
 * Everything a request allocates comes from its arena and is released in one
 * call when the request ends. Objects owned by other libraries (PGresult,
 * json-c roots) are tied to the arena with a cleanup, so handlers never free
 * anything by hand.
 */
#ifndef PAIR_ARENA_H
#define PAIR_ARENA_H

#include <stddef.h>

struct pair_arena;

typedef void (*pair_cleanup_fn)(void *);

/* A counted string; ptr is not necessarily NUL-terminated unless stated. */
struct pair_str {
    const char *ptr;
    size_t len;
};

/* Creates an empty arena. Returns NULL when out of memory. */
struct pair_arena *pair_arena_new(void);

/* Runs every cleanup (last registered first) and frees every block; the arena
 * can be used again afterwards. */
void pair_arena_clear(struct pair_arena *a);

/* Clears and frees the arena itself. NULL is allowed. */
void pair_arena_free(struct pair_arena *a);

/* Returns n bytes aligned for any type, zeroed, owned by the arena; NULL when
 * out of memory. */
void *pair_alloc(struct pair_arena *a, size_t n);

/* Copies len bytes and adds a NUL; NULL when out of memory. */
char *pair_strndup(struct pair_arena *a, const char *s, size_t len);

/* printf into the arena; NULL when out of memory or on a format error. */
char *pair_sprintf(struct pair_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Registers fn(p) to run when the arena is cleared. Returns 0, or -1 when out
 * of memory, in which case fn(p) has already been called. */
int pair_arena_cleanup(struct pair_arena *a, pair_cleanup_fn fn, void *p);

/* Bytes handed out since the last clear (for tests and limits). */
size_t pair_arena_used(const struct pair_arena *a);

#endif
