import Exports
import Foundation
import XCTest

final class ThemeBreakdownsTests: XCTestCase {
    /// The fixture with s1 writing a second free-text answer in the same theme, and s3 one in another.
    func bundleWithSecondAnswers() throws -> ExportBundle {
        var bundle = try ExportFixtures.bundle()
        bundle.themes?.assignments += [
            ReportAssignment(answerID: "s1/more", themes: ["faellesskab"], decidedByAnalyst: false),
            ReportAssignment(answerID: "s3/more", themes: ["faellesskab"], decidedByAnalyst: false),
        ]
        return bundle
    }

    func testCountsPeopleNotAnswers() throws {
        let breakdowns = ThemeBreakdowns(bundle: try bundleWithSecondAnswers())
        XCTAssertEqual(breakdowns.peopleCount, 3)
        // Five answers carry "faellesskab" now, from three people; s1's two count once.
        XCTAssertEqual(breakdowns.totals, ["faellesskab": 3, "groen-omstilling": 2])
        XCTAssertEqual(breakdowns.bySession, [
            SessionThemeCounts(sessionCode: "AER1", title: "Borgermøde i Ærøskøbing", peopleCount: 2,
                               counts: ["faellesskab": 2, "groen-omstilling": 1]),
            SessionThemeCounts(sessionCode: "MAR2", title: "Dialog i Marstal", peopleCount: 1,
                               counts: ["faellesskab": 1, "groen-omstilling": 1]),
        ])
    }

    func testCountsPerTableInNaturalOrderWithNoTableLast() throws {
        var bundle = try bundleWithSecondAnswers()
        bundle.responses.append(ExportResponse(submissionID: "s5", sessionCode: "AER1", submittedAt: Date(), isLate: false,
                                               table: "Bord 10", answers: ["idea": "Flere bænke"]))
        bundle.responses.append(ExportResponse(submissionID: "s6", sessionCode: "AER1", submittedAt: Date(), isLate: false,
                                               table: "Bord 2", answers: ["idea": "Flere stier"]))
        bundle.themes?.assignments.append(ReportAssignment(answerID: "s6/idea", themes: ["groen-omstilling"], decidedByAnalyst: false))
        let tables = ThemeBreakdowns(bundle: bundle).byTable
        XCTAssertEqual(tables.map(\.label), [
            "Borgermøde i Ærøskøbing – Bord 1", "Borgermøde i Ærøskøbing – Bord 2", "Borgermøde i Ærøskøbing – Bord 10",
            "Borgermøde i Ærøskøbing – Uden bord", "Dialog i Marstal – Bord 2", "Dialog i Marstal – Uden bord",
        ])
        XCTAssertEqual(tables.map(\.table), ["Bord 1", "Bord 2", "Bord 10", nil, "Bord 2", nil])
        XCTAssertEqual(tables.map(\.peopleCount), [1, 1, 0, 1, 1, 0], "s5's text was not analysed; s4 wrote none")
        XCTAssertEqual(tables[0].counts, ["faellesskab": 1, "groen-omstilling": 0])
        XCTAssertEqual(tables[4].counts, ["faellesskab": 1, "groen-omstilling": 1])
    }

