import Foundation
import Jupyter
import Testing

/// HMAC-SHA256 signatures as Jupyter computes them.
@Suite struct MessageSignerTests {
  let key = "a0436f6c-1916-498b-8eb9-e81ab9368e84"
  let frames = [#"{"msg_id":"1"}"#, "{}", "{}", #"{"code":"x"}"#].map { Data($0.utf8) }

  @Test func signatureMatchesPythonsHmacModule() {
    // python3 -c "import hmac, hashlib; print(hmac.new(key, header + parent + metadata +
    //   content, hashlib.sha256).hexdigest())", as jupyter_client.session signs.
    #expect(MessageSigner(key: key).signature(of: frames)
      == "c127e7d687f9b04ac08b5d4d8d044e23d5af43c9f4c7df6ab23ca59210031b80")
  }

  @Test func verifyRejectsAChangedFrameOrAnotherKey() {
    let signer = MessageSigner(key: key)
    let signature = signer.signature(of: frames)
    #expect(signer.verify(signature, of: frames))
    var changed = frames
    changed[3] = Data(#"{"code":"y"}"#.utf8)
    #expect(!signer.verify(signature, of: changed))
    #expect(!MessageSigner(key: "other").verify(signature, of: frames))
    #expect(!signer.verify("", of: frames))
  }

  @Test func anEmptyKeyTurnsSigningOff() {
    let signer = MessageSigner(key: "")
    #expect(signer.signature(of: frames) == "")
    #expect(signer.verify("", of: frames))
  }
}
