import Foundation

/// A JSONPath to a value in a form file, such as `$.questions[3].showIf.question`.
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// The text of the path.
    let description: String

    /// The document itself.
    static let root = JSONPath(description: "$")

    /// The path to a member; keys that are not plain names are written in brackets.
    func appending(key: String) -> JSONPath {
        let isPlainName = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar == "_" || scalar == "$")
        } && !(key.first?.isNumber ?? false)
        if isPlainName { return JSONPath(description: description + "." + key) }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return JSONPath(description: description + "[\"" + escaped + "\"]")
    }

    /// The path to an array element.
    func appending(index: Int) -> JSONPath {
        JSONPath(description: description + "[\(index)]")
    }
}
