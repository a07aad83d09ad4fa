/// One rule of ``PasswordPolicy``, worded for the page where a person chooses a password.
public struct PasswordRule: Sendable, Hashable {
    /// The rule in Danish (shown first).
    public let danish: String
    /// The rule in English.
    public let english: String
}

extension PasswordPolicy {
    /// The policy's rules as a person choosing a password reads them, from the same limits the
    /// checks use; one entry per ``PasswordProblem`` a person can run into (control characters
    /// cannot be typed in a password field, so they are not listed).
    public static var rules: [PasswordRule] {
        [
            PasswordRule(
                danish: "Mindst \(minimumLength) tegn. En sætning eller fire tilfældige ord er let at huske og svær at gætte.",
                english: "At least \(minimumLength) characters. A sentence or four random words is easy to remember and hard to guess."),
            PasswordRule(
                danish: "Alle tegn er tilladt: mellemrum, æ, ø og å også. Der kræves ikke tal eller store bogstaver.",
                english: "Every character is allowed: spaces and æ, ø, å too. No digits or capitals are required."),
            PasswordRule(
                danish: "Ikke en af de adgangskoder, der oftest bliver gættet, og ikke ét tegn gentaget eller en række som 1234567890 eller qwertyuiop.",
                english: "Not one of the passwords guessed most often, and not one character repeated or a run like 1234567890 or qwertyuiop."),
            PasswordRule(
                danish: "Må ikke indeholde navnet fra din e-mailadresse (det før @).",
                english: "Must not contain the name of your e-mail address (the part before @)."),
        ]
    }
}
