import XCTest
@testable import Forms

final class ContactValidationTests: XCTestCase {
    private func problem(_ field: String, _ reason: AnswerReason) -> Result<ContactAnswer?, AnswerProblem> {
        .failure(AnswerProblem(field: field, reason: reason))
    }

    func testValidContactIsTrimmed() throws {
        let form = try FixtureFiles.allTypesForm()
        XCTAssertEqual(form.validateContact(["name": " Anna Sørensen ", "email": " anna@example.dk ", "consent": true]),
                       .success(ContactAnswer(name: "Anna Sørensen", email: "anna@example.dk", consentText: "Jeg giver samtykke.")))
        XCTAssertEqual(form.validateContact(["email": "a.b+c@sub.example.com", "consent": true], language: .en),
                       .success(ContactAnswer(name: "", email: "a.b+c@sub.example.com", consentText: "I consent.")))
    }

    func testNoContactIsFine() throws {
        let form = try FixtureFiles.allTypesForm()
        XCTAssertEqual(form.validateContact(nil), .success(nil))
        XCTAssertEqual(form.validateContact(.null), .success(nil))
        XCTAssertEqual(form.validateContact(["name": "", "email": " ", "consent": false]), .success(nil))
    }

    func testConsentMustBeExactlyTrue() throws {
        let form = try FixtureFiles.allTypesForm()
        for consent: JSONValue in [false, "true", 1, nil] {
            XCTAssertEqual(form.validateContact(["email": "anna@example.dk", "consent": consent]),
                           problem("contact.consent", .consentMissing))
        }
        XCTAssertEqual(form.validateContact(["email": "anna@example.dk"]), problem("contact.consent", .consentMissing))
    }

    func testEmailMustLookLikeAnAddress() throws {
        let form = try FixtureFiles.allTypesForm()
        for email in ["anna", "anna@", "@example.dk", "anna@gmail", "anna@@example.dk", "an na@example.dk",
                      "anna@example..dk", "anna.@example.dk", "anna@-example.dk", "anna@example.d"] {
            XCTAssertEqual(form.validateContact(["email": .string(email), "consent": true]),
                           problem("contact.email", .emailInvalid), email)
        }
        XCTAssertEqual(form.validateContact(["name": "Anna", "consent": true]),
                       problem("contact.email", .emailMissing))
    }

    func testMalformedContactIsAProblem() throws {
        let form = try FixtureFiles.allTypesForm()
        XCTAssertEqual(form.validateContact("anna@example.dk"), problem("contact", .unreadable(expected: .contactDetails)))
        XCTAssertEqual(form.validateContact(["email": "a@b.dk", "consent": true, "phone": "12345678"]), problem("contact.phone", .unknownContactField("phone")))
        XCTAssertEqual(form.validateContact(["email": 5, "consent": true]), problem("contact.email", .unreadable(expected: .text)))
        XCTAssertEqual(form.validateContact(["name": .string(String(repeating: "a", count: 201)), "email": "a@b.dk", "consent": true]),
                       problem("contact.name", .nameTooLong(maximum: 200)))
    }

    func testFormWithoutContactBlockRejectsContact() throws {
        let form = try FormDecoder.decode(jsonText: """
            {"formatVersion": 1, "id": "plain", "title": {"da": "T", "en": "T"}, "themes": [],
             "questions": [{"id": "q", "type": "yes_no", "label": {"da": "Ja?", "en": "Yes?"}}]}
            """, file: "plain.json")
        XCTAssertEqual(form.validateContact(["email": "anna@example.dk", "consent": true]),
                       problem("contact", .contactNotOffered))
        XCTAssertEqual(form.validateContact(nil), .success(nil))
    }

    func testContactProblemsReadForTheCitizenInBothLanguages() throws {
        let form = try FixtureFiles.allTypesForm()
        guard case .failure(let invalid) = form.validateContact(["email": "anna@gmail", "consent": true]) else {
            return XCTFail("an address without a dotted domain is refused")
        }
        XCTAssertEqual(invalid.field, "contact.email")
        XCTAssertEqual(invalid.reason(in: .da), "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")
        XCTAssertEqual(invalid.reason(in: .en), "Write a valid e-mail address, e.g. name@example.com.")
        XCTAssertEqual(form.validateContact(["name": 5, "email": "anna@example.dk", "consent": true]),
                       problem("contact.name", .unreadable(expected: .text)))
    }
}
