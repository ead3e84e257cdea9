/*
 * document.c: GET /rooms/{id}/document and GET /rooms/{id}/code.
 */
#include "../fcgi/documents.h"
#include "../fcgi/validate.h"
#include "handlers.h"

/* Authorizes the request and reads the document at ?version= (or current). */
static enum pair_err
read_document(struct pair_req *r, const char **room_id, struct pair_document *doc)
{
    struct pair_member m;
    bool found;
    struct pair_str raw;
    long long version = -1;
    enum pair_err e = pair_path_member(r, room_id, &m);
    if (e != PAIR_OK)
        return e;
    if ((e = pair_input_get(&r->call, &r->input, "version", PAIR_INTEGER, &raw, &found)) !=
            PAIR_OK ||
        (found && (e = pair_check_count(&r->call, "version", raw, &version)) != PAIR_OK))
        return e;
    return pair_doc_read(&r->call, *room_id, version, doc);
}

enum pair_err
h_document(struct pair_req *r)
{
    const char *room_id;
    struct pair_document doc;
    enum pair_err e = read_document(r, &room_id, &doc);
    if (e != PAIR_OK)
        return e;
    json_object *o = pair_json_object(&r->call);
    if (o == NULL)
        return PAIR_E_NOMEM;
    json_object_object_add(o, "roomId", json_object_new_string(room_id));
    json_object_object_add(o, "version", json_object_new_int64(doc.version));
    json_object_object_add(o, "code", json_object_new_string_len(doc.code.ptr, (int)doc.code.len));
    json_object_object_add(o, "language", json_object_new_string(doc.language));
    json_object_object_add(o, "lastEditedBy",
                           doc.last_by != NULL ? json_object_new_string(doc.last_by) : NULL);
    json_object_object_add(o, "lastEditedAt",
                           doc.last_at != NULL ? json_object_new_string(doc.last_at) : NULL);
    return pair_reply_json(r, 200, o);
}

enum pair_err
h_code(struct pair_req *r)
{
    const char *room_id;
    struct pair_document doc;
    enum pair_err e = read_document(r, &room_id, &doc);
    if (e != PAIR_OK)
        return e;
    return pair_reply_text(r, 200, "text/plain; charset=utf-8", doc.code);
}
