import Foundation

/// Checking the optional contact details of a submission.
extension Form {
    /// The field named in problems with the contact details as a whole; single fields are `contact.email` etc.
    public static let contactProblemKey = "contact"
    /// The longest name accepted.
    public static let contactNameMaxLength = 200
    /// The longest e-mail address accepted (RFC 5321's limit).
    public static let contactEmailMaxLength = 254

    /// The field of a problem with one member of the contact details, e.g. `contact.email`.
    public static func contactField(_ member: String) -> String {
        contactProblemKey + "." + member
    }

    /// Checks `{"name": ..., "email": ..., "consent": true}`.
    ///
    /// Nothing, null, or details with both name and e-mail blank mean the citizen left no contact
    /// (`.success(nil)`), whatever `consent` says. Otherwise the form must have a contact block,
    /// the e-mail must look like an address, and `consent` must be exactly `true`. The name may be
    /// left out. `language` picks the consent wording recorded with the details: the one shown.
    public func validateContact(_ contact: JSONValue?, language: Language = .da) -> Result<ContactAnswer?, AnswerProblem> {
        func failure(_ member: String?, _ reason: AnswerReason) -> Result<ContactAnswer?, AnswerProblem> {
            .failure(AnswerProblem(field: member.map(Self.contactField) ?? Self.contactProblemKey, reason: reason))
        }
        guard let contact, contact != .null else { return .success(nil) }
        guard case .object(let members) = contact else { return failure(nil, .unreadable(expected: .contactDetails)) }
        if let unknown = members.keys.sorted().first(where: { !["name", "email", "consent"].contains($0) }) {
            return failure(unknown, .unknownContactField(unknown))
        }
        guard let name = Self.trimmedText(members["name"]) else { return failure("name", .unreadable(expected: .text)) }
        guard let email = Self.trimmedText(members["email"]) else { return failure("email", .unreadable(expected: .text)) }
        if name.isEmpty, email.isEmpty { return .success(nil) }
        guard let block = self.contact else { return failure(nil, .contactNotOffered) }
        guard members["consent"] == .bool(true) else { return failure("consent", .consentMissing) }
        guard !email.isEmpty else { return failure("email", .emailMissing) }
        guard name.count <= Self.contactNameMaxLength else {
            return failure("name", .nameTooLong(maximum: Self.contactNameMaxLength))
        }
        guard Self.isPlausibleEmail(email) else { return failure("email", .emailInvalid) }
        return .success(ContactAnswer(name: name, email: email, consentText: block.consentText.text(in: language)))
    }

    /// A string member trimmed, "" when absent or null; nil when it is not text.
    private static func trimmedText(_ value: JSONValue?) -> String? {
        switch value {
        case nil, .null?: ""
        case .string(let text)?: text.trimmingCharacters(in: .whitespacesAndNewlines)
        default: nil
        }
    }

    /// A sane address: one "@", a local part, a dotted domain of letters, digits and hyphens, no spaces.
    ///
    /// Deliberately not RFC 5322 in full: quoted local parts and IP literals are not what citizens
    /// type on a tablet, and a typo such as "anna@gmail" should be caught.
    static func isPlausibleEmail(_ email: String) -> Bool {
        guard email.count <= contactEmailMaxLength else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64 else { return false }
        let localAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+/=?^_`{|}~.-"))
        guard local.unicodeScalars.allSatisfy(localAllowed.contains),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, topLevel.count >= 2,
              topLevel.unicodeScalars.allSatisfy(CharacterSet.letters.contains) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
        }
    }
}
