import Authentication
import Forms
import Foundation
import HTTPServer
import Storage

/// The endpoints a tablet uses: no login, a join code is the key.
struct CitizenAPI: Sendable {
    let sessions: SessionDirectory
    let store: Store
    let passwords: PasswordWork
    /// Slows down PIN guessing per session and tablet address.
    let kioskThrottle: LoginThrottle
    /// Takes the free text of each stored submission to the semantic view's background queue.
    let vectors: AnswerVectors

    /// How long after a session closes an answer made offline while it was open is still accepted.
    static let lateAnswerWindow: TimeInterval = 14 * 24 * 3600

    /// `GET /api/sessions/{code}/form[?lang=da|en]`: the session and its form in one language.
    func form(_ request: Request) throws -> Response {
        let session = try sessions.session(code: request.pathParameters["code"] ?? "")
        let language = Language(code: request.query["lang"] ?? "") ?? .da
        var response = Response(status: .ok, body: try sessions.tabletFormBody(for: session, language: language))
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        return response
    }

    /// `POST /api/sessions/{code}/responses`: validates and stores one citizen's answers, exactly once.
    ///
    /// Checks run on the server's thread; the answer is sent from the response writer's thread
    /// right after the commit that holds it (or its failure), so nothing is acknowledged unstored.
    func submit(_ request: Request, reply: ResponseReply) {
        let accepted: (submission: NewSubmission, isLate: Bool, freeText: [String])
        do {
            switch try check(request) {
            case .store(let submission, let isLate, let freeText): accepted = (submission, isLate, freeText)
            case .alreadyStored(let receipt): return reply.send(SubmissionReceipt.duplicate(receipt).response)
            }
        } catch {
            return reply.fail(error)
        }
        store.submit(accepted.submission) { result in
            switch result {
            case .success(let acknowledgement) where acknowledgement.outcome == .stored:
                // Only hands the texts over (the model reads them later, on its own queue).
                vectors.notice(accepted.freeText)
                reply.send(SubmissionReceipt.stored(acknowledgement.receipt, late: accepted.isLate).response)
            case .success(let acknowledgement):
                reply.send(SubmissionReceipt.duplicate(acknowledgement.receipt).response)
            case .failure(let error): reply.fail(error)
            }
        }
    }

    /// What to do with a submission that passed every check.
    private enum CheckedSubmission {
        /// Store it; `isLate` when it was made before its session closed; `freeText` for the semantic view.
        case store(NewSubmission, isLate: Bool, freeText: [String])
        /// The session is closed and this id is already stored: the tablet lost the acknowledgement.
        case alreadyStored(ReceiptCode?)
    }

    /// The submission ready to store, or why not (thrown: the error decides the response).
    private func check(_ request: Request) throws -> CheckedSubmission {
        try RequestBody.requireJSONContentType(request)
        let session = try sessions.session(code: request.pathParameters["code"] ?? "")
        let submission = try SubmissionRequest(body: request.body)
        let receivedAt = Date()
        let isLate: Bool
        do {
            isLate = try admission(of: submission, to: session, at: receivedAt)
        } catch AppError.sessionClosed(let code) {
            guard try store.containsSubmission(id: submission.submissionID) else { throw AppError.sessionClosed(code: code) }
            return .alreadyStored(try store.receipt(submissionID: submission.submissionID))
        }
        let form = try sessions.form(for: session)

        let validation = form.validate(answers: submission.answers)
        var problems = validation.problems
        // Every contact problem at once: a wrong e-mail and an unticked consent are one round, not two.
        let contactCheck = form.checkContact(submission.contact, language: submission.language)
        problems += contactCheck.problems
        let contact = contactCheck.answer.map { ContactDetails(name: $0.name, email: $0.email, consentText: $0.consentText) }
        guard problems.isEmpty else { throw AppError.invalidAnswers(problems) }

        return .store(NewSubmission(
            submissionID: submission.submissionID,
            sessionID: session.id,
            answers: validation.accepted.mapValues(\.jsonText),
            receivedAt: receivedAt,
            clientSubmittedAt: submission.clientSubmittedAt,
            isLate: isLate,
            tableLabel: submission.tableLabel,
            contact: contact), isLate: isLate, freeText: vectors.isWanted ? FreeTextAnswers.texts(of: validation.accepted, form: form) : [])
    }

