#ifndef JOULE_EDITLINE_SHIM_H
#define JOULE_EDITLINE_SHIM_H
// Non-variadic wrappers over libedit's el_set and history, which Swift cannot call.
//
//     EditLine *el = joule_el_init("joule", stdin, stdout, stderr);
//     joule_el_set_prompt(el, "joule> ");
//     const char *line = el_gets(el, &count);
#include <stdio.h>
#include <histedit.h>

/// Sets LC_CTYPE from the environment (C.UTF-8 when it names none) so libedit reads UTF-8
/// input as characters.
void joule_setlocale_ctype(void);

/// el_init with emacs key bindings, Ctrl-R bound to libedit's incremental history search.
EditLine *joule_el_init(const char *program, FILE *in, FILE *out, FILE *err);

/// The prompt el_gets shows next; the text is copied.
void joule_el_set_prompt(EditLine *el, const char *prompt);

/// Attaches a history to the editor so up/down and Ctrl-R reach it.
void joule_el_set_history(EditLine *el, History *h);

/// Registers `fn` as the editor command `name` and binds it to `key` (e.g. "^I" for Tab).
void joule_el_bind_function(EditLine *el, const char *name, const char *help,
                            unsigned char (*fn)(EditLine *, int), const char *key);

/// Binds `key` to a builtin editor command (e.g. "^R" to "em-inc-search-prev").
void joule_el_bind(EditLine *el, const char *key, const char *command);

/// Reads a line like el_gets. Ctrl-C while it waits (even one that lands just before it
/// starts reading) ends it with NULL and `*interrupted` = 1; Ctrl-D on an empty line gives
/// NULL with `*interrupted` = 0.
const char *joule_el_gets(EditLine *el, int *count, int *interrupted);

/// True (1) while joule_el_gets waits for keys: the SIGINT handler then only ends the read.
int joule_el_is_reading(void);

/// Called from the SIGINT handler while reading; async-signal-safe.
void joule_el_interrupt(void);

/// A history keeping at most `size` entries.
History *joule_history_init(int size);
/// Adds an entry (H_ENTER).
void joule_history_enter(History *h, const char *line);
#endif
