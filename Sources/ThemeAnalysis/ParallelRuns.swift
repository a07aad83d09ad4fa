import Dispatch
import Synchronization

/// Independent computations spread over the cores, their results in index order.
///
/// The ensemble's runs do not depend on each other; run side by side they take half the time on
/// two cores. Each result lands in its own slot, so the order (and the output) never depends on
/// which run finishes first.
enum ParallelRuns {
    /// `body(0) ... body(count - 1)`, computed concurrently, returned in index order.
    static func map<Result: Sendable>(count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let slots = Mutex([Result?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = body(index)
            slots.withLock { $0[index] = result }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
