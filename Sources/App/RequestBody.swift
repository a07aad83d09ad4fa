import Forms
import Foundation
import HTTPServer

/// Reads JSON request bodies into `Decodable` types, with errors that name the field.
///
/// One nesting limit guards every body before any parser sees it; a malformed body is reported
/// with the line and column of the mistake.
enum RequestBody {
    /// Deeper nesting than this is not a request; refusing it early keeps every parser's recursion bounded.
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

    /// The request's JSON body as `Body`, after checking its content type.
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) throws(AppError) -> Body {
        try requireJSONContentType(request)
        return try decode(type, bytes: request.body)
    }

    /// Bytes as `Body`: non-empty, UTF-8, nested no deeper than the limit, and of the right shape.
    static func decode<Body: Decodable>(_ type: Body.Type, bytes: [UInt8]) throws(AppError) -> Body {
        try checkEnvelope(bytes)
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw problem(error, bytes: bytes)
        } catch let error as AppError {
            throw error
        } catch {
            throw .malformedRequest(reason: LocalizedText(da: "Indholdet kunne ikke læses.", en: "The body cannot be read."))
        }
    }

    /// Bytes as a JSON object of values, for bodies whose values are free-form (a citizen's answers).
    static func object(bytes: [UInt8]) throws(AppError) -> [String: JSONValue] {
        try checkEnvelope(bytes)
        let document: JSONValue
        do {
            document = try JSONValue(jsonData: Data(bytes))
        } catch {
            throw malformed(error)
        }
        guard case .object(let fields) = document else {
            throw .malformedRequest(reason: LocalizedText(da: "Indholdet skal være et JSON-objekt.", en: "The body must be a JSON object."))
        }
        return fields
    }

    private static func checkEnvelope(_ bytes: [UInt8]) throws(AppError) {
        guard !bytes.isEmpty else {
            throw .malformedRequest(reason: LocalizedText(da: "Indholdet er tomt; der forventes et JSON-objekt.",
                                                          en: "The body is empty; expected a JSON object."))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .malformedRequest(reason: LocalizedText(da: "Indholdet er ikke gyldig UTF-8.", en: "The body is not valid UTF-8."))
        }
        guard JSONNesting.depth(of: bytes) <= maximumNestingDepth else {
            throw .malformedRequest(reason: LocalizedText(
                da: "JSON-indholdet er indlejret dybere end \(maximumNestingDepth) niveauer.",
                en: "The JSON is nested deeper than \(maximumNestingDepth) levels."))
        }
    }

    /// A decoding failure as the error that answers it, naming the field (`tables[2]`).
    private static func problem(_ error: DecodingError, bytes: [UInt8]) -> AppError {
        switch error {
        case .keyNotFound(let key, let context):
            return .malformedRequest(reason: LocalizedText(da: "skal udfyldes", en: "is required"),
                                     field: path(context.codingPath + [key]))
        case .valueNotFound(_, let context):
            return .malformedRequest(reason: LocalizedText(da: "skal udfyldes", en: "is required"), field: path(context.codingPath))
        case .typeMismatch(let type, let context):
            return .malformedRequest(reason: expected(type), field: path(context.codingPath))
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // Malformed JSON: our parser says where, JSONDecoder does not.
            do {
                _ = try JSONValue(jsonData: Data(bytes))
            } catch {
                return malformed(error)
            }
            return .malformedRequest(reason: LocalizedText(da: "Indholdet er ikke gyldig JSON.", en: "The body is not valid JSON."))
        case .dataCorrupted(let context):
            return .malformedRequest(reason: LocalizedText(da: "har ikke en gyldig værdi", en: "has no valid value"),
                                     field: path(context.codingPath))
        @unknown default:
            return .malformedRequest(reason: LocalizedText(da: "Indholdet kunne ikke læses.", en: "The body cannot be read."))
        }
    }

    private static func malformed(_ error: JSONParseError) -> AppError {
        .malformedRequest(reason: LocalizedText(
            da: "Indholdet er ikke gyldig JSON (linje \(error.line), kolonne \(error.column)): \(error.reason.da)",
            en: "The body is not valid JSON (line \(error.line), column \(error.column)): \(error.reason.en)"))
    }

    private static func expected(_ type: Any.Type) -> LocalizedText {
        switch type {
        case is String.Type: LocalizedText(da: "skal være en tekst", en: "must be a string")
        case is Int.Type, is Int64.Type: LocalizedText(da: "skal være et helt tal", en: "must be a whole number")
        case is Double.Type: LocalizedText(da: "skal være et tal", en: "must be a number")
        case is Bool.Type: LocalizedText(da: "skal være true eller false", en: "must be true or false")
        default:
            String(describing: type).hasPrefix("Array")
                ? LocalizedText(da: "skal være en liste", en: "must be a list")
                : LocalizedText(da: "har ikke den rigtige type", en: "has the wrong type")
        }
    }

    /// `tables[2]`, `answers.age`: a coding path as a field name.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "$" : text
    }
}
