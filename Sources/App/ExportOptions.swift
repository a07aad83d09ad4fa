import Exports

/// Texts or codes in the answer tables; named here so the command line can take it without importing `Exports`.
public typealias ExportValues = Exports.ExportValues

/// What an export request asks for: the format and, for tables, texts or codes.
public struct ExportOptions: Sendable, Equatable {
    /// The file format.
    public var format: ExportFormat
    /// Texts or codes in the answer tables (ignored by JSON and the report).
    public var values: ExportValues

    /// Options for a format; values default to texts (`ExportValues.standard`) for CSV and XLSX alike.
    public init(format: ExportFormat, values: ExportValues = .standard) {
        self.format = format
        self.values = values
    }

    /// From the analyst API's query: `format=json|csv|csv-semicolon|xlsx|html` (required) and
    /// `values=text|codes` (optional, text when left out); each bad value is named with its field.
    init(query: [String: String]) throws {
        var problems: [FieldProblem] = []
        let format = ExportFormat(rawValue: query["format"] ?? "")
        if format == nil {
            let formats = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(FieldProblem(field: "format", da: "Vælg et af formaterne \(formats).", en: "One of \(formats)."))
        }
        var values = ExportValues.standard
        if let asked = query["values"] {
            if let known = ExportValues(rawValue: asked) {
                values = known
            } else {
                problems.append(FieldProblem(field: "values", da: "Vælg text eller codes.", en: "Either text or codes."))
            }
        }
        guard problems.isEmpty, let format else { throw AppError.invalidFields(problems) }
        self.init(format: format, values: values)
    }
}
