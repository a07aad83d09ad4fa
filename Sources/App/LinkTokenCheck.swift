import Authentication
import Foundation
import HTTPServer
import Storage

/// Checks the token a one-time link page posts, and slows down an address that keeps posting
/// tokens that do not work (the tokens are unguessable; this keeps it so under a flood).
struct LinkTokenCheck: Sendable {
    let store: Store
    let throttle: LoginThrottle
    let clock: @Sendable () -> Date

    /// The working link of `purpose` behind the body's `token`, with its account; throws
    /// `AccountError.linkNotValid` (410) for any other token and `AppError.throttled` (429) after many.
    func workingLink(_ token: String, purpose: OneTimeLink.Purpose, request: Request) throws -> (link: OneTimeLink, account: Account?) {
        let address = request.remoteAddress ?? "unknown"
        let key = Self.throttleKey(address)
        if case .locked(let retryAfter) = throttle.decision(account: key, address: address, now: Date()) {
            throw AppError.throttled(retryAfterSeconds: max(1, Int(retryAfter.rounded(.up))))
        }
        guard let found = try store.workingLink(tokenDigest: SecretToken.digest(token), at: clock()), found.link.purpose == purpose else {
            throttle.recordFailure(account: key, address: address, now: Date())
            throw AccountError.linkNotValid
        }
        return found
    }

    /// Failures are counted per address only: a link has no account name to lock.
    private static func throttleKey(_ address: String) -> String {
        "one-time-link " + address
    }
}

/// The token a one-time link page posts.
struct LinkTokenBody: Decodable {
    let token: String
}

/// Checks a password a person chose against the policy, as field problems for the page.
enum PasswordChoice {
    /// Every way `password` breaks ``PasswordPolicy``, each as a problem of the `password` field.
    static func problems(in password: String, email: String) -> [FieldProblem] {
        PasswordPolicy.problemKinds(in: password, accountName: email).map { problem in
            FieldProblem(field: "password", da: "Adgangskoden \(problem.danishDescription).", en: "The password \(problem.description).")
        }
    }
}
