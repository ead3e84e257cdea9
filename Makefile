# Pair: every entry point. `make run` and `make test` are the two commands
# the README names; both install what is missing first.

CC       ?= cc
CFLAGS_BASE = -std=c11 -D_GNU_SOURCE -g -O2 -Wall -Wextra -Wmissing-prototypes \
              -Wstrict-prototypes -Wwrite-strings -Werror -pthread
LIBS     = -lfcgi -lpq -ljson-c -lpcre2-8 -pthread
INC      = -I/usr/include/postgresql

FCGI_SRC = $(filter-out fcgi/server.c,$(wildcard fcgi/*.c))
APP_SRC  = fcgi/server.c $(FCGI_SRC) $(wildcard cgi-bin/*.c)
HDRS     = $(wildcard fcgi/*.h cgi-bin/*.h)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)

SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: all build app app-asan unit fuzz frontend deps run stop test clean format

all: build

build: build/pair frontend

app: build/pair
app-asan: build/asan/pair

build/pair: $(APP_SRC) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_BASE) $(INC) -o $@ $(APP_SRC) $(LIBS)

build/asan/pair: $(APP_SRC) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_BASE) -O1 $(SAN) $(INC) -o $@ $(APP_SRC) $(LIBS)

# C unit tests: one program per module, built with the sanitizers.
UNIT_BIN = $(patsubst tests/unit/%.c,build/asan/%,$(UNIT_SRC))
build/asan/test_%: tests/unit/test_%.c tests/unit/test.h $(FCGI_SRC) fcgi/server.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_BASE) -O1 $(SAN) $(INC) -o $@ $< $(FCGI_SRC) fcgi/server.c $(LIBS)
unit: $(UNIT_BIN) build/asan/pair-changeset build/ac-features

# The change-set code as a filter, for the differential tests.
build/asan/pair-changeset: tests/tools/changeset_cli.c $(FCGI_SRC) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_BASE) -O1 $(SAN) $(INC) -o $@ $< $(FCGI_SRC) $(LIBS)

# What the autocomplete re-ranker sees, to fit it (tests/bench/README.md).
build/ac-features: tests/tools/ac_features.c $(FCGI_SRC) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_BASE) $(INC) -o $@ $< $(FCGI_SRC) $(LIBS)

# libFuzzer targets (clang).
FUZZ_BIN = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
# They link only the parsers and what those need.
FUZZ_DEPS = fcgi/arena.c fcgi/err.c fcgi/input.c fcgi/validate.c fcgi/text.c fcgi/changeset.c \
            fcgi/autocomplete.c fcgi/ac_lex.c fcgi/ac_words.c fcgi/ac_net.c
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_DEPS) $(HDRS)
	@mkdir -p $(@D)
	clang -std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
	    $(INC) -o $@ $< $(FUZZ_DEPS) -ljson-c -lpcre2-8 -pthread
fuzz: $(FUZZ_BIN)

frontend:
	scripts/frontend.sh build

deps:
	scripts/deps.sh

run: deps build
	scripts/run.sh

stop:
	scripts/pairctl stop

test: deps
	scripts/test.sh

format:
	clang-format -i fcgi/*.c fcgi/*.h cgi-bin/*.c cgi-bin/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c

clean:
	rm -rf build frontend/dist
