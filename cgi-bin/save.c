/*
 * save.c: POST /rooms/save, {roomId, code, username}.
 */
#include <strings.h>

#include "../fcgi/documents.h"
#include "../fcgi/validate.h"
#include "handlers.h"

enum pair_err
h_save(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    struct pair_str raw, code, name;
    const char *room_id, *username;
    struct pair_member m;
    enum pair_err e = pair_req_json(r, true);
    if (e != PAIR_OK)
        return e;
    if ((e = pair_input_need(c, &r->input, "roomId", PAIR_STRING, &raw)) != PAIR_OK ||
        (e = pair_check_room_id(c, raw, &room_id)) != PAIR_OK ||
        (e = pair_input_need(c, &r->input, "code", PAIR_STRING, &code)) != PAIR_OK ||
        (e = pair_input_need(c, &r->input, "username", PAIR_STRING, &name)) != PAIR_OK ||
        (e = pair_check_username(c, name, &username)) != PAIR_OK)
        return e;
    if ((e = pair_session_for_room(c, pair_req_token(r), room_id, &m)) != PAIR_OK)
        return e;
    if (strcasecmp(username, m.username) != 0)
        return pair_fail(c, PAIR_E_FORBIDDEN, "username does not match this session's user");
    long long version;
    if ((e = pair_doc_save(c, &m, pair_req_token(r), code, &version)) != PAIR_OK)
        return e;
    json_object *o = pair_json_object(c);
    if (o == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(o, "message", json_object_new_string("Code saved successfully"));
    json_object_object_add(o, "version", json_object_new_int64(version));
    return pair_reply_json(r, 200, o);
}
