import Hashing

/// Unguessable secrets: session cookies, CSRF tokens, invitation links, PINs.
///
/// A token is shown to its holder once; the database keeps only `digest(_:)`, so a leaked
/// database does not hand out live sessions.
public enum SecretToken {
    /// A random token of `byteCount` bytes as base64url without padding (32 bytes → 43 characters).
    public static func generate(byteCount: Int = 32) -> String {
        precondition(byteCount > 0, "a secret token needs at least one random byte")
        return UnpaddedBase64.encode(SecureRandom.bytes(count: byteCount), urlSafe: true)
    }

    /// The SHA-256 of the token's UTF-8 bytes as 64 lowercase hex characters: what the database stores.
    public static func digest(_ token: String) -> String {
        SHA256.hexDigest(of: token.utf8)
    }

    /// A uniformly random PIN of `digits` decimal digits, leading zeros kept (e.g. "0482").
    public static func numericPIN(digits: Int) -> String {
        precondition(digits > 0, "a PIN needs at least one digit")
        var generator = SystemRandomNumberGenerator()
        // Each digit is drawn on its own with `random(in:)`, which rejects biased samples.
        return String((0..<digits).map { _ in
            Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &generator)))
        })
    }
}
