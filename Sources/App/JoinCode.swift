/// Short session codes that are easy to read aloud and type on a tablet.
public enum JoinCode {
    /// Letters and digits without the look-alikes 0/O, 1/I/L.
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    /// Six characters give about 887 million codes: collisions are rare and retried.
    public static let length = 6

    /// A fresh random code.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The canonical form of a typed code: upper case, spaces and dashes dropped.
    public static func normalize(_ typed: String) -> String {
        typed.uppercased().filter { $0 != " " && $0 != "-" }
    }
}
