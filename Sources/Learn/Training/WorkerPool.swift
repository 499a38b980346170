
/// The workers of one run and the step that uses them all: split the batch, run the shares
/// in parallel, then sum gradients and batchnorm statistics in worker order.
///
///     let pool = try WorkerPool(model: m, threads: 2, capacity: 32)
///     let lossSum = pool.trainStep(data.train, order: o, range: 0..<64, seed: 0, step: 1)
final class WorkerPool {
  let model: Model
  let workers: [Worker]
  private(set) var lastEvaluation: Evaluation?
  /// The workers that had a share of the last step, in order.
  private(set) var lastActive: [Int] = [0]

  /// The last step's gradients, one list per active worker, for `Optimizer.step(workers:)`.
  var gradients: [[FloatBuffer]] { lastActive.map { workers[$0].gradients } }

  init(model: Model, threads: Int, capacity: Int) throws {
    self.model = model
    // Before the workers: the first one loads OpenBLAS, which then starts single-threaded.
    Gemm.setThreads(1)
    workers = try (0..<threads).map { _ in try Worker(model: model, capacity: max(1, capacity)) }
  }

  /// Runs `body(worker, share)` for each worker with a non-empty share of `range`, in parallel.
  private func parallel(_ range: Range<Int>, _ body: @escaping (Worker, Range<Int>) -> Void) -> [Int] {
    let t = workers.count, n = range.count
    let per = (n + t - 1) / t
    var shares: [Range<Int>] = []
    for w in 0..<t {
      let lo = range.lowerBound + min(n, w * per), hi = range.lowerBound + min(n, (w + 1) * per)
      shares.append(lo..<hi)
    }
    let active = (0..<t).filter { !shares[$0].isEmpty }
    if active.count == 1 {
      body(workers[active[0]], shares[active[0]])
    } else {
      let ws = workers
      ThreadTeam.run(active.count) { j in
        let w = active[j]
        body(ws[w], shares[w])
      }
    }
    return active
  }

  /// One training step over `order[range]`: leaves each worker's gradients in its buffers
  /// (`gradients`) and folds batchnorm statistics into the model. Returns the summed loss.
  func trainStep(_ samples: Samples, order: UnsafePointer<Int>, range: Range<Int>, seed: UInt64,
                 step: UInt64) -> Double {
    let batch = range.count
    let active = parallel(range) { worker, share in
      worker.load(samples, order: order, range: share)
      worker.reseed(seed: seed, step: step, worker: share.lowerBound - range.lowerBound)
      worker.trainStep(count: share.count, batch: batch)
    }
    lastActive = active
    for (i, state) in model.batchNormStates.enumerated() {
      guard let state else { continue }
      state.update(from: active.map { workers[$0].kernels[i] as! BatchNormKernel })
    }
    return active.reduce(0.0) { $0 + workers[$1].loss }
  }

  /// Accuracy and mean loss over all of `samples`, evaluated in chunks across the workers.
  func evaluate(_ samples: Samples) -> Evaluation {
    guard samples.count > 0 else { return Evaluation(accuracy: .nan, loss: .nan, count: 0) }
    var loss = 0.0, correct = 0
    let chunk = workers[0].capacity * workers.count
    let order = Array(0..<samples.count)
    order.withUnsafeBufferPointer { o in
      let op = o.baseAddress!
      var lo = 0
      while lo < samples.count {
        let hi = min(lo + chunk, samples.count)
        let active = parallel(lo..<hi) { worker, share in
          worker.load(samples, order: op, range: share)
          worker.evaluateStep(count: share.count)
        }
        for w in active {
          loss += workers[w].loss
          correct += workers[w].correct
        }
        lo = hi
      }
    }
    let e = Evaluation(accuracy: Double(correct) / Double(samples.count), loss: loss / Double(samples.count),
                       count: samples.count)
    lastEvaluation = e
    return e
  }
}
