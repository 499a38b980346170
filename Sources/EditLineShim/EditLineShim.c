// ppoll(2) is a GNU extension.
#define _GNU_SOURCE
#include "EditLineShim.h"
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

// el_gets asks for the prompt through a callback; one process has one editor, so one buffer.
static char *current_prompt = NULL;

static char *prompt_callback(EditLine *el) {
  (void)el;
  return current_prompt ? current_prompt : "";
}

// Ctrl-C at the prompt. libedit's own reader only notices a signal that interrupts read(2);
// one that arrives between the prompt and the read would be lost, so joule reads keys itself
// and waits with ppoll, which unblocks SIGINT atomically.
static volatile sig_atomic_t reading = 0;
static volatile sig_atomic_t interrupted_while_reading = 0;
static int input_fd = 0;

int joule_el_is_reading(void) { return reading; }

void joule_el_interrupt(void) { interrupted_while_reading = 1; }

/// EL_GETCFN: one character, decoded from the locale's multibyte encoding (UTF-8).
static int read_key(EditLine *el, wchar_t *out) {
  (void)el;
  mbstate_t state;
  memset(&state, 0, sizeof state);
  sigset_t sigint, previous;
  sigemptyset(&sigint);
  sigaddset(&sigint, SIGINT);
  for (;;) {
    sigprocmask(SIG_BLOCK, &sigint, &previous);
    if (interrupted_while_reading) {
      sigprocmask(SIG_SETMASK, &previous, NULL);
      *out = L'\0';
      errno = EINTR;
      return -1;
    }
    struct pollfd p = {.fd = input_fd, .events = POLLIN};
    int ready = ppoll(&p, 1, NULL, &previous);
    int failure = errno;
    sigprocmask(SIG_SETMASK, &previous, NULL);
    if (ready < 0) {
      if (failure == EINTR) continue;  // SIGINT is seen at the top; others (SIGWINCH) wait on
      errno = failure;
      return -1;
    }
    char byte;
    ssize_t n = read(input_fd, &byte, 1);
    if (n == 0) return 0;
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    size_t used = mbrtowc(out, &byte, 1, &state);
    if (used == (size_t)-2) continue;  // inside a multibyte character
    if (used == (size_t)-1) {
      // Not valid in the locale: pass the byte on rather than lose it.
      memset(&state, 0, sizeof state);
      *out = (wchar_t)(unsigned char)byte;
    }
    return 1;
  }
}

const char *joule_el_gets(EditLine *el, int *count, int *interrupted) {
  interrupted_while_reading = 0;
  reading = 1;
  const char *line = el_gets(el, count);
  reading = 0;
  *interrupted = line == NULL && interrupted_while_reading;
  interrupted_while_reading = 0;
  return line;
}

void joule_setlocale_ctype(void) {
  const char *chosen = setlocale(LC_CTYPE, "");
  // With no locale in the environment libedit would read UTF-8 as single bytes; C.UTF-8 is
  // built into glibc (2.35+), so it exists even where no locales are installed.
  if (!chosen || strcmp(chosen, "C") == 0 || strcmp(chosen, "POSIX") == 0) {
    setlocale(LC_CTYPE, "C.UTF-8");
  }
}

EditLine *joule_el_init(const char *program, FILE *in, FILE *out, FILE *err) {
  EditLine *el = el_init(program, in, out, err);
  if (!el) return NULL;
  el_set(el, EL_EDITOR, "emacs");
  el_set(el, EL_PROMPT, prompt_callback);
  input_fd = fileno(in);
  el_set(el, EL_GETCFN, read_key);
  // libedit's incremental search, the Ctrl-R of bash and readline.
  el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
  // Read ~/.editrc like other libedit programs, so users keep their own bindings.
  el_source(el, NULL);
  return el;
}

void joule_el_set_prompt(EditLine *el, const char *prompt) {
  (void)el;
  free(current_prompt);
  current_prompt = strdup(prompt ? prompt : "");
}

void joule_el_set_history(EditLine *el, History *h) { el_set(el, EL_HIST, history, h); }

void joule_el_bind_function(EditLine *el, const char *name, const char *help,
                            unsigned char (*fn)(EditLine *, int), const char *key) {
  el_set(el, EL_ADDFN, name, help, fn);
  el_set(el, EL_BIND, key, name, NULL);
}

void joule_el_bind(EditLine *el, const char *key, const char *command) {
  el_set(el, EL_BIND, key, command, NULL);
}

History *joule_history_init(int size) {
  History *h = history_init();
  if (!h) return NULL;
  HistEvent ev;
  history(h, &ev, H_SETSIZE, size);
  // Repeating a line does not fill the history with copies.
  history(h, &ev, H_SETUNIQUE, 1);
  return h;
}

void joule_history_enter(History *h, const char *line) {
  HistEvent ev;
  history(h, &ev, H_ENTER, line);
}
