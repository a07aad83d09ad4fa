import Foundation

/// A short hash that is the same in every process and on every machine (Swift's `Hasher` is
/// seeded per process, so it cannot name things that are stored).
enum StableHash {
    /// Eight hex digits of the 64-bit FNV-1a hash of the text's NFC UTF-8 bytes, folded to 32 bits.
    static func hex(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.precomposedStringWithCanonicalMapping.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let digits = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
