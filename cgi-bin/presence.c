/*
 * presence.c: POST /rooms/{id}/presence, {anchor, head, version, typing?}:
 * a cursor or selection (published, never stored) and an optional typing flag.
 */
#include "../fcgi/rooms.h"
#include "../fcgi/validate.h"
#include "handlers.h"

enum pair_err
h_presence(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    const char *room_id;
    struct pair_member m;
    long long anchor, head, version;
    json_object *typing = NULL;
    enum pair_err e = pair_path_member(r, &room_id, &m);
    if (e != PAIR_OK || (e = pair_req_json(r, true)) != PAIR_OK ||
        (e = pair_need_count(r, "anchor", &anchor)) != PAIR_OK ||
        (e = pair_need_count(r, "head", &head)) != PAIR_OK ||
        (e = pair_need_count(r, "version", &version)) != PAIR_OK)
        return e;
    if (json_object_object_get_ex(r->input.body, "typing", &typing) &&
        !json_object_is_type(typing, json_type_boolean))
        return pair_fail(c, PAIR_E_INVALID, "typing must be true or false");
    if ((e = pair_room_cursor(c, &m, anchor, head, version)) != PAIR_OK)
        return e;
    if (typing != NULL &&
        (e = pair_room_set_typing(c, &m, json_object_get_boolean(typing))) != PAIR_OK)
        return e;
    return pair_reply_empty(r, 204);
}
