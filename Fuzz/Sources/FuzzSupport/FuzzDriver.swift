import CLibFuzzer
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fuzz target: `@main enum SomeFuzzer: FuzzTarget` gets a `main` that runs libFuzzer on `test`.
public protocol FuzzTarget: SendableMetatype {
    /// Checks one input; a broken property aborts through ``Invariant/check(_:_:file:line:)``.
    static func test(_ bytes: [UInt8])
}

extension FuzzTarget {
    /// Hands the command line (libFuzzer's flags, corpus folders) to libFuzzer and exits with its status.
    public static func main() {
        FuzzDriver.run { test($0) }
    }
}

/// Runs libFuzzer with one test function.
enum FuzzDriver {
    /// The target's test, boxed: a closure kept directly in the `Mutex` would be wrapped in two more
    /// reabstraction thunks by every `withLock`, and each call would get slower than the last.
    private final class Test: Sendable {
        let run: @Sendable ([UInt8]) -> Void

        init(_ run: @escaping @Sendable ([UInt8]) -> Void) {
            self.run = run
        }
    }

    /// libFuzzer calls back through a C function pointer, which carries no context, so the target's
    /// test is kept here; it is set once before libFuzzer starts.
    private static let current = Mutex<Test?>(nil)

    static func run(_ test: @escaping @Sendable ([UInt8]) -> Void) -> Never {
        current.withLock { $0 = Test(test) }
        var argumentCount = CommandLine.argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argumentCount, &arguments) { data, count in
            // The bytes are only valid during the call, so they are copied.
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
            FuzzDriver.current.withLock { $0 }?.run(bytes)
            return 0
        })
    }
}
