/// Why a change to a meeting is refused: what may change depends on where the meeting is in its life.
public enum SessionChangeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A closed meeting's details stay as they were when it ran.
    case closed(code: String)
    /// The form is fixed once the meeting has been opened (answers must fit one version).
    case formFixed(code: String)
    /// Only a draft (or the demo meeting) can be deleted; a meeting that ran is archived instead.
    case notDeletable(code: String, status: SessionStatus)
    /// Only a closed meeting can be archived.
    case notClosed(code: String, status: SessionStatus)

    /// The reason in English, for the command line and logs.
    public var description: String {
        switch self {
        case .closed(let code): "Session \(code) is closed; its details can no longer change."
        case .formFixed(let code): "Session \(code) has been opened; its form can no longer change."
        case .notDeletable(let code, let status): "Session \(code) is \(status.rawValue); only drafts and the demo session can be deleted."
        case .notClosed(let code, let status): "Session \(code) is \(status.rawValue); only closed sessions can be archived."
        }
    }
}

extension SessionChangeError: StoreRuleError {}
