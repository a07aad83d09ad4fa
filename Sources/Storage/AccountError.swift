/// Why an account change is refused: the rules that keep staff able to run the service.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No account has this id or e-mail.
    case notFound(String)
    /// The change would leave no enabled administrator.
    case lastAdmin(email: String)
    /// The account has done things (logins, actions in the audit log); it is disabled, not deleted.
    case hasHistory(email: String)
    /// The account is disabled; enable it first.
    case disabled(email: String)
    /// The one-time link is unknown, used or expired (which one is not told).
    case linkNotValid
    /// The setup link is for the first administrator, and there is one now.
    case administratorExists

    /// The reason in English, for the command line and logs.
    public var description: String {
        switch self {
        case .notFound(let account): "No account \(account) exists."
        case .lastAdmin(let email): "\(email) is the last enabled administrator; make another administrator first."
        case .hasHistory(let email): "\(email) has logged in or acted; disable the account instead of deleting it."
        case .disabled(let email): "\(email) is disabled; enable the account first."
        case .linkNotValid: "The link is not valid: it is unknown, already used or expired."
        case .administratorExists: "An administrator exists already; the setup link is no longer needed."
        }
    }
}
