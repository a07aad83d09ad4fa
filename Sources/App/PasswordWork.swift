import Authentication
import Dispatch

/// Runs argon2 off Swift's cooperative threads, one at a time.
///
/// A hash costs ~0.5 s and 64 MiB; on a 2-core machine two logins at once would otherwise stall
/// every other request (tablet submissions included) for that long, and a burst of logins could
/// take gigabytes. One queue keeps the cost bounded and the other work flowing.
struct PasswordWork: Sendable {
    let hasher: PasswordHasher
    private let queue = DispatchQueue(label: "borgerdialog.password-hashing")

    init(hasher: PasswordHasher) {
        self.hasher = hasher
    }

    /// Whether `password` matches `encoded`; with no stored hash, does the same work and answers false.
    func verify(_ password: String, against encoded: String?) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: encoded.map { hasher.verify(password, against: $0) } ?? hasher.verifyWithoutAccount(password))
            }
        }
    }

    /// A new encoding of `password`.
    func hash(_ password: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try hasher.hash(password) })
            }
        }
    }
}
