/*
 * sessions.h: session tokens and who they belong to.
 *
 * A token is 192 random bits from getrandom, sent to its holder once and
 * stored only as its SHA-256.
 */
#ifndef PAIR_SESSIONS_H
#define PAIR_SESSIONS_H

#include <stdbool.h>

#include "err.h"

#define PAIR_TOKEN_BYTES 24

/* The member a valid token names. Strings are arena-owned. */
struct pair_member {
    long long id;
    const char *room_id;
    const char *username;
    const char *color;
    bool owner;
};

/* A fresh token as URL-safe base64 (no padding), in the arena. */
enum pair_err pair_token_new(struct pair_call *c, const char **out);

/* Stores the hash of token for member_id (inside the caller's transaction). */
enum pair_err pair_session_insert(struct pair_call *c, const char *token, long long member_id);

/* Looks the token up. A missing, unknown or revoked token fails with
 * PAIR_E_UNAUTHORIZED. */
enum pair_err pair_session_auth(struct pair_call *c, const char *token, struct pair_member *out);

/*
 * Authorizes token for a request on room_id: 401 for no valid token, 404
 * when the room does not exist, 403 when the token belongs to another room.
 */
enum pair_err pair_session_for_room(struct pair_call *c, const char *token, const char *room_id,
                                    struct pair_member *out);

/*
 * Tokens this process has seen authorized, so that the update path can skip
 * the lookup. Not an authority: whoever writes on the strength of a cached
 * token must check it again in the statement that writes (a token revoked by
 * another host stays cached here). Strings are copied into the arena.
 */
bool pair_session_cached(struct pair_call *c, const char *token, struct pair_member *out);
void pair_session_remember(const char *token, const struct pair_member *m);
void pair_session_forget(const char *token);
/* Forgets every token of the member named username in room_id (a leave, or
 * the name taken by someone new): this host refuses them at once. */
void pair_session_forget_member(const char *room_id, const char *username);

#endif
