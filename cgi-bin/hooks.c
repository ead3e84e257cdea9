/*
 * hooks.c: nchan's WebSocket hooks. nginx sends them to the hook socket with
 * the client's original URI (PAIR_ORIGINAL_URI: /ws/{room}?token=...) and the
 * Sec-WebSocket-Key (PAIR_WS_KEY), which pairs a subscribe with its
 * unsubscribe.
 */
#include <string.h>

#include "../fcgi/documents.h"
#include "../fcgi/rooms.h"
#include "../fcgi/validate.h"
#include "handlers.h"

/* Parses the original URI into the room and the token's member. */
static enum pair_err
original_member(struct pair_req *r, const char **room_id, struct pair_member *m)
{
    struct pair_call *c = &r->call;
    const char *uri = pair_req_param(r, "PAIR_ORIGINAL_URI");
    if (uri == NULL || strncmp(uri, "/ws/", 4) != 0)
        return pair_fail(c, PAIR_E_INVALID, "not a WebSocket URI");
    const char *room = uri + 4;
    size_t len = strcspn(room, "?/");
    const char *q = strchr(room, '?');
    struct pair_str id = {room, len};
    enum pair_err e = pair_check_room_id(c, id, room_id);
    if (e != PAIR_OK)
        return pair_fail(c, PAIR_E_NOT_FOUND, "Room not found");
    struct pair_kv *kv = NULL;
    size_t n = 0;
    if (q != NULL && (e = pair_query_parse(c, q + 1, strlen(q + 1), &kv, &n)) != PAIR_OK)
        return e;
    const struct pair_str *token = pair_query_get(kv, n, "token");
    return pair_session_for_room(c, token != NULL ? token->ptr : NULL, *room_id, m);
}

enum pair_err
h_hook_auth(struct pair_req *r)
{
    const char *room_id;
    struct pair_member m;
    enum pair_err e = original_member(r, &room_id, &m);
    if (e != PAIR_OK || (e = pair_room_ws_admit(&r->call, &m)) != PAIR_OK)
        return e;
    return pair_reply_empty(r, 204);
}

enum pair_err
h_hook_subscribe(struct pair_req *r)
{
    const char *room_id;
    struct pair_member m;
    const char *key = pair_req_param(r, "PAIR_WS_KEY");
    enum pair_err e = original_member(r, &room_id, &m);
    if (e != PAIR_OK)
        return e;
    if (key == NULL || *key == '\0' || strlen(key) > 64)
        return pair_fail(&r->call, PAIR_E_INVALID, "missing Sec-WebSocket-Key");
    if ((e = pair_room_ws_open(&r->call, &m, key)) != PAIR_OK)
        return e;
    /* Answer nchan first: the subscriber is fully in place before anyone,
     * itself included, learns from the presence message that it is. */
    pair_reply_empty(r, 204);
    pair_req_finish(r);
    pair_room_publish_presence(&r->call, room_id);
    return PAIR_OK;
}

enum pair_err
h_hook_unsubscribe(struct pair_req *r)
{
    const char *key = pair_req_param(r, "PAIR_WS_KEY");
    const char *uri = pair_req_param(r, "PAIR_ORIGINAL_URI");
    const char *room_id;
    if (key == NULL || *key == '\0' || uri == NULL || strncmp(uri, "/ws/", 4) != 0)
        return pair_fail(&r->call, PAIR_E_INVALID, "missing Sec-WebSocket-Key or URI");
    struct pair_str id = {uri + 4, strcspn(uri + 4, "?/")};
    bool changed;
    enum pair_err e = pair_check_room_id(&r->call, id, &room_id);
    if (e != PAIR_OK || (e = pair_room_ws_close(&r->call, key, &changed)) != PAIR_OK)
        return e;
    pair_reply_empty(r, 204);
    pair_req_finish(r);
    if (changed) {
        pair_room_publish_presence(&r->call, room_id);
        pair_doc_snapshot_if_idle(&r->call, room_id);
    }
    return PAIR_OK;
}
