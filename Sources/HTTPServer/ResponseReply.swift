import Synchronization

/// Sends the answer to a request whose handler finishes later, from any thread, exactly once.
///
/// A ``RouteHandler/replying(_:)`` handler gets one; the connection stays
/// suspended until ``send(_:)`` or ``fail(_:)``. A reply dropped without either answers 500,
/// so a forgotten path cannot leave a tablet waiting forever.
public final class ResponseReply: Sendable {
    private let deliver: @Sendable (Response) -> Void
    private let responseForError: @Sendable (any Error) -> Response
    private let isSent = Atomic<Bool>(false)

    init(deliver: @escaping @Sendable (Response) -> Void, responseForError: @escaping @Sendable (any Error) -> Response) {
        self.deliver = deliver
        self.responseForError = responseForError
    }

    deinit {
        if !isSent.load(ordering: .acquiring) {
            deliver(responseForError(ReplyNeverSent()))
        }
    }

    /// Sends `response`; later calls do nothing.
    public func send(_ response: Response) {
        guard isSent.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return
        }
        deliver(response)
    }

    /// Sends the error's own response (an ``HTTPResponseError``), or a logged 500.
    public func fail(_ error: any Error) {
        send(responseForError(error))
    }
}

/// The error a reply dropped unsent stands for: logged, and answered as a 500 in the request's words.
private struct ReplyNeverSent: Error, CustomStringConvertible {
    var description: String { "the handler dropped its reply without sending one" }
}
