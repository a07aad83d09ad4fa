/// One request's progress through the access handler, owned by its connection's `con_cls` pointer.
///
/// Only MHD callbacks for this connection touch it, and MHD never runs two of them at once for
/// one connection, so it needs no lock; what crosses to the handler task is ``HandlerCompletion``.
final class RequestExchange {
    /// Where the request is in its life.
    enum Stage {
        /// The request line and headers arrived; the first handler call has not happened yet.
        case awaitingFirstCall
        /// The body (possibly empty) is being collected.
        case receivingBody
        /// The body outgrew the limit; the rest is read and dropped so a 413 can follow
        /// (MHD 0.9.75 accepts a response only before or after the body, never during it).
        case discardingBody
        /// The connection is suspended while the handler runs; the request (without its body)
        /// words a 503 if a stop abandons the handler.
        case handling(HandlerCompletion, Request)
        /// A response was queued; anything still arriving is discarded.
        case responded
    }

    /// The request target exactly as sent, e.g. `/a%20b?x=1`.
    let rawTarget: [UInt8]
    var stage = Stage.awaitingFirstCall
    /// The request's header fields, read once on the first call.
    var headers = HTTPHeaders()
    var body: [UInt8] = []
    /// Bytes dropped after the body outgrew the limit.
    var discardedBytes = 0

    init(rawTarget: [UInt8]) {
        self.rawTarget = rawTarget
    }
}
