/// A layer that can apply the ReLU that follows it to its own output while the values are
/// still in registers, sparing a pass over memory.
///
///     conv.fusedReLU = true      // the worker sets this when the next layer is relu()
///     relu.passThrough = true    // and the ReLU kernel then only masks gradients
protocol ReLUFusing: AnyObject {
  var fusedReLU: Bool { get set }
}
