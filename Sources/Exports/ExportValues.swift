/// What the cells of the answer tables (CSV, XLSX) hold: words for people, or codes for tools.
///
/// `text` ("tekst") has the Danish question texts as column headers and option labels, "Ja"/"Nej"
/// and "Ved ikke" as values; `codes` ("koder") has question ids as headers and option values and
/// 0/1 flags as values, the layout `QuestionColumns` documents. Both carry the same answers.
public enum ExportValues: String, CaseIterable, Sendable {
    /// Question texts and option labels, in Danish: for people opening the file.
    case text
    /// Question ids and option codes: for R, Python, SPSS and other tools.
    case codes

    /// What an export holds when nobody asked: text, because most downloads are read by people.
    public static let standard = ExportValues.text

    /// The Danish name, as the export page and file names say it.
    public var danishName: String {
        switch self {
        case .text: "tekst"
        case .codes: "koder"
        }
    }
}
