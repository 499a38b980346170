// swift-tools-version:6.0
import PackageDescription

// Numeric code needs FMA and AVX2 to vectorise (`Float.addingProduct` is a libm call otherwise).
// Haswell is a portable level every x86-64 machine of the last decade has; swiftc here does not
// accept the name x86-64-v3.
let numeric: [SwiftSetting] = [
  .unsafeFlags(["-target-cpu", "haswell", "-Ounchecked", "-wmo"], .when(configuration: .release)),
]

let package = Package(
  name: "joule",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "joule", targets: ["joule"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // System libraries.
    .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // PostgreSQL's C client for shared study stores: synchronous like the rest of joule.
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .systemLibrary(name: "CZMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
    .target(name: "EditLineShim", dependencies: ["CEditLine"]),

    // The language knows nothing of the domains.
    .target(name: "Script"),

    // Domains know nothing of the language.
    .target(name: "Learn", dependencies: ["CBLAS", "CZlib"], swiftSettings: numeric),
    .target(name: "Energy"),
    .target(name: "Tune", dependencies: ["CLibPQ", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: numeric),
    .target(
      name: "GnuplotBridge",
      cxxSettings: [.unsafeFlags(["-std=c++17"])],
      linkerSettings: [
        .linkedLibrary("boost_iostreams"), .linkedLibrary("boost_system"),
        .linkedLibrary("boost_filesystem"),
      ]),
    .target(name: "Plot", dependencies: ["GnuplotBridge"]),
    .target(name: "Stats"),
    // The Jupyter messaging protocol over ZeroMQ: knows no language; a kernel plugs one in.
    .target(name: "Jupyter", dependencies: ["CZMQ", .product(name: "Crypto", package: "swift-crypto")]),

    // Notebooks run cells through the language; they know no domain.
    .target(name: "Notebook", dependencies: ["Script"]),

    // The one place that knows both the language and the domains.
    .target(name: "JouleKit", dependencies: ["Script", "Learn", "Energy", "Tune", "Plot", "Stats"]),

    .executableTarget(
      name: "joule",
      dependencies: [
        "Script", "JouleKit", "Notebook", "Jupyter", "EditLineShim",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Tests.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "ScriptTests", dependencies: ["Script", "TestSupport"], resources: [.copy("scripts")]),
    .testTarget(name: "LearnTests", dependencies: ["Learn", "TestSupport"]),
    .testTarget(name: "EnergyTests", dependencies: ["Energy", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "TuneTests", dependencies: ["Tune", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "StatsTests", dependencies: ["Stats"], resources: [.copy("Fixtures")]),
    .testTarget(name: "PlotTests", dependencies: ["Plot", "TestSupport"]),
    .testTarget(name: "JupyterTests", dependencies: ["Jupyter", "TestSupport"]),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Script", "TestSupport"]),
    .testTarget(name: "JouleKitTests", dependencies: ["JouleKit", "Script", "TestSupport"]),
    .testTarget(name: "JouleTests", dependencies: ["TestSupport"], exclude: ["Jupyter/kernel_probe.py"]),
  ],
  swiftLanguageModes: [.v5],
  cxxLanguageStandard: .cxx17
)
