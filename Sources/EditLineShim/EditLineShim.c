#include "EditLineShim.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>

// el_gets asks for the prompt through a callback; one process has one editor, so one buffer.
static char *current_prompt = NULL;

static char *prompt_callback(EditLine *el) {
  (void)el;
  return current_prompt ? current_prompt : "";
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

void joule_el_set_signal(EditLine *el, int on) { el_set(el, EL_SIGNAL, on); }

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
