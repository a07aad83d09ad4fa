import Foundation
import ZIPFoundation

/// Hand-made XLSX packages for tests: the smallest set of parts, with any part replaced or left out.
enum XLSXPackage {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>
        """
    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>
        """
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                  xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets><sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
        </Relationships>
        """

    /// A sheet part around `rows` (the inside of `<sheetData>`).
    static func sheet(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
        """
    }

    /// A shared strings part around `items` (the `<si>` elements).
    static func sharedStrings(_ items: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\(items)</sst>
        """
    }

    /// The parts of a one-sheet workbook named "survey".
    static func parts(sheetRows: String, sharedStrings items: String = "") -> [String: String] {
        [
            "[Content_Types].xml": contentTypes,
            "_rels/.rels": packageRelationships,
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": workbookRelationships,
            "xl/worksheets/sheet1.xml": sheet(sheetRows),
            "xl/sharedStrings.xml": sharedStrings(items),
        ]
    }

    /// The parts zipped into an archive held in memory, in name order.
    static func zip(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try XCTUnwrapData(archive.data)
    }

    private static func XCTUnwrapData(_ data: Data?) throws -> Data {
        guard let data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
