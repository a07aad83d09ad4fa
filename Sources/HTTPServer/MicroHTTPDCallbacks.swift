import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C callbacks MHD calls on its threads; `cls` is always the daemon's ``ServerCore``.
///
/// A request's life: `requestStarted` (request line parsed) creates its ``RequestExchange`` with
/// the raw target. `accessHandler` is then called repeatedly: the first call only returns (queueing
/// a response on the first call makes MHD 0.9.75 close keep-alive connections), later calls collect
/// the body, and the call with an empty upload (the body is complete) routes the request. An
/// immediate handler runs right there and its response is queued; a handler that waits gets the
/// connection suspended and runs in a task, so no MHD thread waits for it. When the task resumes
/// the connection, the next call queues its response. `requestCompleted` releases the exchange.
enum MicroHTTPDCallbacks {
    static let requestStarted: @convention(c) (
        UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?
    ) -> UnsafeMutableRawPointer? = { cls, uri, _ in
        guard let cls else { return nil }
        // The raw target, not MHD's decoded URL: only the raw bytes show `%2F` or a bad escape.
        let rawTarget = uri.map { uri in
            UnsafeRawPointer(uri).withMemoryRebound(to: UInt8.self, capacity: strlen(uri)) {
                Array(UnsafeBufferPointer(start: $0, count: strlen(uri)))
            }
        } ?? []
        Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue().requestStarted()
        return Unmanaged.passRetained(RequestExchange(rawTarget: rawTarget)).toOpaque()
    }

    static let requestCompleted: @convention(c) (
        UnsafeMutableRawPointer?, OpaquePointer?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?, MHD_RequestTerminationCode
    ) -> Void = { cls, _, requestContext, termination in
        guard let cls, let requestContext, let exchange = requestContext.pointee else { return }
        requestContext.pointee = nil
        Unmanaged<RequestExchange>.fromOpaque(exchange).release()
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        core.requestFinished()
        if termination != .REQUEST_TERMINATED_COMPLETED_OK {
            core.logger.trace("request ended early, MHD termination code \(termination.rawValue)")
        }
    }

