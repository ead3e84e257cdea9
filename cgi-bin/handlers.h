/*
 * handlers.h: one handler per route, grouped in one file per resource.
 * Handlers parse and validate the request, call the domain in fcgi/, and
 * shape the response. They know no SQL.
 */
#ifndef PAIR_HANDLERS_H
#define PAIR_HANDLERS_H

#include "../fcgi/server.h"
#include "../fcgi/sessions.h"

/* rooms.c */
enum pair_err h_room_create(struct pair_req *r);
enum pair_err h_room_join(struct pair_req *r);
enum pair_err h_room_limit(struct pair_req *r);
enum pair_err h_room_leave(struct pair_req *r);
enum pair_err h_room_patch(struct pair_req *r);

/* presence.c */
enum pair_err h_presence(struct pair_req *r);

/* save.c */
enum pair_err h_save(struct pair_req *r);

/* document.c */
enum pair_err h_document(struct pair_req *r);
enum pair_err h_code(struct pair_req *r);

/* updates.c */
enum pair_err h_updates_push(struct pair_req *r);
enum pair_err h_updates_since(struct pair_req *r);
enum pair_err h_history(struct pair_req *r);
enum pair_err h_restore(struct pair_req *r);

/* healthz.c */
enum pair_err h_healthz(struct pair_req *r);

/* autocomplete.c */
enum pair_err h_autocomplete(struct pair_req *r);

/* hooks.c: nchan's WebSocket hooks, on the hook socket only */
enum pair_err h_hook_auth(struct pair_req *r);
enum pair_err h_hook_subscribe(struct pair_req *r);
enum pair_err h_hook_unsubscribe(struct pair_req *r);

/* common.c: shared by the handlers above */

/* The room id from the path (args[0]); an id that cannot exist is 404. */
enum pair_err pair_path_room(struct pair_req *r, const char **room_id);

/* The path's room plus the member its token names (401/403/404). */
enum pair_err pair_path_member(struct pair_req *r, const char **room_id, struct pair_member *m);

/* The required input field `name` as a count (a non-negative integer); 400
 * when missing, of another type or out of range. */
enum pair_err pair_need_count(struct pair_req *r, const char *name, long long *out);

#endif
