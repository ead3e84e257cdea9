/*
 * worker.h: the process-wide configuration and what each worker thread owns.
 */
#ifndef PAIR_WORKER_H
#define PAIR_WORKER_H

#include <stdatomic.h>
#include <stdbool.h>

struct pair_db;
struct pair_nchan;

/* Read once at start-up from the environment; never changed afterwards. */
struct pair_config {
    const char *database_url; /* DATABASE_URL */
    const char *app_socket;   /* PAIR_APP_SOCKET: unix socket nginx passes requests to */
    const char *hook_addr;    /* PAIR_HOOK_ADDR: 127.0.0.1:port for nchan's hooks */
    const char *nchan_socket; /* PAIR_NCHAN_SOCKET: nginx's publisher socket */
    int workers;              /* PAIR_WORKERS */
    int seat_hold_seconds;    /* PAIR_SEAT_HOLD_SECONDS: seat without a WebSocket */
};

/* One per thread: its own database connection and publisher connection. */
struct pair_worker {
    int index;
    const struct pair_config *cfg;
    struct pair_db *db;
    struct pair_nchan *nchan;
    int room_stripe;             /* the room lock this worker holds (roomlock.c), or -1 */
    const atomic_bool *stopping; /* set once the server stops; may be NULL */
};

/* True once the server is stopping: a long periodic job returns early. */
static inline bool
pair_worker_stopping(const struct pair_worker *w)
{
    return w->stopping != NULL && atomic_load(w->stopping);
}

#endif
