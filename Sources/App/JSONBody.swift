import Forms
import HTTPServer

/// Reads the JSON object bodies the API takes, with 400/415 answers for anything else.
enum JSONBody {
    /// Deeper nesting than this is not an answer; refusing it early keeps recursion bounded.
    static let maximumNestingDepth = 32

    /// Refuses a body that does not say it is JSON: `application/json`, with at most a UTF-8 charset.
    ///
    /// Exact, not a prefix: `application/jsonp` or a Latin-1 charset is not what the parser reads.
    static func requireJSONContentType(_ request: Request) throws(AppError) {
        let contentType = request.headers["Content-Type"] ?? ""
        let parts = contentType.lowercased().split(separator: ";").map { $0.filter { $0 != " " && $0 != "\t" } }
        guard parts.first == "application/json",
              parts.dropFirst().allSatisfy({ $0 == "charset=utf-8" || $0 == "charset=\"utf-8\"" })
        else { throw .unsupportedMediaType(contentType) }
    }

    /// The request body as a JSON object, after checking its content type.
    static func object(_ request: Request) throws(AppError) -> [String: JSONValue] {
        try requireJSONContentType(request)
        return try object(bytes: request.body)
    }

    /// Bytes as a JSON object: non-empty, UTF-8, nested no deeper than the limit, an object.
    static func object(bytes: [UInt8]) throws(AppError) -> [String: JSONValue] {
        guard !bytes.isEmpty else { throw .malformedRequest(reason: "the body is empty; expected a JSON object") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformedRequest(reason: "the body is not valid UTF-8")
        }
        guard JSONNesting.depth(of: bytes) <= maximumNestingDepth else {
            throw .malformedRequest(reason: "the JSON is nested deeper than \(maximumNestingDepth) levels")
        }
        guard let document = try? JSONValue(jsonText: text) else {
            throw .malformedRequest(reason: "the body is not valid JSON")
        }
        guard case .object(let fields) = document else { throw .malformedRequest(reason: "the body must be a JSON object") }
        return fields
    }

    /// An optional string field; another type is a 400.
    static func string(_ fields: [String: JSONValue], _ name: String) throws(AppError) -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw .malformedRequest(reason: "\(name) must be a string")
        }
    }

    /// An optional list of strings; absent is empty.
    static func strings(_ fields: [String: JSONValue], _ name: String) throws(AppError) -> [String] {
        switch fields[name] {
        case nil, .null?: return []
        case .array(let values)?:
            var strings: [String] = []
            for value in values {
                guard case .string(let text) = value else { throw .malformedRequest(reason: "\(name) must be a list of strings") }
                strings.append(text)
            }
            return strings
        default: throw .malformedRequest(reason: "\(name) must be a list of strings")
        }
    }

    /// An optional whole number.
    static func integer(_ fields: [String: JSONValue], _ name: String) throws(AppError) -> Int? {
        switch fields[name] {
        case nil, .null?: return nil
        case .number(let number)? where number == number.rounded() && abs(number) < 1e15: return Int(number)
        default: throw .malformedRequest(reason: "\(name) must be a whole number")
        }
    }
}
