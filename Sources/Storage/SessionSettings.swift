/// The rules for a session's kiosk settings, in one place: the store takes its defaults from
/// here, and whatever checks a facilitator's choice (staff API, command line, tablet page) asks here.
public enum SessionSettings {
    /// Why a kiosk setting is not accepted, with the reason in Danish and in English.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The idle timeout is outside ``SessionSettings/idleTimeoutRange``.
        case idleTimeoutOutOfRange(seconds: Int)
        /// The kiosk PIN is not ``SessionSettings/kioskPinLengths`` ASCII digits.
        case invalidKioskPin

        /// The setting the problem is about: `idleTimeoutSeconds` or `kioskPin`.
        public var setting: String {
            switch self {
            case .idleTimeoutOutOfRange: "idleTimeoutSeconds"
            case .invalidKioskPin: "kioskPin"
            }
        }

        /// The reason in Danish (shown first).
        public var danishReason: String {
            switch self {
            case .idleTimeoutOutOfRange:
                "Tiden før en tablet starter forfra skal være mellem \(idleTimeoutRange.lowerBound) og \(idleTimeoutRange.upperBound) sekunder."
            case .invalidKioskPin:
                "Kiosk-PIN skal være \(kioskPinLengths.lowerBound)–\(kioskPinLengths.upperBound) cifre (0–9)."
            }
        }

        /// The reason in English.
        public var englishReason: String {
            switch self {
            case .idleTimeoutOutOfRange:
                "The time before a tablet starts over must be between \(idleTimeoutRange.lowerBound) and \(idleTimeoutRange.upperBound) seconds."
            case .invalidKioskPin:
                "The kiosk PIN must be \(kioskPinLengths.lowerBound)–\(kioskPinLengths.upperBound) digits (0–9)."
            }
        }

        /// The English reason, for logs.
        public var description: String { englishReason }
    }

    /// Seconds a tablet may sit untouched mid-form before it warns and starts over, unless chosen otherwise.
    public static let defaultIdleTimeoutSeconds = 90

    /// The idle timeouts a facilitator may choose, in seconds.
    ///
    /// Under half a minute a citizen still reading a long question is thrown out; over a quarter
    /// of an hour the next citizen finds the previous one's half-filled answers.
    public static let idleTimeoutRange: ClosedRange<Int> = 30...900

    /// How many digits a kiosk PIN has.
    public static let kioskPinLengths: ClosedRange<Int> = 4...8

    /// The most tables a meeting can have: more would not fit on the tablets' table picker.
    public static let maximumTableCount = 50

    /// The longest table name, in characters.
    public static let maximumTableNameLength = 60

    /// Whether these (trimmed) table names can be a meeting's: none empty, none twice, within the limits.
    public static func areValidTableNames(_ names: [String]) -> Bool {
        names.count <= maximumTableCount && Set(names).count == names.count
            && names.allSatisfy { !$0.isEmpty && $0.count <= maximumTableNameLength }
    }

    /// Whether `seconds` is an idle timeout a facilitator may choose.
    public static func isValidIdleTimeout(_ seconds: Int) -> Bool {
        idleTimeoutRange.contains(seconds)
    }

    /// Whether `pin` is 4–8 ASCII digits (`Character.isNumber` alone would also take "٣" or "½").
    public static func isValidKioskPin(_ pin: String) -> Bool {
        kioskPinLengths.contains(pin.utf8.count) && pin.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Every problem with these settings, in the order of the parameters; empty when both are fine.
    ///
    /// `kioskPin` nil means "no PIN", which is allowed (the command line's and the demo's sessions).
    public static func problems(idleTimeoutSeconds: Int, kioskPin: String?) -> [Problem] {
        var problems: [Problem] = []
        if !isValidIdleTimeout(idleTimeoutSeconds) {
            problems.append(.idleTimeoutOutOfRange(seconds: idleTimeoutSeconds))
        }
        if let kioskPin, !isValidKioskPin(kioskPin) {
            problems.append(.invalidKioskPin)
        }
        return problems
    }
}
