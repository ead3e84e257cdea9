/*
 * rooms.h: rooms, seats and membership (the domain; no HTTP here).
 */
#ifndef PAIR_ROOMS_H
#define PAIR_ROOMS_H

#include <json-c/json.h>
#include <stdbool.h>

#include "sessions.h"

/* What create and join hand back: the room as its new member sees it.
 * Everything is arena-owned. */
struct pair_room_view {
    const char *room_id;
    int limit;
    const char *language;
    long long version;
    struct pair_str code;
    json_object *users; /* [{username, online, typing, color, role}] */
    int online;
    const char *token;
};

/*
 * Creates room_id (generated when NULL) with username as its owner and the
 * first session. Fails with PAIR_E_CONFLICT when the id is taken.
 */
enum pair_err pair_room_create(struct pair_call *c, const char *room_id, const char *username,
                               int limit, struct pair_room_view *out);

/*
 * Joins username to room_id. With token (may be NULL) of that same user in
 * that room, it is a reconnect: same member, same token. Fails with
 * PAIR_E_NOT_FOUND, PAIR_E_FULL (every seat online), PAIR_E_CONFLICT (the
 * name is online, case-insensitively).
 */
enum pair_err pair_room_join(struct pair_call *c, const char *room_id, const char *username,
                             const char *token, struct pair_room_view *out);

/* Raises the limit; only the owner may, and only upwards (to at most 20). */
enum pair_err pair_room_set_limit(struct pair_call *c, const struct pair_member *m, int new_limit);

/* Takes m offline at once and revokes every token of theirs. */
enum pair_err pair_room_leave(struct pair_call *c, const struct pair_member *m);

/* The room's user list and how many are online. */
enum pair_err pair_room_users(struct pair_call *c, const char *room_id, json_object **users,
                              int *online);

/* Publishes the room's presence list; failures are logged, not returned,
 * because the database already holds the truth. */
void pair_room_publish_presence(struct pair_call *c, const char *room_id);

/* Publishes {type: "typing", username, typing}. */
void pair_room_publish_typing(struct pair_call *c, const char *room_id, const char *username,
                              bool typing);

/* That message, in c's arena (NULL when out of memory). */
json_object *pair_room_typing_message(struct pair_call *c, const char *username, bool typing);

/* Sets m's typing flag; publishes a typing message when it changed. */
enum pair_err pair_room_set_typing(struct pair_call *c, const struct pair_member *m, bool typing);

/* Publishes m's cursor or selection at `version` after checking that both
 * positions are within the document at that version. Never stored. */
enum pair_err pair_room_cursor(struct pair_call *c, const struct pair_member *m, long long anchor,
                               long long head, long long version);

/* Sets the room's language (one of pair_languages) and tells the room. */
enum pair_err pair_room_set_language(struct pair_call *c, const struct pair_member *m,
                                     const char *language);

/* True when `language` is one the editor highlights. */
bool pair_language_known(const char *language);

/*
 * The sweeps, run twice a second: typing flags older than 2 s are dropped and
 * seat holds that ran out end, each published to its room. Safe to run on
 * every host at once: a row changed by one sweep is not seen by another.
 */
void pair_room_sweep(struct pair_call *c);

/*
 * Forgets the sockets nchan no longer has (their unsubscribe hook never
 * came), and publishes the presence of the rooms that changed. It asks nchan
 * room by room and can take seconds, so it runs on a thread of its own, away
 * from the sweeps.
 */
void pair_room_reconcile(struct pair_call *c);

/* Publishes a JSON message to the room; failures logged and returned. */
enum pair_err pair_room_publish(struct pair_call *c, const char *room_id, json_object *msg);

#define PAIR_SOCKETS_PER_MEMBER 8

/* Whether m may open one more WebSocket: a member who holds no seat may not
 * take one in a full room (PAIR_E_FULL), and nobody holds more than
 * PAIR_SOCKETS_PER_MEMBER sockets (PAIR_E_FORBIDDEN). */
enum pair_err pair_room_ws_admit(struct pair_call *c, const struct pair_member *m);

/* nchan's hooks: a WebSocket identified by ws_key opened or closed. The
 * caller publishes presence afterwards (after answering nginx). *changed
 * tells whether a known socket was closed. */
enum pair_err pair_room_ws_open(struct pair_call *c, const struct pair_member *m,
                                const char *ws_key);
enum pair_err pair_room_ws_close(struct pair_call *c, const char *ws_key, bool *changed);

#endif
