import Foundation

/// A Jupyter kernel's server side: binds the five channels of a connection file and answers
/// front ends (JupyterLab, VS Code, nbclient) on behalf of a `KernelLanguage`.
///
///     let server = try KernelServer(connection: ConnectionInfo(contentsOf: path), language: lang)
///     server.run()   // returns after a shutdown request
///
/// Threads: heartbeat echoes on its own; control (interrupt, shutdown) has its own so it is
/// heard while a cell runs; shell runs cells on the calling thread. Around every request the
/// kernel publishes `busy` then `idle` on iopub. stdin is bound for front ends that expect it;
/// joule asks no input of the user, so nothing is ever sent on it.
public final class KernelServer: @unchecked Sendable {
  public let language: KernelLanguage
  /// The kernel's session id, in every header it sends.
  public let session = UUID().uuidString.lowercased()

  private let context: ZMQContext
  private let shell: ZMQSocket
  private let control: ZMQSocket
  private let stdin: ZMQSocket
  private let heartbeat: ZMQSocket
  private let signer: MessageSigner
  let publisher: IOPubPublisher
  private var executionCount = 0

  public init(connection: ConnectionInfo, language: KernelLanguage) throws {
    self.language = language
    context = try ZMQContext()
    shell = try context.socket(.router)
    control = try context.socket(.router)
    stdin = try context.socket(.router)
    heartbeat = try context.socket(.rep)
    let iopub = try context.socket(.pub)
    try shell.bind(connection.endpoint(connection.shellPort))
    try control.bind(connection.endpoint(connection.controlPort))
    try stdin.bind(connection.endpoint(connection.stdinPort))
    try heartbeat.bind(connection.endpoint(connection.heartbeatPort))
    try iopub.bind(connection.endpoint(connection.iopubPort))
    signer = MessageSigner(key: connection.key)
    publisher = IOPubPublisher(socket: iopub, signer: signer, session: session)
  }

  /// Serves until a shutdown request; then closes every socket, letting the last replies go.
  public func run() {
    let loops = DispatchGroup()
    spawn(loops) { [heartbeat] in
      // The front end only checks that its bytes come back.
      while let frames = try? heartbeat.receive() { _ = try? heartbeat.send(frames) }
    }
    spawn(loops) { [self] in serve(control, channel: "control") }
    publisher.status("starting", parent: nil)
    serve(shell, channel: "shell")
    loops.wait()
    for socket in [shell, control, stdin, heartbeat] { socket.close() }
    publisher.close()
    context.terminate()
  }

  private func spawn(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread {
      body()
      group.leave()
    }
    thread.start()
  }

  /// Receives and answers requests until the context shuts down.
  private func serve(_ socket: ZMQSocket, channel: String) {
    while true {
      let frames: [Data]
      do {
        frames = try socket.receive()
      } catch {
        if let e = error as? ZMQError, !e.isTerminated { log("\(channel): \(e)") }
        return
      }
      let request: Message
      do {
        request = try Message(frames: frames, signer: signer)
      } catch {
        log("\(channel): \(error)")
        continue
      }
      publisher.status("busy", parent: request)
      handle(request, on: socket)
      publisher.status("idle", parent: request)
    }
  }

