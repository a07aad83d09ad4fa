import Synchronization

/// Sessions read recently, by join code, so each tablet request need not read its session again.
///
/// Every tablet request names its session, and reading it (with its form definition) from SQLite
/// was the largest share of the server's work under load. Changes made through the same ``Store``
/// forget the entry at once; a change made by another process (`borgerdialog sessions close`) is
/// seen within `lifetime`. A generation number keeps a read that raced with a change from
/// putting the old value back.
final class SessionCache: Sendable {
    /// How long a remembered session is used before it is read again.
    let lifetime: Duration
    private let state = Mutex(State())

    private struct State {
        var entries: [String: Entry] = [:]
        var generation = 0
    }

    private struct Entry {
        let session: Session
        let readAt: ContinuousClock.Instant
    }

    /// The most entries kept; past it, expired ones are dropped (a municipality runs hundreds of sessions).
    private static let pruningThreshold = 1_024

    /// An empty cache whose entries are used for `lifetime`.
    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    /// The remembered session with this code if it is younger than `lifetime`, and the current
    /// generation to pass to ``remember(_:readIn:)`` after reading it afresh.
    func lookup(code: String, now: ContinuousClock.Instant = .now) -> (session: Session?, generation: Int) {
        state.withLock { state in
            guard let entry = state.entries[code], now - entry.readAt < lifetime else {
                return (nil, state.generation)
            }
            return (entry.session, state.generation)
        }
    }

    /// Remembers a session read from the database, unless something changed since `generation`;
    /// returns the value to hand out (the one already held, if it is the same).
    func remember(_ session: Session, readIn generation: Int, now: ContinuousClock.Instant = .now) -> Session {
        state.withLock { state in
            guard state.generation == generation else { return session }
            if state.entries.count >= Self.pruningThreshold {
                state.entries = state.entries.filter { now - $0.value.readAt < lifetime }
            }
            // An unchanged session keeps the value already handed out: callers that compare the
            // session they got with one they kept (SessionDirectory's encoded form answer) then
            // compare identical storage, not the whole form definition, character by character.
            var kept = session
            if let previous = state.entries[session.code]?.session, previous == session {
                kept = previous
            }
            state.entries[session.code] = Entry(session: kept, readAt: now)
            return kept
        }
    }

    /// Forgets every remembered session; called after any change to a session.
    func forgetAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.generation += 1
        }
    }
}
