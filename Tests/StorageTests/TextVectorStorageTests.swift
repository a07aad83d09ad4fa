import Foundation
import GRDB
import XCTest
@testable import Storage

/// The semantic view's vectors: kept once per view, kind and text digest, read back bit for bit.
final class TextVectorStorageTests: XCTestCase {
    let view = "test-model (1.0)"
    let first = String(repeating: "a", count: 64)
    let second = String(repeating: "b", count: 64)

    func testVectorsComeBackBitForBitAndOnlyForTheirViewKindAndLength() throws {
        let store = try makeStore()
        let vector: [Float] = [0.25, -1.5, .leastNonzeroMagnitude, 3.0e8]
        try store.storeTextVectors(view: view, kind: .passage, vectors: [first: vector])
        XCTAssertEqual(try store.textVectors(view: view, kind: .passage, digests: [first, second], dimensions: 4), [first: vector])
        XCTAssertEqual(try store.textVectors(view: view, kind: .query, digests: [first], dimensions: 4), [:], "another kind")
        XCTAssertEqual(try store.textVectors(view: "other (2.0)", kind: .passage, digests: [first], dimensions: 4), [:], "another view")
        XCTAssertEqual(try store.textVectors(view: view, kind: .passage, digests: [first], dimensions: 3), [:], "another length")
    }

    func testAStoredVectorIsKeptWhenTheSameTextComesAgain() throws {
        let store = try makeStore()
        try store.storeTextVectors(view: view, kind: .passage, vectors: [first: [1, 2]])
        try store.storeTextVectors(view: view, kind: .passage, vectors: [first: [9, 9], second: [3, 4]])
        XCTAssertEqual(try store.textVectors(view: view, kind: .passage, digests: [first, second], dimensions: 2),
                       [first: [1, 2], second: [3, 4]])
        XCTAssertEqual(try store.textVectorCount(view: view), 2)
    }

    func testWhetherAnyVectorOfAKindIsStored() throws {
        let store = try makeStore()
        XCTAssertFalse(try store.hasTextVectors(kind: .passage), "a new database has none")
        try store.storeTextVectors(view: view, kind: .query, vectors: [first: [1]])
        XCTAssertFalse(try store.hasTextVectors(kind: .passage), "a theme's vector is not an answer's")
        try store.storeTextVectors(view: view, kind: .passage, vectors: [second: [2]])
        XCTAssertTrue(try store.hasTextVectors(kind: .passage))
    }

    func testManyDigestsAreLookedUpInChunks() throws {
        let store = try makeStore()
        let digests = (0..<1_234).map { String(format: "%064x", $0) }
        try store.storeTextVectors(view: view, kind: .passage, vectors: Dictionary(uniqueKeysWithValues: digests.map { ($0, [Float(1)]) }))
        XCTAssertEqual(try store.textVectors(view: view, kind: .passage, digests: digests, dimensions: 1).count, digests.count)
    }

    func testPruningDeletesAnswersVectorsNoLongerNeededAndKeepsThemes() throws {
        let store = try makeStore()
        try store.storeTextVectors(view: view, kind: .passage, vectors: [first: [1], second: [2]])
        try store.storeTextVectors(view: view, kind: .query, vectors: [first: [3]])
        XCTAssertEqual(try store.pruneTextVectors(keepingPassages: [second]), 1)
        XCTAssertEqual(try store.textVectors(view: view, kind: .passage, digests: [first, second], dimensions: 1), [second: [2]])
        XCTAssertEqual(try store.textVectors(view: view, kind: .query, digests: [first], dimensions: 1), [first: [3]])
    }

    func testTheTableRefusesAVectorOfTheWrongLength() throws {
        let store = try makeStore()
        XCTAssertThrowsError(try store.pool.write { database in
            try database.execute(sql: """
                INSERT INTO text_vector (view, kind, text_sha256, dimensions, vector, created_at) VALUES (?, 'passage', ?, 2, ?, '2026-12-02')
                """, arguments: [view, first, Data([0, 0, 0, 0])])
        })
    }
}
