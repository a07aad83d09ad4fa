import Authentication
import Foundation
import Storage

/// One-time links: how long each kind works, where it leads, and the token it carries.
///
/// The token travels in the link's fragment (`/password#TOKEN`), which browsers never send to a
/// server, so it cannot end up in an access log or a `Referer`; the page posts it in a body.
public enum OneTimeLinks {
    /// How long the first admin's setup link works.
    public static let setupLifetime: TimeInterval = 24 * 3600
    /// How long a set-password link works: long enough to hand over across a weekend.
    public static let passwordLifetime: TimeInterval = 3 * 24 * 3600
    /// The page that creates the first admin.
    static let setupPath = "/setup"
    /// The page that sets a password.
    static let passwordPath = "/password"

    /// A fresh token (shown once) and the stored description of its link.
    static func make(by actor: String, at now: Date, lifetime: TimeInterval) -> (token: String, link: NewOneTimeLink) {
        let token = SecretToken.generate()
        return (token, NewOneTimeLink(
            tokenDigest: SecretToken.digest(token), createdBy: actor, createdAt: now, expiresAt: now.addingTimeInterval(lifetime)))
    }

    /// The address a person opens: `base` + `path` + `#` + token.
    static func url(base: String, path: String, token: String) -> String {
        "\(base)\(path)#\(token)"
    }
}

/// Staff e-mail addresses as accounts are made with them: one rule for the pages and the command line.
public enum StaffEmail {
    /// The longest address (RFC 5321's path limit).
    public static let maximumLength = 254

    /// The address trimmed, or nil when it is not `name@domain.tld`-shaped.
    public static func normalized(_ raw: String) -> String? {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard email.count <= maximumLength, email.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil else { return nil }
        return email
    }
}
