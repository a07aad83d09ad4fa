import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element with its attributes, text and children, names without namespace prefixes.
///
/// The parts of an XLSX file are small enough to hold whole, and a tree keeps the reader plain.
/// Prefixes are dropped because writers differ in them (`x:c` and `c` are the same cell).
struct XMLTree {
    /// The element's local name, e.g. "c" for `<x:c>`.
    let name: String
    /// Attributes by local name ("r:id" → "id"); an unprefixed name wins over a prefixed one.
    let attributes: [String: String]
    /// The child elements in order.
    let children: [XMLTree]
    /// The text directly inside the element.
    let text: String

    /// The children with a local name.
    func children(named name: String) -> [XMLTree] {
        children.filter { $0.name == name }
    }

    /// The first child with a local name.
    func child(named name: String) -> XMLTree? {
        children.first { $0.name == name }
    }

    /// Parses one part; the error names the part, line and column.
    ///
    /// A part with a document type declaration is refused before parsing: workbook parts never
    /// have one, and in an uploaded file it could only serve to expand entities.
    static func parse(_ data: Data, part: String) throws(SpreadsheetError) -> XMLTree {
        if let declaration = data.range(of: Data("<!DOCTYPE".utf8)) {
            let before = data[data.startIndex..<declaration.lowerBound]
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 - data.startIndex + 1 } ?? 0) + 1
            throw .malformedXML(part: part, line: line, column: column, reason: "a document type declaration (<!DOCTYPE) is not allowed")
        }
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        let succeeded = parser.parse()
        guard succeeded, builder.firstError == nil, let root = builder.root else {
            // Where the parser first complained; by the time parse() returns it may have read on.
            let place = builder.firstError ?? (parser.lineNumber, parser.columnNumber, "no root element")
            throw .malformedXML(part: part, line: max(place.line, 1), column: max(place.column, 1), reason: place.reason)
        }
        return root
    }

    /// The local part of a possibly prefixed name.
    static func localName(_ name: String) -> String {
        name.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? name
    }
}

/// Builds an `XMLTree` from the parser's events.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    /// An element being read: its name and attributes, the children and text so far.
    private struct Open {
        let name: String
        let attributes: [String: String]
        var children: [XMLTree] = []
        var text = ""
    }

    private var stack: [Open] = []
    private(set) var root: XMLTree?
    /// The first error's line, column and message, taken when the parser reports it.
    private(set) var firstError: (line: Int, column: Int, reason: String)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard firstError == nil else { return }
        firstError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).localizedDescription)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        var local: [String: String] = [:]
        for (key, value) in attributes where !key.hasPrefix("xmlns") {
            let name = XMLTree.localName(key)
            if local[name] == nil || !key.contains(":") { local[name] = value }
        }
        stack.append(Open(name: XMLTree.localName(elementName), attributes: local))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let open = stack.popLast() else { return }
        let element = XMLTree(name: open.name, attributes: open.attributes, children: open.children, text: open.text)
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}