    static let logMessage: MHD_LogCallback = { cls, format, arguments in
        guard let cls, let format, let arguments else { return }
        var buffer = [CChar](repeating: 0, count: 1024)
        _ = vsnprintf(&buffer, buffer.count, format, arguments)
        let message = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }.trimmingCharacters(in: "\n\r ")
        Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue().recordDaemonMessage(message)
    }

    static let accessHandler: MHD_AccessHandlerCallback = {
        cls, connection, _, method, _, uploadData, uploadDataSize, requestContext in
        guard let cls, let connection, let method, let uploadDataSize,
              let requestContext, let exchangePointer = requestContext.pointee else { return MHD_Result.NO }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        let exchange = Unmanaged<RequestExchange>.fromOpaque(exchangePointer).takeUnretainedValue()
        let limit = core.configuration.maxBodyBytes

        switch exchange.stage {
        case .awaitingFirstCall:
            exchange.stage = .receivingBody
            // The headers are complete by the first call: read them once, for these checks and the request.
            exchange.headers = MicroHTTPDConnection.headers(of: connection)
            if let refusal = MicroHTTPDConnection.ambiguousBodyLength(exchange.headers) {
                exchange.stage = .responded
                return refuse(refusal, exchange: exchange, method: method, on: connection, core: core)
            }
            // Refuse a declared oversized body before reading any of it (and before "100 Continue").
            if let declared = MicroHTTPDConnection.declaredContentLength(exchange.headers), declared > UInt64(limit) {
                exchange.stage = .responded
                return refuse(.bodyTooLarge(limit: limit), exchange: exchange, method: method, on: connection, core: core)
            }
            return MHD_Result.YES

        case .receivingBody where uploadDataSize.pointee > 0:
            let count = uploadDataSize.pointee
            uploadDataSize.pointee = 0
            // A chunked body has no declared length, so the limit is checked as it grows.
            guard exchange.body.count + count <= limit, let uploadData else {
                exchange.discardedBytes = exchange.body.count + count
                exchange.body = []
                exchange.stage = .discardingBody
                return MHD_Result.YES
            }
            exchange.body.append(contentsOf: UnsafeRawBufferPointer(start: uploadData, count: count))
            return MHD_Result.YES

        case .discardingBody where uploadDataSize.pointee > 0:
            exchange.discardedBytes += uploadDataSize.pointee
            uploadDataSize.pointee = 0
            // Dropping is cheap but not free: a body that goes on and on gets its connection closed.
            guard exchange.discardedBytes <= limit + max(limit, 65_536) else {
                core.logger.debug("closing a connection whose oversized body does not end")
                return MHD_Result.NO
            }
            return MHD_Result.YES

        case .discardingBody:
            exchange.stage = .responded
            return refuse(.bodyTooLarge(limit: limit), exchange: exchange, method: method, on: connection, core: core)

        case .receivingBody:
            let request: Request
            do throws(RequestTarget.ParsingError) {
                request = try MicroHTTPDConnection.request(
                    on: connection,
                    method: HTTPMethod(rawValue: String(cString: method)),
                    rawTarget: exchange.rawTarget,
                    headers: exchange.headers,
                    body: exchange.body
                )
            } catch {
                exchange.stage = .responded
                core.logger.debug("rejected request: \(error)")
                return refuse(.malformedTarget(error.problem), exchange: exchange, method: method, on: connection, core: core)
            }
            exchange.body = []
            exchange.headers = HTTPHeaders()
            let start: @Sendable (_ deliver: @escaping @Sendable (Response) -> Void) -> Void
            switch core.router.dispatch(request) {
            case .respond(let response):
                exchange.stage = .responded
                core.logger.debug("\(request.method) \(request.path) \(response.status.code)")
                return MicroHTTPDConnection.queue(response, on: connection, core: core)
            case .suspend(let handler):
                start = handler
            }
            let completion = HandlerCompletion(connection: connection)
            // Suspend before the handler starts, so its resume can never come first.
            // What a 503 needs to know of the request if a stop abandons the handler: not its body.
            var context = request
            context.body = []
            guard core.admitHandler(completion, suspend: { MHD_suspend_connection(connection) }) else {
                exchange.stage = .responded
                return MicroHTTPDConnection.queue(core.router.response(refusing: .stopping, to: context), on: connection, core: core)
            }
            exchange.stage = .handling(completion, context)
            core.startHandler(start, for: request, completion: completion)
            return MHD_Result.YES

        case .handling(let completion, let context):
            let response: Response
            switch completion.takeOutcome() {
            case .none: return MHD_Result.YES
            case .response(let handled): response = handled
            case .abandoned: response = core.router.response(refusing: .stopping, to: context)
            }
            exchange.stage = .responded
            return MicroHTTPDConnection.queue(response, on: connection, core: core)

        case .responded:
            uploadDataSize.pointee = 0
            return MHD_Result.YES
        }
    }

    /// Queues the router's answer to a refusal met before the request could be routed.
    private static func refuse(
        _ refusal: ServerRefusal, exchange: RequestExchange, method: UnsafePointer<CChar>, on connection: OpaquePointer, core: ServerCore
    ) -> MHD_Result {
        let request = MicroHTTPDConnection.refusedRequest(
            method: HTTPMethod(rawValue: String(cString: method)), rawTarget: exchange.rawTarget, headers: exchange.headers)
        return MicroHTTPDConnection.queue(core.router.response(refusing: refusal, to: request), on: connection, core: core)
    }
}

extension String {
    /// The text without the given leading and trailing characters.
    fileprivate func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        guard let first = firstIndex(where: { !set.contains($0) }),
              let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
