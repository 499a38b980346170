/// A whole figure: one or more panels side by side, with an overall title.
///
///     let spec = PlotSpec(Panel(series: [s], kind: .lines, title: "loss"))
///     try PlotRenderer.save(spec, to: "plots/loss.png")
public struct PlotSpec: Equatable {
  public var panels: [Panel]
  public var title: String?
  /// Pixel size for png/svg; pdf scales it at 100 pixels per inch.
  public var width: Int
  public var height: Int

  public init(panels: [Panel], title: String? = nil, width: Int? = nil, height: Int? = nil) {
    self.panels = panels
    self.title = title
    // 800 x 560 per panel reads well on a laptop screen and in a Markdown page.
    self.width = width ?? (panels.count > 1 ? 560 * panels.count : 800)
    self.height = height ?? (panels.count > 1 ? 460 : 560)
  }

  public init(_ panel: Panel, width: Int? = nil, height: Int? = nil) {
    self.init(panels: [panel], width: width, height: height)
  }
}
