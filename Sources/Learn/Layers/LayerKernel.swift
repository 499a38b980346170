/// One layer's forward and backward pass for one worker, with that worker's own buffers.
///
/// `forward` returns a pointer to the kernel's output buffer (or its input, for layers that
/// change nothing); it stays valid until the next `forward`. `backward` takes the gradient
/// of the loss with respect to that output and returns the gradient with respect to the
/// input; it may overwrite `gradOutput` in place. Parameter gradients are written (not
/// added) into the worker's gradient buffers.
protocol LayerKernel: AnyObject {
  func forward(_ input: UnsafeMutablePointer<Float>, count n: Int, training: Bool) -> UnsafeMutablePointer<Float>
  func backward(_ gradOutput: UnsafeMutablePointer<Float>, count n: Int, needInputGradient: Bool) -> UnsafeMutablePointer<Float>
}
