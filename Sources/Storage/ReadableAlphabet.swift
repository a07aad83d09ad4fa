/// The characters of every code a person reads, types or writes down (join codes, receipts):
/// letters and digits without the look-alikes 0/O, 1/I/L.
public enum ReadableAlphabet {
    /// The 31 characters, in order.
    public static let characters = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// Random characters from the alphabet, from the system's cryptographically secure generator.
    ///
    /// One uniform draw below 31^length gives all the characters (its base-31 digits), so a receipt
    /// made on the response writer's thread costs one call to the system's generator, not eight.
    public static func random(length: Int) -> String {
        precondition((0...12).contains(length), "31^length must fit in 64 bits")
        let base = UInt64(characters.count)
        var generator = SystemRandomNumberGenerator()
        var number = UInt64.random(in: 0..<(0..<length).reduce(1) { product, _ in product * base }, using: &generator)
        var text: [Character] = []
        text.reserveCapacity(length)
        for _ in 0..<length {
            text.append(characters[Int(number % base)])
            number /= base
        }
        return String(text)
    }

    /// The canonical form of a typed code: upper case, spaces and dashes dropped.
    public static func canonical(_ typed: String) -> String {
        typed.uppercased().filter { $0 != " " && $0 != "-" }
    }
}
