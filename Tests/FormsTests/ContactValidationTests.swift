import XCTest
@testable import Forms

final class ContactValidationTests: XCTestCase {
    private func problem(_ reason: String) -> Result<ContactAnswer?, AnswerProblem> {
        .failure(AnswerProblem(question: "contact", reason: reason))
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
                           problem("consent must be given to leave contact details"))
        }
        XCTAssertEqual(form.validateContact(["email": "anna@example.dk"]), problem("consent must be given to leave contact details"))
    }

    func testEmailMustLookLikeAnAddress() throws {
        let form = try FixtureFiles.allTypesForm()
        for email in ["anna", "anna@", "@example.dk", "anna@gmail", "anna@@example.dk", "an na@example.dk",
                      "anna@example..dk", "anna.@example.dk", "anna@-example.dk", "anna@example.d"] {
            XCTAssertEqual(form.validateContact(["email": .string(email), "consent": true]),
                           problem("'\(email)' is not a valid e-mail address"), email)
        }
        XCTAssertEqual(form.validateContact(["name": "Anna", "consent": true]),
                       problem("an e-mail address is required to leave contact details"))
    }

    func testMalformedContactIsAProblem() throws {
        let form = try FixtureFiles.allTypesForm()
        XCTAssertEqual(form.validateContact("anna@example.dk"), problem("expected {\"name\", \"email\", \"consent\"}, found a string"))
        XCTAssertEqual(form.validateContact(["email": "a@b.dk", "consent": true, "phone": "12345678"]), problem("unknown field 'phone'"))
        XCTAssertEqual(form.validateContact(["email": 5, "consent": true]), problem("email: expected text"))
        XCTAssertEqual(form.validateContact(["name": .string(String(repeating: "a", count: 201)), "email": "a@b.dk", "consent": true]),
                       problem("the name is longer than 200 characters"))
    }

    func testFormWithoutContactBlockRejectsContact() throws {
        let form = try FormDecoder.decode(jsonText: """
            {"formatVersion": 1, "id": "plain", "title": {"da": "T", "en": "T"}, "themes": [],
             "questions": [{"id": "q", "type": "yes_no", "label": {"da": "Ja?", "en": "Yes?"}}]}
            """, file: "plain.json")
        XCTAssertEqual(form.validateContact(["email": "anna@example.dk", "consent": true]),
                       problem("this form does not ask for contact details"))
        XCTAssertEqual(form.validateContact(nil), .success(nil))
    }
}
