/// A small seeded pseudo-random generator (SplitMix64): the same seed gives the same sequence on
/// every platform and run, unlike the system generator.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator from a seed.
    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform value in [0, 1) with 53 random bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A uniform index in 0..<upperBound without modulo bias worth caring about here.
    mutating func nextIndex(below upperBound: Int) -> Int {
        Int(nextUnit() * Double(upperBound)) % max(upperBound, 1)
    }

    /// `count` distinct indices from 0..<total, sorted (all of them when count ≥ total).
    mutating func sampleIndices(count: Int, from total: Int) -> [Int] {
        guard count < total else { return Array(0..<total) }
        var indices = Array(0..<total)
        for position in 0..<count {
            let other = position + nextIndex(below: total - position)
            indices.swapAt(position, other)
        }
        return indices[0..<count].sorted()
    }
}
