/// One sheet of a workbook: its name and the cells that hold something.
public struct Worksheet: Hashable, Sendable {
    /// The sheet's name as shown on its tab.
    public let name: String
    /// The cells that are not empty.
    public let cells: [CellReference: CellValue]
    /// The last row with a value (0 for an empty sheet).
    public let lastRow: Int
    /// The last column with a value (0 for an empty sheet).
    public let lastColumn: Int

    /// A sheet of cells; empty values are left out.
    public init(name: String, cells: [CellReference: CellValue]) {
        self.name = name
        self.cells = cells.filter { !$0.value.isEmpty }
        lastRow = self.cells.keys.map(\.row).max() ?? 0
        lastColumn = self.cells.keys.map(\.column).max() ?? 0
    }

    /// The value at a reference (`.empty` when nothing is there).
    public subscript(reference: CellReference) -> CellValue {
        cells[reference] ?? .empty
    }

    /// The value at a row and column counted from 1.
    public subscript(row row: Int, column column: Int) -> CellValue {
        cells[CellReference(row: row, column: column)] ?? .empty
    }

    /// Row `row` from column 1 to `lastColumn`.
    public func row(_ row: Int) -> [CellValue] {
        lastColumn == 0 ? [] : (1...lastColumn).map { self[row: row, column: $0] }
    }

    /// Every row from 1 to `lastRow`, each from column 1 to `lastColumn`.
    public var rows: [[CellValue]] {
        lastRow == 0 ? [] : (1...lastRow).map(row)
    }
}
