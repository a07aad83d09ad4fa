import Foundation
import XCTest
@testable import Forms

/// Paths and loaders for the test fixtures and the repository's forms, found relative to this file.
enum FixtureFiles {
    /// `Tests/FormsTests`.
    /// Symlinks are resolved so a scratch package that links the test folder still finds the repository.
    static let testsDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    /// `Tests/FormsTests/Fixtures`.
    static let fixturesDirectory = testsDirectory.appendingPathComponent("Fixtures")
    /// The repository's `Forms` folder.
    static let formsDirectory = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Forms")

    /// The bytes of a fixture, e.g. `data("broken/unknown-type.json")`.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: fixturesDirectory.appendingPathComponent(relativePath))
    }

    /// The valid fixture with every question type.
    static func allTypesForm() throws -> Form {
        try FormDecoder.decode(data("valid/all-types.json"), file: "all-types.json")
    }
}
