import CMicroHTTPD
import Synchronization

/// A suspended MHD connection handed to a handler task so it can be resumed from any thread.
// @unchecked Sendable: MHD documents MHD_resume_connection as safe to call at any time from any
// thread, and a suspended connection is never freed before it is resumed (which happens once).
struct SuspendedConnection: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// The meeting point of a suspended connection and its handler task: whoever comes first
/// (the finished handler, or a stop giving up on it) resumes the connection exactly once.
final class HandlerCompletion: Sendable {
    private enum State {
        case running(SuspendedConnection)
        case finished(Response)
        case abandoned
        case delivered
    }

    private let state: Mutex<State>

    init(connection: OpaquePointer) {
        state = Mutex(.running(SuspendedConnection(pointer: connection)))
    }

    /// Stores the handler's response and wakes the connection to send it.
    func finish(with response: Response) {
        state.withLock { state in
            guard case .running(let connection) = state else { return }
            state = .finished(response)
            // Resume under the lock so `abandon()` cannot resume the same connection twice.
            MHD_resume_connection(connection.pointer)
        }
    }

    /// Wakes the connection without a response, because the server is stopping.
    func abandon() {
        state.withLock { state in
            guard case .running(let connection) = state else { return }
            state = .abandoned
            MHD_resume_connection(connection.pointer)
        }
    }

    /// What to send once the connection is awake.
    enum Outcome {
        /// Nothing yet (or already sent).
        case none
        /// The handler's response.
        case response(Response)
        /// The server gave up on the handler because it is stopping: a 503.
        case abandoned
    }

    /// What to send once the connection is awake: the handler's response, or a 503 if abandoned.
    func takeOutcome() -> Outcome {
        state.withLock { state in
            switch state {
            case .running, .delivered:
                return .none
            case .finished(let response):
                state = .delivered
                return .response(response)
            case .abandoned:
                state = .delivered
                return .abandoned
            }
        }
    }
}
