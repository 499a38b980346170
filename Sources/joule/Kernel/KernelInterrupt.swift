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
    // SA_RESTART: the ZeroMQ waits of the other channels simply go on.
    Interrupt.installFlagHandler()
  }
}
