import XCTest
@testable import Authentication

final class PasswordHasherTests: XCTestCase {
    private let hasher = PasswordHasher(parameters: .fastForTests)

    func testHashThenVerifyAcceptsTheSamePassword() throws {
        let encoded = try hasher.hash("correct horse battery staple")
        XCTAssertTrue(hasher.verify("correct horse battery staple", against: encoded))
    }

    func testVerifyRejectsAWrongPassword() throws {
        let encoded = try hasher.hash("correct horse battery staple")
        XCTAssertFalse(hasher.verify("correct horse battery stapler", against: encoded))
        XCTAssertFalse(hasher.verify("Correct horse battery staple", against: encoded))
        XCTAssertFalse(hasher.verify("", against: encoded))
    }

    func testTwoHashesOfOnePasswordDifferBySalt() throws {
        let first = try hasher.hash("samme adgangskode")
        let second = try hasher.hash("samme adgangskode")
        XCTAssertNotEqual(first, second)
        XCTAssertNotEqual(first.split(separator: "$")[3], second.split(separator: "$")[3], "salts must differ")
        XCTAssertTrue(hasher.verify("samme adgangskode", against: first))
        XCTAssertTrue(hasher.verify("samme adgangskode", against: second))
    }

    func testEncodingCarriesAlgorithmVersionAndParameters() throws {
        let parameters = Argon2Parameters(iterations: 2, memoryKiB: 2_048, parallelism: 2, saltLength: 16, hashLength: 32)
        let encoded = try PasswordHasher(parameters: parameters).hash("parametre i strengen")
        XCTAssertTrue(encoded.hasPrefix("$argon2id$v=19$m=2048,t=2,p=2$"), encoded)
        let parsed = try XCTUnwrap(EncodedPasswordHash(encoded))
        XCTAssertEqual(parsed.parameters, parameters)
        XCTAssertEqual(parsed.salt.count, 16)
        XCTAssertEqual(parsed.hash.count, 32)
    }

    func testStandardParametersAreTheDocumentedOnes() throws {
        let standard = Argon2Parameters.standard
        XCTAssertEqual([standard.iterations, standard.memoryKiB, standard.parallelism], [3, 65_536, 1])
        XCTAssertEqual([standard.saltLength, standard.hashLength], [16, 32])
        let encoded = try PasswordHasher().hash("standardparametre")
        XCTAssertTrue(encoded.hasPrefix("$argon2id$v=19$m=65536,t=3,p=1$"), encoded)
    }

    /// Vectors computed with Debian's `argon2` CLI and checked with Python's argon2-cffi 25.1.0:
    /// `echo -n <password> | argon2 <salt> -id -t <t> -k <m> -p <p> -l <length> -e`.
    private let knownVectors: [(password: String, salt: String, parameters: Argon2Parameters, encoded: String)] = [
        ("password", "somesalt",
         Argon2Parameters(iterations: 2, memoryKiB: 65_536, parallelism: 4, saltLength: 8, hashLength: 24),
         "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$F1jG2CV3/Nr+yRuIsPKw0J9r4s7cJHBU"),
        ("correct horse battery staple", "borgerdialog-salt",
         Argon2Parameters(iterations: 1, memoryKiB: 1_024, parallelism: 1, saltLength: 17, hashLength: 32),
         "$argon2id$v=19$m=1024,t=1,p=1$Ym9yZ2VyZGlhbG9nLXNhbHQ$o0h/+eATZl4JwCHGDOYdJa98JiMSLsMeKiwq0GTPZ+0"),
        ("Ærøskøbing fællesskab", "saltysaltysalt16",
         Argon2Parameters(iterations: 2, memoryKiB: 2_048, parallelism: 2, saltLength: 16, hashLength: 32),
         "$argon2id$v=19$m=2048,t=2,p=2$c2FsdHlzYWx0eXNhbHQxNg$vlkagBA9m0HkqtIWr5DzJ0wTUnfsQfcnIKJgSPVoHPY"),
    ]

    func testKnownVectorsAreReproducedAndVerified() throws {
        for vector in knownVectors {
            let hasher = PasswordHasher(parameters: vector.parameters)
            XCTAssertEqual(try hasher.hash(vector.password, salt: Array(vector.salt.utf8)), vector.encoded)
            XCTAssertTrue(hasher.verify(vector.password, against: vector.encoded))
            XCTAssertFalse(hasher.verify(vector.password + " ", against: vector.encoded))
            XCTAssertFalse(hasher.needsRehash(vector.encoded))
        }
    }

    func testCanonicallyEquivalentSpellingsOfAPasswordVerify() throws {
        let composed = "Blåbærgrød på Ærø"
        let decomposed = "Bla\u{030A}bærgrød pa\u{030A} Ærø"
        XCTAssertNotEqual(Array(composed.utf8), Array(decomposed.utf8))
        let encoded = try hasher.hash(decomposed)
        XCTAssertTrue(hasher.verify(composed, against: encoded))
    }

