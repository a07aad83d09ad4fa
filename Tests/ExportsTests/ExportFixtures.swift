import Exports
import Forms
import Foundation
import XCTest

/// The small bundle the export tests render: a form with every closed type and two background
/// questions, two sessions, four responses and a theme report.
enum ExportFixtures {
    static let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func form() throws -> Form {
        let url = fixturesDirectory.appendingPathComponent("export-sample.json")
        return try FormDecoder.decode(Data(contentsOf: url), file: url.path)
    }

    /// 2026-03-03 17:30 UTC (18:30 in Copenhagen) plus some minutes.
    static func date(minutesAfterStart minutes: Int) -> Date {
        Date(timeIntervalSince1970: 1_772_559_000 + Double(minutes * 60))
    }

    static let firstIdea = "Flere fællesspisninger i forsamlingshuset – \"hyggeligt\", siger Åse.\nOgså for børn."
    static let formulaIdea = "=HYPERLINK(\"http://example.invalid\";\"klik\")"
    static let thirdIdea = "Cykelstier og træer langs vejen, også i Ærø-området"

    static let sessions = [
        ExportSession(code: "AER1", title: "Borgermøde i Ærøskøbing", place: "Forsamlingshuset", startsAt: date(minutesAfterStart: 0),
                      status: "closed", formVersion: "v1"),
        ExportSession(code: "MAR2", title: "Dialog i Marstal", place: nil, startsAt: nil, status: "open", formVersion: "v1"),
    ]

    static let responses: [ExportResponse] = [
        ExportResponse(submissionID: "s1", sessionCode: "AER1", submittedAt: date(minutesAfterStart: 5), isLate: false,
                       table: "Bord 1", answers: [
                           "idea": .string(firstIdea), "activities": ["sport", "kultur"], "satisfaction": 4,
                           "felt-heard": true, "hours": 2.5, "priorities": ["faellesskab", "aeldreliv", "groen-omstilling"],
                           "budget": ["stier": 6, "huse": 4], "age-group": "65-plus", "area": "aeroeskoebing",
                       ]),
        ExportResponse(submissionID: "s2", sessionCode: "AER1", submittedAt: date(minutesAfterStart: 90), isLate: true,
                       table: nil, answers: [
                           "idea": .string(formulaIdea), "activities": ["selected": ["frivillig"], "other": "Kor; sang"],
                           "satisfaction": "dont_know", "felt-heard": false, "hours": 10,
                           "priorities": ["groen-omstilling", "faellesskab", "aeldreliv"], "budget": ["huse": 10],
                           "age-group": "30-64", "area": ["other": "Søby"],
                       ]),
        ExportResponse(submissionID: "s3", sessionCode: "MAR2", submittedAt: date(minutesAfterStart: 1440), isLate: false,
                       table: "Bord 2", answers: [
                           "idea": .string(thirdIdea), "activities": ["sport"], "satisfaction": 2,
                           "age-group": "under-30", "area": "marstal",
                       ]),
        ExportResponse(submissionID: "s4", sessionCode: "MAR2", submittedAt: date(minutesAfterStart: 1450), isLate: false,
                       table: nil, answers: ["satisfaction": 5, "age-group": "65-plus"]),
    ]

    static let report = ThemeReport(
        themes: [
            ReportTheme(key: "faellesskab", label: "Fællesskab & spisning", kind: "guided", terms: ["fællesspisning", "forsamlingshus"],
                        size: 2, share: 2.0 / 3.0,
                        quotes: [ReportQuote(answerID: "s1/idea", text: firstIdea, sessionCode: "AER1")],
                        countsBySession: ["AER1": 2]),
            ReportTheme(key: "groen-omstilling", label: "Grøn omstilling", kind: "discovered", terms: ["cykelsti", "træer"],
                        size: 2, share: 2.0 / 3.0,
                        quotes: [ReportQuote(answerID: "s3/idea", text: thirdIdea, sessionCode: "MAR2")],
                        countsBySession: ["AER1": 1, "MAR2": 1]),
        ],
        assignments: [
            ReportAssignment(answerID: "s1/idea", themes: ["faellesskab"], decidedByAnalyst: false),
            ReportAssignment(answerID: "s2/idea", themes: ["faellesskab", "groen-omstilling"], decidedByAnalyst: true),
            ReportAssignment(answerID: "s3/idea", themes: ["groen-omstilling"], decidedByAnalyst: false),
        ],
        decisions: [
            ReportDecision(kind: "rename", summary: "Omdøbte “Fællesskab” til “Fællesskab & spisning”", decidedBy: "analytiker",
                           decidedAt: date(minutesAfterStart: 3000), applied: true),
        ]
    )

    /// The report with its first theme split by purpose: what works (two answers, the same words
    /// twice quoted once), what should change (one), and an answer to a question that says neither.
    static var reportWithPurposes: ThemeReport {
        var split = report
        split.themes[0].purposes = [
            ReportPurposeGroup(purpose: "works", size: 2, quotes: [
                ReportQuote(answerID: "s1/idea", text: firstIdea, sessionCode: "AER1"),
                ReportQuote(answerID: "s5/idea", text: firstIdea.uppercased(), sessionCode: "AER1"),
            ]),
            ReportPurposeGroup(purpose: "change", size: 1, quotes: [ReportQuote(answerID: "s2/idea", text: formulaIdea, sessionCode: "AER1")]),
            ReportPurposeGroup(purpose: "none", size: 1, quotes: [ReportQuote(answerID: "s6/idea", text: "Tak for i aften", sessionCode: "MAR2")]),
        ]
        return split
    }

    static func bundle(withThemes: Bool = true) throws -> ExportBundle {
        ExportBundle(form: try form(), sessions: sessions, responses: responses, themes: withThemes ? report : nil,
                     generatedAt: date(minutesAfterStart: 4000))
    }

    /// A fresh temporary directory, removed when the test ends.
    static func temporaryDirectory(for testCase: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("exports-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
