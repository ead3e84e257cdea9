/*
 * validate.h: checks that convert.
 *
 * Every validator takes raw outside input and either hands back a parsed,
 * trusted value or fails the call with a detail naming the field. A handler
 * therefore only ever sees values that passed.
 */
#ifndef PAIR_VALIDATE_H
#define PAIR_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

#define PAIR_ROOM_ID_MAX 64
#define PAIR_USERNAME_MIN 3
#define PAIR_USERNAME_MAX 32
#define PAIR_LIMIT_MIN 1
#define PAIR_LIMIT_MAX 20
#define PAIR_DOC_MAX (2 * 1024 * 1024)

/* Compiles the patterns once per process. Returns 0, or -1 on failure (a
 * bug in a pattern). Must run before any other function here. */
int pair_validate_init(void);

/* Frees what pair_validate_init made. */
void pair_validate_fini(void);

/* True when s[0..len) is well-formed UTF-8: no overlong forms, no surrogate
 * code points, nothing above U+10FFFF. */
bool pair_utf8_valid(const char *s, size_t len);

/* A room id: 1-64 of [A-Za-z0-9_-]. *out is a NUL-terminated arena copy. */
enum pair_err pair_check_room_id(struct pair_call *c, struct pair_str in, const char **out);

/* A username: trimmed of surrounding white space, then 3-32 characters of
 * Unicode letters, combining marks, digits, space, '_', '-', '.'. *out is the
 * trimmed name, NUL-terminated, in the arena. */
enum pair_err pair_check_username(struct pair_call *c, struct pair_str in, const char **out);

/* A room limit: a decimal integer 1-20 with nothing around it. `what` names
 * the field in the detail. */
enum pair_err pair_check_limit(struct pair_call *c, const char *what, struct pair_str in, int *out);

/* A version or other count: a decimal integer 0..2^53 with nothing around
 * it. `what` names the field in the detail. */
enum pair_err pair_check_count(struct pair_call *c, const char *what, struct pair_str in,
                               long long *out);

#endif
