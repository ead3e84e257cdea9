/*
 * roomlock.c: striped mutexes keyed by room id.
 */
#include "roomlock.h"

#include <assert.h>
#include <pthread.h>

#include "worker.h"

#define STRIPES 1024

static pthread_mutex_t stripes[STRIPES];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
init(void)
{
    for (int i = 0; i < STRIPES; i++)
        pthread_mutex_init(&stripes[i], NULL);
}

static int
stripe(const char *room)
{
    unsigned h = 2166136261u;
    for (; *room; room++)
        h = (h ^ (unsigned char)*room) * 16777619u;
    return (int)(h % STRIPES);
}

void
pair_roomlock_acquire(struct pair_call *c, const char *room)
{
    pthread_once(&once, init);
    assert(c->worker->room_stripe < 0);
    int s = stripe(room);
    pthread_mutex_lock(&stripes[s]);
    c->worker->room_stripe = s;
}

void
pair_roomlock_release(struct pair_call *c)
{
    int s = c->worker->room_stripe;
    if (s < 0)
        return;
    c->worker->room_stripe = -1;
    pthread_mutex_unlock(&stripes[s]);
}
