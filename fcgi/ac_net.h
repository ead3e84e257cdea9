/*
 * The autocomplete re-ranker's network: what fcgi/ac_net.c holds, fitted by
 * tests/bench/ac_train.mjs (see rerank in autocomplete.c).
 */
#ifndef PAIR_AC_NET_H
#define PAIR_AC_NET_H

#define PAIR_AC_NET_IN 50     /* inputs: what the model knows of a candidate */
#define PAIR_AC_NET_HIDDEN 32 /* tanh units */

struct pair_ac_net {
    double lo[PAIR_AC_NET_IN], hi[PAIR_AC_NET_IN];   /* each input is clipped to what was seen */
    double mean[PAIR_AC_NET_IN], sd[PAIR_AC_NET_IN]; /* ... and standardized */
    double w1[PAIR_AC_NET_HIDDEN][PAIR_AC_NET_IN], b1[PAIR_AC_NET_HIDDEN];
    double w2[PAIR_AC_NET_HIDDEN]; /* the output, added to the score */
};

extern const struct pair_ac_net pair_ac_net;

#endif
