/*
 * rooms.c: POST /rooms, GET /rooms/{id}, PATCH /rooms/{id}/limit,
 * POST /rooms/{id}/leave.
 */
#include "../fcgi/documents.h"
#include "../fcgi/rooms.h"
#include <string.h>

#include "../fcgi/validate.h"
#include "handlers.h"

#define DEFAULT_LIMIT 5

/* {roomId, limit, users, token, version, code, language} */
static enum pair_err
reply_view(struct pair_req *r, int status, const struct pair_room_view *v)
{
    json_object *o = pair_json_object(&r->call);
    if (o == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(o, "roomId", json_object_new_string(v->room_id));
    json_object_object_add(o, "limit", json_object_new_int(v->limit));
    json_object_object_add(o, "users", json_object_get(v->users));
    json_object_object_add(o, "token", json_object_new_string(v->token));
    json_object_object_add(o, "version", json_object_new_int64(v->version));
    json_object_object_add(o, "code", json_object_new_string_len(v->code.ptr, (int)v->code.len));
    json_object_object_add(o, "language", json_object_new_string(v->language));
    return pair_reply_json(r, status, o);
}

enum pair_err
h_room_create(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    struct pair_str raw;
    bool found;
    const char *username, *room_id = NULL;
    int limit = DEFAULT_LIMIT;
    enum pair_err e = pair_req_json(r, false);
    if (e != PAIR_OK)
        return e;
    if ((e = pair_input_need(c, &r->input, "username", PAIR_STRING, &raw)) != PAIR_OK ||
        (e = pair_check_username(c, raw, &username)) != PAIR_OK)
        return e;
    if ((e = pair_input_get(c, &r->input, "roomId", PAIR_STRING, &raw, &found)) != PAIR_OK ||
        (found && (e = pair_check_room_id(c, raw, &room_id)) != PAIR_OK))
        return e;
    if ((e = pair_input_get(c, &r->input, "limit", PAIR_INTEGER, &raw, &found)) != PAIR_OK ||
        (found && (e = pair_check_limit(c, "limit", raw, &limit)) != PAIR_OK))
        return e;
    struct pair_room_view v;
    if ((e = pair_room_create(c, room_id, username, limit, &v)) != PAIR_OK)
        return e;
    return reply_view(r, 201, &v);
}

enum pair_err
h_room_join(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    const char *room_id, *username;
    struct pair_str raw;
    enum pair_err e = pair_path_room(r, &room_id);
    if (e != PAIR_OK)
        return e;
    if ((e = pair_input_need(c, &r->input, "username", PAIR_STRING, &raw)) != PAIR_OK ||
        (e = pair_check_username(c, raw, &username)) != PAIR_OK)
        return e;
    struct pair_room_view v;
    if ((e = pair_room_join(c, room_id, username, pair_req_token(r), &v)) != PAIR_OK)
        return e;
    return reply_view(r, 200, &v);
}

enum pair_err
h_room_limit(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    const char *room_id;
    struct pair_member m;
    struct pair_str raw;
    int limit;
    enum pair_err e = pair_path_member(r, &room_id, &m);
    if (e != PAIR_OK)
        return e;
    if ((e = pair_req_json(r, false)) != PAIR_OK ||
        (e = pair_input_need(c, &r->input, "new_limit", PAIR_INTEGER, &raw)) != PAIR_OK ||
        (e = pair_check_limit(c, "new_limit", raw, &limit)) != PAIR_OK ||
        (e = pair_room_set_limit(c, &m, limit)) != PAIR_OK)
        return e;
    json_object *o = pair_json_object(c);
    if (o == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(o, "message", json_object_new_string("Room limit updated"));
    json_object_object_add(o, "limit", json_object_new_int(limit));
    return pair_reply_json(r, 200, o);
}

enum pair_err
h_room_leave(struct pair_req *r)
{
    const char *room_id;
    struct pair_member m;
    enum pair_err e = pair_path_member(r, &room_id, &m);
    if (e != PAIR_OK || (e = pair_room_leave(&r->call, &m)) != PAIR_OK)
        return e;
    pair_reply_empty(r, 204);
    pair_req_finish(r);
    pair_doc_snapshot_if_idle(&r->call, room_id);
    return PAIR_OK;
}

enum pair_err
h_room_patch(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    const char *room_id;
    struct pair_member m;
    struct pair_str language;
    enum pair_err e = pair_path_member(r, &room_id, &m);
    if (e != PAIR_OK || (e = pair_req_json(r, true)) != PAIR_OK ||
        (e = pair_input_need(c, &r->input, "language", PAIR_STRING, &language)) != PAIR_OK)
        return e;
    const char *lang = pair_strndup(c->arena, language.ptr, language.len);
    if (lang == NULL)
        return PAIR_E_NOMEM;
    if (strlen(lang) != language.len || !pair_language_known(lang))
        return pair_fail(c, PAIR_E_INVALID, "unknown language");
    if ((e = pair_room_set_language(c, &m, lang)) != PAIR_OK)
        return e;
    json_object *o = pair_json_object(c);
    if (o == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(o, "roomId", json_object_new_string(room_id));
    json_object_object_add(o, "language", json_object_new_string(lang));
    return pair_reply_json(r, 200, o);
}
