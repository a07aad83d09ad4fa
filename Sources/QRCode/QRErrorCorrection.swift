/// How much of a QR code may be damaged or covered and still read; more costs a larger code.
public enum QRErrorCorrection: Sendable, Hashable, CaseIterable {
    /// About 7 % recoverable.
    case low
    /// About 15 % recoverable; the usual choice for printed pages.
    case medium
    /// About 25 % recoverable.
    case quartile
    /// About 30 % recoverable.
    case high
}
