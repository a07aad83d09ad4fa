import Foundation

/// Reads an XLSX file back with a real reader (openpyxl, from the project's Python tools): every
/// sheet's cell values as text, so tests can see what a spreadsheet export holds.
public enum SpreadsheetCells {
    private static let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        json.dump({sheet.title: [["" if cell.value is None else str(cell.value) for cell in row]
                                 for row in sheet.iter_rows()] for sheet in book.worksheets}, sys.stdout)
        """

    /// Sheet name → rows of cell texts.
    public static func read(_ data: [UInt8]) throws -> [String: [[String]]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("borgerdialog-read-\(UUID().uuidString).xlsx")
        try Data(data).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("openpyxl could not read the workbook: \(String(decoding: errorData, as: UTF8.self))")
        }
        return try JSONDocument.decode([String: [[String]]].self, from: Array(outputData), source: "openpyxl's reading")
    }

    /// Every cell's text in every sheet, for "is this anywhere in the file" checks.
    public static func allText(_ data: [UInt8]) throws -> String {
        try read(data).values.flatMap { $0.flatMap { $0 } }.joined(separator: "\n")
    }
}
