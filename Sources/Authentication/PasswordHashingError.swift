/// Why a password could not be hashed.
public struct PasswordHashingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, in words.
    public var reason: String
    /// libargon2's error code when the library reported the failure.
    public var argon2Code: Int32?

    /// Creates an error with a reason and, when libargon2 failed, its code.
    public init(reason: String, argon2Code: Int32? = nil) {
        self.reason = reason
        self.argon2Code = argon2Code
    }

    /// A readable description, for logs.
    public var description: String {
        if let argon2Code {
            return "Password hashing failed: \(reason) (argon2 code \(argon2Code))"
        }
        return "Password hashing failed: \(reason)"
    }
}
