import Foundation
import GRDB

/// Contact details as staff see them: a row of `contact` with the meeting its response belongs to.
///
/// Read only for the purpose the citizen agreed to (the meeting's contact list) and for their
/// rights (access, erasure); never joined to the answers in an export.
public struct StoredContact: Sendable, Hashable, Decodable {
    /// The response the details were left with (`contact.response_id`), which also identifies them.
    public var responseID: Int64
    /// The meeting.
    public var sessionID: Int64
    /// The name as given (may be empty).
    public var name: String
    /// The e-mail address as given.
    public var email: String
    /// The exact consent wording the citizen agreed to.
    public var consentText: String
    /// When they were left.
    public var createdAt: Date

    /// Contact details as read back.
    public init(responseID: Int64, sessionID: Int64, name: String, email: String, consentText: String, createdAt: Date) {
        self.responseID = responseID
        self.sessionID = sessionID
        self.name = name
        self.email = email
        self.consentText = consentText
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case responseID = "response_id"
        case sessionID = "session_id"
        case name, email
        case consentText = "consent_text"
        case createdAt = "created_at"
    }
}

extension StoredContact: StoredRecord {
    static let storedTableName = ContactDetails.databaseTableName

    /// The select every contact read starts with; `condition` filters it.
    static func request(where condition: SQL) -> SQLRequest<StoredContact> {
        SQLRequest(literal: """
            SELECT contact.response_id, response.session_id, contact.name, contact.email, contact.consent_text, contact.created_at
            FROM contact JOIN response ON response.id = contact.response_id
            WHERE \(condition)
            ORDER BY contact.created_at, contact.response_id
            """)
    }
}
