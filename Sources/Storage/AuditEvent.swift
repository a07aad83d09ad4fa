import Foundation

/// One staff action in the audit log: who did what to what, when.
public struct AuditEvent: Sendable, Hashable {
    /// Row id (0 for an event not yet stored).
    public var id: Int64
    /// When it happened.
    public var at: Date
    /// Who: an account's e-mail, or `cli` for the command line.
    public var actor: String
    /// What, as a short verb phrase such as `session.open`.
    public var action: String
    /// What it was done to, e.g. a join code or an e-mail.
    public var target: String?
    /// Further facts as a JSON object text.
    public var details: String

    /// An event; `details` must be a JSON object text.
    public init(id: Int64 = 0, at: Date = Date(), actor: String, action: String, target: String? = nil, details: String = "{}") {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.details = details
    }
}
