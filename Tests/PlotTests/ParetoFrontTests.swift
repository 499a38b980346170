import Plot
import Testing

@Test func paretoFrontKeepsTheCheapestPointForEachAccuracy() {
  let pts = [Point(x: 400, y: 0.86), Point(x: 120, y: 0.78), Point(x: 150, y: 0.80),
             Point(x: 380, y: 0.83), Point(x: 900, y: 0.85), Point(x: 150, y: 0.79)]
  let front = ParetoFront.points(of: pts, direction: .minimizeXMaximizeY)
  #expect(front == [Point(x: 120, y: 0.78), Point(x: 150, y: 0.80), Point(x: 380, y: 0.83), Point(x: 400, y: 0.86)])
}

@Test func paretoFrontMinimisingBothAxesKeepsTheLowerEnvelope() {
  let pts = [Point(x: 1, y: 5), Point(x: 2, y: 3), Point(x: 3, y: 4), Point(x: 4, y: 1)]
  #expect(ParetoFront.points(of: pts, direction: .minimizeXMinimizeY) == [Point(x: 1, y: 5), Point(x: 2, y: 3), Point(x: 4, y: 1)])
  #expect(ParetoFront.Direction.guess(yName: "val_loss") == .minimizeXMinimizeY)
  #expect(ParetoFront.Direction.guess(yName: "accuracy") == .minimizeXMaximizeY)
}
