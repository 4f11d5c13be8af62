# gwr — GNU make. `make test` and `make run` are the whole set-up on Debian/Ubuntu.
SHELL      := /bin/bash
CC         ?= cc
PREFIX     ?= /usr/local
DESTDIR    ?=
VERSION    := 0.1.0
PKG_CONFIG ?= pkg-config
DEB_PKGS   := libncurses-dev libunistring-dev libcmocka-dev pkg-config tmux procps
# readers of web pages, PDFs and Word files (readers/)
DEB_PKGS   += libxml2-dev libzip-dev poppler-utils poppler-data antiword catdoc
# the tests build hostile .docx/PDF files and mixed encodings with python3
DEB_PKGS   += python3

NCURSES_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
NCURSES_LIBS   = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
CMOCKA_CFLAGS  = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS    = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
XML_CFLAGS     = $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS       = $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null || echo -lxml2)
ZIP_LIBS       = $(shell $(PKG_CONFIG) --libs libzip 2>/dev/null || echo -lzip)

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat -Wformat-security
CSTD     := -std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64
OPT      ?= -O2 -g
CFLAGS   ?=
LDFLAGS  ?=
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) -MMD -MP -DGWR_VERSION='"$(VERSION)"' -Icore -Ireaders -Itui $(NCURSES_CFLAGS) $(XML_CFLAGS) $(CFLAGS)
LIBS     = -lunistring -lpthread -ldl

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

