// The C side of the gnuplot bridge: gnuplot-iostream writes commands to gnuplot's standard
// input; gnuplot's standard output and error come back through a pipe we read in jg_sync.
#include "GnuplotBridge.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <string>
#include <unistd.h>

#include <gnuplot-iostream.h>

struct jg_session {
  Gnuplot *gp = nullptr;
  int feedback = -1;        // read end of gnuplot's stdout+stderr
  std::string pending;      // bytes read but not yet consumed
  unsigned long syncs = 0;  // numbers the sync markers, so a stale marker is never mistaken
  bool dead = false;
};

namespace {

// A write to a gnuplot that has died raises SIGPIPE, which would end joule. Block it on this
// thread for the duration of the write and swallow a pending one, instead of changing the
// process-wide disposition behind the host's back.
class SigpipeGuard {
public:
  SigpipeGuard() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    sigpending(&before_);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SigpipeGuard() {
    sigset_t pending;
    sigpending(&pending);
    if (sigismember(&pending, SIGPIPE) && !sigismember(&before_, SIGPIPE)) {
      sigset_t set;
      sigemptyset(&set);
      sigaddset(&set, SIGPIPE);
      struct timespec zero = {0, 0};
      sigtimedwait(&set, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

private:
  sigset_t old_, before_;
};

std::string shell_quote(const std::string &s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

void copy_error(char *dst, size_t len, const std::string &msg) {
  if (!dst || len == 0) return;
  std::snprintf(dst, len, "%s", msg.c_str());
}

char *dup_string(const std::string &s) {
  char *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (p) std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

long long now_ms() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

}  // namespace

extern "C" jg_session *jg_open(const char *executable, char *error, size_t error_length) {
  if (!executable || !*executable) {
    copy_error(error, error_length, "no gnuplot executable given");
    return nullptr;
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    copy_error(error, error_length, std::string("pipe: ") + std::strerror(errno));
    return nullptr;
  }
  // The write end must survive into the shell that popen starts; the read end stays ours.
  int flags = fcntl(fds[1], F_GETFD);
  fcntl(fds[1], F_SETFD, flags & ~FD_CLOEXEC);
  std::string w = std::to_string(fds[1]);
  // /dev/fd rather than `2>&N`: dash, Debian's /bin/sh, takes only single-digit descriptors.
  std::string cmd = "exec " + shell_quote(executable) + " >/dev/fd/" + w + " 2>&1";

  auto *s = new jg_session();
  try {
    SigpipeGuard guard;
    s->gp = new Gnuplot(cmd);
  } catch (const std::exception &e) {
    copy_error(error, error_length, std::string("cannot start gnuplot: ") + e.what());
    close(fds[0]);
    close(fds[1]);
    delete s;
    return nullptr;
  }
  // Only gnuplot holds the write end now, so its exit shows up as end-of-file here.
  close(fds[1]);
  s->feedback = fds[0];
  return s;
}

extern "C" int jg_send(jg_session *s, const char *commands) {
  if (!s || !s->gp || s->dead) return -1;
  SigpipeGuard guard;
  try {
    *s->gp << commands << std::flush;
  } catch (...) {
    s->dead = true;
    return -1;
  }
  if (!s->gp->good()) {
    s->dead = true;
    return -1;
  }
  return 0;
}

extern "C" int jg_sync(jg_session *s, int timeout_ms, char **message) {
  if (message) *message = nullptr;
  if (!s || !s->gp) return -1;
  unsigned long n = ++s->syncs;
  std::string marker = "__JOULE_SYNC_" + std::to_string(n) + "__";
  std::string probe = "\nprint sprintf(\"" + marker + " %d %s\", GPVAL_ERRNO, GPVAL_ERRMSG)\nreset errors\n";
  if (jg_send(s, probe.c_str()) != 0) {
    // Collect whatever the process said before dying; it usually explains why.
    char buf[4096];
    ssize_t got;
    while ((got = read(s->feedback, buf, sizeof buf)) > 0) s->pending.append(buf, got);
    if (message) *message = dup_string(s->pending);
    s->pending.clear();
    return -1;
  }

  long long deadline = now_ms() + timeout_ms;
  for (;;) {
    size_t at = s->pending.find(marker);
    if (at != std::string::npos) {
      size_t end = s->pending.find('\n', at);
      if (end != std::string::npos) {
        std::string line = s->pending.substr(at + marker.size(), end - at - marker.size());
        std::string chatter = s->pending.substr(0, at);
        s->pending.erase(0, end + 1);
        // The line reads " <errno> <errmsg>".
        char *rest = nullptr;
        int code = static_cast<int>(std::strtol(line.c_str(), &rest, 10));
        std::string text = rest && *rest == ' ' ? std::string(rest + 1) : std::string(rest ? rest : "");
        std::string out = code != 0 ? text + (chatter.empty() ? "" : "\n" + chatter) : chatter;
        if (message) *message = dup_string(out);
        return code;
      }
    }
    long long left = deadline - now_ms();
    if (left <= 0) {
      if (message) *message = dup_string(s->pending);
      return -2;
    }
    struct pollfd p = {s->feedback, POLLIN, 0};
    int r = poll(&p, 1, static_cast<int>(left));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) continue;
    char buf[4096];
    ssize_t got = read(s->feedback, buf, sizeof buf);
    if (got > 0) {
      s->pending.append(buf, static_cast<size_t>(got));
    } else if (got == 0) {
      s->dead = true;
      if (message) *message = dup_string(s->pending);
      s->pending.clear();
      return -1;
    }
  }
}

extern "C" void jg_close(jg_session *s) {
  if (!s) return;
  {
    SigpipeGuard guard;
    try {
      if (s->gp && !s->dead) *s->gp << "\nexit\n" << std::flush;
    } catch (...) {
    }
    try {
      delete s->gp;  // flushes and pcloses, which waits for gnuplot to end
    } catch (...) {
    }
  }
  if (s->feedback >= 0) close(s->feedback);
  delete s;
}
