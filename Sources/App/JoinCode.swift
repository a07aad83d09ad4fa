import Storage

/// Short session codes that are easy to read aloud and type on a tablet.
public enum JoinCode {
    /// Letters and digits without the look-alikes 0/O, 1/I/L (the one alphabet of readable codes).
    public static let alphabet = ReadableAlphabet.characters
    /// Six characters give about 887 million codes: collisions are rare and retried.
    public static let length = 6

    /// A fresh random code.
    public static func generate() -> String {
        ReadableAlphabet.random(length: length)
    }

    /// The canonical form of a typed code: upper case, spaces and dashes dropped.
    public static func normalize(_ typed: String) -> String {
        ReadableAlphabet.canonical(typed)
    }
}
