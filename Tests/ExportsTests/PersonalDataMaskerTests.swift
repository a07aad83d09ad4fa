import Exports
import XCTest

final class PersonalDataMaskerTests: XCTestCase {
    let masker = PersonalDataMasker()

    func testMasksPersonalData() {
        let cases: [(String, String)] = [
            ("Mit CPR er 010203-1234.", "Mit CPR er [CPR]."),
            ("cpr 0102031234 tak", "cpr [CPR] tak"),
            ("Født 311299-4321", "Født [CPR]"),
            ("Ring 42345678", "Ring [telefon]"),
            ("Ring 22 33 44 55 i morgen", "Ring [telefon] i morgen"),
            ("tlf. 2233 4455", "tlf. [telefon]"),
            ("tlf: 22-33-44-55", "tlf: [telefon]"),
            ("+45 22 33 44 55", "[telefon]"),
            ("+4522334455", "[telefon]"),
            ("(+45) 2233 4455", "[telefon]"),
            ("0045 22334455", "[telefon]"),
            ("004522334455", "[telefon]"),
            ("Skriv til anne.hansen@example.dk!", "Skriv til [e-mail]!"),
            ("mail: Søren.Ørsted+borger@kommune-x.dk.", "mail: [e-mail]."),
            ("a@b.dk og c@d.com", "[e-mail] og [e-mail]"),
            ("Jens (jens@mail.dk, 22334455, 010203-1234)", "Jens ([e-mail], [telefon], [CPR])"),
            ("Æbler 44 55 66 77 ønskes", "Æbler [telefon] ønskes"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(masker.mask(text), expected, text)
        }
    }

    func testLeavesOrdinaryNumbersAlone() {
        let untouched = [
            "I 2026 skal vi have flere bænke.",
            "Det koster 1.500 kr om året.",
            "Vi bor i 9900 Frederikshavn.",
            "Fra 2025 2026 og frem.",
            "Budgettet er 25 000 000 kr.",
            "Budgettet er 25000000 kr.",
            "Ca. 22345678,50 i alt",
            "Varenummer AB22345678",
            "Kl. 18.30 den 3.3.2026",
            "10 % flere, 3,5 timer, 100 m²",
            "Telefonnummer 1234 (internt)",
            "Et 9-cifret tal 123456789",
            "Et 10-cifret tal uden dato 9999999999",
            "Et 11-cifret tal 22334455667",
            "E-mail uden domæne: anne@",
            "Skriv @kommunen på Facebook",
            "Pris 2.234.567,00",
            // Danish subscriber numbers start with 2–9; 8 digits from 0 or 1 are something else.
            "Sagsnummer 12345678",
        ]
        for text in untouched {
            XCTAssertEqual(masker.mask(text), text, text)
        }
    }

    func testTextWithoutDigitsOrAtSignIsReturnedAsIs() {
        let text = "Fællesskab er kernen i det gode liv – også på Ærø."
        XCTAssertEqual(masker.mask(text), text)
    }
}
