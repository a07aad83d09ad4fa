import Forms

/// Why a form could not be written in the XLSForm layout: where in the form, and why.
public struct XLSFormExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A JSON path in the form (`$.themes[1].keywords.da[3]`), or the file being written.
    public let place: String
    /// What is wrong, in Danish and English.
    public let reason: LocalizedText

    /// Creates an error.
    public init(place: String, reason: LocalizedText) {
        self.place = place
        self.reason = reason
    }

    /// The reason in one language.
    public func reason(in language: Language) -> String {
        reason.text(in: language)
    }

    /// "place: reason" in English, for logs.
    public var description: String { "\(place): \(reason.en)" }
}
