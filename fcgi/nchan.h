/*
 * nchan.h: publishing messages to a room's channel.
 *
 * Each worker keeps one keep-alive HTTP/1.1 connection to nginx's internal
 * publisher location on a unix socket. A publish is one POST, and a list of
 * them goes out several requests at a time, their answers read in order; a
 * reused connection found closed is reopened and what it did not answer
 * sent once more.
 */
#ifndef PAIR_NCHAN_H
#define PAIR_NCHAN_H

#include "arena.h"
#include "err.h"

struct pair_nchan;

/* Makes a publisher for the unix socket at path (copied); connects lazily.
 * NULL when out of memory. */
struct pair_nchan *pair_nchan_new(const char *path);

/* Closes and frees. NULL is allowed. */
void pair_nchan_free(struct pair_nchan *n);

/* A message for a room's channel (JSON text), in a list. */
struct pair_message {
    const char *room;
    struct pair_str text;
    struct pair_message *next;
};

/* Publishes msg (a JSON text) to room's channel. Fails with PAIR_E_NCHAN
 * when nginx cannot be reached or refuses. */
enum pair_err pair_nchan_publish(struct pair_call *c, const char *room, struct pair_str msg);

/* Publishes every message of the list, in its order: the requests go to
 * nginx several at a time, so a batch costs it and the app a few wake-ups
 * rather than one per message. Returns how many were published; every
 * failure is logged. */
size_t pair_nchan_publish_list(struct pair_call *c, const struct pair_message *list);

/* The Sec-WebSocket-Keys of the sockets subscribed to room right now, as
 * their subscribers answer nchan's subscriber-info request (an arena-owned
 * array of *n strings). Reading stops once `expected` keys came, or after a
 * short window when fewer subscribers answer. Fails with PAIR_E_NCHAN when
 * nginx cannot tell. */
enum pair_err pair_nchan_live_keys(struct pair_call *c, const char *room, size_t expected,
                                   char ***keys, size_t *n);

/* Asks nginx for the channel's status; PAIR_OK when the publisher answers. */
enum pair_err pair_nchan_ping(struct pair_call *c);

#endif
