// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets for Borgerdialog's parsers (see README.md; `scripts/fuzz` builds and runs them).
///
/// A package of its own so the main build never carries sanitizer flags. The modules under test are
/// the main package's folders, linked in as symlinks (`Sources/Forms -> ../../Sources/Forms`); the
/// App's request-body files are linked one by one into `AppRequestBodies`, because the whole App
/// module would drag in SQLite, the stemmer and the exporters. Only the code under test and the
/// fuzzers are instrumented; swift-log is not.
let instrumented: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-enable-testing"])]
// lld, because ld.gold stops with an internal error (dwarf_reader.cc) on these sanitizer links.
let fuzzerLinking: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

/// One libFuzzer executable: its `main` hands `LLVMFuzzerRunDriver` the test function.
func fuzzer(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: dependencies + ["FuzzSupport"],
        swiftSettings: instrumented,
        linkerSettings: fuzzerLinking
    )
}

let package = Package(
    name: "BorgerdialogFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "Hashing", swiftSettings: instrumented),
        .target(name: "Forms", dependencies: ["Hashing"], swiftSettings: instrumented),
        .target(
            name: "HTTPServer",
            dependencies: ["CMicroHTTPD", .product(name: "Logging", package: "swift-log")],
            swiftSettings: instrumented
        ),
        .target(name: "AppRequestBodies", dependencies: ["Forms", "HTTPServer"], swiftSettings: instrumented),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", "Forms"], swiftSettings: instrumented),

        fuzzer("FormLoaderFuzzer", ["Forms"]),
        fuzzer("JSONBodyFuzzer", ["AppRequestBodies", "Forms"]),
        fuzzer("SubmissionFuzzer", ["AppRequestBodies", "Forms"]),
        fuzzer("RequestTargetFuzzer", ["HTTPServer"]),
        fuzzer("CookieFuzzer", ["HTTPServer"]),
    ]
)
