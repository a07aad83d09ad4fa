import Foundation
import GRDB

/// The semantic view's vectors, computed once per text and kept (`text_vector`).
extension Store {
    /// Digests asked for in one query (well below SQLite's limit on bound values).
    static let vectorLookupChunk = 500

    /// The stored vectors of these texts (by the SHA-256 hex of each text), for one view and kind;
    /// digests without a vector, or with one of another length than `dimensions`, are missing.
    public func textVectors(view: String, kind: TextVectorKind, digests: [String], dimensions: Int) throws -> [String: [Float]] {
        let unique = Array(Set(digests)).sorted()
        guard !unique.isEmpty else { return [:] }
        return try reading { database in
            var found: [String: [Float]] = [:]
            for start in stride(from: 0, to: unique.count, by: Self.vectorLookupChunk) {
                let chunk = unique[start..<min(start + Self.vectorLookupChunk, unique.count)]
                let rows = try Row.fetchAll(database, sql: """
                    SELECT text_sha256, dimensions, vector FROM text_vector
                    WHERE view = ? AND kind = ? AND text_sha256 IN (\(databaseQuestionMarks(count: chunk.count)))
                    """, arguments: StatementArguments([view, kind.rawValue] + chunk.map { $0 as (any DatabaseValueConvertible) }))
                for row in rows {
                    let length: Int = row["dimensions"]
                    guard length == dimensions, let bytes = row["vector"] as Data?, let vector = Self.floats(of: bytes, count: length) else {
                        continue
                    }
                    found[row["text_sha256"]] = vector
                }
            }
            return found
        }
    }

    /// Keeps vectors of texts (SHA-256 hex → vector) for one view and kind, in one transaction; a
    /// vector already stored for a digest is kept as it is (the same text gives the same vector).
    public func storeTextVectors(view: String, kind: TextVectorKind, vectors: [String: [Float]], at date: Date = Date()) throws {
        guard !vectors.isEmpty else { return }
        try writing { database in
            let statement = try database.cachedStatement(sql: """
                INSERT OR IGNORE INTO text_vector (view, kind, text_sha256, dimensions, vector, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            for digest in vectors.keys.sorted() {
                let vector = vectors[digest]!
                guard !vector.isEmpty else { continue }
                try statement.execute(arguments: [view, kind.rawValue, digest, vector.count, Self.bytes(of: vector), date])
            }
        }
    }

    /// How many vectors are stored for a view (all kinds).
    public func textVectorCount(view: String) throws -> Int {
        try reading { database in
            try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM text_vector WHERE view = ?", arguments: [view]) ?? 0
        }
    }

    /// Whether any vector of this kind is stored (for any view).
    public func hasTextVectors(kind: TextVectorKind) throws -> Bool {
        try reading { database in
            try Bool.fetchOne(database, sql: "SELECT EXISTS (SELECT 1 FROM text_vector WHERE kind = ?)", arguments: [kind.rawValue]) ?? false
        }
    }

    /// Deletes the answers' vectors (`passage`) whose digests are not in `kept`, for every view:
    /// after answers are erased, nothing derived from their text stays. Returns how many went.
    @discardableResult
    public func pruneTextVectors(keepingPassages kept: Set<String>) throws -> Int {
        try writing { database in
            let stored = try String.fetchAll(database, sql: "SELECT text_sha256 FROM text_vector WHERE kind = 'passage'")
            let gone = Array(Set(stored).subtracting(kept)).sorted()
            for start in stride(from: 0, to: gone.count, by: Self.vectorLookupChunk) {
                let chunk = gone[start..<min(start + Self.vectorLookupChunk, gone.count)]
                try database.execute(
                    sql: "DELETE FROM text_vector WHERE kind = 'passage' AND text_sha256 IN (\(databaseQuestionMarks(count: chunk.count)))",
                    arguments: StatementArguments(Array(chunk)))
            }
            return gone.count
        }
    }

    /// Little-endian Float32 bytes.
    static func bytes(of vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// The floats of little-endian Float32 bytes; nil when the length does not fit.
    static func floats(of data: Data, count: Int) -> [Float]? {
        guard data.count == count * 4 else { return nil }
        let bytes = [UInt8](data)
        return (0..<count).map { index in
            let offset = index * 4
            let bits = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}
