import Foundation
import Jupyter
import Testing

/// Messages on the wire: identities, delimiter, signature, four JSON dicts, buffers.
@Suite struct MessageTests {
  let signer = MessageSigner(key: "secret")

  func request() -> Message {
    Message(identities: [Data("client-1".utf8)],
            header: ["msg_id": "abc", "msg_type": "execute_request", "session": "s1"],
            content: ["code": "print(1)", "silent": false])
  }

  @Test func framesReadBackAsTheSameMessage() throws {
    let m = request()
    let back = try Message(frames: m.frames(signer: signer), signer: signer)
    #expect(back.identities == m.identities)
    #expect(back.type == "execute_request")
    #expect(back.id == "abc")
    #expect(back.content["code"]?.string == "print(1)")
    #expect(back.content["silent"]?.bool == false)
  }

  @Test func aReplyGoesBackToTheSamePeerWithTheRequestAsParent() {
    let reply = request().reply("execute_reply", content: ["status": "ok"], session: "kernel")
    #expect(reply.identities == [Data("client-1".utf8)])
    #expect(reply.parentHeader["msg_id"]?.string == "abc")
    #expect(reply.type == "execute_reply")
    #expect(reply.header["version"]?.string == "5.3")
    #expect(reply.header["session"]?.string == "kernel")
    #expect(reply.id != "abc" && !reply.id.isEmpty)
  }

  @Test func aTamperedMessageIsRejected() throws {
    var frames = request().frames(signer: signer)
    frames[frames.count - 1] = Data(#"{"code":"rm()"}"#.utf8)
    #expect(throws: KernelError.badSignature) { try Message(frames: frames, signer: signer) }
  }

  @Test func framesWithoutTheDelimiterAreMalformed() {
    #expect(throws: KernelError.self) { try Message(frames: [Data("x".utf8)], signer: signer) }
  }

  @Test func timestampsAreISO8601WithMicroseconds() {
    let header = Message("status", content: [:], parent: nil, session: "s").header
    let date = header["date"]?.string ?? ""
    #expect(date.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"#, options: .regularExpression) != nil)
  }
}
