import Foundation

/// Which audit events to read: every condition is optional, and all that are given must hold.
public struct AuditFilter: Sendable, Hashable {
    /// How an event's action must look.
    public enum ActionMatch: Sendable, Hashable {
        /// Exactly this action, e.g. `session.open`.
        case exactly(String)
        /// Any action that starts with this text, e.g. `session.` for every meeting action.
        case startingWith(String)
    }

    /// Only events by this actor (an e-mail, or `cli`).
    public var actor: String?
    /// Only events whose action matches.
    public var action: ActionMatch?
    /// Only events at or after this moment.
    public var from: Date?
    /// Only events before this moment (the end is not included).
    public var before: Date?
    /// At most this many events, newest first.
    public var limit: Int

    /// A filter; with no conditions it gives the newest `limit` events.
    public init(actor: String? = nil, action: ActionMatch? = nil, from: Date? = nil, before: Date? = nil, limit: Int) {
        self.actor = actor
        self.action = action
        self.from = from
        self.before = before
        self.limit = limit
    }
}

extension String {
    /// The first text, in the database's byte order, that sorts after every text starting with this one;
    /// nil when there is none (an empty text, or one ending in the last Unicode scalar).
    ///
    /// `text >= prefix AND text < prefix.successorOfPrefixes` finds exactly the texts with the prefix, and
    /// an index on the column can answer it. UTF-8 bytes sort in code point order, so raising the
    /// last scalar by one is enough.
    var successorOfPrefixes: String? {
        var scalars = Array(unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if (0xD800...0xDFFF).contains(next) { next = 0xE000 }
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                var successor = ""
                successor.unicodeScalars.append(contentsOf: scalars)
                return successor
            }
        }
        return nil
    }
}
