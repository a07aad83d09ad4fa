/// The code a citizen gets for a stored response, to see or erase it later: 8 characters of
/// ``ReadableAlphabet``, shown in two groups ("K7MX-4QPA").
///
/// Random (about 40 bits), never derived from the submission id, unique in the database, and made
/// by the response writer in the transaction that stores the response.
public struct ReceiptCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How many characters a receipt has.
    public static let length = 8

    /// The canonical characters, as stored: `K7MX4QPA`.
    public let value: String

    /// A receipt from typed text in any case, with or without the dash and spaces; nil when it is not one.
    public init?(typed: String) {
        let canonical = ReadableAlphabet.canonical(typed)
        guard canonical.count == Self.length, canonical.allSatisfy(ReadableAlphabet.characters.contains) else { return nil }
        value = canonical
    }

    private init(canonical: String) {
        value = canonical
    }

    /// A fresh random receipt.
    public static func random() -> ReceiptCode {
        ReceiptCode(canonical: ReadableAlphabet.random(length: length))
    }

    /// As a person reads it: `K7MX-4QPA`.
    public var formatted: String {
        String(value.prefix(Self.length / 2)) + "-" + String(value.suffix(Self.length / 2))
    }

    public var description: String { formatted }

    /// Encoded as its formatted text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }

    /// Decoded from stored or formatted text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let receipt = ReceiptCode(typed: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a receipt code: \(text)")
        }
        self = receipt
    }
}
