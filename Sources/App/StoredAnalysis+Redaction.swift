import Foundation
import Storage
import ThemeAnalysis

extension StoredAnalysis {
    /// Cleans a stored run of erased answers: each of their assignments loses the words taken from
    /// the answer (`terms`), and keeps only its id and themes, so the run can still tell, when
    /// opened, that an answer it once covered has been erased since.
    static let redaction: AnalysisRedaction = { text, erasedSubmissionIDs in
        let stored = try JSONDecoder().decode(StoredAnalysis.self, from: Data(text.utf8))
        var result = stored.result
        var changed = false
        for index in result.assignments.indices
        where erasedSubmissionIDs.contains(FreeTextAnswers.submissionID(ofAnswerID: result.assignments[index].id)) {
            guard !result.assignments[index].terms.isEmpty else { continue }
            result.assignments[index].terms = []
            changed = true
        }
        guard changed else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(StoredAnalysis(result: result, answerCount: stored.answerCount)), as: UTF8.self)
    }
}

extension FreeTextAnswers {
    /// The submission part of an answer id (`submissionId/questionId`); question ids never hold a `/`.
    static func submissionID(ofAnswerID answerID: String) -> String {
        answerID.lastIndex(of: "/").map { String(answerID[..<$0]) } ?? answerID
    }
}
