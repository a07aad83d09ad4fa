/// Contact details a citizen chose to leave, stored apart from the anonymous answers.
public struct ContactDetails: Sendable, Hashable {
    /// The citizen's name.
    public var name: String
    /// The citizen's e-mail address.
    public var email: String
    /// The exact consent wording the citizen agreed to.
    public var consentText: String

    /// Creates contact details.
    public init(name: String, email: String, consentText: String) {
        self.name = name
        self.email = email
        self.consentText = consentText
    }
}
