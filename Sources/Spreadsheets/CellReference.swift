/// A cell's place in a sheet, as Excel names it: "B7" is row 7, column 2 (both counted from 1).
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The row, from 1.
    public let row: Int
    /// The column, from 1 (A = 1).
    public let column: Int

    /// The largest row and column Excel allows (1,048,576 rows, XFD = 16,384 columns).
    public static let maximumRow = 1_048_576
    /// See `maximumRow`.
    public static let maximumColumn = 16_384

    /// A reference from numbers counted from 1.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reads "A1", "xfd1048576" or "$C$3"; nil for anything else or a place outside Excel's sheet.
    public init?(_ text: String) {
        var letters = 0, column = 0, row = 0, digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard digits == 0, letters < 3 else { return nil }
                letters += 1
                let letter = scalar.value >= 97 ? scalar.value - 32 : scalar.value
                column = column * 26 + Int(letter) - 64
            case "0"..."9":
                guard letters > 0, digits < 7 else { return nil }
                digits += 1
                row = row * 10 + Int(scalar.value - 48)
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...Self.maximumRow).contains(row), (1...Self.maximumColumn).contains(column)
        else { return nil }
        self.init(row: row, column: column)
    }

    /// The column's letters: 1 → "A", 27 → "AA".
    public var columnName: String { Self.columnName(column) }

    /// The letters of a column number counted from 1.
    public static func columnName(_ column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    /// "B7".
    public var description: String { columnName + String(row) }

    /// Row by row, then column by column, as a sheet is read.
    public static func < (left: CellReference, right: CellReference) -> Bool {
        (left.row, left.column) < (right.row, right.column)
    }
}
