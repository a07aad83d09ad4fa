/// Random bytes from `SystemRandomNumberGenerator`, which reads the kernel's CSPRNG
/// (getrandom on Linux): the only source salts, tokens and PINs may come from.
enum SecureRandom {
    /// `count` uniformly random bytes.
    static func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
