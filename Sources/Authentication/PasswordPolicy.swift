/// The rules a new staff password must meet, after NIST SP 800-63B: length over composition
/// rules, no forced character classes, a check against the passwords tried first.
public enum PasswordPolicy {
    /// Fewest characters (grapheme clusters, after NFKC normalization).
    public static let minimumLength = 10
    /// Most UTF-8 bytes, so a login cannot ship megabytes into the hash function.
    public static let maximumBytes = 1024

    /// Everything wrong with a proposed password, in English; empty when it is acceptable.
    public static func problems(in password: String, accountName: String? = nil) -> [String] {
        problemKinds(in: password, accountName: accountName).map(\.description)
    }

    /// Everything wrong with a proposed password; `accountName` (the e-mail) enables the
    /// check that the password does not contain it.
    public static func problemKinds(in password: String, accountName: String? = nil) -> [PasswordProblem] {
        let normalized = PasswordHasher.normalized(password)
        var problems: [PasswordProblem] = []
        if normalized.count < minimumLength { problems.append(.tooShort(minimumLength: minimumLength)) }
        if normalized.utf8.count > maximumBytes { problems.append(.tooLong(maximumBytes: maximumBytes)) }
        if normalized.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problems.append(.controlCharacters)
        }
        let folded = normalized.lowercased()
        if isPredictable(folded) { problems.append(.predictable) }
        if CommonPasswords.contains(folded) { problems.append(.tooCommon) }
        if let accountName, containsAccountName(folded, accountName: accountName) {
            problems.append(.containsAccountName)
        }
        return problems
    }

    /// Blank, one character repeated, or a run along the digits, the alphabet or a keyboard row.
    private static func isPredictable(_ password: String) -> Bool {
        let characters = Array(password)
        guard let first = characters.first else { return false }
        if password.allSatisfy(\.isWhitespace) || characters.allSatisfy({ $0 == first }) { return true }
        let runs = ["0123456789", "9876543210", "abcdefghijklmnopqrstuvwxyzæøå", "qwertyuiopå", "asdfghjklæø", "zxcvbnm"]
        return runs.contains { run in
            let doubled = run + run
            return password.count <= doubled.count && doubled.contains(password)
        }
    }

    /// Whether the password contains the local part of the e-mail (when it is long enough to matter).
    private static func containsAccountName(_ password: String, accountName: String) -> Bool {
        let localPart = accountName.lowercased().split(separator: "@").first.map(String.init) ?? ""
        return localPart.count >= 4 && password.contains(localPart)
    }
}
