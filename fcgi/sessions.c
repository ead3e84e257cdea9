/*
 * sessions.c: token generation and lookup.
 */
#include "sessions.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "db.h"

static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

enum pair_err
pair_token_new(struct pair_call *c, const char **out)
{
    unsigned char raw[PAIR_TOKEN_BYTES];
    size_t got = 0;
    while (got < sizeof(raw)) {
        ssize_t r = getrandom(raw + got, sizeof(raw) - got, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return pair_fail(c, PAIR_E_INTERNAL, "no randomness available");
        got += (size_t)r;
    }
    /* 24 bytes are exactly 32 base64 characters. */
    char *s = pair_alloc(c->arena, PAIR_TOKEN_BYTES / 3 * 4 + 1);
    if (s == NULL)
        return PAIR_E_NOMEM;
    for (size_t i = 0, o = 0; i < sizeof(raw); i += 3) {
        unsigned v = (unsigned)raw[i] << 16 | (unsigned)raw[i + 1] << 8 | raw[i + 2];
        s[o++] = b64url[(v >> 18) & 63];
        s[o++] = b64url[(v >> 12) & 63];
        s[o++] = b64url[(v >> 6) & 63];
        s[o++] = b64url[v & 63];
    }
    *out = s;
    return PAIR_OK;
}

enum pair_err
pair_session_insert(struct pair_call *c, const char *token, long long member_id)
{
    const char *id = pair_sprintf(c->arena, "%lld", member_id);
    if (id == NULL)
        return PAIR_E_NOMEM;
    const char *p[] = {token, id};
    return pair_db_exec(c, STMT_SESSION_INSERT, 2, p, NULL);
}

/* A token can only be one of ours if it has our shape; anything else is
 * refused without a query. */
static bool
token_shaped(const char *t)
{
    size_t len = strlen(t);
    return len == PAIR_TOKEN_BYTES / 3 * 4 && strspn(t, b64url) == len;
}

enum pair_err
pair_session_auth(struct pair_call *c, const char *token, struct pair_member *out)
{
    if (token == NULL || *token == '\0')
        return pair_fail(c, PAIR_E_UNAUTHORIZED,
                         "A session token is required (Authorization: Bearer or ?token=)");
    if (!token_shaped(token))
        return pair_fail(c, PAIR_E_UNAUTHORIZED, "Invalid or expired session token");
    PGresult *r;
    const char *p[] = {token};
    enum pair_err e = pair_db_exec(c, STMT_SESSION_AUTH, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    if (PQntuples(r) != 1)
        return pair_fail(c, PAIR_E_UNAUTHORIZED, "Invalid or expired session token");
    out->id = strtoll(pair_db_get(r, 0, 0), NULL, 10);
    out->room_id = pair_db_get(r, 0, 1);
    out->username = pair_db_get(r, 0, 2);
    out->owner = strcmp(pair_db_get(r, 0, 3), "owner") == 0;
    out->color = pair_db_get(r, 0, 4);
    return PAIR_OK;
}

enum pair_err
pair_session_for_room(struct pair_call *c, const char *token, const char *room_id,
                      struct pair_member *out)
{
    enum pair_err e = pair_session_auth(c, token, out);
    if (e != PAIR_OK || strcmp(out->room_id, room_id) == 0)
        return e;
    PGresult *r;
    const char *p[] = {room_id};
    e = pair_db_exec(c, STMT_ROOM_GET, 1, p, &r);
    if (e != PAIR_OK)
        return e;
    if (PQntuples(r) == 0)
        return pair_fail(c, PAIR_E_NOT_FOUND, "Room not found");
    return pair_fail(c, PAIR_E_FORBIDDEN, "This session token belongs to another room");
}

/* ---------- the token cache ---------- */

#define CACHE_SLOTS 4096
#define ROOM_MAX 64
#define NAME_BYTES (32 * 4) /* 32 characters of up to 4 bytes */

struct cached {
    char token[PAIR_TOKEN_BYTES / 3 * 4 + 1]; /* "" when free */
    long long id;
    char room_id[ROOM_MAX + 1];
    char username[NAME_BYTES + 1];
    char color[8];
    bool owner;
};

/* A direct-mapped table: a token that hashes onto an occupied slot evicts
 * its holder, who simply takes the slow path next time. */
static struct cached cache[CACHE_SLOTS];
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static struct cached *
slot(const char *token)
{
    unsigned h = 2166136261u;
    for (; *token; token++)
        h = (h ^ (unsigned char)*token) * 16777619u;
    return &cache[h % CACHE_SLOTS];
}

bool
pair_session_cached(struct pair_call *c, const char *token, struct pair_member *out)
{
    if (token == NULL || !token_shaped(token))
        return false;
    struct cached copy;
    pthread_mutex_lock(&cache_lock);
    struct cached *e = slot(token);
    bool hit = strcmp(e->token, token) == 0;
    if (hit)
        copy = *e;
    pthread_mutex_unlock(&cache_lock);
    if (!hit)
        return false;
    out->id = copy.id;
    out->owner = copy.owner;
    out->room_id = pair_strndup(c->arena, copy.room_id, strlen(copy.room_id));
    out->username = pair_strndup(c->arena, copy.username, strlen(copy.username));
    out->color = pair_strndup(c->arena, copy.color, strlen(copy.color));
    return out->room_id != NULL && out->username != NULL && out->color != NULL;
}

void
pair_session_remember(const char *token, const struct pair_member *m)
{
    if (token == NULL || !token_shaped(token) || strlen(m->room_id) > ROOM_MAX ||
        strlen(m->username) > NAME_BYTES || strlen(m->color) >= sizeof(cache[0].color))
        return;
    pthread_mutex_lock(&cache_lock);
    struct cached *e = slot(token);
    strcpy(e->token, token);
    e->id = m->id;
    e->owner = m->owner;
    strcpy(e->room_id, m->room_id);
    strcpy(e->username, m->username);
    strcpy(e->color, m->color);
    pthread_mutex_unlock(&cache_lock);
}

void
pair_session_forget(const char *token)
{
    if (token == NULL || !token_shaped(token))
        return;
    pthread_mutex_lock(&cache_lock);
    struct cached *e = slot(token);
    if (strcmp(e->token, token) == 0)
        e->token[0] = '\0';
    pthread_mutex_unlock(&cache_lock);
}

void
pair_session_forget_member(const char *room_id, const char *username)
{
    pthread_mutex_lock(&cache_lock);
    for (int i = 0; i < CACHE_SLOTS; i++)
        if (cache[i].token[0] != '\0' && strcmp(cache[i].room_id, room_id) == 0 &&
            strcasecmp(cache[i].username, username) == 0)
            cache[i].token[0] = '\0';
    pthread_mutex_unlock(&cache_lock);
}
