/// One reason `PasswordPolicy` refuses a new password, with texts for the staff pages.
public enum PasswordProblem: Sendable, Hashable, CustomStringConvertible {
    /// Fewer characters than the minimum.
    case tooShort(minimumLength: Int)
    /// More UTF-8 bytes than the maximum.
    case tooLong(maximumBytes: Int)
    /// Contains control characters (line breaks, NUL, …) that cannot be typed reliably.
    case controlCharacters
    /// Nothing but whitespace, one character repeated, or a keyboard or number run.
    case predictable
    /// On the list of passwords attackers try first.
    case tooCommon
    /// Contains the account's e-mail name.
    case containsAccountName

    /// The problem in English.
    public var description: String {
        switch self {
        case .tooShort(let minimum): "must be at least \(minimum) characters long"
        case .tooLong(let maximum): "must be at most \(maximum) bytes long"
        case .controlCharacters: "must not contain line breaks or other control characters"
        case .predictable: "must not be a repeated character or a simple sequence"
        case .tooCommon: "is too common; choose one that is not on lists of popular passwords"
        case .containsAccountName: "must not contain your e-mail name"
        }
    }

    /// The problem in Danish.
    public var danishDescription: String {
        switch self {
        case .tooShort(let minimum): "skal være mindst \(minimum) tegn lang"
        case .tooLong(let maximum): "må højst være \(maximum) bytes lang"
        case .controlCharacters: "må ikke indeholde linjeskift eller andre kontroltegn"
        case .predictable: "må ikke være ét tegn gentaget eller en simpel række"
        case .tooCommon: "er for almindelig; vælg en, der ikke står på lister over populære adgangskoder"
        case .containsAccountName: "må ikke indeholde dit e-mail-navn"
        }
    }
}