    /// `POST /api/sessions/{code}/kiosk/exit`: lets a facilitator leave kiosk mode with the session's PIN.
    ///
    /// A session made without a PIN (from the command line or the demo) has no kiosk lock.
    func exitKiosk(_ request: Request) async throws -> Response {
        let session = try sessions.session(code: request.pathParameters["code"] ?? "")
        let pin = try RequestBody.decode(KioskExitBody.self, from: request).pin ?? ""
        guard let pinHash = session.kioskPinHash else { return .json(["status": "ok"]) }
        let address = request.remoteAddress ?? "unknown"
        let account = "kiosk:\(session.code)"
        if case .locked(let retryAfter) = kioskThrottle.decision(account: account, address: address, now: Date()) {
            throw AppError.throttled(retryAfterSeconds: max(1, Int(retryAfter.rounded(.up))))
        }
        guard await passwords.verify(pin, against: pinHash) else {
            kioskThrottle.recordFailure(account: account, address: address, now: Date())
            throw AppError.wrongKioskPin
        }
        kioskThrottle.recordSuccess(account: account, address: address)
        return .json(["status": "ok"])
    }

    /// Whether the session takes this answer now, and whether it counts as late.
    ///
    /// A tablet that was offline delivers answers after the meeting; those made while the session
    /// was open still count (marked late), anything newer is refused.
    private func admission(of submission: SubmissionRequest, to session: Session, at now: Date) throws -> Bool {
        switch session.status {
        case .open:
            return false
        case .draft:
            throw AppError.sessionNotOpen(code: session.code)
        case .closed:
            guard let closedAt = session.closedAt,
                  let madeAt = submission.clientSubmittedAt,
                  madeAt <= closedAt,
                  session.openedAt.map({ madeAt >= $0.addingTimeInterval(-3600) }) ?? true,
                  now.timeIntervalSince(closedAt) <= Self.lateAnswerWindow
            else {
                throw AppError.sessionClosed(code: session.code)
            }
            return true
        }
    }
}

/// The public face of a session: what a tablet may know.
struct SessionSummary: Encodable {
    let code: String
    let title: String
    let status: String
    let place: String?
    let startsAt: String?
    let tables: [String]
    let formVersion: String
    let kiosk: KioskSettings

    /// How the tablet behaves in this session.
    struct KioskSettings: Encodable {
        let idleSeconds: Int
        let exitNeedsPin: Bool
        /// The longest PIN, so the tablet's PIN field takes no more.
        let pinMaxLength: Int

        init(idleSeconds: Int, exitNeedsPin: Bool) {
            self.idleSeconds = idleSeconds
            self.exitNeedsPin = exitNeedsPin
            pinMaxLength = SessionSettings.kioskPinLengths.upperBound
        }
    }

    init(_ session: Session) {
        code = session.code
        title = session.title
        status = session.status.rawValue
        place = session.place
        startsAt = session.startsAt.map(Timestamp.format)
        tables = session.tables
        formVersion = session.formVersion.contentHash
        kiosk = KioskSettings(idleSeconds: session.idleTimeoutSeconds, exitNeedsPin: session.kioskPinHash != nil)
    }
}

/// The body of `POST /api/sessions/{code}/kiosk/exit`.
private struct KioskExitBody: Decodable {
    /// The PIN the facilitator typed.
    let pin: String?
}

/// The answer to a stored or repeated submission: 201 `{"status": "stored", "receipt": "K7MX-4QPA"}`
/// (with `"late": true` for an answer made offline before the close), or 200 `"duplicate"` with the
/// first copy's receipt.
enum SubmissionReceipt {
    /// Stored now.
    case stored(ReceiptCode, late: Bool)
    /// Stored before; the receipt is nil only for a response stored before receipts existed and
    /// repeated to a closed meeting.
    case duplicate(ReceiptCode?)

    /// The HTTP answer. Written by hand: it is the answer to every submission, and a receipt holds
    /// only letters, digits and a dash, so nothing needs escaping.
    var response: Response {
        let body: String
        let status: HTTPStatus
        switch self {
        case .stored(let receipt, let late):
            body = #"{"status":"stored","receipt":"\#(receipt.formatted)"\#(late ? #","late":true"# : "")}"#
            status = .created
        case .duplicate(let receipt?):
            body = #"{"status":"duplicate","receipt":"\#(receipt.formatted)"}"#
            status = .ok
        case .duplicate(nil):
            body = #"{"status":"duplicate"}"#
            status = .ok
        }
        return Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: Array(body.utf8))
    }
}