    func testMalformedEncodingsAreRejectedWithoutCrashing() throws {
        let valid = try hasher.hash("en god adgangskode")
        let fields = valid.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        let salt = fields[4], hash = fields[5]
        let malformed = [
            "", "$", "$$$$$", "not a hash", "argon2id$v=19$m=1024,t=1,p=1$\(salt)$\(hash)",
            valid.replacingOccurrences(of: "$argon2id$", with: "$argon2i$"),
            valid.replacingOccurrences(of: "$argon2id$", with: "$argon2d$"),
            valid.replacingOccurrences(of: "v=19", with: "v=16"),
            valid.replacingOccurrences(of: "m=1024", with: "m=01024"),
            valid.replacingOccurrences(of: "m=1024", with: "m=-1024"),
            valid.replacingOccurrences(of: "m=1024", with: "m=99999999999"),
            valid.replacingOccurrences(of: "m=1024,t=1,p=1", with: "t=1,m=1024,p=1"),
            valid.replacingOccurrences(of: "m=1024,t=1,p=1", with: "m=1024,t=1"),
            valid.replacingOccurrences(of: ",p=1", with: ",p=1,x=2"),
            "$argon2id$v=19$m=1024,t=1,p=1$\(salt)$",
            "$argon2id$v=19$m=1024,t=1,p=1$$\(hash)",
            "$argon2id$v=19$m=1024,t=1,p=1$\(salt)=$\(hash)",
            "$argon2id$v=19$m=1024,t=1,p=1$\(salt)$\(hash)$",
            "$argon2id$v=19$m=1024,t=1,p=1$\(salt)$\(hash.dropLast())",
            "$argon2id$v=19$m=1024,t=1,p=1$\(salt)$\(hash)x",
            "$argon2id$v=19$m=1024,t=1,p=1$\(salt)$\(hash.dropLast(4))",
            "$argon2id$v=19$m=1024,t=1,p=1$\(salt)$ø\(hash)",
            valid + "\0trailing",
            // Hostile costs: a tampered row must not make a login allocate 4 GiB or run for ever.
            "$argon2id$v=19$m=4294967295,t=1,p=1$\(salt)$\(hash)",
            "$argon2id$v=19$m=1024,t=4294967295,p=1$\(salt)$\(hash)",
            "$argon2id$v=19$m=1024,t=1,p=255$\(salt)$\(hash)",
            "$argon2id$v=19$m=1024,t=0,p=1$\(salt)$\(hash)",
            "$argon2id$v=19$m=4,t=1,p=1$\(salt)$\(hash)",
        ]
        for encoding in malformed {
            XCTAssertFalse(hasher.verify("en god adgangskode", against: encoding), "accepted: \(encoding)")
            XCTAssertTrue(hasher.needsRehash(encoding), encoding)
        }
        XCTAssertTrue(hasher.verify("en god adgangskode", against: valid), "the unmodified hash must still verify")
    }

    func testNeedsRehashWhenParametersDiffer() throws {
        let fastHash = try hasher.hash("skift parametre")
        XCTAssertFalse(hasher.needsRehash(fastHash))
        XCTAssertTrue(PasswordHasher(parameters: .standard).needsRehash(fastHash))
        var longerHash = Argon2Parameters.fastForTests
        longerHash.hashLength = 64
        XCTAssertTrue(PasswordHasher(parameters: longerHash).needsRehash(fastHash))
        var moreIterations = Argon2Parameters.fastForTests
        moreIterations.iterations = 2
        XCTAssertTrue(PasswordHasher(parameters: moreIterations).needsRehash(fastHash))
        XCTAssertTrue(hasher.needsRehash("$2b$12$bcryptbcryptbcryptbcryptbcryptbcryptbcryptbcryptbcry"))
    }

    func testHashingWithUnverifiableParametersThrows() {
        var hugeMemory = Argon2Parameters.fastForTests
        hugeMemory.memoryKiB = 8 * 1_048_576
        XCTAssertThrowsError(try PasswordHasher(parameters: hugeMemory).hash("for meget hukommelse")) { error in
            XCTAssertTrue(String(describing: error).contains("limits"), String(describing: error))
        }
    }

    func testVerifyWithoutAccountAlwaysFails() {
        XCTAssertFalse(hasher.verifyWithoutAccount("hvad som helst"))
    }

    func testPasswordsWithNulAndHugeLengthStillHash() throws {
        let withNul = "før\0efter"
        let encoded = try hasher.hash(withNul)
        XCTAssertTrue(hasher.verify(withNul, against: encoded))
        XCTAssertFalse(hasher.verify("før", against: encoded), "the NUL must not truncate the password")
        let long = String(repeating: "æ", count: 5_000)
        XCTAssertTrue(hasher.verify(long, against: try hasher.hash(long)))
    }
}
