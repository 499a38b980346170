/// What a kernel tells front ends about its language in `kernel_info_reply`.
///
///     LanguageInfo(name: "joule", version: "0.2.0", fileExtension: ".jnb", mimetype: "text/x-joule",
///                  implementation: "joule", banner: "joule 0.2.0")
public struct LanguageInfo: Sendable {
  public var name: String
  public var version: String
  public var fileExtension: String
  public var mimetype: String
  /// The kernel program's name and version (here the same program as the language).
  public var implementation: String
  public var implementationVersion: String
  public var banner: String
  /// Links the front end's Help menu shows: (text, url).
  public var helpLinks: [(text: String, url: String)]

  public init(name: String, version: String, fileExtension: String, mimetype: String, implementation: String,
              implementationVersion: String? = nil, banner: String, helpLinks: [(text: String, url: String)] = []) {
    self.name = name
    self.version = version
    self.fileExtension = fileExtension
    self.mimetype = mimetype
    self.implementation = implementation
    self.implementationVersion = implementationVersion ?? version
    self.banner = banner
    self.helpLinks = helpLinks
  }

  /// The content of `kernel_info_reply`.
  var replyContent: JSONValue {
    [
      "status": "ok",
      "protocol_version": .string(Message.protocolVersion),
      "implementation": .string(implementation),
      "implementation_version": .string(implementationVersion),
      "language_info": [
        "name": .string(name),
        "version": .string(version),
        "mimetype": .string(mimetype),
        "file_extension": .string(fileExtension),
      ],
      "banner": .string(banner),
      "help_links": .array(helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }),
    ]
  }
}
