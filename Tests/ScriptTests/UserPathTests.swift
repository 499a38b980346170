import Foundation
import Script
import Testing

/// The one rule for relative paths, and the messages that name the folder a path was taken from.
@Suite struct UserPathTests {
  private func folder() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-userpath-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir + "/nb", withIntermediateDirectories: true)
    return dir
  }

  @Test func aRelativePathStartsAtTheGivenFolderOrTheWorkingDirectory() {
    let p = UserPath("data/x.csv", relativeTo: "/home/me/nb")
    #expect(p.absolute == "/home/me/nb/data/x.csv")
    #expect(p.base == "/home/me/nb")
    #expect(p.description == "data/x.csv (in /home/me/nb)")
    let cwd = FileManager.default.currentDirectoryPath
    #expect(UserPath("x.csv", relativeTo: nil).absolute == cwd + "/x.csv")
    #expect(UserPath.fromEnvironment("s.sqlite").base == cwd)
  }

  @Test func absoluteAndHomePathsIgnoreTheFolder() {
    let a = UserPath("/data/x.csv", relativeTo: "/home/me/nb")
    #expect(a.absolute == "/data/x.csv")
    #expect(!a.isRelative)
    #expect(a.description == "/data/x.csv")
    let home = UserPath("~/x.csv", relativeTo: "/home/me/nb")
    #expect(home.absolute == NSHomeDirectory() + "/x.csv")
    #expect(!home.isRelative)
  }

  @Test func messagesNameTheFolderARelativePathWasTakenFrom() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let nb = dir + "/nb"
    #expect(FileProblem.reading(UserPath("x.csv", relativeTo: nb)) == "x.csv: no such file (looked in \(nb))")
    #expect(FileProblem.reading(UserPath("../nb", relativeTo: nb)) == "../nb: is a folder, not a file (in \(nb))")
    #expect(FileProblem.writing(UserPath("out/deeper/x.csv", relativeTo: nb))
            == "out/deeper/x.csv: folder out does not exist (in \(nb))")
    #expect(FileProblem.writing(UserPath(nb + "/out/x.csv", relativeTo: nil)) == "\(nb)/out/x.csv: folder \(nb)/out does not exist")
    #expect(FileProblem.problemReading(UserPath("nb", relativeTo: dir), folder: true) == nil)
    #expect(FileProblem.problemReading(UserPath("idx", relativeTo: dir), folder: true) == "idx: no such folder (looked in \(dir))")
    try "x".write(toFile: nb + "/a.csv", atomically: true, encoding: .utf8)
    #expect(FileProblem.problemWriting(UserPath("a.csv/p/x.png", relativeTo: nb), creatingFolders: true)
            == "a.csv/p/x.png: a.csv is a file, not a folder (in \(nb))")
    #expect(FileProblem.problemWriting(UserPath("new/p/x.png", relativeTo: nb), creatingFolders: true) == nil)
    #expect(FileProblem.problemWriting(UserPath("a.csv", relativeTo: nb)) == nil)
  }

  @Test func aFolderWrittenWithDotsIsShownPlainly() {
    #expect(UserPath("x.csv", relativeTo: "/home/me/nb/../data/.").description == "x.csv (in /home/me/data)")
  }
}

extension UserPathTests {
  @Test func aFileWhereAFolderShouldBeIsNamed() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("joule-userpath-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "x".write(toFile: dir + "/data.csv", atomically: true, encoding: .utf8)
    #expect(FileProblem.writing(UserPath("data.csv/out/x.csv", relativeTo: dir))
            == "data.csv/out/x.csv: data.csv is a file, not a folder (in \(dir))")
    #expect(FileProblem.reading(UserPath("data.csv/x.csv", relativeTo: dir))
            == "data.csv/x.csv: data.csv is a file, not a folder (in \(dir))")
  }
}
