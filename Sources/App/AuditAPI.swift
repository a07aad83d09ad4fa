import Exports
import Forms
import Foundation
import HTTPServer
import Storage

/// The audit log for admins: staff actions by person, kind and day, newest first.
struct AuditAPI: Sendable {
    /// How many events one answer holds unless `limit=` says otherwise, and the most it may say.
    static let defaultLimit = 200
    static let limitRange = 1...1000

    let store: Store

    /// `GET /api/staff/audit?actor=&action=&from=&to=&limit=`: the matching events, newest first.
    ///
    /// `action` is a kind (`session.open`) or, ending in a dot, every kind under it (`session.`).
    /// `from` and `to` are days (`2026-03-01`) in Danish time, both included. The answer also lists
    /// everyone and every action the log holds, for the page's choices, and the titles of the
    /// meetings the events name, so the page can say which meeting it was.
    func events(_ request: Request) throws -> Response {
        let filter = try Self.filter(from: request.query)
        let events = try store.auditEvents(matching: filter)
        let targets = Set(events.compactMap(\.target))
        var titles: [String: String] = [:]
        for session in try store.sessions() where targets.contains(session.code) {
            titles[session.code] = session.title
        }
        return .json(AuditDocument(
            events: events.map { event in
                AuditDocument.Event(
                    at: Timestamp.format(event.at), actor: event.actor, action: event.action, target: event.target,
                    details: (try? JSONValue(jsonText: event.details)) ?? .object([:]))
            },
            actors: try store.auditActors(), actions: try store.auditActions(), sessionTitles: titles))
    }

    /// The filter a query asks for; every parameter that does not fit is named in one 422.
    static func filter(from query: [String: String]) throws(AppError) -> AuditFilter {
        var problems: [FieldProblem] = []
        let text = { (name: String) in query[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }

        var limit = defaultLimit
        if let given = text("limit") {
            if let number = Int(given) {
                limit = min(max(number, limitRange.lowerBound), limitRange.upperBound)
            } else {
                problems.append(FieldProblem(field: "limit", da: "Skriv et helt tal.", en: "Use a whole number."))
            }
        }
        let action = text("action").map { $0.hasSuffix(".") ? AuditFilter.ActionMatch.startingWith($0) : .exactly($0) }
        let from = day(text("from"), field: "from", problems: &problems)
        let to = day(text("to"), field: "to", problems: &problems)
        if let from, let to, to < from {
            problems.append(FieldProblem(field: "to", da: "Til-datoen ligger før fra-datoen.", en: "The end date is before the start date."))
        }
        guard problems.isEmpty else { throw .invalidFields(problems) }
        return AuditFilter(
            actor: text("actor"), action: action, from: from.map(startOfDay),
            before: to.map { startOfDay(danishCalendar.date(byAdding: .day, value: 1, to: $0) ?? $0) }, limit: limit)
    }

    /// Danish days: the log is read by the day things happened in the municipality, wherever the server runs.
    private static var danishCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ExportSettings.danishTimeZone
        return calendar
    }

    private static func startOfDay(_ date: Date) -> Date {
        danishCalendar.startOfDay(for: date)
    }

    /// Noon on the day `yyyy-MM-dd` in Danish time (noon, so a daylight saving switch cannot move the day), or nil.
    private static func day(_ text: String?, field: String, problems: inout [FieldProblem]) -> Date? {
        guard let text else { return nil }
        guard let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
              let date = danishCalendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
              danishCalendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else {
            problems.append(FieldProblem(field: field, da: "Skriv en dato som 2026-03-01.", en: "Use a date like 2026-03-01."))
            return nil
        }
        return date
    }
}

/// The answer of `GET /api/staff/audit`.
private struct AuditDocument: Encodable {
    struct Event: Encodable {
        let at: String
        let actor: String
        let action: String
        let target: String?
        let details: JSONValue
    }
    let events: [Event]
    /// Everyone in the log, for choosing a person.
    let actors: [String]
    /// Every action in the log, for choosing a kind (new kinds included).
    let actions: [String]
    /// Meeting titles by join code, for the meetings the events name.
    let sessionTitles: [String: String]
}
