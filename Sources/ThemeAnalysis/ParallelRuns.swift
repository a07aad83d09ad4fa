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

    /// `transform` of every element, computed in a few contiguous chunks side by side; the result
    /// is in element order. For cheap per-element work on large inputs (small inputs stay on the
    /// calling thread, where starting threads would cost more than it saves).
    static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        let chunkCount = elements.count < 2_000 ? 1 : 8
        if chunkCount == 1 { return elements.map(transform) }
        let chunkSize = (elements.count + chunkCount - 1) / chunkCount
        let chunks = map(count: chunkCount) { chunk in
            elements[min(chunk * chunkSize, elements.count)..<min((chunk + 1) * chunkSize, elements.count)].map(transform)
        }
        return Array(chunks.joined())
    }
}

