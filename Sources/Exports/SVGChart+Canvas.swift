/// The drawing surface the charts share: text placed line by line, a height that grows as rows are added.
extension SVGChart {
    struct Canvas {
        let style: Style
        /// Markup so far, inside the `<svg>`.
        var body = ""
        /// The height used so far, in pixels.
        var height = 0.0

        init(style: Style) {
            self.style = style
        }

        /// Room kept free at the left and right edges: text is never drawn right up to them, since
        /// a scaled-down chart may round a glyph a pixel wider than its advance.
        static let inset = 2.0

        /// The distance between two baselines.
        static func lineHeight(_ fontSize: Double) -> Double { fontSize * 1.3 }

        /// The title in bold, wrapped to the width.
        mutating func addTitle(_ title: String) {
            let size = style.titleSize
            let lines = TextWidth.lines(of: title, maxWidth: Double(style.width) - 2 * Self.inset, fontSize: size, bold: true)
            let blockHeight = Double(lines.count) * Self.lineHeight(size)
            addLines(lines, x: Self.inset, top: height, height: blockHeight, anchor: "start", fontSize: size, bold: true)
            height += blockHeight + 6
        }

        /// Lines of text centred as a block in `top ..< top + height`.
        mutating func addLines(_ lines: [String], x: Double, top: Double, height blockHeight: Double, anchor: String,
                               fontSize: Double? = nil, bold: Bool = false, fill: String? = nil) {
            let size = fontSize ?? style.fontSize
            let lineHeight = Self.lineHeight(size)
            let first = top + (blockHeight - Double(lines.count) * lineHeight) / 2 + (lineHeight + size * 0.7) / 2
            for (index, line) in lines.enumerated() {
                body += "<text x=\"\(format(x))\" y=\"\(format(first + Double(index) * lineHeight))\" "
                    + "font-size=\"\(format(size))\"" + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")
                    + (bold ? " font-weight=\"bold\"" : "") + (fill.map { " fill=\"\($0)\"" } ?? "")
                    + ">\(MarkupText.escaped(line))</text>"
            }
        }

        /// A grey note on its own row, e.g. "Ingen data".
        mutating func addNotice(_ text: String, x: Double) {
            let rowHeight = max(Double(style.barHeight), Self.lineHeight(style.fontSize))
            addLines([text], x: x, top: height, height: rowHeight, anchor: "start", fill: "#595959")
            height += rowHeight + Double(style.gap)
        }

        /// Swatches with their names, flowing left to right and onto new rows as the width runs out.
        mutating func addLegend(_ entries: [(color: String?, text: String)], width: Double) {
            guard !entries.isEmpty else { return }
            let size = style.fontSize
            let swatch = size
            let rowHeight = Self.lineHeight(size) + 2
            let width = width - Self.inset
            var x = Self.inset
            var rowTop = height
            for entry in entries {
                let indent = entry.color == nil ? 0 : swatch + 5
                let available = width - Self.inset - indent
                let lines = TextWidth.lines(of: entry.text, maxWidth: available, fontSize: size)
                let entryWidth = indent + (lines.map { TextWidth.of($0, fontSize: size) }.max() ?? 0)
                if x > Self.inset, x + entryWidth > width {
                    x = Self.inset
                    rowTop = height
                }
                let blockHeight = Double(lines.count) * rowHeight
                if let color = entry.color {
                    body += "<rect x=\"\(format(x))\" y=\"\(format(rowTop + (rowHeight - swatch) / 2))\" "
                        + "width=\"\(format(swatch))\" height=\"\(format(swatch))\" fill=\"\(color)\"/>"
                }
                addLines(lines, x: x + indent, top: rowTop, height: blockHeight, anchor: "start")
                height = max(height, rowTop + blockHeight)
                x += entryWidth + 16
            }
            height += 4
        }

        /// The finished `<svg>`, as tall as what was drawn.
        func svg(title: String) -> String {
            let escapedTitle = MarkupText.escaped(title)
            let totalHeight = Int((max(height, 1)).rounded(.up))
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(style.width)\" height=\"\(totalHeight)\" "
                + "viewBox=\"0 0 \(style.width) \(totalHeight)\" role=\"img\" aria-label=\"\(escapedTitle)\" "
                + "font-family=\"\(SVGChart.fontFamily)\" fill=\"#1d1d1d\">"
                + "<title>\(escapedTitle)</title>" + body + "</svg>"
        }
    }
}
