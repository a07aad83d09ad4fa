extension QRCode {
    /// The code as a standalone SVG document, for inline use in HTML or as an `.svg` file.
    ///
    /// Drawn in module units (the viewBox) and scaled by `moduleSize` pixels: a white square
    /// including the `quietZone` (4 modules is what the standard asks for) and one black `<path>`
    /// with a rectangle per horizontal run of dark modules. `crispEdges` keeps runs from
    /// blurring into each other; colours are attributes, so strict CSPs need no inline styles.
    /// `title` becomes an escaped `<title>` that screen readers announce.
    public func svg(moduleSize: Int = 8, quietZone: Int = 4, title: String? = nil) -> String {
        let moduleSize = max(1, moduleSize)
        let quietZone = max(0, quietZone)
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        var document = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(side) \#(side)" "#
            + #"width="\#(pixels)" height="\#(pixels)" shape-rendering="crispEdges""#
        if let title {
            document += #" role="img"><title>\#(Self.escapedForXML(title))</title>"#
        } else {
            document += ">"
        }
        document += #"<rect width="\#(side)" height="\#(side)" fill="white"/>"#
        document += #"<path fill="black" d="\#(darkRunsPath(offset: quietZone))"/></svg>"#
        return document
    }

    /// Path data with one closed rectangle per run of dark modules in a row.
    private func darkRunsPath(offset: Int) -> String {
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < size && isDark(row: row, column: column) { column += 1 }
                let length = column - start
                path += "M\(start + offset) \(row + offset)h\(length)v1h-\(length)z"
            }
        }
        return path
    }

    /// Text safe inside an XML element or attribute: markup characters escaped, and characters
    /// XML 1.0 forbids (most control characters, U+FFFE, U+FFFF) dropped, since no escape exists for them.
    static func escapedForXML(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                let isAllowed = scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
                if isAllowed { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}
