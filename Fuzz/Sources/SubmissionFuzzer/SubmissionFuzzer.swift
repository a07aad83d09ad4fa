@testable import AppRequestBodies
import Forms
import Foundation
import FuzzSupport

/// Feeds bytes as the body of `POST /api/sessions/{code}/responses`, then validates the answers and
/// contact details against every shipped form in `Forms/`, as `CitizenAPI.submit` does.
@main
enum SubmissionFuzzer: FuzzTarget {
    /// The shipped forms, found from this file's place in the repository (`Fuzz/Sources/SubmissionFuzzer`).
    static let shippedForms: [Form] = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let catalog = FormCatalog.load(directory: repository.appendingPathComponent("Forms").path)
        guard catalog.problems.isEmpty, !catalog.forms.isEmpty else {
            fatalError("the shipped forms do not load: \(catalog.problems)")
        }
        return catalog.forms
    }()

    static func test(_ bytes: [UInt8]) {
        guard let submission = try? SubmissionRequest(body: bytes) else { return }
        let id = submission.submissionID
        Invariant.check(
            (8...SubmissionRequest.maximumSubmissionIDLength).contains(id.utf8.count)
                && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") },
            "accepted the submission id '\(id)'"
        )
        if let table = submission.tableLabel {
            Invariant.check(!table.isEmpty && table.count <= 200, "accepted a table label of \(table.count) characters")
        }
        for form in shippedForms {
            form.checkedValidation(of: submission.answers)
            checkContact(submission, against: form)
        }
    }

    /// Accepted contact details are trimmed, plausible, and accepted again as they are.
    static func checkContact(_ submission: SubmissionRequest, against form: Form) {
        guard case .success(let contact?) = form.validateContact(submission.contact, language: submission.language) else { return }
        Invariant.check(form.contact != nil, "contact details accepted by a form without a contact block")
        Invariant.check(!contact.email.isEmpty && contact.email.count <= Form.contactEmailMaxLength, "accepted the e-mail '\(contact.email)'")
        Invariant.check(!contact.email.contains(where: \.isWhitespace), "accepted an e-mail with spaces: '\(contact.email)'")
        Invariant.check(contact.name.count <= Form.contactNameMaxLength, "accepted a name of \(contact.name.count) characters")
        Invariant.check(
            contact.name == contact.name.trimmingCharacters(in: .whitespacesAndNewlines),
            "the name '\(contact.name)' is not trimmed"
        )
        let again = form.validateContact(
            .object(["name": .string(contact.name), "email": .string(contact.email), "consent": true]),
            language: submission.language
        )
        Invariant.check(again == .success(contact), "accepted contact details are refused or changed when sent again")
    }
}