    func testOneMeetingNamesTablesAloneAndNoTablesMeansNoBreakdown() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.sessions.removeLast()
        bundle.responses.removeAll { $0.sessionCode == "MAR2" }
        XCTAssertEqual(ThemeBreakdowns(bundle: bundle).byTable.map(\.label), ["Bord 1", "Uden bord"])
        bundle.responses = bundle.responses.map { var response = $0; response.table = nil; return response }
        XCTAssertEqual(ThemeBreakdowns(bundle: bundle).byTable, [])
    }

    func testCountsPerBackgroundValue() throws {
        let breakdowns = ThemeBreakdowns(bundle: try bundleWithSecondAnswers())
        XCTAssertEqual(breakdowns.byBackground.map(\.questionID), ["age-group", "area"])
        let ageGroups = breakdowns.byBackground[0]
        XCTAssertEqual(ageGroups.label, "Hvor gammel er du?")
        XCTAssertEqual(ageGroups.values, [
            BackgroundValueThemeCounts(value: "under-30", label: "Under 30 år", peopleCount: 1,
                                       counts: ["faellesskab": 1, "groen-omstilling": 1]),
            BackgroundValueThemeCounts(value: "30-64", label: "30–64 år", peopleCount: 1,
                                       counts: ["faellesskab": 1, "groen-omstilling": 1]),
            // s4 is 65+ too but wrote no free text, so only s1 counts, once.
            BackgroundValueThemeCounts(value: "65-plus", label: "65 år eller derover", peopleCount: 1,
                                       counts: ["faellesskab": 1, "groen-omstilling": 0]),
        ])
        let areas = breakdowns.byBackground[1]
        XCTAssertEqual(areas.values.map(\.value), ["aeroeskoebing", "marstal", "other"])
        XCTAssertEqual(areas.values.map(\.peopleCount), [1, 1, 1])
        XCTAssertEqual(areas.values[2].counts, ["faellesskab": 1, "groen-omstilling": 1])
        XCTAssertEqual(areas.values[2].label, "Andet")
    }

    func testOrdersThemesByPeopleWithOtherLast() throws {
        var bundle = try bundleWithSecondAnswers()
        bundle.themes?.themes.insert(ReportTheme(key: "other", label: "Andet", kind: "other", terms: [], size: 9, share: 0.9,
                                                 quotes: [], countsBySession: [:]), at: 0)
        bundle.themes?.themes.swapAt(1, 2)
        bundle.themes?.assignments.append(ReportAssignment(answerID: "s4/idea", themes: ["other"], decidedByAnalyst: false))
        let breakdowns = ThemeBreakdowns(bundle: bundle)
        XCTAssertEqual(breakdowns.ordered(bundle.themes?.themes ?? []).map(\.key), ["faellesskab", "groen-omstilling", "other"])
    }

    func testEncodesAsTheAnalystAPIShape() throws {
        let breakdowns = ThemeBreakdowns(bundle: try ExportFixtures.bundle())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: encoder.encode(breakdowns)) as? [String: Any])
        XCTAssertEqual(Set(json.keys), ["peopleCount", "totals", "bySession", "byTable", "byBackground"])
        let firstSession = try XCTUnwrap((json["bySession"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(firstSession.keys), ["session", "title", "peopleCount", "counts"])
        XCTAssertEqual(firstSession["session"] as? String, "AER1")
        let tables = try XCTUnwrap(json["byTable"] as? [[String: Any]])
        XCTAssertEqual(Set(tables[0].keys), ["session", "table", "label", "peopleCount", "counts"])
        XCTAssertTrue(tables.contains { $0["table"] is NSNull }, "no table is null, not a missing key")
        let firstBackground = try XCTUnwrap((json["byBackground"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(firstBackground.keys), ["question", "label", "values"])
        let firstValue = try XCTUnwrap((firstBackground["values"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(firstValue.keys), ["value", "label", "peopleCount", "counts"])
    }

    func testWithoutThemesEveryCountIsZero() throws {
        let breakdowns = ThemeBreakdowns(bundle: try ExportFixtures.bundle(withThemes: false))
        XCTAssertEqual(breakdowns.bySession.map(\.peopleCount), [0, 0])
        XCTAssertTrue(breakdowns.bySession.allSatisfy { $0.counts.isEmpty })
        XCTAssertEqual(breakdowns.byBackground.count, 2)
    }

    func testAnswersOfUnknownSubmissionsAreIgnored() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.themes?.assignments.append(ReportAssignment(answerID: "missing/idea", themes: ["faellesskab"], decidedByAnalyst: false))
        bundle.themes?.assignments[0].themes = ["faellesskab", "faellesskab"]
        let breakdowns = ThemeBreakdowns(bundle: bundle)
        XCTAssertEqual(breakdowns.bySession[0].peopleCount, 2)
        XCTAssertEqual(breakdowns.bySession[0].counts["faellesskab"], 2)
        XCTAssertEqual(breakdowns.peopleCount, 3)
    }
}
