/// A stored argon2id hash in the PHC string format, taken apart:
/// `$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>` (base64 without padding).
///
/// Parsing happens in Swift before libargon2 sees the string, so malformed or hostile
/// encodings are refused up front and `needsRehash` can compare parameters.
struct EncodedPasswordHash: Equatable {
    /// The only argon2 version libargon2 writes today (0x13).
    static let supportedVersion: UInt32 = 19

    /// The cost parameters, with salt and hash lengths taken from the decoded fields.
    var parameters: Argon2Parameters
    /// The decoded salt.
    var salt: [UInt8]
    /// The decoded hash.
    var hash: [UInt8]

    /// Parses an encoded hash; nil unless it is a well-formed argon2id v=19 string.
    init?(_ encoded: String) {
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0].isEmpty, fields[1] == "argon2id",
              fields[2] == "v=\(Self.supportedVersion)",
              let costs = Self.parseCosts(fields[3]),
              let salt = UnpaddedBase64.decode(fields[4]),
              let hash = UnpaddedBase64.decode(fields[5])
        else { return nil }
        self.parameters = Argon2Parameters(
            iterations: costs.iterations,
            memoryKiB: costs.memoryKiB,
            parallelism: costs.parallelism,
            saltLength: salt.count,
            hashLength: hash.count
        )
        self.salt = salt
        self.hash = hash
    }

    /// Parses `m=<memory>,t=<iterations>,p=<parallelism>`, in that order as libargon2 writes it.
    private static func parseCosts(_ field: Substring) -> (memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32)? {
        let assignments = field.split(separator: ",", omittingEmptySubsequences: false)
        guard assignments.count == 3,
              let memoryKiB = parseNumber(assignments[0], named: "m"),
              let iterations = parseNumber(assignments[1], named: "t"),
              let parallelism = parseNumber(assignments[2], named: "p")
        else { return nil }
        return (memoryKiB, iterations, parallelism)
    }

    /// Parses `<name>=<decimal>`; only canonical decimals (no sign, no leading zero) fit in UInt32.
    private static func parseNumber(_ assignment: Substring, named name: String) -> UInt32? {
        guard assignment.hasPrefix(name + "=") else { return nil }
        let digits = assignment.dropFirst(name.count + 1)
        guard !digits.isEmpty, digits.count <= 10,
              digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              digits == "0" || !digits.hasPrefix("0")
        else { return nil }
        return UInt32(digits)
    }
}
