/*
 * documents.h: a room's text at any version, and saving (the domain).
 */
#ifndef PAIR_DOCUMENTS_H
#define PAIR_DOCUMENTS_H

#include "sessions.h"

struct pair_document {
    long long version;
    struct pair_str code; /* NUL-terminated too */
    const char *language;
    const char *last_by; /* who made the update that led to this version; NULL if none */
    const char *last_at; /* when, ISO 8601; NULL if none */
};

/* Reads room_id's document at version (negative: the current one). Fails
 * with PAIR_E_NOT_FOUND for no such room or a version beyond the current. */
enum pair_err pair_doc_read(struct pair_call *c, const char *room_id, long long version,
                            struct pair_document *out);

/*
 * Saves code as m's checkpoint. Where code differs from the document, the
 * difference becomes one update by m, published to the room; either way a
 * checkpoint is recorded and published. Fails with PAIR_E_NOT_MODIFIED when
 * code is the document and a checkpoint already marks this version,
 * PAIR_E_TOO_LARGE over the size bound, PAIR_E_INVALID for NUL characters.
 */
enum pair_err pair_doc_save(struct pair_call *c, const struct pair_member *m, struct pair_str code,
                            long long *version);

#endif