CORE_SRC := $(sort $(wildcard core/*.c)) $(sort $(wildcard readers/*.c))
TUI_SRC  := $(sort $(wildcard tui/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

# $(call objs,BUILD_DIR,SOURCES)
objs = $(patsubst %.c,$(1)/%.o,$(2))

B := build/rel
S := build/san

# libxml2 and libzip are not linked: readers/read_lib.c loads them (by the
# sonames of the libraries found here) when a web page or Word file is read
LIB_SONAME = $(or $(shell objdump -p "$$($(CC) -print-file-name=$(1).so)" 2>/dev/null | awk '/SONAME/{print $$2}'),$(2))
$(B)/readers/read_lib.o $(S)/readers/read_lib.o $(B)/tests/unit/test_read_lib.o $(S)/tests/unit/test_read_lib.o: ALL_CFLAGS += -DGWR_LIBXML2_SONAME='"$(call LIB_SONAME,libxml2,libxml2.so.2)"' \
  -DGWR_LIBZIP_SONAME='"$(call LIB_SONAME,libzip,libzip.so.4)"'
# the reader tests build .docx files with libzip
$(B)/tests/unit/test_readers $(S)/tests/unit/test_readers: LIBS += $(ZIP_LIBS)

.SECONDARY:
.PHONY: test-install
.PHONY: fixtures
.PHONY: all deps test test-unit test-golden test-tui test-bad test-san run install uninstall clean bench fuzz valgrind check-deps

all: gwr $(B)/libgwrcore.a

# ---- dependencies -----------------------------------------------------------
# Installs the Debian packages that are missing (as root, or with sudo);
# otherwise names what is missing and fails.
deps: build/.deps-ok
build/.deps-ok: Makefile
	@missing=""; \
	$(PKG_CONFIG) --version >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	$(PKG_CONFIG) --exists ncursesw 2>/dev/null || missing="$$missing libncurses-dev"; \
	$(PKG_CONFIG) --exists cmocka 2>/dev/null || missing="$$missing libcmocka-dev"; \
	printf '#include <unistr.h>\n#include <uniwidth.h>\nint main(void){return 0;}\n' | $(CC) -x c - -o /dev/null -lunistring >/dev/null 2>&1 || missing="$$missing libunistring-dev"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v pgrep >/dev/null 2>&1 || missing="$$missing procps"; \
	$(PKG_CONFIG) --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	$(PKG_CONFIG) --exists libzip 2>/dev/null || missing="$$missing libzip-dev"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -d /usr/share/poppler/cMap ] || missing="$$missing poppler-data"; \
	command -v antiword >/dev/null 2>&1 || missing="$$missing antiword"; \
	command -v catdoc >/dev/null 2>&1 || missing="$$missing catdoc"; \
	[ -x /usr/bin/python3 ] || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
	  echo "gwr: missing packages:$$missing"; \
	  if command -v apt-get >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else \
	      echo "gwr: run as root (or install sudo) to install:$$missing" >&2; exit 1; fi; \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || \
	      { echo "gwr: apt-get could not install:$$missing" >&2; exit 1; }; \
	  else \
	    echo "gwr: no apt-get here; install these (or your system's equivalents):$$missing" >&2; exit 1; \
	  fi; \
	fi
	@mkdir -p build && touch $@

# ---- build ------------------------------------------------------------------
$(B)/%.o: %.c | build/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(S)/%.o: %.c | build/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(CMOCKA_CFLAGS) -c $< -o $@

$(B)/tests/%.o: ALL_CFLAGS += $(CMOCKA_CFLAGS)

$(B)/libgwrcore.a: $(call objs,$(B),$(CORE_SRC))
	@rm -f $@
	ar rcs $@ $^

$(S)/libgwrcore.a: $(call objs,$(S),$(CORE_SRC))
	@rm -f $@
	ar rcs $@ $^

libgwrcore.a: $(B)/libgwrcore.a
	cp $< $@

gwr: $(call objs,$(B),$(TUI_SRC)) $(B)/libgwrcore.a
	$(CC) $(LDFLAGS) -o $@ $(call objs,$(B),$(TUI_SRC)) $(B)/libgwrcore.a $(NCURSES_LIBS) $(LIBS)

$(S)/gwr: $(call objs,$(S),$(TUI_SRC)) $(S)/libgwrcore.a
	$(CC) $(SAN_FLAGS) -o $@ $(call objs,$(S),$(TUI_SRC)) $(S)/libgwrcore.a $(NCURSES_LIBS) $(LIBS)

UNIT_BIN     := $(patsubst tests/unit/%.c,$(B)/tests/unit/%,$(UNIT_SRC))
UNIT_BIN_SAN := $(patsubst tests/unit/%.c,$(S)/tests/unit/%,$(UNIT_SRC))

$(B)/tests/unit/%: $(B)/tests/unit/%.o $(B)/libgwrcore.a
	$(CC) -o $@ $^ $(CMOCKA_LIBS) $(LIBS)

$(S)/tests/unit/%: $(S)/tests/unit/%.o $(S)/libgwrcore.a
	$(CC) $(SAN_FLAGS) -o $@ $^ $(CMOCKA_LIBS) $(LIBS)

# ---- tests ------------------------------------------------------------------
export ASAN_OPTIONS := detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1

test: deps gwr
	@$(MAKE) --no-print-directory test-unit test-golden test-bad test-tui test-install test-san

test-unit: $(UNIT_BIN)
	@bash tests/run-unit.sh $(UNIT_BIN)

test-golden: gwr
	@bash tests/golden/run.sh ./gwr
	@bash tests/gold/run.sh ./gwr

test-bad: gwr
	@bash tests/bad/run.sh ./gwr

# headless screen tests: the interface (without main.c) on hand-built reports
TUI_LIB_SRC := $(filter-out tui/main.c,$(TUI_SRC))
$(B)/tests/tui/screens: $(B)/tests/tui/screens.o $(call objs,$(B),$(TUI_LIB_SRC)) $(B)/libgwrcore.a
	$(CC) $(LDFLAGS) -o $@ $^ $(NCURSES_LIBS) $(LIBS)

test-install: gwr
	@bash tests/install/run.sh

test-tui: gwr $(B)/tests/tui/screens
	@bash tests/tui/run.sh ./gwr

test-san: $(UNIT_BIN_SAN) $(S)/gwr $(B)/tests/tui/screens
	@echo "== unit and golden tests again under AddressSanitizer + UndefinedBehaviorSanitizer"
	@bash tests/run-unit.sh $(UNIT_BIN_SAN)
	@bash tests/golden/run.sh $(S)/gwr
	@bash tests/gold/run.sh $(S)/gwr
	@bash tests/bad/run.sh $(S)/gwr
	@echo "== terminal tests again under AddressSanitizer + UndefinedBehaviorSanitizer"
	@bash tests/tui/run.sh $(S)/gwr

run: deps gwr
	./gwr samples/

valgrind: gwr
	@bash tests/valgrind.sh ./gwr

bench: deps
	@bash bench/run.sh

fuzz: deps
	@bash fuzz/run.sh $(FUZZ_SECONDS)

# the published-format fixtures (web pages, PDFs, .docx) from samples/
fixtures:
	@/usr/bin/python3 -c 'import reportlab' 2>/dev/null && [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || \
	  { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-reportlab fonts-wqy-microhei >/dev/null; }
	/usr/bin/python3 tests/formats/gen.py tests/formats/fixtures

# ---- install ----------------------------------------------------------------
install: gwr
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 gwr $(DESTDIR)$(PREFIX)/bin/gwr
	install -m 644 man/gwr.1 $(DESTDIR)$(PREFIX)/share/man/man1/gwr.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/gwr $(DESTDIR)$(PREFIX)/share/man/man1/gwr.1

clean:
	rm -rf build gwr libgwrcore.a

-include $(shell find build -name '*.d' 2>/dev/null)
