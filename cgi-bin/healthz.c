/*
 * healthz.c: GET /healthz, 200 when PostgreSQL and nchan both answer.
 */
#include "../fcgi/db.h"
#include "../fcgi/nchan.h"
#include "handlers.h"

enum pair_err
h_healthz(struct pair_req *r)
{
    enum pair_err e = pair_db_exec(&r->call, STMT_PING, 0, NULL, NULL);
    if (e != PAIR_OK)
        return pair_fail(&r->call, PAIR_E_DB, "The database is unavailable (the app log says why)");
    if (pair_nchan_ping(&r->call) != PAIR_OK)
        return pair_fail(&r->call, PAIR_E_NCHAN, "nchan publisher is unreachable");
    json_object *o = pair_json_object(&r->call);
    if (o == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(o, "status", json_object_new_string("ok"));
    return pair_reply_json(r, 200, o);
}
