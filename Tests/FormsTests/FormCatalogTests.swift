import XCTest
@testable import Forms

final class FormCatalogTests: XCTestCase {
    func testABrokenFileAddsProblemsAndTheOthersStillLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forms-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FixtureFiles.data("valid/all-types.json").write(to: directory.appendingPathComponent("all-types.json"))
        try FixtureFiles.data("broken/unknown-type.json").write(to: directory.appendingPathComponent("unknown-type.json"))
        try Data("{}".utf8).write(to: directory.appendingPathComponent("form.schema.json"))
        try Data("# notes".utf8).write(to: directory.appendingPathComponent("README.md"))

        let catalog = FormCatalog.load(directory: directory.path)
        XCTAssertEqual(catalog.forms.map(\.id), ["all-types"])
        XCTAssertEqual(catalog.problems.map(\.file), [directory.appendingPathComponent("unknown-type.json").path])
        XCTAssertEqual(catalog.problems.map(\.path), ["$.questions[1].type"])
        XCTAssertEqual(catalog.form(id: "all-types")?.id, "all-types")
        XCTAssertNil(catalog.form(id: "unknown-type"))
    }

    func testAMissingFolderIsAProblem() {
        let catalog = FormCatalog.load(directory: "/nonexistent/forms")
        XCTAssertEqual(catalog.forms.count, 0)
        XCTAssertEqual(catalog.problems.map(\.file), ["/nonexistent/forms"])
    }

    func testFilesAreDecodedFromMemorySortedById() throws {
        let allTypes = try FixtureFiles.data("valid/all-types.json")
        let broken = try FixtureFiles.data("broken/missing-english.json")
        let catalog = FormCatalog(files: [("missing-english.json", broken), ("all-types.json", allTypes)])
        XCTAssertEqual(catalog.forms.map(\.id), ["all-types"])
        XCTAssertEqual(catalog.problems, [
            FormProblem(file: "missing-english.json", path: "$.questions[1].label.en",
                        reason: LocalizedText(da: "teksten på engelsk mangler", en: "missing English translation")),
        ])
    }

    func testSchemaFilesAndHiddenFilesAreNotForms() {
        XCTAssertTrue(FormCatalog.isFormFileName("quick-poll.json"))
        XCTAssertFalse(FormCatalog.isFormFileName("form.schema.json"))
        XCTAssertFalse(FormCatalog.isFormFileName(".quick-poll.json"))
        XCTAssertFalse(FormCatalog.isFormFileName("README.md"))
    }
}
