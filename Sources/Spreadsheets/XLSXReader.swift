import Foundation
import ZIPFoundation

/// Reads the workbook, shared strings and sheets of an XLSX file held in memory.
///
/// Follows the package's relationships (`_rels/.rels`, then the workbook's) to find each part, as
/// files from Excel, LibreOffice, openpyxl and libxlsxwriter place them differently.
struct XLSXReader {
    private let archive: Archive
    /// The most bytes one part may unpack to.
    private let maximumPartSize: Int

    init(data: Data, maximumPartSize: Int) throws(SpreadsheetError) {
        self.maximumPartSize = maximumPartSize
        // ZIP archives start with "PK"; anything else is another kind of file.
        guard data.count >= 4, data.prefix(2) == Data([0x50, 0x4B]) else { throw .notAnArchive }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAnArchive
        }
    }

    func read() throws(SpreadsheetError) -> Workbook {
        let workbookPart = try mainPartPath()
        let workbook = try tree(workbookPart)
        let relationships = try relationships(of: workbookPart)
        let sharedStrings = try readSharedStrings(relationships: relationships, workbookPart: workbookPart)
        var sheets: [Worksheet] = []
        for sheet in workbook.child(named: "sheets")?.children(named: "sheet") ?? [] {
            let name = sheet.attributes["name"] ?? "Sheet\(sheets.count + 1)"
            guard let relationID = sheet.attributes["id"], let target = relationships[relationID] else {
                throw .missingSheet(name: name, part: workbookPart)
            }
            guard archive[target] != nil else { throw .missingSheet(name: name, part: target) }
            sheets.append(Worksheet(name: name, cells: try readCells(part: target, sharedStrings: sharedStrings)))
        }
        return Workbook(sheets: sheets)
    }

    /// The workbook part named by the package's relationships, or the usual place.
    private func mainPartPath() throws(SpreadsheetError) -> String {
        if archive["_rels/.rels"] != nil {
            let root = try tree("_rels/.rels")
            for relationship in root.children(named: "Relationship")
            where relationship.attributes["Type"]?.hasSuffix("/officeDocument") == true {
                if let target = relationship.attributes["Target"] {
                    let path = Self.resolve(target, from: "")
                    if archive[path] != nil { return path }
                }
            }
        }
        guard archive["xl/workbook.xml"] != nil else { throw .missingPart("xl/workbook.xml") }
        return "xl/workbook.xml"
    }

    /// A part's relationships: id → the target's path in the archive.
    private func relationships(of part: String) throws(SpreadsheetError) -> [String: String] {
        let directory = Self.directory(of: part)
        let name = String(part.dropFirst(directory.count))
        let relationshipsPart = directory + "_rels/" + name + ".rels"
        guard archive[relationshipsPart] != nil else { throw .missingPart(relationshipsPart) }
        var targets: [String: String] = [:]
        for relationship in try tree(relationshipsPart).children(named: "Relationship") {
            guard let id = relationship.attributes["Id"], let target = relationship.attributes["Target"],
                  relationship.attributes["TargetMode"] != "External" else { continue }
            targets[id] = Self.resolve(target, from: directory)
            if relationship.attributes["Type"]?.hasSuffix("/sharedStrings") == true {
                targets[Self.sharedStringsKey] = targets[id]
            }
        }
        return targets
    }

    private static let sharedStringsKey = " sharedStrings"

    private func readSharedStrings(relationships: [String: String], workbookPart: String) throws(SpreadsheetError) -> [String] {
        let part = relationships[Self.sharedStringsKey] ?? Self.directory(of: workbookPart) + "sharedStrings.xml"
        guard archive[part] != nil else { return [] }
        return try tree(part).children(named: "si").map(Self.richText)
    }

    private func readCells(part: String, sharedStrings: [String]) throws(SpreadsheetError) -> [CellReference: CellValue] {
        var cells: [CellReference: CellValue] = [:]
        var rowNumber = 0
        for row in try tree(part).child(named: "sheetData")?.children(named: "row") ?? [] {
            rowNumber = row.attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            var columnNumber = 0
            for cell in row.children(named: "c") {
                let reference: CellReference
                if let text = cell.attributes["r"] {
                    guard let parsed = CellReference(text) else { throw .invalidCellReference(part: part, reference: text) }
                    reference = parsed
                } else {
                    reference = CellReference(row: rowNumber, column: columnNumber + 1)
                }
                columnNumber = reference.column
                let value = try Self.value(of: cell, at: reference, part: part, sharedStrings: sharedStrings)
                // An empty string is no value, as Excel shows it.
                if !value.isEmpty, value != .text("") { cells[reference] = value }
            }
        }
        return cells
    }

    /// A cell's value by its type attribute `t`.
    private static func value(
        of cell: XMLTree, at reference: CellReference, part: String, sharedStrings: [String]
    ) throws(SpreadsheetError) -> CellValue {
        let stored = cell.child(named: "v")?.text
        switch cell.attributes["t"] ?? "n" {
        case "s":
            guard let stored else { return .empty }
            guard let index = Int(stored.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw .invalidSharedString(part: part, cell: reference.description, index: stored)
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return cell.child(named: "is").map { .text(richText($0)) } ?? .empty
        case "str", "d":
            return stored.map { .text(decodeEscapes($0)) } ?? .empty
        case "b":
            return stored.map { .bool($0.trimmingCharacters(in: .whitespaces) == "1" || $0.lowercased() == "true") } ?? .empty
        case "e":
            return stored.map { .error($0) } ?? .empty
        default:
            guard let stored, !stored.isEmpty else { return .empty }
            guard let number = Double(stored.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidNumber(part: part, cell: reference.description, text: stored)
            }
            return .number(number)
        }
    }

    /// The text of a shared or inline string: its `t`, or its runs' `t`s joined; phonetic hints are left out.
    private static func richText(_ item: XMLTree) -> String {
        if let plain = item.child(named: "t"), item.children(named: "r").isEmpty { return decodeEscapes(plain.text) }
        return decodeEscapes(item.children(named: "r").compactMap { $0.child(named: "t")?.text }.joined())
    }

    /// Undoes OOXML's `_xHHHH_` escapes, with which Excel stores control characters such as a carriage return.
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            output += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(code) {
                output.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                output += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return output + rest
    }

    /// A part parsed as XML.
    private func tree(_ part: String) throws(SpreadsheetError) -> XMLTree {
        try XMLTree.parse(try contents(of: part), part: part)
    }

    /// A part's bytes, refusing parts that unpack beyond `maximumPartSize` (a ZIP bomb, say).
    private func contents(of part: String) throws(SpreadsheetError) -> Data {
        guard let entry = archive[part] else { throw .missingPart(part) }
        guard entry.uncompressedSize <= UInt64(maximumPartSize) else {
            throw .partTooLarge(part, limit: maximumPartSize)
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The size in the header can lie; count what really comes out.
                guard data.count + chunk.count <= maximumPartSize else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw .partTooLarge(part, limit: maximumPartSize)
        } catch {
            throw .unreadablePart(part)
        }
        return data
    }

    private struct PartTooLarge: Error {}

    /// The folder of a part, with a trailing slash ("xl/" for "xl/workbook.xml"), or "".
    private static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target as a path in the archive: absolute ("/xl/...") or relative to the folder, with ".." resolved.
    private static func resolve(_ target: String, from directory: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : directory + target
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}
