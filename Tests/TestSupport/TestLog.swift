import Foundation
import Logging

/// The log tests give the code under test: quiet unless `TEST_LOG=debug` (or another level) asks for it.
public enum TestLog {
    /// A logger at the level `TEST_LOG` names, `critical` when it names none.
    public static func logger(label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }
}
