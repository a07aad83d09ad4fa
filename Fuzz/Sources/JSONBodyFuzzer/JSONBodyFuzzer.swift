@testable import AppRequestBodies
import Forms
import Foundation
import FuzzSupport

/// Feeds bytes to the request-body parser (`JSONBody`, `JSONNesting`, the strict `JSONParser`).
///
/// The API's bodies are JSON only (there is no form-urlencoded parser), so this is the body parser.
@main
enum JSONBodyFuzzer: FuzzTarget {
    static func test(_ bytes: [UInt8]) {
        let parsed = try? JSONValue(jsonData: Data(bytes))
        if let parsed {
            checkParsedDocument(parsed, bytes: bytes)
        }
        let object: [String: JSONValue]
        do {
            object = try JSONBody.object(bytes: bytes)
        } catch {
            guard case .object? = parsed else { return }
            Invariant.check(
                JSONNesting.depth(of: bytes) > JSONBody.maximumNestingDepth,
                "a JSON object body within the nesting limit was refused: \(error)"
            )
            return
        }
        Invariant.check(parsed == .object(object), "the body parser and the JSON parser disagree")
        Invariant.check(JSONNesting.depth(of: bytes) <= JSONBody.maximumNestingDepth, "a body nested too deeply was accepted")
        checkFieldReaders(object)
    }

    /// What holds for any document the strict parser accepts.
    static func checkParsedDocument(_ parsed: JSONValue, bytes: [UInt8]) {
        parsed.checkCanonicalRoundTrip()
        Invariant.check(String(validating: bytes, as: UTF8.self) != nil, "the JSON parser accepted bytes that are not UTF-8")
        Invariant.check(
            JSONNesting.depth(of: bytes) == parsed.nestingDepth,
            "JSONNesting counts \(JSONNesting.depth(of: bytes)) levels, the parser found \(parsed.nestingDepth)"
        )
        // The strict parser may refuse what Foundation takes (repeated keys), never the other way round.
        let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        Invariant.check(foundation != nil, "the strict parser accepted JSON that Foundation refuses")
    }

    /// The typed field readers either refuse a field or return it faithfully.
    static func checkFieldReaders(_ fields: [String: JSONValue]) {
        for (name, value) in fields {
            if let text = try? JSONBody.string(fields, name) {
                Invariant.check(value == .string(text), "string(\(name)) returned something else")
            }
            if let strings = try? JSONBody.strings(fields, name), !strings.isEmpty {
                Invariant.check(value == .array(strings.map(JSONValue.string)), "strings(\(name)) returned something else")
            }
            if let integer = try? JSONBody.integer(fields, name) {
                Invariant.check(value == .number(Double(integer)), "integer(\(name)) returned \(integer) for \(value.jsonText)")
            }
        }
    }
}
