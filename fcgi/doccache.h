/*
 * doccache.h: recent document texts, shared by the worker threads.
 *
 * A cache, not state: every text here can be rebuilt from PostgreSQL
 * (snapshot + updates), and a miss costs only that rebuild. It spares the
 * update path from rebuilding the current text for every keystroke. Entries
 * are immutable and reference-counted; the cache holds at most a bounded
 * number of bytes and drops the least recently used texts first.
 */
#ifndef PAIR_DOCCACHE_H
#define PAIR_DOCCACHE_H

#include "err.h"

/* Sets the byte budget (default 256 MiB); call before the workers start. */
void pair_doccache_init(size_t max_bytes);

/* Drops every entry (at shutdown, or in tests). */
void pair_doccache_clear(void);

/* Finds room's text at exactly version. On a hit *text stays valid until the
 * call's arena is cleared, and 1 is returned; 0 on a miss. */
int pair_doccache_get(struct pair_call *c, const char *room, long long version,
                      struct pair_str *text);

/* Like pair_doccache_get, but with *version < 0 finds whatever version of
 * room is cached (on this host, the latest it wrote or read) and stores it
 * in *version; *units (unless NULL) gets the text's length in UTF-16 code
 * units. */
int pair_doccache_latest(struct pair_call *c, const char *room, long long *version,
                         struct pair_str *text, size_t *units);

/* Remembers room's text at version (copied) and its length in UTF-16 code
 * units, replacing an older version of the same room. Silently does nothing
 * when memory is short. */
void pair_doccache_put(const char *room, long long version, struct pair_str text, size_t units);

/* Forgets room (after a failed write whose outcome is unknown). */
void pair_doccache_forget(const char *room);

#endif
