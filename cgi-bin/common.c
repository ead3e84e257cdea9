/*
 * common.c: path, token and input handling shared by the handlers.
 */
#include <string.h>

#include "../fcgi/validate.h"
#include "handlers.h"

enum pair_err
pair_path_room(struct pair_req *r, const char **room_id)
{
    struct pair_str id = {r->args[0], strlen(r->args[0])};
    if (pair_check_room_id(&r->call, id, room_id) != PAIR_OK)
        return pair_fail(&r->call, PAIR_E_NOT_FOUND, "Room not found");
    return PAIR_OK;
}

enum pair_err
pair_path_member(struct pair_req *r, const char **room_id, struct pair_member *m)
{
    enum pair_err e = pair_path_room(r, room_id);
    if (e != PAIR_OK)
        return e;
    return pair_session_for_room(&r->call, pair_req_token(r), *room_id, m);
}

enum pair_err
pair_need_count(struct pair_req *r, const char *name, long long *out)
{
    struct pair_str raw;
    enum pair_err e = pair_input_need(&r->call, &r->input, name, PAIR_INTEGER, &raw);
    return e != PAIR_OK ? e : pair_check_count(&r->call, name, raw, out);
}
