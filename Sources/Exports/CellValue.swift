import Foundation

/// One cell of an exported table, typed so each format can write it natively (Excel numbers and dates).
enum CellValue: Hashable, Sendable {
    /// No value: the question was not answered (or not shown).
    case empty
    /// Text: citizen answers, labels, codes.
    case text(String)
    /// A number: scale values, numbers, ranks, points.
    case number(Double)
    /// A moment in time.
    case date(Date)
    /// A 0/1 flag: a ticked option, yes/no, late.
    case flag(Bool)
}
