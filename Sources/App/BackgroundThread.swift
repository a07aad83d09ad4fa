import Foundation
import Synchronization

/// A serial queue on one dedicated thread that runs at the lowest CPU priority (nice 19), for
/// work that must never take a core from the tablets' requests (the semantic model reading new
/// answers). A dispatch queue's quality of service does not lower a thread's priority on Linux,
/// and a thread's nice value cannot be raised again once lowered, so the thread is our own.
final class BackgroundThread: Sendable {
    /// What the thread and its callers share (the thread must not keep `self`, so that `deinit`
    /// can end it).
    private final class Shared: Sendable {
        /// Work waiting to run, in order.
        let jobs = Mutex<[@Sendable () -> Void]>([])
        /// Signalled once per job and once for the end, so the thread sleeps while there is nothing.
        let available = DispatchSemaphore(value: 0)
    }

    private let shared = Shared()

    /// Starts the thread.
    init(name: String) {
        let thread = Thread { [shared] in
            // Linux: PRIO_PROCESS with 0 names the calling thread only.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            while true {
                shared.available.wait()
                let next = shared.jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
                guard let next else { return }  // woken with no job: the end
                next()
            }
        }
        thread.name = name
        thread.start()
    }

    /// Lets the thread end after the work already given (nothing can give more by now).
    deinit {
        shared.available.signal()
    }

    /// Runs `job` on the thread after the work already given; returns at once.
    func async(_ job: @escaping @Sendable () -> Void) {
        shared.jobs.withLock { $0.append(job) }
        shared.available.signal()
    }

    /// Returns when the work given before this call has run.
    func sync() {
        let done = DispatchSemaphore(value: 0)
        async { done.signal() }
        done.wait()
    }
}
