/*
 * updates.c: POST and GET /rooms/{id}/updates, GET /rooms/{id}/history,
 * POST /rooms/{id}/restore.
 */
#include "../fcgi/documents.h"
#include "../fcgi/validate.h"
#include "handlers.h"

/* {version: n} */
static enum pair_err
reply_version(struct pair_req *r, long long version)
{
    json_object *o = pair_json_object(&r->call);
    if (o == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(o, "version", json_object_new_int64(version));
    return pair_reply_json(r, 200, o);
}

enum pair_err
h_updates_push(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    const char *room_id;
    long long version, after;
    json_object *updates = NULL;
    enum pair_err e = pair_path_room(r, &room_id);
    if (e != PAIR_OK || (e = pair_req_json(r, true)) != PAIR_OK ||
        (e = pair_need_count(r, "version", &version)) != PAIR_OK)
        return e;
    if (!json_object_object_get_ex(r->input.body, "updates", &updates))
        return pair_fail(c, PAIR_E_INVALID, "updates is required");
    if ((e = pair_doc_push(c, room_id, pair_req_token(r), version, updates, &after)) != PAIR_OK ||
        (e = reply_version(r, after)) != PAIR_OK)
        return e;
    if (after / PAIR_SNAPSHOT_EVERY != version / PAIR_SNAPSHOT_EVERY) {
        pair_req_finish(r);
        pair_doc_snapshot_due(c, room_id);
    }
    return PAIR_OK;
}

enum pair_err
h_updates_since(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    const char *room_id;
    struct pair_member m;
    struct pair_str json;
    long long since;
    enum pair_err e = pair_path_member(r, &room_id, &m);
    if (e != PAIR_OK || (e = pair_need_count(r, "since", &since)) != PAIR_OK ||
        (e = pair_doc_updates_since(c, room_id, since, &json)) != PAIR_OK)
        return e;
    return pair_reply_text(r, 200, "application/json", json);
}

enum pair_err
h_history(struct pair_req *r)
{
    const char *room_id;
    struct pair_member m;
    struct pair_str json;
    enum pair_err e = pair_path_member(r, &room_id, &m);
    if (e != PAIR_OK || (e = pair_doc_history(&r->call, room_id, &json)) != PAIR_OK)
        return e;
    return pair_reply_text(r, 200, "application/json", json);
}

enum pair_err
h_restore(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    const char *room_id;
    struct pair_member m;
    long long version, after;
    enum pair_err e = pair_path_member(r, &room_id, &m);
    if (e != PAIR_OK || (e = pair_req_json(r, true)) != PAIR_OK ||
        (e = pair_need_count(r, "version", &version)) != PAIR_OK ||
        (e = pair_doc_restore(c, &m, pair_req_token(r), version, &after)) != PAIR_OK)
        return e;
    return reply_version(r, after);
}
