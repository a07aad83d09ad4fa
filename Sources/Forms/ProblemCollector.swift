/// Gathers the problems of one form file while it is read, so all of them are reported at once.
///
/// A class so the readers of the file's parts can share it; it lives only for one `decode` call
/// and never crosses threads.
final class ProblemCollector {
    /// The file named in every problem.
    let file: String
    /// The problems so far, in the order found.
    private(set) var problems: [FormProblem] = []

    init(file: String) {
        self.file = file
    }

    /// Records a problem at a path.
    func report(_ path: JSONPath, _ reason: LocalizedText) {
        problems.append(FormProblem(file: file, path: path.description, reason: reason))
    }

    /// Records a problem at a path, worded in Danish and English.
    func report(_ path: JSONPath, da danish: String, en english: String) {
        report(path, LocalizedText(da: danish, en: english))
    }
}
