/// Whether two strings have the same UTF-8 bytes, taking time that depends only on their lengths.
///
/// For comparing secrets (CSRF tokens, digests) where `==` would stop at the first differing
/// byte and let an attacker learn a secret byte by byte from response times. The length itself
/// is not hidden; secrets of a fixed length (tokens, hex digests) reveal nothing by it.
public func constantTimeEquals(_ left: String, _ right: String) -> Bool {
    let leftBytes = Array(left.utf8)
    let rightBytes = Array(right.utf8)
    let length = max(leftBytes.count, rightBytes.count)
    var difference = UInt(bitPattern: leftBytes.count ^ rightBytes.count)
    for index in 0..<length {
        let leftByte = index < leftBytes.count ? leftBytes[index] : 0
        let rightByte = index < rightBytes.count ? rightBytes[index] : 0
        difference |= UInt(leftByte ^ rightByte)
    }
    return difference == 0
}
