/// The characters of every code a person reads, types or writes down (join codes, receipts):
/// letters and digits without the look-alikes 0/O, 1/I/L.
public enum ReadableAlphabet {
    /// The 31 characters, in order.
    public static let characters = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// Random characters from the alphabet, from the system's cryptographically secure generator.
    public static func random(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in characters.randomElement(using: &generator)! })
    }

    /// The canonical form of a typed code: upper case, spaces and dashes dropped.
    public static func canonical(_ typed: String) -> String {
        typed.uppercased().filter { $0 != " " && $0 != "-" }
    }
}