  private func handle(_ request: Message, on socket: ZMQSocket) {
    var stopOnError = false
    let content: JSONValue
    var metadata = JSONValue.emptyObject
    switch request.type {
    case "kernel_info_request":
      content = language.info.replyContent
    case "execute_request":
      (content, metadata, stopOnError) = execute(request)
    case "complete_request":
      let code = request.content["code"]?.string ?? ""
      let cursor = request.content["cursor_pos"]?.int ?? code.unicodeScalars.count
      let c = language.complete(code, cursor: cursor)
      content = ["status": "ok", "matches": .array(c.matches.map { .string($0) }),
                 "cursor_start": .int(c.cursorStart), "cursor_end": .int(c.cursorEnd), "metadata": .emptyObject]
    case "inspect_request":
      let code = request.content["code"]?.string ?? ""
      let cursor = request.content["cursor_pos"]?.int ?? code.unicodeScalars.count
      let found = language.inspect(code, cursor: cursor, detailLevel: request.content["detail_level"]?.int ?? 0)
      content = ["status": "ok", "found": .bool(found != nil), "data": found?.data ?? .emptyObject,
                 "metadata": found?.metadata ?? .emptyObject]
    case "is_complete_request":
      switch language.isComplete(request.content["code"]?.string ?? "") {
      case .complete: content = ["status": "complete"]
      case .incomplete(let indent): content = ["status": "incomplete", "indent": .string(indent)]
      case .invalid: content = ["status": "invalid"]
      }
    case "history_request":
      content = ["status": "ok", "history": []]
    case "comm_info_request":
      content = ["status": "ok", "comms": .emptyObject]
    case "interrupt_request":
      language.interrupt()
      content = ["status": "ok"]
    case "shutdown_request":
      let restart = request.content["restart"]?.bool ?? false
      reply(request, ["status": "ok", "restart": .bool(restart)], on: socket)
      publisher.publish("shutdown_reply", ["status": "ok", "restart": .bool(restart)], parent: request)
      stop()
      return
    case "comm_open":
      // No comm targets (widgets): close it at once, as IPython's kernel does for an unknown
      // target, so the front end does not wait on it.
      log("no comm target '\(request.content["target_name"]?.string ?? "")'")
      publisher.publish("comm_close", ["comm_id": request.content["comm_id"] ?? .null, "data": .emptyObject],
                        parent: request)
      return
    default:
      // Anything newer than 5.3 is not offered; say so in the log only, as other kernels do.
      log("ignoring \(request.type)")
      return
    }
    // Requests that were waiting before the failure was known are the ones it stops.
    let queued = stopOnError ? waitingRequests(on: socket) : []
    reply(request, content, on: socket, metadata: metadata)
    for next in queued { abort(next, on: socket) }
  }

  private func execute(_ request: Message) -> (JSONValue, JSONValue, Bool) {
    let code = request.content["code"]?.string ?? ""
    let silent = request.content["silent"]?.bool ?? false
    let storeHistory = silent ? false : (request.content["store_history"]?.bool ?? true)
    if storeHistory { executionCount += 1 }
    let count = max(executionCount, 1)
    if !silent {
      publisher.publish("execute_input", ["code": .string(code), "execution_count": .int(count)], parent: request)
    }
    let started = Message.timestamp(Date())
    let output = ExecutionOutput(executionCount: count, silent: silent, publisher: publisher, parent: request)
    let outcome = language.execute(code, output: output)
    var metadata = outcome.metadata
    metadata["started"] = .string(started)
    switch outcome.status {
    case .ok:
      return (["status": "ok", "execution_count": .int(count), "user_expressions": .emptyObject, "payload": []],
              metadata, false)
    case .error(let name, let value, let traceback):
      let error: JSONValue = ["ename": .string(name), "evalue": .string(value),
                              "traceback": .array(traceback.map { .string($0) })]
      if !silent { publisher.publish("error", error, parent: request) }
      var content: JSONValue = ["status": "error", "execution_count": .int(count)]
      for key in ["ename", "evalue", "traceback"] { content[key] = error[key] }
      let stop = request.content["stop_on_error"]?.bool ?? true
      return (content, metadata, stop && !silent)
    }
  }

  /// After a failed cell, cells the front end had already queued behind it are not run (as in
  /// IPython's kernel): each gets an `aborted` reply, so "run all" stops at the first error.
  /// Only what was waiting before the error reply went out counts: a cell sent after the
  /// front end saw the error is the user's next try.
  private func waitingRequests(on socket: ZMQSocket) -> [Message] {
    var waiting: [Message] = []
    while socket.hasMessage(within: 0), let frames = try? socket.receive() {
      if let request = try? Message(frames: frames, signer: signer) { waiting.append(request) }
    }
    return waiting
  }

  private func abort(_ request: Message, on socket: ZMQSocket) {
    publisher.status("busy", parent: request)
    if request.type == "execute_request" {
      reply(request, ["status": "aborted", "execution_count": .int(executionCount)], on: socket)
    } else {
      handle(request, on: socket)
    }
    publisher.status("idle", parent: request)
  }

  private func reply(_ request: Message, _ content: JSONValue, on socket: ZMQSocket, metadata: JSONValue = .emptyObject) {
    let type = request.type.replacingOccurrences(of: "_request", with: "_reply")
    let message = request.reply(type, content: content, session: session, metadata: metadata)
    do {
      try socket.send(message.frames(signer: signer))
    } catch {
      log("cannot reply to \(request.type): \(error)")
    }
  }

  /// Interrupts a running cell and makes every channel's loop end.
  private func stop() {
    language.interrupt()
    context.shutdown()
  }

  private func log(_ text: String) {
    FileHandle.standardError.write(Data("joule kernel: \(text)\n".utf8))
  }
}
