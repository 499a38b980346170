#ifndef JOULE_GNUPLOT_BRIDGE_H
#define JOULE_GNUPLOT_BRIDGE_H
// C interface over gnuplot-iostream, called from Swift (module Plot).
//
//     char err[512];
//     jg_session *s = jg_open("/usr/bin/gnuplot", err, sizeof err);
//     jg_send(s, "set terminal svg\nset output 'a.svg'\nplot x\nunset output\n");
//     int code = jg_sync(s, 10000, &message);   // 0: no error; message: what gnuplot said
//     jg_close(s);
//
// One session is one persistent gnuplot process. Its standard input is a gnuplot-iostream
// stream; its standard output and error come back through a pipe, read by `jg_sync`.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jg_session jg_session;

/// Starts gnuplot at `executable`. Returns NULL and writes a reason into `error` on failure.
jg_session *jg_open(const char *executable, char *error, size_t error_length);

/// Writes commands (newline-terminated) to gnuplot and flushes. Returns 0, or -1 when the
/// process is gone.
int jg_send(jg_session *session, const char *commands);

/// Waits until gnuplot has run everything sent so far, then reads and clears its error state
/// (`GPVAL_ERRNO`, `GPVAL_ERRMSG`, `reset errors`).
/// Returns 0 when no error happened, a positive gnuplot error number, -1 when the process
/// died, -2 on timeout. `*message` receives a malloc'd string (caller frees) holding the error
/// message and anything gnuplot printed meanwhile; it may be NULL.
int jg_sync(jg_session *session, int timeout_ms, char **message);

/// Ends gnuplot (closes its input, waits for it) and frees the session.
void jg_close(jg_session *session);

#ifdef __cplusplus
}
#endif
#endif
