import Foundation

/// The forms of a folder that decoded, and the problems of those that did not.
public struct FormCatalog: Sendable {
    /// The valid forms, sorted by id.
    public let forms: [Form]
    /// The problems of the broken files; a broken file contributes no form.
    public let problems: [FormProblem]

    /// Creates a catalog from forms and problems (sorted by id and by file).
    public init(forms: [Form], problems: [FormProblem]) {
        self.forms = forms.sorted { $0.id < $1.id }
        self.problems = problems
    }

    /// Decodes each file's bytes; a broken file adds its problems and the others still load.
    ///
    /// - Parameter files: the file name (or path) and bytes of each form file.
    public init(files: [(name: String, data: Data)]) {
        var forms: [Form] = []
        var problems: [FormProblem] = []
        for file in files.sorted(by: { $0.name < $1.name }) {
            do {
                forms.append(try FormDecoder.decode(file.data, file: file.name))
            } catch {
                problems.append(contentsOf: error.problems)
            }
        }
        self.init(forms: forms, problems: problems)
    }

    /// The form with an id.
    public func form(id: String) -> Form? {
        forms.first { $0.id == id }
    }

    /// Whether a file name in a forms folder is a form (`*.json`, but not the `*.schema.json` schema).
    public static func isFormFileName(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasSuffix(".schema.json") && !name.hasPrefix(".")
    }
}
