/// A set of words kept as UTF-8 bytes in one buffer and found by a hash of those bytes.
///
/// A 300,000-word list as `Set<String>` costs half a second to build (a string, a Unicode-aware
/// hash and an allocation per word); here it is one byte buffer, two integer arrays and a byte
/// hash, built in milliseconds. Lookups hash the query's UTF-8 bytes, so a word matches only in
/// the same normalisation form (callers fold both sides the same way).
struct WordSet: Sendable {
    private var bytes: [UInt8] = []
    /// Where each word starts in `bytes`; word `i` ends where word `i + 1` starts.
    private var starts: [Int32] = [0]
    /// Open-addressing table of word number + 1 (0 = free), a power of two long.
    private var slots: [Int32]

    /// Number of distinct words.
    var count: Int { starts.count - 1 }

    /// An empty set with room for about `capacity` words before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// Adds the word given by its UTF-8 bytes (no-op if present).
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        var slot = Self.hash(word) & (slots.count - 1)
        while slots[slot] != 0 {
            if matches(word, entry: Int(slots[slot]) - 1) { return }
            slot = (slot + 1) & (slots.count - 1)
        }
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        slots[slot] = Int32(count)
        if count * 2 > slots.count { grow() }
    }

    /// Adds a word.
    mutating func insert(_ word: String) {
        var word = word
        word.withUTF8 { insert($0) }
    }

    /// Whether the word given by its UTF-8 bytes is in the set.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var slot = Self.hash(word) & (slots.count - 1)
        while slots[slot] != 0 {
            if matches(word, entry: Int(slots[slot]) - 1) { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
        return false
    }

    /// Whether the word is in the set.
    func contains(_ word: String) -> Bool {
        // `withUTF8` reads short (inline) strings in place; `utf8.withContiguousStorageIfAvailable`
        // would refuse them and force a copy to the heap.
        var word = word
        return word.withUTF8 { contains($0) }
    }

    private func matches(_ word: UnsafeBufferPointer<UInt8>, entry: Int) -> Bool {
        let start = Int(starts[entry])
        let end = Int(starts[entry + 1])
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            for offset in 0..<word.count where stored[start + offset] != word[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        var larger = Array(repeating: Int32(0), count: slots.count * 2)
        bytes.withUnsafeBufferPointer { stored in
            for entry in 0..<count {
                let word = UnsafeBufferPointer(rebasing: stored[Int(starts[entry])..<Int(starts[entry + 1])])
                var slot = Self.hash(word) & (larger.count - 1)
                while larger[slot] != 0 { slot = (slot + 1) & (larger.count - 1) }
                larger[slot] = Int32(entry + 1)
            }
        }
        slots = larger
    }

    /// 64-bit FNV-1a, mixed so that the low bits (the table index) depend on every byte.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 29
        return Int(truncatingIfNeeded: hash)
    }
}
