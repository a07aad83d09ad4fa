import Foundation

/// Hashes and verifies staff passwords with argon2id, in the PHC string format databases store.
///
/// Passwords are normalized to Unicode NFKC before hashing (as NIST SP 800-63B asks), so "å"
/// typed as one code point on one keyboard and as "a" + combining ring on another is the same password.
public struct PasswordHasher: Sendable {
    /// The parameters new hashes are made with, and that `needsRehash` compares against.
    public let parameters: Argon2Parameters

    /// Creates a hasher; use `.fastForTests` only in tests.
    public init(parameters: Argon2Parameters = .standard) {
        self.parameters = parameters
    }

    /// Hashes a password with a fresh random salt: `$argon2id$v=19$m=...,t=...,p=...$salt$hash`.
    public func hash(_ password: String) throws(PasswordHashingError) -> String {
        try hash(password, salt: SecureRandom.bytes(count: parameters.saltLength))
    }

    /// Hashes with a given salt; tests use it to reproduce known vectors.
    func hash(_ password: String, salt: [UInt8]) throws(PasswordHashingError) -> String {
        guard parameters.isWithinAcceptedLimits, Argon2Parameters.acceptedSaltLengths.contains(salt.count) else {
            throw PasswordHashingError(
                reason: "parameters \(parameters) or salt length \(salt.count) are outside the limits verification accepts"
            )
        }
        return try Argon2Binding.hashEncoded(
            password: Self.normalizedBytes(of: password), salt: salt, parameters: parameters
        )
    }

    /// Whether the password matches the encoded hash; false for malformed or out-of-bounds encodings.
    public func verify(_ password: String, against encoded: String) -> Bool {
        guard !encoded.utf8.contains(0),
              let stored = EncodedPasswordHash(encoded),
              stored.parameters.isWithinAcceptedLimits
        else { return false }
        return Argon2Binding.verify(password: Self.normalizedBytes(of: password), encoded: encoded)
    }

    /// Whether a hash was made with other parameters than ours, so it should be replaced after a
    /// successful login; also true for encodings that cannot be parsed.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let stored = EncodedPasswordHash(encoded) else { return true }
        return stored.parameters != parameters
    }

    /// Spends the same work as `verify` and returns false, for logins to accounts that do not exist.
    ///
    /// Answering unknown e-mails instantly would tell an attacker which accounts exist.
    @discardableResult
    public func verifyWithoutAccount(_ password: String) -> Bool {
        _ = try? hash(password)
        return false
    }

    /// The password's bytes as hashed: UTF-8 of its NFKC normal form.
    static func normalizedBytes(of password: String) -> [UInt8] {
        Array(normalized(password).utf8)
    }

    /// The NFKC normal form; `PasswordPolicy` measures this same form.
    static func normalized(_ password: String) -> String {
        password.precomposedStringWithCompatibilityMapping
    }
}
