import Foundation

/// Typed decoding of JSON a test received, with a failure that shows where and what came instead.
public enum JSONDocument {
    /// `bytes` decoded into `type`; throws a ``TestFailure`` naming `source`, the JSON path that
    /// did not fit and the start of the text.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Collection<UInt8>, source: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            let text = String(decoding: bytes.prefix(2000), as: UTF8.self)
            throw TestFailure("""
                \(source) is not a \(Value.self): \(describe(error))
                text: \(text)\(bytes.count > 2000 ? "…" : "")
                """)
        }
    }

    /// Why decoding failed, with the JSON path of the field.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            "$" + context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is missing"
        case .typeMismatch(let type, let context): return "\(path(context)) is not a \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "\(path(context)) is null, expected a \(type)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }
}
