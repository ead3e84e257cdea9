/*
 * nchan.h: publishing messages to a room's channel.
 *
 * Each worker keeps one keep-alive HTTP/1.1 connection to nginx's internal
 * publisher location on a unix socket. A publish is one POST; a reused
 * connection found closed is reopened and the POST retried once.
 */
#ifndef PAIR_NCHAN_H
#define PAIR_NCHAN_H

#include "err.h"

struct pair_nchan;

/* Makes a publisher for the unix socket at path (copied); connects lazily.
 * NULL when out of memory. */
struct pair_nchan *pair_nchan_new(const char *path);

/* Closes and frees. NULL is allowed. */
void pair_nchan_free(struct pair_nchan *n);

/* Publishes msg (a JSON text) to room's channel. Fails with PAIR_E_NCHAN
 * when nginx cannot be reached or refuses. */
enum pair_err pair_nchan_publish(struct pair_call *c, const char *room, struct pair_str msg);

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
