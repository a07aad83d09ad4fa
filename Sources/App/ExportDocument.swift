import Forms
import Foundation
import Storage

/// Everything a session holds, as `borgerdialog export --format json` writes it.
public struct ExportDocument: Encodable, Sendable {
    /// The session, with the id and version of its form.
    public let session: ExportedSession
    /// Every stored response, oldest first.
    public let responses: [ExportedResponse]

    /// The export of `session` and its responses; answers are decoded from their stored JSON.
    public init(session: Session, responses: [StoredResponse]) throws {
        self.session = ExportedSession(session, responseCount: responses.count)
        self.responses = try responses.map(ExportedResponse.init)
    }

    /// Pretty, key-sorted JSON: stable to diff and to read.
    public func jsonData() throws -> Data {
        try Self.encoder.encode(self)
    }

    /// Several sessions' exports as one JSON array.
    public static func jsonData(of documents: [ExportDocument]) throws -> Data {
        try encoder.encode(documents)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// A session as exported.
public struct ExportedSession: Encodable, Sendable {
    let code: String
    let title: String
    let status: String
    let place: String?
    let startsAt: String?
    let tables: [String]
    let formId: String
    let formVersion: String
    let createdAt: String
    let openedAt: String?
    let closedAt: String?
    let responseCount: Int

    init(_ session: Session, responseCount: Int) {
        code = session.code
        title = session.title
        status = session.status.rawValue
        place = session.place
        startsAt = session.startsAt.map(Timestamp.format)
        tables = session.tables
        formId = session.formVersion.formID
        formVersion = session.formVersion.contentHash
        createdAt = Timestamp.format(session.createdAt)
        openedAt = session.openedAt.map(Timestamp.format)
        closedAt = session.closedAt.map(Timestamp.format)
        self.responseCount = responseCount
    }
}

/// One citizen's submission as exported; contact details are never part of it.
public struct ExportedResponse: Encodable, Sendable {
    let submissionId: String
    let submittedAt: String
    let clientSubmittedAt: String?
    let late: Bool
    let table: String?
    let answers: [String: JSONValue]

    init(_ response: StoredResponse) throws {
        submissionId = response.submissionID
        submittedAt = Timestamp.format(response.receivedAt)
        clientSubmittedAt = response.clientSubmittedAt.map(Timestamp.format)
        late = response.isLate
        table = response.tableLabel
        answers = try response.answers.mapValues { try JSONValue(jsonText: $0) }
    }
}
