import Forms
import Foundation
import Storage

/// A session as the staff pages see it.
struct SessionView: Encodable {
    let code: String
    let title: String
    let status: String
    let place: String?
    let startsAt: String?
    let tables: [String]
    let formId: String
    let formTitle: String?
    let idleSeconds: Int
    let hasKioskPin: Bool
    let responseCount: Int
    let lastResponseAt: String?
    let createdAt: String
    let openedAt: String?
    let closedAt: String?
    let tabletURL: String
    /// `loopback` or `linkLocal` when tablets could not reach `tabletURL` (see ``PublicAddress``).
    let tabletURLProblem: String?
    let archivedAt: String?
    let isDemo: Bool

    init(_ session: Session, form: Form?, responseCount: Int, lastResponseAt: Date?, baseURL: String) {
        code = session.code
        title = session.title
        status = session.status.rawValue
        place = session.place
        startsAt = session.startsAt.map(Timestamp.format)
        tables = session.tables
        formId = session.formVersion.formID
        formTitle = form?.title.text(in: .da)
        idleSeconds = session.idleTimeoutSeconds
        hasKioskPin = session.kioskPinHash != nil
        self.responseCount = responseCount
        self.lastResponseAt = lastResponseAt.map(Timestamp.format)
        createdAt = Timestamp.format(session.createdAt)
        openedAt = session.openedAt.map(Timestamp.format)
        closedAt = session.closedAt.map(Timestamp.format)
        tabletURL = "\(baseURL)/s/\(session.code)"
        tabletURLProblem = PublicAddress.problem(of: baseURL)?.rawValue
        archivedAt = session.archivedAt.map(Timestamp.format)
        isDemo = session.isDemo
    }

    // Absent values are written as null, as the staff pages expect, not left out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(place, forKey: .place)
        try container.encode(startsAt, forKey: .startsAt)
        try container.encode(tables, forKey: .tables)
        try container.encode(formId, forKey: .formId)
        try container.encode(formTitle, forKey: .formTitle)
        try container.encode(idleSeconds, forKey: .idleSeconds)
        try container.encode(hasKioskPin, forKey: .hasKioskPin)
        try container.encode(responseCount, forKey: .responseCount)
        try container.encode(lastResponseAt, forKey: .lastResponseAt)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(openedAt, forKey: .openedAt)
        try container.encode(closedAt, forKey: .closedAt)
        try container.encode(tabletURL, forKey: .tabletURL)
        try container.encode(tabletURLProblem, forKey: .tabletURLProblem)
        try container.encode(archivedAt, forKey: .archivedAt)
        try container.encode(isDemo, forKey: .isDemo)
    }

    private enum CodingKeys: String, CodingKey {
        case code, title, status, place, startsAt, tables, formId, formTitle, idleSeconds, hasKioskPin
        case responseCount, lastResponseAt, createdAt, openedAt, closedAt, tabletURL
        case tabletURLProblem, archivedAt, isDemo
    }
}
