import Foundation

/// Renders plot specifications through the session's gnuplot: files, text, windows.
///
///     let written = try PlotRenderer.save(spec, to: "plots/tradeoff.png")
///     // ["plots/tradeoff.png", "plots/tradeoff.gp"]
///     print(try PlotRenderer.textPreview(spec, width: 80, height: 24))
public enum PlotRenderer {
  /// Renders `spec` to `path` (format from the extension) and writes the gnuplot script beside
  /// it (`<name>.gp`, data inline), which re-renders the figure alone: `gnuplot <name>.gp` run
  /// in that folder. Creates missing folders. Returns the paths written.
  @discardableResult
  public static func save(_ spec: PlotSpec, to path: String, session: GnuplotSession? = nil) throws -> [String] {
    guard let format = OutputFormat(path: path) else {
      throw GnuplotError.invalid("save: unknown figure format for '\(path)'; use .png, .svg, .pdf or .txt")
    }
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let dir = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    } catch {
      throw GnuplotError.invalid("save: cannot create folder \(dir.path): \(error.localizedDescription)")
    }
    let script = GnuplotScript(spec)
    let terminal = format.terminal(width: spec.width, height: spec.height)
    let live = try script.text(terminal: terminal, output: url.path)
    try render(live, producing: url.path, session: session)

    let gpPath = dir.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".gp").path
    let standalone = "# joule figure: `gnuplot \((gpPath as NSString).lastPathComponent)` in this folder writes "
      + "\(url.lastPathComponent); `joule export` renders other formats.\n"
      + (try script.text(terminal: terminal, output: url.lastPathComponent))
    do {
      try standalone.write(toFile: gpPath, atomically: true, encoding: .utf8)
    } catch {
      throw GnuplotError.invalid("save: cannot write \(gpPath): \(error.localizedDescription)")
    }
    return [path, (path as NSString).deletingPathExtension + ".gp"]
  }

  /// The figure drawn with characters (gnuplot's dumb terminal), for terminals and logs.
  public static func textPreview(_ spec: PlotSpec, width: Int, height: Int,
                                 session: GnuplotSession? = nil) throws -> String {
    let w = max(20, min(width, 400)), h = max(8, min(height, 200))
    let tmp = FileManager.default.temporaryDirectory
      .appendingPathComponent("joule-preview-\(getpid())-\(UUID().uuidString).txt").path
    defer { try? FileManager.default.removeItem(atPath: tmp) }
    let live = try GnuplotScript(spec).text(terminal: "set terminal dumb size \(w),\(h) noenhanced", output: tmp)
    try render(live, producing: tmp, session: session)
    let text = (try? String(contentsOfFile: tmp, encoding: .utf8)) ?? ""
    // gnuplot pads with blank lines and a form feed; trim them, keep the drawing's own spacing.
    let lines = text.replacingOccurrences(of: "\u{0C}", with: "").split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    var trimmed = lines[...]
    while trimmed.first?.isEmpty == true { trimmed = trimmed.dropFirst() }
    while trimmed.last?.isEmpty == true { trimmed = trimmed.dropLast() }
    return trimmed.joined(separator: "\n")
  }

  /// Re-renders a saved figure from its `.gp` script in another format, without its data
  /// source: the script carries the data. Writes `<name>.<format>` in `directory` (default:
  /// beside the script) and returns its path.
  @discardableResult
  public static func rerender(script gpPath: String, as format: OutputFormat, into directory: String? = nil,
                              session: GnuplotSession? = nil) throws -> String {
    guard let text = try? String(contentsOfFile: gpPath, encoding: .utf8) else {
      throw GnuplotError.invalid("export: cannot read \(gpPath)")
    }
    let source = URL(fileURLWithPath: gpPath).standardizedFileURL
    let dir = directory.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? source.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let out = dir.appendingPathComponent(source.deletingPathExtension().lastPathComponent + "." + format.rawValue).path
    var width = 800, height = 560
    var sawTerminal = false, sawOutput = false
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasSuffix(GnuplotScript.terminalTag) {
        if let m = line.range(of: #"size (\d+),(\d+)"#, options: .regularExpression) {
          let nums = line[m].dropFirst(5).split(separator: ",").compactMap { Int($0) }
          if nums.count == 2 { width = nums[0]; height = nums[1] }
        }
        lines.append("\(format.terminal(width: width, height: height))  \(GnuplotScript.terminalTag)")
        sawTerminal = true
      } else if line.hasSuffix(GnuplotScript.outputTag) {
        lines.append("set output \(GnuplotText.quote(out))  \(GnuplotScript.outputTag)")
        sawOutput = true
      } else {
        lines.append(line)
      }
    }
    guard sawTerminal, sawOutput else {
      throw GnuplotError.invalid("export: \(gpPath) is not a figure script joule wrote (no joule:terminal/output lines)")
    }
    try render(lines.joined(separator: "\n"), producing: out, session: session)
    return out
  }

  /// Draws the figure in a window (qt, wxt or x11) through a separate `gnuplot -persist`, so
  /// the window outlives the call. Throws a clear message when there is no display.
  public static func openWindow(_ spec: PlotSpec, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    guard let display = environment["DISPLAY"] ?? environment["WAYLAND_DISPLAY"], !display.isEmpty else {
      throw GnuplotError.invalid("show: no display to open a window on (DISPLAY is not set); "
        + "use show(p) for the text view or save(p, \"plots/name.png\")")
    }
    let session = try GnuplotSession.shared()
    let terminals = try session.run("print GPVAL_TERMINALS")
    let names = Set(terminals.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    guard let term = ["qt", "wxt", "x11"].first(where: names.contains) else {
      throw GnuplotError.invalid("show: this gnuplot has no window terminal (gnuplot-nox draws files only); "
        + "install gnuplot-qt or gnuplot-x11, or save(p, \"plots/name.png\")")
    }
    let script = try GnuplotScript(spec).text(terminal: "set terminal \(term) size \(spec.width),\(spec.height) noenhanced", output: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: session.executable)
    p.arguments = ["-persist"]
    let input = Pipe()
    p.standardInput = input
    try p.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
  }

  /// gnuplot's svg terminal carries drawing state (the current stroke colour) over from the
  /// previous plot in the same process, so one figure's SVG depends on what was drawn before.
  /// A fixed throwaway plot first removes most of that (after png, txt or line plots); after
  /// filled bars some state still leaks. Notebook figures stay byte-stable from run to run
  /// because a run draws the same figures in the same order in a fresh process.
  static let svgPrimer = "set terminal svg size 100,100\nset output '/dev/null'\nset xrange [0:1]\nset yrange [0:1]\n"
    + "plot 0.5 lc rgb 'black' notitle\nunset output\n"

  private static func render(_ script: String, producing path: String, session: GnuplotSession?) throws {
    var gp = try session ?? GnuplotSession.shared()
    let text = path.lowercased().hasSuffix(".svg") ? svgPrimer + script : script
    do {
      do {
        try gp.run(text)
      } catch GnuplotError.processFailed where session == nil {
        // The shared gnuplot ended since its last figure (killed, crashed): start a fresh one once.
        gp = try GnuplotSession.shared()
        try gp.run(text)
      }
    } catch {
      // Close whatever output gnuplot opened, and drop the half-written file it leaves.
      _ = try? gp.run("unset output\nunset multiplot")
      try? FileManager.default.removeItem(atPath: path)
      throw error
    }
  }
}
