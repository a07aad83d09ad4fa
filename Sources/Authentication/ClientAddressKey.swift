import Foundation

/// The key a client address is counted under by `LoginThrottle`.
///
/// IPv6 addresses count per /64 network: one host usually owns a whole /64 and could otherwise
/// take a fresh address for every few guesses. IPv4-mapped IPv6 addresses count as the IPv4
/// address they carry. Anything else (IPv4, or text that does not parse) counts as written.
enum ClientAddressKey {
    /// The counting key for an address as the HTTP server reports it.
    static func key(for address: String) -> String {
        let trimmed = address.trimmingCharacters(in: .whitespaces).lowercased()
        guard trimmed.contains(":"), let groups = ipv6Groups(trimmed) else { return trimmed }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xffff {
            return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff]
                .map(String.init).joined(separator: ".")
        }
        return groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    /// The eight 16-bit groups of an IPv6 address in text form (RFC 4291 §2.2), or nil.
    static func ipv6Groups(_ text: String) -> [UInt16]? {
        var address = Substring(text)
        if address.hasPrefix("["), address.hasSuffix("]") { address = address.dropFirst().dropLast() }
        if let zoneStart = address.firstIndex(of: "%") { address = address[..<zoneStart] }
        let halves = address.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        guard let head = groups(in: halves[0]) else { return nil }
        if halves.count == 1 {
            return head.count == 8 ? head : nil
        }
        guard let tail = groups(in: halves[1]), head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    /// Colon-separated hex groups, the last of which may be a dotted IPv4 address.
    private static func groups(in part: Substring) -> [UInt16]? {
        guard !part.isEmpty else { return [] }
        let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
        var result: [UInt16] = []
        for (index, piece) in pieces.enumerated() {
            if index == pieces.count - 1, piece.contains(".") {
                guard let ipv4 = ipv4Groups(piece) else { return nil }
                result += ipv4
            } else {
                guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit),
                      let group = UInt16(piece, radix: 16)
                else { return nil }
                result.append(group)
            }
        }
        return result
    }

    /// A dotted IPv4 address as two 16-bit groups.
    private static func ipv4Groups(_ text: Substring) -> [UInt16]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var bytes: [UInt16] = []
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy(\.isASCII), octet.allSatisfy(\.isNumber),
                  let value = UInt16(octet), value <= 255
            else { return nil }
            bytes.append(value)
        }
        return [bytes[0] << 8 | bytes[1], bytes[2] << 8 | bytes[3]]
    }
}
