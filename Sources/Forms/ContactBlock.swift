/// The optional block where a citizen may leave name and e-mail, with explicit consent.
public struct ContactBlock: Hashable, Sendable {
    /// The block's heading, e.g. "Vil du høre mere?".
    public let label: LocalizedText
    /// Why the municipality asks and what it will do with the details.
    public let help: LocalizedText?
    /// The consent the citizen ticks; contact details are only accepted with it.
    public let consentText: LocalizedText
    /// The label of the name field.
    public let nameLabel: LocalizedText
    /// The label of the e-mail field.
    public let emailLabel: LocalizedText
}
