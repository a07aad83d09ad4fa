import Forms
import Spreadsheets

/// Where in the workbook each part of an imported form document came from, so the form
/// decoder's JSON-path problems can be shown at a sheet, row and column.
struct SourceMap {
    /// A place in the workbook.
    struct Place: Hashable {
        let sheet: String
        let row: Int?
        let column: String?
        let cell: CellReference?
    }

    private var places: [String: Place] = [:]

    /// Records the place of a JSON path (the first record of a path wins).
    mutating func record(_ path: String, _ place: Place) {
        if places[path] == nil { places[path] = place }
    }

    /// The place of a path, or of the nearest enclosing path that has one.
    func place(of path: String) -> Place? {
        var current = path
        while true {
            if let place = places[current] { return place }
            guard let shorter = Self.parent(of: current) else { return nil }
            current = shorter
        }
    }

    /// `$.a.b[2]` → `$.a.b`, `$.a["x y"]` → `$.a`, `$` → nil.
    static func parent(of path: String) -> String? {
        guard path != "$", let last = path.last else { return nil }
        if last == "]" {
            // Either `[3]` or `["key"]`: find the bracket that opens it, outside quotes.
            var inQuotes = false
            var index = path.index(before: path.endIndex)
            while index > path.startIndex {
                index = path.index(before: index)
                let character = path[index]
                if character == "\"", index > path.startIndex, path[path.index(before: index)] != "\\" { inQuotes.toggle() }
                if character == "[", !inQuotes { return String(path[..<index]) }
            }
            return nil
        }
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }
}
