import Foundation
import Script

/// SIGINT inside the kernel: Jupyter's "interrupt" button sends it (interrupt_mode "signal").
///
///     KernelInterrupt.install()
///
/// As at the prompt, the handler only raises `Interrupt`'s flag and the running cell stops at
/// its next safe point with its variables kept. Unlike the prompt, a second signal does not
/// kill the process: a front end restarts a kernel that is stuck, it does not lose it to an
/// impatient click. A signal between cells is dropped when the next cell starts.
enum KernelInterrupt {
  static func install() {
    // Touch the flag now: its lazy initialisation must not first happen inside the handler.
    Interrupt.clear()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
    sigemptyset(&action.sa_mask)
    // SA_RESTART: the ZeroMQ waits of the other channels simply go on.
    action.sa_flags = SA_RESTART
    sigaction(SIGINT, &action, nil)
    var sigint = sigset_t()
    sigemptyset(&sigint)
    sigaddset(&sigint, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &sigint, nil)
  }
}
