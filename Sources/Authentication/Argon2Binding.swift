import CArgon2

/// The one place that calls libargon2; the rest of the module sees bytes, strings and Swift errors.
///
/// libargon2 keeps no state between calls, so there is no handle to own.
enum Argon2Binding {
    /// Hashes `password` with argon2id (version 0x13) and returns the PHC-encoded string.
    static func hashEncoded(
        password: [UInt8],
        salt: [UInt8],
        parameters: Argon2Parameters
    ) throws(PasswordHashingError) -> String {
        let encodedCapacity = argon2_encodedlen(
            parameters.iterations, parameters.memoryKiB, parameters.parallelism,
            UInt32(salt.count), UInt32(parameters.hashLength), Argon2_id
        ) + 1
        var encoded = [CChar](repeating: 0, count: encodedCapacity)
        let code = password.withUnsafeBytes { passwordBytes in
            salt.withUnsafeBytes { saltBytes in
                encoded.withUnsafeMutableBufferPointer { encodedBuffer in
                    argon2id_hash_encoded(
                        parameters.iterations, parameters.memoryKiB, parameters.parallelism,
                        passwordBytes.baseAddress, passwordBytes.count,
                        saltBytes.baseAddress, saltBytes.count,
                        parameters.hashLength,
                        encodedBuffer.baseAddress, encodedBuffer.count
                    )
                }
            }
        }
        guard code == ARGON2_OK.rawValue else {
            throw PasswordHashingError(reason: message(for: code), argon2Code: code)
        }
        let terminator = encoded.firstIndex(of: 0) ?? encoded.endIndex
        return String(decoding: encoded[..<terminator].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches the argon2id-encoded string; libargon2 compares in constant time.
    ///
    /// Callers must have checked the encoding's parameters first: libargon2 trusts them.
    static func verify(password: [UInt8], encoded: String) -> Bool {
        let code = password.withUnsafeBytes { passwordBytes in
            encoded.withCString { encodedString in
                argon2id_verify(encodedString, passwordBytes.baseAddress, passwordBytes.count)
            }
        }
        return code == ARGON2_OK.rawValue
    }

    /// libargon2's text for an error code.
    static func message(for code: Int32) -> String {
        guard let text = argon2_error_message(code) else { return "unknown argon2 error" }
        return String(cString: text)
    }
}
