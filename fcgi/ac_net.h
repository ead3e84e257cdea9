/*
 * The autocomplete re-ranker: a few small networks fitted alike from
 * different starting points, whose answers are averaged. fcgi/ac_net.c
 * holds their weights, written by tests/bench/ac_train.mjs (see rerank in
 * autocomplete.c).
 */
#ifndef PAIR_AC_NET_H
#define PAIR_AC_NET_H

#define PAIR_AC_NETS 5        /* networks averaged */
#define PAIR_AC_NET_IN 50     /* inputs: what the model knows of a candidate */
#define PAIR_AC_NET_HIDDEN 32 /* tanh units */

struct pair_ac_net {
    double lo[PAIR_AC_NET_IN], hi[PAIR_AC_NET_IN];   /* each input is clipped to what was seen */
    double mean[PAIR_AC_NET_IN], sd[PAIR_AC_NET_IN]; /* ... and standardized */
    double w1[PAIR_AC_NET_IN][PAIR_AC_NET_HIDDEN], b1[PAIR_AC_NET_HIDDEN]; /* by input */
    double w2[PAIR_AC_NET_HIDDEN]; /* the output: cap tanh(w2 . hidden / cap) */
};

extern const struct pair_ac_net pair_ac_net[PAIR_AC_NETS];

#endif
