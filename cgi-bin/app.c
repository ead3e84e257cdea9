/*
 * app.c: the route tables and main().
 */
#include <stdlib.h>
#include <string.h>

#include "../fcgi/autocomplete.h"
#include "../fcgi/rooms.h"
#include "handlers.h"

enum route {
    ROUTE_ROOM_CREATE,
    ROUTE_SAVE,
    ROUTE_ROOM_JOIN,
    ROUTE_ROOM_LIMIT,
    ROUTE_ROOM_LEAVE,
    ROUTE_DOCUMENT,
    ROUTE_CODE,
    ROUTE_UPDATES_PUSH,
    ROUTE_UPDATES_SINCE,
    ROUTE_HISTORY,
    ROUTE_RESTORE,
    ROUTE_PRESENCE,
    ROUTE_ROOM_PATCH,
    ROUTE_HEALTHZ,
    ROUTE_AUTOCOMPLETE,
    ROUTE__MAX
};

/* Order matters only where patterns overlap: /rooms/save before /rooms/{id}. */
static const struct pair_route routes[ROUTE__MAX] = {
    [ROUTE_ROOM_CREATE] = {"POST", "/rooms", h_room_create},
    [ROUTE_SAVE] = {"POST", "/rooms/save", h_save},
    [ROUTE_ROOM_JOIN] = {"GET", "/rooms/*", h_room_join},
    [ROUTE_ROOM_LIMIT] = {"PATCH", "/rooms/*/limit", h_room_limit},
    [ROUTE_ROOM_LEAVE] = {"POST", "/rooms/*/leave", h_room_leave},
    [ROUTE_DOCUMENT] = {"GET", "/rooms/*/document", h_document},
    [ROUTE_CODE] = {"GET", "/rooms/*/code", h_code},
    [ROUTE_UPDATES_PUSH] = {"POST", "/rooms/*/updates", h_updates_push},
    [ROUTE_UPDATES_SINCE] = {"GET", "/rooms/*/updates", h_updates_since},
    [ROUTE_HISTORY] = {"GET", "/rooms/*/history", h_history},
    [ROUTE_RESTORE] = {"POST", "/rooms/*/restore", h_restore},
    [ROUTE_PRESENCE] = {"POST", "/rooms/*/presence", h_presence},
    [ROUTE_ROOM_PATCH] = {"PATCH", "/rooms/*", h_room_patch},
    [ROUTE_HEALTHZ] = {"GET", "/healthz", h_healthz},
    [ROUTE_AUTOCOMPLETE] = {"POST", "/autocomplete", h_autocomplete},
};

enum hook { HOOK_AUTH, HOOK_SUBSCRIBE, HOOK_UNSUBSCRIBE, HOOK__MAX };

static const struct pair_route hooks[HOOK__MAX] = {
    [HOOK_AUTH] = {"GET", "/hooks/auth", h_hook_auth},
    [HOOK_SUBSCRIBE] = {"GET", "/hooks/subscribe", h_hook_subscribe},
    [HOOK_UNSUBSCRIBE] = {"GET", "/hooks/unsubscribe", h_hook_unsubscribe},
};

int
main(void)
{
    /* PAIR_SUPERVISE=0 runs the server in this process (for debuggers). */
    const char *supervise = getenv("PAIR_SUPERVISE");
    if (supervise == NULL || strcmp(supervise, "0") != 0) {
        int status = pair_supervise();
        if (status >= 0)
            return status;
    }
    /* Built before the first request, not during it. */
    if (pair_ac_init() != 0)
        return 1;
    static const struct pair_tick ticks[] = {
        {pair_room_sweep, 500},
        {pair_room_reconcile, 10000},
    };
    return pair_serve(routes, ROUTE__MAX, hooks, HOOK__MAX, ticks,
                      sizeof(ticks) / sizeof(ticks[0]));
}
