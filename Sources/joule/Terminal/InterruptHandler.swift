import EditLineShim
import Foundation
import Script

/// Ctrl-C, the Lua way: the SIGINT handler only raises `Interrupt`'s flag, and running code
/// stops at its next safe point. A second Ctrl-C before anything noticed the first falls back
/// to the default action, so a builtin that never checks can still be stopped.
///
///     InterruptHandler.install()
enum InterruptHandler {
  static func install() {
    // Touch the flag now: its lazy initialisation must not first happen inside the handler.
    Interrupt.clear()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      // At the prompt Ctrl-C discards the typed line; nothing is running to stop.
      if joule_el_is_reading() != 0 {
        joule_el_interrupt()
        return
      }
      if Interrupt.requested {
        signal(SIGINT, SIG_DFL)
        raise(SIGINT)
        return
      }
      Interrupt.request()
    }
    sigemptyset(&action.sa_mask)
    // No SA_RESTART: the prompt's wait for keys must wake up to discard the line.
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    // A parent may have started joule with SIGINT blocked (Foundation's Process passes on the
    // caller's mask); threads started from here on, like the interpreter's, inherit this one.
    var sigint = sigset_t()
    sigemptyset(&sigint)
    sigaddset(&sigint, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &sigint, nil)
  }
}
