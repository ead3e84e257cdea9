/*
 * roomlock.h: one writer per room at a time within this process.
 *
 * A writer holds its room's lock from reading the version until its update
 * is committed and published, so this host publishes a room's updates in
 * commit order. Writers on other hosts are kept correct by the conditional
 * append (the version must still be the one read); clients order updates by
 * version in any case. The locks are striped: rooms that share a stripe
 * simply take turns.
 */
#ifndef PAIR_ROOMLOCK_H
#define PAIR_ROOMLOCK_H

#include "err.h"

/* Takes room's lock for the call's worker (which must hold none). */
void pair_roomlock_acquire(struct pair_call *c, const char *room);

/* Releases the worker's room lock, if it holds one. */
void pair_roomlock_release(struct pair_call *c);

#endif
