import CMicroHTTPD
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one running libmicrohttpd daemon and the retained ``ServerCore`` its callbacks use.
///
/// `MHD_start_daemon` is variadic, which Swift cannot call; `shim.h` wraps it so the options travel
/// as a typed `MHD_OptionItem` array (`MHD_OPTION_ARRAY`) instead of an untyped `va_list`.
final class MicroHTTPDaemon: Sendable {
    /// The port the daemon is bound to.
    let port: Int
    /// The state the callbacks share; C holds an extra retain (`retainedCore`) while the daemon runs.
    let core: ServerCore
    private let retainedCore: Unmanaged<ServerCore>
    private let handle: Mutex<DaemonHandle?>

    /// The daemon pointer and, after ``stopAccepting()``, the listening socket MHD handed back.
    private struct DaemonHandle {
        var daemon: OpaquePointer
        var quiescedSocket: Int32?
    }

    /// Starts listening; the core is retained until the daemon is stopped.
    init(core: ServerCore) throws(HTTPServerError) {
        let configuration = core.configuration
        try configuration.validate()
        var address = try SocketAddress(host: configuration.host, port: configuration.port)
        let retainedCore = Unmanaged.passRetained(core)
        let flags = Self.flags(isIPv6: address.isIPv6)
        let daemon = address.withSocketAddressPointer { socketAddress in
            var options = Self.options(configuration, core: retainedCore.toOpaque(), socketAddress: socketAddress)
            return borgerdialog_mhd_start_daemon(
                flags,
                UInt16(configuration.port),
                MicroHTTPDCallbacks.accessHandler,
                retainedCore.toOpaque(),
                &options
            )
        }
        guard let daemon else {
            retainedCore.release()
            throw .cannotStart(
                host: configuration.host,
                port: configuration.port,
                reason: core.lastDaemonMessage ?? "libmicrohttpd refused to start"
            )
        }
        self.core = core
        self.retainedCore = retainedCore
        self.port = Int(borgerdialog_mhd_bound_port(daemon))
        handle = Mutex(DaemonHandle(daemon: daemon))
    }

    deinit {
        stop()
    }

    /// Closes the door to new connections while open ones carry on.
    func stopAccepting() {
        handle.withLock { handle in
            guard let daemon = handle?.daemon, handle?.quiescedSocket == nil else { return }
            let socket = MHD_quiesce_daemon(daemon)
            // MHD leaves closing the socket to us, but only after MHD_stop_daemon (threads may still use it).
            handle?.quiescedSocket = socket >= 0 ? socket : nil
        }
    }

    /// Stops the daemon, closing every connection; no suspended connection may remain. Idempotent.
    func stop() {
        guard let stopped = handle.withLock({ handle in defer { handle = nil }; return handle }) else { return }
        MHD_stop_daemon(stopped.daemon)
        if let socket = stopped.quiescedSocket {
            close(socket)
        }
        retainedCore.release()
    }

    private static func flags(isIPv6: Bool) -> UInt32 {
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue
            | MHD_USE_ERROR_LOG.rawValue
        #if os(Linux)
        flags |= MHD_USE_EPOLL.rawValue
        #else
        flags |= MHD_USE_AUTO.rawValue
        #endif
        if isIPv6 {
            flags |= MHD_USE_IPv6.rawValue
        }
        return UInt32(flags)
    }

    private static func options(
        _ configuration: HTTPServerConfiguration,
        core: UnsafeMutableRawPointer,
        socketAddress: UnsafeMutablePointer<sockaddr>
    ) -> [MHD_OptionItem] {
        func item(_ option: MHD_OPTION, _ value: Int, _ pointer: UnsafeMutableRawPointer? = nil) -> MHD_OptionItem {
            MHD_OptionItem(option: option, value: value, ptr_value: pointer)
        }
        // Options taking a function and a context carry the function in `value`, the context in `ptr_value`.
        func callback<Function>(_ option: MHD_OPTION, _ function: Function) -> MHD_OptionItem {
            item(option, unsafeBitCast(function, to: Int.self), core)
        }
        var options = [
            // The logger first, so that MHD never falls back to printing to stderr itself.
            callback(.EXTERNAL_LOGGER, MicroHTTPDCallbacks.logMessage),
            item(.SOCK_ADDR, 0, UnsafeMutableRawPointer(socketAddress)),
            item(.CONNECTION_TIMEOUT, configuration.connectionTimeoutSeconds),
            item(.CONNECTION_LIMIT, configuration.connectionLimit),
            item(.PER_IP_CONNECTION_LIMIT, configuration.perAddressConnectionLimit),
            // Refuse what RFC 9112 says a server must refuse, e.g. an HTTP/1.1 request without Host.
            item(.STRICT_FOR_CLIENT, 1),
            callback(.URI_LOG_CALLBACK, MicroHTTPDCallbacks.requestStarted),
            callback(.NOTIFY_COMPLETED, MicroHTTPDCallbacks.requestCompleted),
        ]
        if configuration.threadCount > 1 {
            options.append(item(.THREAD_POOL_SIZE, configuration.threadCount))
        }
        options.append(item(.END, 0))
        return options
    }
}
