/*
 * autocomplete.c: POST /autocomplete, in two forms:
 *   {code, cursorPosition, language}: completes against the code sent;
 *   {roomId, version, cursorPosition, language} with the room's token:
 *     completes against the stored document at that version, so that a
 *     client does not send its document on every keystroke.
 */
#include "../fcgi/autocomplete.h"
#include "../fcgi/doccache.h"
#include "../fcgi/documents.h"
#include "../fcgi/validate.h"
#include "handlers.h"

/* The text of the room form: the token must belong to roomId (401, 403,
 * 404) and version must exist (404). */
static enum pair_err
room_text(struct pair_req *r, struct pair_str room_raw, struct pair_str *code)
{
    struct pair_call *c = &r->call;
    const char *room_id;
    long long version;
    struct pair_member m;
    enum pair_err e;
    if ((e = pair_check_room_id(c, room_raw, &room_id)) != PAIR_OK ||
        (e = pair_need_count(r, "version", &version)) != PAIR_OK)
        return e;
    if ((e = pair_session_for_room(c, pair_req_token(r), room_id, &m)) != PAIR_OK)
        return e;
    /* A cached text proves the version exists; otherwise read it, which
     * checks the version against the current one. */
    if (pair_doccache_get(c, room_id, version, code))
        return PAIR_OK;
    struct pair_document doc;
    if ((e = pair_doc_read(c, room_id, version, &doc)) != PAIR_OK)
        return e;
    *code = doc.code;
    return PAIR_OK;
}

enum pair_err
h_autocomplete(struct pair_req *r)
{
    struct pair_call *c = &r->call;
    struct pair_str raw, code, room_raw;
    const char *language;
    long long units;
    bool has_code, has_room;
    enum pair_err e = pair_req_json(r, true);
    if (e != PAIR_OK)
        return e;
    if ((e = pair_input_need(c, &r->input, "language", PAIR_STRING, &raw)) != PAIR_OK ||
        (e = pair_ac_check_language(c, raw, &language)) != PAIR_OK ||
        (e = pair_need_count(r, "cursorPosition", &units)) != PAIR_OK ||
        (e = pair_input_get(c, &r->input, "code", PAIR_STRING, &code, &has_code)) != PAIR_OK ||
        (e = pair_input_get(c, &r->input, "roomId", PAIR_STRING, &room_raw, &has_room)) != PAIR_OK)
        return e;
    if (has_code && has_room)
        return pair_fail(c, PAIR_E_INVALID, "send either code, or roomId and version, not both");
    if (!has_code && !has_room)
        return pair_fail(c, PAIR_E_INVALID, "code is required (or roomId and version)");
    if (has_code && code.len > PAIR_DOC_MAX)
        return pair_fail(c, PAIR_E_TOO_LARGE, "code is larger than %d bytes", PAIR_DOC_MAX);
    if (has_room && (e = room_text(r, room_raw, &code)) != PAIR_OK)
        return e;
    size_t cursor;
    struct pair_ac_result res;
    if ((e = pair_ac_cursor(c, code, units, &cursor)) != PAIR_OK ||
        (e = pair_ac_complete(c, code, cursor, language, NULL, &res)) != PAIR_OK)
        return e;
    json_object *o = pair_ac_json(c, &res);
    if (o == NULL)
        return PAIR_E_NOMEM;
    return pair_reply_json(r, 200, o);
}
