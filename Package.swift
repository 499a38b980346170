// swift-tools-version:6.0
import PackageDescription

// Numeric Swift code: no bounds or overflow checks in its hot loops, whole-module optimised.
// Only TuneNumerics (the GP, its linear algebra and the acquisition math) needs it; the rest of
// Tune (samplers, spaces, pruners, the study model, worker processes and their JSON pipes) keeps
// its checks, and so do Learn and its file parsers, whose hot loops are C kernels and OpenBLAS
// (docs/architecture.md has the timings).
// No instruction set is named here, so one build runs on any x86-64 or aarch64 machine: the
// loops that need AVX2/AVX-512 live in LearnKernels, built once per instruction set and chosen
// at run time (issue 12).
let numeric: [SwiftSetting] = [
  .unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release)),
]

// The C kernels are optimised in every configuration, so debug test runs stay fast; they never
// set errno (so sqrtf vectorises) and contract a·b + c into FMA where the target has it.
let kernelFlags: [CSetting] = [.unsafeFlags(["-O3", "-fno-math-errno", "-ffp-contract=fast"])]

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
    // OpenBLAS loaded on first use (dlopen), not linked: its pthread build's threads start at
    // load and spin; CBLAS gives the headers, BLASLoader the functions (docs/architecture.md).
    .target(name: "BLASLoader", dependencies: ["CBLAS"]),
    .target(name: "CSpawn"),

    // The language knows nothing of the domains.
    .target(name: "Script"),
    // JSON string escaping shared by everything that writes JSON by hand (notebooks, Jupyter,
    // safetensors headers); it knows nothing else.
    .target(name: "JSONText"),

    // Domains know nothing of the language.
    .target(name: "LearnKernels", cSettings: kernelFlags),
    .target(name: "Learn", dependencies: ["CBLAS", "BLASLoader", "CZlib", "LearnKernels", "JSONText"]),
    .target(name: "Energy", dependencies: ["JSONText"]),
    // The GP, Cholesky, L-BFGS and acquisition math: only numbers in, numbers out.
    .target(name: "TuneNumerics", swiftSettings: numeric),
    .target(name: "Tune", dependencies: ["TuneNumerics", "CSpawn"]),
    // Studies kept between processes and machines: SQLite through GRDB, PostgreSQL through libpq,
    // atomic claims, heartbeats. Parsing and storing code: compiled with its checks.
    .target(name: "StudyStore", dependencies: ["Tune", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift")]),
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
    .target(name: "Jupyter", dependencies: ["CZMQ", "JSONText", .product(name: "Crypto", package: "swift-crypto")]),
    // External programs: spawning, output, process trees and their share of the energy.
    .target(name: "Workload", dependencies: ["Energy", "CSpawn"]),

    // Notebooks run cells through the language; they know no domain.
    .target(name: "Notebook", dependencies: ["Script", "JSONText"]),

    // The one place that knows both the language and the domains.
    .target(name: "JouleKit", dependencies: ["Script", "Learn", "Energy", "Tune", "TuneNumerics", "StudyStore", "Plot", "Workload", "Stats"]),

    .executableTarget(
      name: "joule",
      dependencies: [
        "Script", "JouleKit", "Notebook", "Jupyter", "EditLineShim", "Workload", "Energy",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Tests.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "ScriptTests", dependencies: ["Script", "TestSupport"], resources: [.copy("scripts")]),
    .testTarget(name: "LearnTests", dependencies: ["Learn", "TestSupport"]),
    .testTarget(name: "EnergyTests", dependencies: ["Energy", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "WorkloadTests", dependencies: ["Workload", "Energy", "TestSupport"]),
    .testTarget(name: "TuneNumericsTests", dependencies: ["TuneNumerics"]),
    .testTarget(name: "TuneTests", dependencies: ["Tune", "TuneNumerics", "TestSupport"]),
    .testTarget(name: "StudyStoreTests", dependencies: ["StudyStore", "Tune", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "StatsTests", dependencies: ["Stats"], resources: [.copy("Fixtures")]),
    .testTarget(name: "PlotTests", dependencies: ["Plot", "TestSupport"]),
    .testTarget(name: "JSONTextTests", dependencies: ["JSONText"]),
    .testTarget(name: "JupyterTests", dependencies: ["Jupyter", "TestSupport"]),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Script", "TestSupport"]),
    .testTarget(name: "JouleKitTests", dependencies: ["JouleKit", "Script", "TestSupport"]),
    .testTarget(name: "JouleTests", dependencies: ["TestSupport"], exclude: ["Jupyter/kernel_probe.py"]),
  ],
  swiftLanguageModes: [.v5],
  cxxLanguageStandard: .cxx17
)
