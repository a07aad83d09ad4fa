import Forms
import Foundation
import FuzzSupport

/// Feeds bytes to the form loader as a form file, then uses every form that loads.
@main
enum FormLoaderFuzzer: FuzzTarget {
    /// A name without `.json`, so the rule "id equals the file name" does not reject every input.
    static let fileName = "fuzz-input"

    static func test(_ bytes: [UInt8]) {
        let document = try? JSONValue(jsonData: Data(bytes))
        document?.checkCanonicalRoundTrip()
        let form: Form
        do {
            form = try FormDecoder.decode(Data(bytes), file: fileName)
        } catch {
            Invariant.check(!error.problems.isEmpty, "a form was rejected without a problem")
            for problem in error.problems {
                Invariant.check(problem.file == fileName, "a problem names another file: \(problem)")
                Invariant.check(problem.path.hasPrefix("$"), "a problem's JSON path does not start at $: \(problem)")
            }
            return
        }
        guard let document else {
            Invariant.check(false, "a form loaded from bytes the JSON parser rejects")
            return
        }
        checkStructure(of: form)
        checkReformattingKeepsTheForm(form, document: document)
        checkClientViews(of: form)
        form.checkedValidation(of: [:])
        form.checkedValidation(of: FormAnswers.typical(for: form, pickingLast: false))
        form.checkedValidation(of: FormAnswers.typical(for: form, pickingLast: true))
    }

    /// Unique ids, and conditions that look back at an earlier question that takes an answer.
    static func checkStructure(of form: Form) {
        Invariant.check(!form.id.isEmpty, "a form with an empty id")
        var earlier: [String: Question] = [:]
        for question in form.questions {
            Invariant.check(earlier[question.id] == nil, "the question id '\(question.id)' appears twice")
            if let condition = question.condition {
                Invariant.check(
                    earlier[condition.question]?.takesAnswer == true,
                    "'\(question.id)' depends on '\(condition.question)', which is not an earlier question with an answer"
                )
            }
            earlier[question.id] = question
        }
    }

    /// The canonical text of the same definition loads as the same form with the same hash.
    static func checkReformattingKeepsTheForm(_ form: Form, document: JSONValue) {
        do {
            let reformatted = try FormDecoder.decode(jsonText: document.jsonText, file: fileName)
            Invariant.check(reformatted.contentHash == form.contentHash, "reformatting changed the content hash")
            Invariant.check(reformatted.questions == form.questions, "reformatting changed the questions")
            Invariant.check(reformatted.contact == form.contact, "reformatting changed the contact block")
        } catch {
            Invariant.check(false, "the canonical text of a valid form does not load: \(error)")
        }
    }

    /// The tablet's view encodes in every language, and the JSON parser reads what the encoder wrote.
    static func checkClientViews(of form: Form) {
        for language in Language.allCases {
            let view = form.clientView(language: language)
            Invariant.check(view.questions.count == form.questions.count, "the client view lost questions")
            do {
                let encoded = try JSONEncoder().encode(view)
                let parsed = try JSONValue(jsonData: encoded)
                parsed.checkCanonicalRoundTrip()
            } catch {
                Invariant.check(false, "the client view does not survive JSON: \(error)")
            }
        }
    }
}
