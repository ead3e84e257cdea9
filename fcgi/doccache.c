/*
 * doccache.c: a mutex-protected hash of room -> newest cached text, with an
 * LRU list for eviction. Texts are shared with readers by reference count.
 */
#include "doccache.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 4096

struct blob {
    size_t refs;
    size_t len;
    size_t units; /* its length in UTF-16 code units */
    char text[];
};

struct entry {
    struct entry *next_in_bucket;
    struct entry *lru_prev, *lru_next; /* lru_next is older */
    char *room;
    long long version;
    struct blob *blob;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry *buckets[NBUCKETS];
static struct entry *newest, *oldest;
static size_t used_bytes, budget = 256u * 1024 * 1024;

static size_t
hash(const char *s)
{
    size_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h % NBUCKETS;
}

/* Must hold lock. */
static void
unref(struct blob *b)
{
    if (--b->refs == 0)
        free(b);
}

static void
unref_locked_cleanup(void *p)
{
    pthread_mutex_lock(&lock);
    unref(p);
    pthread_mutex_unlock(&lock);
}

static void
lru_unlink(struct entry *e)
{
    if (e->lru_prev)
        e->lru_prev->lru_next = e->lru_next;
    else
        newest = e->lru_next;
    if (e->lru_next)
        e->lru_next->lru_prev = e->lru_prev;
    else
        oldest = e->lru_prev;
    e->lru_prev = e->lru_next = NULL;
}

static void
lru_push(struct entry *e)
{
    e->lru_prev = NULL;
    e->lru_next = newest;
    if (newest)
        newest->lru_prev = e;
    newest = e;
    if (oldest == NULL)
        oldest = e;
}

static struct entry **
find(const char *room)
{
    struct entry **p = &buckets[hash(room)];
    while (*p != NULL && strcmp((*p)->room, room) != 0)
        p = &(*p)->next_in_bucket;
    return p;
}

/* Removes the entry *slot points to. Must hold lock. */
static void
drop(struct entry **slot)
{
    struct entry *e = *slot;
    *slot = e->next_in_bucket;
    lru_unlink(e);
    used_bytes -= e->blob->len;
    unref(e->blob);
    free(e->room);
    free(e);
}

void
pair_doccache_init(size_t max_bytes)
{
    budget = max_bytes;
}

void
pair_doccache_clear(void)
{
    pthread_mutex_lock(&lock);
    while (oldest != NULL)
        drop(find(oldest->room));
    pthread_mutex_unlock(&lock);
}

int
pair_doccache_get(struct pair_call *c, const char *room, long long version, struct pair_str *text)
{
    return pair_doccache_latest(c, room, &version, text, NULL);
}

int
pair_doccache_latest(struct pair_call *c, const char *room, long long *version,
                     struct pair_str *text, size_t *units)
{
    pthread_mutex_lock(&lock);
    struct entry *e = *find(room);
    if (e == NULL || (*version >= 0 && e->version != *version)) {
        pthread_mutex_unlock(&lock);
        return 0;
    }
    *version = e->version;
    lru_unlink(e);
    lru_push(e);
    struct blob *b = e->blob;
    b->refs++;
    pthread_mutex_unlock(&lock);
    if (pair_arena_cleanup(c->arena, unref_locked_cleanup, b) != 0)
        return 0;
    text->ptr = b->text;
    text->len = b->len;
    if (units != NULL)
        *units = b->units;
    return 1;
}

void
pair_doccache_put(const char *room, long long version, struct pair_str text, size_t units)
{
    if (text.len > budget / 4)
        return;
    struct blob *b = malloc(sizeof(*b) + text.len + 1);
    if (b == NULL)
        return;
    b->refs = 1;
    b->len = text.len;
    b->units = units;
    memcpy(b->text, text.ptr, text.len);
    b->text[text.len] = '\0';

    pthread_mutex_lock(&lock);
    struct entry **slot = find(room);
    struct entry *e = *slot;
    if (e != NULL && e->version > version) {
        /* A newer text is already here. */
        unref(b);
        pthread_mutex_unlock(&lock);
        return;
    }
    if (e == NULL) {
        e = calloc(1, sizeof(*e));
        char *name = strdup(room);
        if (e == NULL || name == NULL) {
            free(e);
            free(name);
            unref(b);
            pthread_mutex_unlock(&lock);
            return;
        }
        e->room = name;
        e->next_in_bucket = NULL;
        *slot = e;
    } else {
        lru_unlink(e);
        used_bytes -= e->blob->len;
        unref(e->blob);
    }
    e->version = version;
    e->blob = b;
    used_bytes += b->len;
    lru_push(e);
    while (used_bytes > budget && oldest != NULL && oldest != e)
        drop(find(oldest->room));
    pthread_mutex_unlock(&lock);
}

void
pair_doccache_forget(const char *room)
{
    pthread_mutex_lock(&lock);
    struct entry **slot = find(room);
    if (*slot != NULL)
        drop(slot);
    pthread_mutex_unlock(&lock);
}
