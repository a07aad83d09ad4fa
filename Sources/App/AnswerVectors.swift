import Exports
import Foundation
import Hashing
import Logging
import Storage
import Synchronization
import ThemeAnalysis

/// The semantic view's vectors of the answers: each text is read by the model once, in the
/// background after its answer is stored, kept in the database by (view, kind, SHA-256 of the
/// masked text), and read back by every analysis run, so analysing a meeting stays quick.
///
/// Two callers, never the server's threads: the background thread (`notice(_:)`, a thread of
/// its own at the lowest priority, using one core, taking the new answers in rounds) and the
/// analysis queue (`vectors(answers:themes:)`, which computes any vectors still missing itself).
/// The model is called by one of them at a time.
/// Without a model everything works on words alone: `notice` does nothing and `vectors` is nil.
final class AnswerVectors: Sendable {
    /// Texts per model call (and per database transaction) in the background.
    static let batchSize = 16
    /// How long the background thread rests after a round before taking the texts that arrived
    /// meanwhile: a stream of answers then wakes it a few times a second, not once per answer
    /// (each wake is a system call on the submissions' writer thread).
    static let restBetweenRounds: useconds_t = 200_000
    /// Texts at most waiting for the background thread; more are left to the next analysis run.
    static let waitingLimit = 10_000

    let store: Store
    private let logger: Logger
    private let choice: SemanticModelChoice
    /// The background's own thread at the lowest priority: tablets' requests always come first.
    private let background = BackgroundThread(name: "borgerdialog.vectors")
    /// The model once opened (`.unopened` until it is first needed; `.missing` when there is none).
    private let opened = Mutex<OpenedModel>(.unopened)
    /// One model call at a time, whichever queue asks.
    private let calls = Mutex<Void>(())
    /// Texts waiting for the background thread, whether it has been asked to take them, and
    /// whether the service is stopping (then nothing more is read).
    private let waiting = Mutex<(texts: [String], scheduled: Bool, stopping: Bool)>(([], false, false))
    private let masker = PersonalDataMasker()

    private enum OpenedModel {
        case unopened
        case missing
        case ready(any SemanticModel)
    }

    init(store: Store, choice: SemanticModelChoice, logger: Logger) {
        self.store = store
        self.choice = choice
        self.logger = logger
    }

    /// Whether the service may have a semantic model (it is looked for when first needed).
    var isWanted: Bool {
        if case .off = choice { return false }
        return true
    }

    /// The model, opened at the first call; nil when there is none (said once in the log).
    var model: (any SemanticModel)? {
        opened.withLock { state -> (any SemanticModel)? in
            switch state {
            case .ready(let model): return model
            case .missing: return nil
            case .unopened:
                let model: (any SemanticModel)?
                switch choice {
                case .off:
                    model = nil
                case .given(let given):
                    model = given
                case .installed(let directory):
                    let (found, problem) = E5SemanticModel.open(from: AppConfiguration.modelDirectories(directory))
                    if let problem { logger.notice("The analysis reads answers by their words only: \(problem)") }
                    model = found
                }
                state = model.map { .ready($0) } ?? .missing
                if let model { logger.info("The analysis also reads answers by meaning: \(model.viewName)") }
                return model
            }
        }
    }

    // MARK: In the background, after answers are stored

    /// Hands the free text of a stored submission to the background thread; returns at once.
    ///
    /// Runs on the submission's writer thread, so it only appends under the lock. Beyond
    /// `waitingLimit` texts the rest are left to the next analysis run, which computes whatever is
    /// missing: a flood of submissions never grows memory or holds the writer up.
    func notice(_ texts: [String]) {
        let texts = texts.filter { !$0.isEmpty }
        guard isWanted, !texts.isEmpty else { return }
        let schedule = waiting.withLock { state -> Bool in
            guard !state.stopping else { return false }
            let room = max(0, Self.waitingLimit - state.texts.count)
            state.texts += texts.prefix(room)
            guard !state.scheduled else { return false }
            state.scheduled = true
            return true
        }
        if schedule { background.async { self.drain() } }
    }

    /// Waits until the background thread has taken every text handed to it (tests).
    func waitUntilIdle() {
        background.sync()
    }

    /// Drops the texts still waiting and lets the batch in hand finish (shutdown: an analysis
    /// computes whatever is missing later, so nothing is lost).
    func stop() {
        waiting.withLock { state in
            state.texts.removeAll()
            state.stopping = true
        }
        background.sync()
    }

    /// Takes every waiting text at once (the lock is held only to swap the list), then has the
    /// model read the distinct ones in batches; rests, and repeats until nothing more has arrived.
    private func drain() {
        while true {
            let taken = waiting.withLock { state -> [String] in
                let taken = state.texts
                state.texts = []
                if taken.isEmpty { state.scheduled = false }
                return taken
            }
            guard !taken.isEmpty else { return }
            guard let model else {
                waiting.withLock { $0.texts = []; $0.scheduled = false }
                return
            }
            model.limitCallingThreadToOneCore()
            var seen = Set<String>()
            let distinct = taken.map(masker.mask).filter { seen.insert($0).inserted }
            for start in stride(from: 0, to: distinct.count, by: Self.batchSize) {
                guard !waiting.withLock({ $0.stopping }) else { return }
                let batch = Array(distinct[start..<min(start + Self.batchSize, distinct.count)])
                do {
                    _ = try vectors(of: batch, kind: .passage, model: model)
                } catch {
                    logger.warning("Vectors of \(batch.count) new answers were not computed: \(error)")
                }
            }
            usleep(Self.restBetweenRounds)
        }
    }

