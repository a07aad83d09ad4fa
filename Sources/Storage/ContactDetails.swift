import GRDB

/// Contact details a citizen chose to leave, stored apart from the anonymous answers (a row of `contact`).
public struct ContactDetails: Sendable, Hashable, Decodable {
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, email
        case consentText = "consent_text"
    }
}

extension ContactDetails: StoredRecord, TableRecord {
    /// The table's name.
    public static let databaseTableName = "contact"

    /// Contact details belong to one response (`contact.response_id`).
    static let responseAssociation = belongsTo(StoredResponse.self)
}
