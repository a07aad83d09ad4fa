/// Contact details a citizen chose to leave; stored apart from the answers so those stay anonymous.
public struct ContactAnswer: Codable, Hashable, Sendable {
    /// The name (trimmed); empty when the citizen left only an e-mail address.
    public let name: String
    /// The e-mail address (trimmed).
    public let email: String
    /// The exact consent wording the citizen agreed to, in the language it was shown in.
    public let consentText: String

    /// Creates contact details.
    public init(name: String, email: String, consentText: String) {
        self.name = name
        self.email = email
        self.consentText = consentText
    }
}