    // MARK: For an analysis run

    /// The semantic view of these (masked) answers and guided themes: stored vectors, and any
    /// missing ones computed now on the caller's queue; nil without a model or when it fails.
    /// `computing` is told how many texts the model has to read first, when there are any.
    func vectors(answers: [AnswerText], themes: [GuidedTheme], computing: (Int) -> Void = { _ in }) -> SemanticVectors? {
        guard !answers.isEmpty, let model else { return nil }
        do {
            let missing = try missingCount(of: answers.map(\.text), model: model)
            if missing > 0 { computing(missing) }
            let answerRows = try vectors(of: answers.map(\.text), kind: .passage, model: model)
            let themeRows = try vectors(of: themes.map(Self.themeText), kind: .query, model: model)
            // Guided runs also compare the answers with the subjects citizens commonly raise.
            let subjectRows = try vectors(of: themes.isEmpty ? [] : SubjectInventory.texts, kind: .query, model: model)
            return SemanticVectors(name: model.viewName, dimensions: model.dimensions, answerRows: answerRows, themeRows: themeRows,
                                   subjectRows: subjectRows)
        } catch {
            logger.warning("The analysis reads answers by their words only; the model failed: \(error)")
            return nil
        }
    }

    /// How a guided theme is read by the model: its name and description (as `analyze` reads it).
    static func themeText(_ theme: GuidedTheme) -> String {
        [theme.name, theme.description].filter { !$0.isEmpty }.joined(separator: ". ")
    }

    /// The key of a text: the SHA-256 (hex) of its UTF-8 bytes.
    static func digest(of text: String) -> String {
        SHA256.hexDigest(of: Array(text.utf8))
    }

    /// How many of these texts have no stored vector yet.
    private func missingCount(of texts: [String], model: any SemanticModel) throws -> Int {
        let digests = Set(texts.map(Self.digest))
        let stored = try store.textVectors(view: model.viewName, kind: .passage, digests: Array(digests), dimensions: model.dimensions)
        return digests.count - stored.count
    }

    /// The texts' vectors in order, row-major: stored ones read, missing ones computed (each
    /// distinct text once, in batches) and stored.
    private func vectors(of texts: [String], kind: TextVectorKind, model: any SemanticModel) throws -> [Float] {
        guard !texts.isEmpty else { return [] }
        let digests = texts.map(Self.digest)
        var found = try store.textVectors(view: model.viewName, kind: kind, digests: digests, dimensions: model.dimensions)
        var missing: [(digest: String, text: String)] = []
        var seen = Set(found.keys)
        for (digest, text) in zip(digests, texts) where seen.insert(digest).inserted {
            missing.append((digest, text))
        }
        for start in stride(from: 0, to: missing.count, by: Self.batchSize) {
            let batch = Array(missing[start..<min(start + Self.batchSize, missing.count)])
            let rows = try calls.withLock { _ in try model.embed(batch.map(\.text), isQuery: kind == .query) }
            let width = model.dimensions
            guard rows.count == batch.count * width else {
                throw SemanticVectorError.wrongLength(expected: batch.count * width, got: rows.count)
            }
            var computed: [String: [Float]] = [:]
            for (offset, entry) in batch.enumerated() {
                computed[entry.digest] = Array(rows[(offset * width)..<((offset + 1) * width)])
            }
            try store.storeTextVectors(view: model.viewName, kind: kind, vectors: computed)
            found.merge(computed) { stored, _ in stored }
        }
        return digests.flatMap { found[$0]! }
    }

    // MARK: After answers are erased

    /// Deletes the stored vectors of answers no longer stored (erased by a citizen's request or a
    /// retention rule), on the background thread; `answerTexts` reads every stored answer's text.
    func prune(answerTexts: @escaping @Sendable () throws -> [String]) {
        background.async { [self] in
            do {
                // No vectors stored (as on every start without the model): nothing to read answers for.
                guard try store.hasTextVectors(kind: .passage) else { return }
                let kept = Set(try answerTexts().map { Self.digest(of: masker.mask($0)) })
                let removed = try store.pruneTextVectors(keepingPassages: kept)
                if removed > 0 { logger.info("Deleted the vectors of \(removed) erased answers") }
            } catch {
                logger.warning("Vectors of erased answers were not deleted: \(error)")
            }
        }
    }
}

/// A model answer that cannot be used.
enum SemanticVectorError: Error, CustomStringConvertible {
    /// The model gave another number of values than asked for.
    case wrongLength(expected: Int, got: Int)

    var description: String {
        switch self {
        case .wrongLength(let expected, let got): "the model gave \(got) values instead of \(expected)"
        }
    }
}
