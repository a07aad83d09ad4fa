import Exports
import Foundation
import XCTest

final class ThemeBreakdownsTests: XCTestCase {
    func testCountsPerSession() throws {
        let breakdowns = ThemeBreakdowns(bundle: try ExportFixtures.bundle())
        XCTAssertEqual(breakdowns.bySession, [
            SessionThemeCounts(sessionCode: "AER1", title: "Borgermøde i Ærøskøbing", answerCount: 2,
                               counts: ["faellesskab": 2, "groen-omstilling": 1]),
            SessionThemeCounts(sessionCode: "MAR2", title: "Dialog i Marstal", answerCount: 1,
                               counts: ["faellesskab": 0, "groen-omstilling": 1]),
        ])
    }

    func testCountsPerBackgroundValue() throws {
        let breakdowns = ThemeBreakdowns(bundle: try ExportFixtures.bundle())
        XCTAssertEqual(breakdowns.byBackground.map(\.questionID), ["age-group", "area"])
        let ageGroups = breakdowns.byBackground[0]
        XCTAssertEqual(ageGroups.label, "Hvor gammel er du?")
        XCTAssertEqual(ageGroups.values, [
            BackgroundValueThemeCounts(value: "under-30", label: "Under 30 år", answerCount: 1,
                                       counts: ["faellesskab": 0, "groen-omstilling": 1]),
            BackgroundValueThemeCounts(value: "30-64", label: "30–64 år", answerCount: 1,
                                       counts: ["faellesskab": 1, "groen-omstilling": 1]),
            // s4 is 65+ too but wrote no free text, so only s1 counts.
            BackgroundValueThemeCounts(value: "65-plus", label: "65 år eller derover", answerCount: 1,
                                       counts: ["faellesskab": 1, "groen-omstilling": 0]),
        ])
        let areas = breakdowns.byBackground[1]
        XCTAssertEqual(areas.values.map(\.value), ["aeroeskoebing", "marstal", "other"])
        XCTAssertEqual(areas.values.map(\.answerCount), [1, 1, 1])
        XCTAssertEqual(areas.values[2].counts, ["faellesskab": 1, "groen-omstilling": 1])
        XCTAssertEqual(areas.values[2].label, "Andet")
    }

    func testEncodesAsTheAnalystAPIShape() throws {
        let breakdowns = ThemeBreakdowns(bundle: try ExportFixtures.bundle())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: encoder.encode(breakdowns)) as? [String: Any])
        let firstSession = try XCTUnwrap((json["bySession"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(firstSession.keys), ["session", "title", "answerCount", "counts"])
        XCTAssertEqual(firstSession["session"] as? String, "AER1")
        let firstBackground = try XCTUnwrap((json["byBackground"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(firstBackground.keys), ["question", "label", "values"])
        let firstValue = try XCTUnwrap((firstBackground["values"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(firstValue.keys), ["value", "label", "answerCount", "counts"])
    }

    func testWithoutThemesEveryCountIsZero() throws {
        let breakdowns = ThemeBreakdowns(bundle: try ExportFixtures.bundle(withThemes: false))
        XCTAssertEqual(breakdowns.bySession.map(\.answerCount), [0, 0])
        XCTAssertTrue(breakdowns.bySession.allSatisfy { $0.counts.isEmpty })
        XCTAssertEqual(breakdowns.byBackground.count, 2)
    }

    func testAnswersOfUnknownSubmissionsAreIgnoredAndThemesCountOncePerAnswer() throws {
        var bundle = try ExportFixtures.bundle()
        bundle.themes?.assignments.append(ReportAssignment(answerID: "missing/idea", themes: ["faellesskab"], decidedByAnalyst: false))
        bundle.themes?.assignments[0].themes = ["faellesskab", "faellesskab"]
        let breakdowns = ThemeBreakdowns(bundle: bundle)
        XCTAssertEqual(breakdowns.bySession[0].answerCount, 2)
        XCTAssertEqual(breakdowns.bySession[0].counts["faellesskab"], 2)
    }
}
