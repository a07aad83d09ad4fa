@testable import AppRequestBodies
import Forms
import Foundation
import FuzzSupport

/// Feeds bytes to the request-body readers (`RequestBody`, `JSONNesting`, the strict `JSONParser`).
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
            object = try RequestBody.object(bytes: bytes)
        } catch {
            guard case .object? = parsed else { return }
            Invariant.check(
                JSONNesting.depth(of: bytes) > RequestBody.maximumNestingDepth,
                "a JSON object body within the nesting limit was refused: \(error)"
            )
            return
        }
        Invariant.check(parsed == .object(object), "the body parser and the JSON parser disagree")
        Invariant.check(JSONNesting.depth(of: bytes) <= RequestBody.maximumNestingDepth, "a body nested too deeply was accepted")
        checkTypedDecoding(bytes, object: object)
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

    /// A body of the shape the API's typed bodies take.
    struct Probe: Decodable {
        let text: String?
        let list: [String]?
        let count: Int?
    }

    /// Typed decoding either refuses a body or returns its fields faithfully.
    static func checkTypedDecoding(_ bytes: [UInt8], object: [String: JSONValue]) {
        guard let probe = try? RequestBody.decode(Probe.self, bytes: bytes) else { return }
        if let text = probe.text {
            Invariant.check(object["text"] == .string(text), "text decoded as something else")
        }
        if let list = probe.list {
            Invariant.check(object["list"] == .array(list.map(JSONValue.string)), "list decoded as something else")
        }
        if let count = probe.count {
            Invariant.check(object["count"] == .number(Double(count)), "count decoded as \(count) from \(object["count"]?.jsonText ?? "nothing")")
        }
    }
}
