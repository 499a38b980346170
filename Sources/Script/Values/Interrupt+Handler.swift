import Foundation

extension Interrupt {
  /// Makes SIGINT only raise the flag, with SA_RESTART, and unblocks it on this thread.
  ///
  ///     Interrupt.installFlagHandler()   // the Jupyter kernel; a forked tuning worker
  ///
  /// For processes that have no terminal to give a second Ctrl-C to: the kernel (a front end
  /// restarts a stuck kernel) and the workers `tune` forks (the lead stops them). SA_RESTART
  /// lets blocking reads and waits go on; the flag is checked at the next safe point.
  public static func installFlagHandler() {
    // Touch the flag now: its lazy initialisation must not first happen inside the handler.
    clear()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGINT, &action, nil)
    var sigint = sigset_t()
    sigemptyset(&sigint)
    sigaddset(&sigint, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &sigint, nil)
  }
}
