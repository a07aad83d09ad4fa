import Foundation

/// Reading a forms folder: the only file access of the Forms module.
extension FormCatalog {
    /// Loads every form file (`*.json` except `*.schema.json`) of a folder, not descending into subfolders.
    ///
    /// Problems name files as `directory/name.json`. An unreadable folder or file is a problem too.
    public static func load(directory: String) -> FormCatalog {
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory).filter(isFormFileName).sorted()
        } catch {
            return FormCatalog(forms: [], problems: [
                FormProblem(file: directory, path: "$", reason: LocalizedText(
                    da: "mappen med spørgeskemaer kan ikke læses: \(error.localizedDescription)",
                    en: "cannot read the forms folder: \(error.localizedDescription)"
                )),
            ])
        }
        var files: [(name: String, data: Data)] = []
        var problems: [FormProblem] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            if let data = manager.contents(atPath: path) {
                files.append((name: path, data: data))
            } else {
                problems.append(FormProblem(file: path, path: "$", reason: LocalizedText(
                    da: "filen kan ikke læses", en: "cannot read the file"
                )))
            }
        }
        let decoded = FormCatalog(files: files)
        return FormCatalog(forms: decoded.forms, problems: problems + decoded.problems)
    }
}
