#define _GNU_SOURCE
#include "CSpawn.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/prctl.h>
#include <unistd.h>

// Descriptors are first moved above this number, so that dup2 onto 0..3 never overwrites a
// source that is itself 0..3 (a caller's pipe can get any low number).
static const int scratch = 100;

int joule_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *cwd,
                int stdin_fd, int stdout_fd, int stderr_fd, int report_fd, int new_group) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  int rc = posix_spawn_file_actions_init(&actions);
  if (rc != 0) return rc;
  rc = posix_spawnattr_init(&attr);
  if (rc != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return rc;
  }
  int sources[4] = {stdin_fd, stdout_fd, stderr_fd, report_fd};
  for (int i = 0; i < 4 && rc == 0; i++) {
    if (sources[i] >= 0) rc = posix_spawn_file_actions_adddup2(&actions, sources[i], scratch + i);
  }
  for (int i = 0; i < 4 && rc == 0; i++) {
    if (sources[i] >= 0) rc = posix_spawn_file_actions_adddup2(&actions, scratch + i, i);
  }
  // Nothing else of joule's leaks into the program: not its SQLite files, not other pipes.
  if (rc == 0) rc = posix_spawn_file_actions_addclosefrom_np(&actions, report_fd >= 0 ? 4 : 3);
  if (rc == 0 && cwd != NULL) rc = posix_spawn_file_actions_addchdir_np(&actions, cwd);

  sigset_t all, none;
  sigfillset(&all);
  sigemptyset(&none);
  short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
  if (new_group) flags |= POSIX_SPAWN_SETPGROUP;
  if (rc == 0) rc = posix_spawnattr_setflags(&attr, flags);
  if (rc == 0) rc = posix_spawnattr_setsigdefault(&attr, &all);
  if (rc == 0) rc = posix_spawnattr_setsigmask(&attr, &none);
  if (rc == 0 && new_group) rc = posix_spawnattr_setpgroup(&attr, 0);
  if (rc == 0) rc = posix_spawn(pid, path, &actions, &attr, argv, envp);

  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

#include <string.h>
#include <sys/wait.h>

int joule_has_exited(pid_t pid) {
  siginfo_t info;
  memset(&info, 0, sizeof info);
  if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) return -1;
  return info.si_pid == pid ? 1 : 0;
}

int joule_reap(pid_t pid, int *code, int *signal) {
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid, &status, 0);
  } while (r < 0 && errno == EINTR);
  if (r != pid) return -1;
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  *signal = WIFSIGNALED(status) ? WTERMSIG(status) : -1;
  return 0;
}

#include <fcntl.h>

int joule_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int joule_pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
  return (int)syscall(SYS_pidfd_open, pid, 0);
#else
  errno = ENOSYS;
  return -1;
#endif
}

pid_t joule_fork_worker(void) {
  pid_t lead = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The lead may have ended between fork and prctl: then nobody would send the signal.
    if (getppid() != lead) _exit(0);
  } else if (pid > 0) {
    // Both sides set the group, so it is set whichever runs first.
    setpgid(pid, pid);
  }
  return pid;
}
