#ifndef JOULE_CSPAWN_H
#define JOULE_CSPAWN_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` through posix_spawn, without a shell.
///
/// The child gets `stdin_fd`, `stdout_fd` and `stderr_fd` as descriptors 0, 1 and 2 (-1 keeps
/// the parent's), `report_fd` as descriptor 3 when it is not -1, and no other descriptor of the
/// parent. `cwd` (NULL: the parent's) is entered before exec. With `new_group` the child leads
/// a process group of its own, so that the whole tree can be signalled at once. Every signal
/// starts at its default disposition and unblocked, whatever the parent ignores or blocks.
///
/// Returns 0 and sets `*pid`, or an errno value (ENOENT, EACCES, ...) when exec failed.
int joule_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *cwd,
                int stdin_fd, int stdout_fd, int stderr_fd, int report_fd, int new_group);

/// 1 when `pid` (a child of this process) has ended, without reaping it: the zombie keeps its
/// pid and process group reserved, so the rest of its tree can still be signalled safely.
/// 0 while it runs, -1 on error.
int joule_has_exited(pid_t pid);

/// Waits for `pid` and reaps it. Returns 0 with `*code` set to the exit code, or `*signal` to
/// the signal that ended it (the other is -1); -1 on error.
int joule_reap(pid_t pid, int *code, int *signal);

/// A descriptor that becomes readable when `pid` (a child of this process) ends: Linux's
/// pidfd_open (5.3 and later), so that a poll wakes at the exit instead of at the next timeout.
/// -1 with errno (ENOSYS on older kernels), and the caller falls back to polling the clock.
int joule_pidfd_open(pid_t pid);

/// pipe2(fds, O_CLOEXEC): a pipe no other spawned program inherits. 0, or -1 with errno.
int joule_pipe(int fds[2]);

/// fork() for one of `tune(..., workers: k)`'s workers, the interpreter's state copied at the
/// call. The child leads a process group of its own (a Ctrl-C at the terminal reaches only the
/// lead, which passes exactly one on) and is sent SIGKILL when the lead's thread ends
/// (PR_SET_PDEATHSIG), so a lead killed outright leaves no worker behind. Returns as fork does.
pid_t joule_fork_worker(void);

#endif
