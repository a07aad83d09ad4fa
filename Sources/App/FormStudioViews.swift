import Forms
import Foundation
import Storage

/// A form as the form list shows it.
struct FormSummary: Encodable {
    /// One published version and who uses it.
    struct Version: Encodable {
        let number: Int
        let publishedAt: String
        let publishedBy: String
        let contentHash: String
        let sessions: [SessionUse]
    }

    /// A session opened on a version.
    struct SessionUse: Encodable {
        let code: String
        let title: String
        let status: String
        let responseCount: Int
    }

    /// A policy theme, for choosing forms by subject.
    struct Theme: Encodable {
        let key: String
        let name: String
    }

    let id: String
    let title: String
    let titles: LocalizedText?
    let origin: String
    /// `published` once any version is published (sessions can use it), else `draft`.
    let status: String
    let hasDraft: Bool
    let changedAt: String
    let changedBy: String
    let createdAt: String
    let createdBy: String
    let themes: [Theme]
    let questionCount: Int
    let versions: [Version]
    let sessionCount: Int
    let lastUsedAt: String?

    init(_ entry: FormEntry, form: Form?, sessionsByCode: [String: Session], responseCounts: [Int64: (count: Int, lastReceivedAt: Date?)]) {
        let draftDefinition = entry.draft.map { FormDefinition(text: $0.definition, expectedID: entry.form.id) }
        id = entry.form.id
        titles = form?.title
        title = form?.title.text(in: .da) ?? draftDefinition?.declaredTitle ?? entry.form.id
        origin = entry.form.origin.rawValue
        status = entry.versions.isEmpty ? "draft" : "published"
        hasDraft = entry.draft != nil
        let lastPublication = entry.latest?.publication
        if let draft = entry.draft, lastPublication.map({ draft.updatedAt >= $0.publishedAt }) ?? true {
            changedAt = Timestamp.format(draft.updatedAt)
            changedBy = draft.updatedBy
        } else {
            changedAt = Timestamp.format(lastPublication?.publishedAt ?? entry.form.createdAt)
            changedBy = lastPublication?.publishedBy ?? entry.form.createdBy
        }
        createdAt = Timestamp.format(entry.form.createdAt)
        createdBy = entry.form.createdBy
        themes = form?.themes.map { Theme(key: $0.key, name: $0.name.text(in: .da)) } ?? []
        questionCount = form?.answerableQuestions.count ?? 0
        versions = entry.versions.map { published in
            Version(
                number: published.publication.number, publishedAt: Timestamp.format(published.publication.publishedAt),
                publishedBy: published.publication.publishedBy, contentHash: published.version.contentHash,
                sessions: published.sessionCodes.compactMap { code in
                    sessionsByCode[code].map {
                        SessionUse(code: $0.code, title: $0.title, status: $0.status.rawValue,
                                   responseCount: responseCounts[$0.id]?.count ?? 0)
                    }
                })
        }
        let used = entry.versions.flatMap(\.sessionCodes).compactMap { sessionsByCode[$0] }
        sessionCount = used.count
        lastUsedAt = used.map(\.createdAt).max().map(Timestamp.format)
    }
}

/// The body of `GET /api/staff/forms`.
struct FormListDocument: Encodable {
    let forms: [FormSummary]
    /// Library files that could not be imported, with why.
    let libraryProblems: [FileProblemView]
    /// Library files not imported because a form made in the browser has their id.
    let libraryConflicts: [String]
}

/// A problem of a library file.
struct FileProblemView: Encodable {
    let file: String
    let path: String
    let reason: String
}

/// A problem of a definition, at its JSON path.
struct ProblemView: Encodable {
    let path: String
    let reason: String
}

/// One form with its working definition, for the form builder.
struct FormDetail: Encodable {
    let summary: FormSummary
    /// The draft's definition, or the newest version's when there is no draft.
    let definition: JSONValue
    /// Every problem of that definition.
    let problems: [ProblemView]
    /// Whether the definition can be published as it is.
    let publishable: Bool

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(definition, forKey: .definition)
        try container.encode(problems, forKey: .problems)
        try container.encode(publishable, forKey: .publishable)
    }

    private enum CodingKeys: String, CodingKey {
        case definition, problems, publishable
    }
}

/// The answer to a publication.
struct PublishDocument: Encodable {
    /// The published version's number.
    let version: Int
    let form: FormDetail
}

/// What the tablet page gets in preview: the form, and a stand-in for the session.
struct PreviewDocument: Encodable {
    let form: ClientForm
    let session: PreviewSession
}

/// The session part of a preview: no join code, nothing can be sent.
struct PreviewSession: Encodable {
    let code: String
    let title: String
    let status: String
    let tables: [String]
    let preview: Bool
    let kiosk: SessionSummary.KioskSettings

    static func preview(title: String) -> PreviewSession {
        PreviewSession(code: "PREVIEW", title: title, status: "open", tables: [], preview: true,
                       kiosk: .init(idleSeconds: SessionSettings.defaultIdleTimeoutSeconds, exitNeedsPin: false))
    }
}
