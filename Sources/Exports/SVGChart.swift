/// Horizontal bar charts as self-contained SVG: no scripts, no styles from outside, every label escaped.
///
/// The strings are meant to be placed inline in HTML (the report, the analyst page) or saved as
/// `.svg`; they are well-formed XML.
public enum SVGChart {
    /// One bar.
    public struct Bar: Sendable, Hashable {
        /// What the bar stands for (data text: escaped on output).
        public var label: String
        /// Its length, in the chart's own unit.
        public var value: Double
        /// What to write after the bar; the value itself when nil.
        public var valueLabel: String?

        /// A bar.
        public init(label: String, value: Double, valueLabel: String? = nil) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
        }
    }

    /// One bar split into segments, one per series.
    public struct StackedBar: Sendable, Hashable {
        /// What the bar stands for.
        public var label: String
        /// One value per series, in the series' order.
        public var values: [Double]

        /// A stacked bar.
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    /// Sizes and colours; the defaults fit an A4 page and the analyst page.
    public struct Style: Sendable, Hashable {
        /// Total width in pixels.
        public var width: Int = 640
        /// Height of one bar.
        public var barHeight: Int = 20
        /// Space between bars.
        public var gap: Int = 8
        /// Width of the label column.
        public var labelWidth: Int = 220
        /// Longest label shown in full (longer ones end in "…"; the full text is the bar's tooltip).
        public var labelLimit: Int = 34
        /// Bar colours, used in turn (stacked charts: one per series).
        public var colors: [String] = ["#1f5f8b", "#c0612b", "#3c8d5a", "#8a5aa8", "#b8943a", "#4f9fb8",
                                       "#a83f5f", "#6b7b2b", "#5a5a8a", "#8a6b4f"]

        /// The default style.
        public init() {}
    }

    /// A chart with one horizontal bar per entry, scaled to the largest value.
    public static func horizontalBars(title: String, bars: [Bar], style: Style = Style()) -> String {
        let titleHeight = 28
        let valueWidth = 70
        let plotWidth = max(40, style.width - style.labelWidth - valueWidth)
        let height = titleHeight + max(1, bars.count) * (style.barHeight + style.gap) + style.gap
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
        var svg = open(title: title, width: style.width, height: height)
        for (index, bar) in bars.enumerated() {
            let top = titleHeight + index * (style.barHeight + style.gap)
            let length = largest > 0 && bar.value.isFinite ? max(0, bar.value) / largest * Double(plotWidth) : 0
            let color = style.colors.isEmpty ? "#1f5f8b" : style.colors[index % style.colors.count]
            let valueText = bar.valueLabel ?? ExportNumberFormat.plain(bar.value, decimalComma: true)
            svg += "<g><title>\(MarkupText.escaped(bar.label)): \(MarkupText.escaped(valueText))</title>"
            svg += label(bar.label, x: style.labelWidth - 8, y: top, style: style)
            svg += "<rect x=\"\(style.labelWidth)\" y=\"\(top)\" width=\"\(format(length))\" "
                + "height=\"\(style.barHeight)\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(format(Double(style.labelWidth) + length + 6))\" y=\"\(top + style.barHeight - 5)\" "
                + "font-size=\"12\">\(MarkupText.escaped(valueText))</text></g>"
        }
        if bars.isEmpty { svg += emptyNotice(y: titleHeight + style.barHeight - 5, style: style) }
        return svg + "</svg>"
    }

    /// A chart with one bar per entry split into series segments, with a legend; scaled to the largest total.
    public static func stackedBars(title: String, series: [String], bars: [StackedBar], style: Style = Style()) -> String {
        let titleHeight = 28
        let valueWidth = 50
        let legendRowHeight = 18
        let legendRows = series.count
        let plotWidth = max(40, style.width - style.labelWidth - valueWidth)
        let barsHeight = max(1, bars.count) * (style.barHeight + style.gap)
        let height = titleHeight + barsHeight + style.gap + legendRows * legendRowHeight + style.gap
        let totals = bars.map { $0.values.filter { $0.isFinite && $0 > 0 }.reduce(0, +) }
        let largest = totals.max() ?? 0
        var svg = open(title: title, width: style.width, height: height)
        for (index, bar) in bars.enumerated() {
            let top = titleHeight + index * (style.barHeight + style.gap)
            svg += "<g><title>\(MarkupText.escaped(bar.label)): \(ExportNumberFormat.plain(totals[index], decimalComma: true))</title>"
            svg += label(bar.label, x: style.labelWidth - 8, y: top, style: style)
            var x = Double(style.labelWidth)
            for (seriesIndex, value) in bar.values.enumerated() where value.isFinite && value > 0 && largest > 0 {
                let length = value / largest * Double(plotWidth)
                svg += "<rect x=\"\(format(x))\" y=\"\(top)\" width=\"\(format(length))\" height=\"\(style.barHeight)\" "
                    + "fill=\"\(color(seriesIndex, style))\"/>"
                x += length
            }
            svg += "<text x=\"\(format(x + 6))\" y=\"\(top + style.barHeight - 5)\" font-size=\"12\">"
                + "\(ExportNumberFormat.plain(totals[index], decimalComma: true))</text></g>"
        }
        if bars.isEmpty { svg += emptyNotice(y: titleHeight + style.barHeight - 5, style: style) }
        let legendTop = titleHeight + barsHeight + style.gap
        for (index, name) in series.enumerated() {
            let top = legendTop + index * legendRowHeight
            svg += "<rect x=\"\(style.labelWidth)\" y=\"\(top)\" width=\"12\" height=\"12\" fill=\"\(color(index, style))\"/>"
            svg += "<text x=\"\(style.labelWidth + 18)\" y=\"\(top + 11)\" font-size=\"12\">"
                + "\(MarkupText.escaped(MarkupText.shortened(name, to: style.labelLimit * 2)))</text>"
        }
        return svg + "</svg>"
    }

    private static func open(title: String, width: Int, height: Int) -> String {
        let escapedTitle = MarkupText.escaped(title)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escapedTitle)\" "
            + "font-family=\"Helvetica, Arial, sans-serif\" fill=\"#222\">"
            + "<title>\(escapedTitle)</title>"
            + "<text x=\"0\" y=\"18\" font-size=\"14\" font-weight=\"bold\">\(escapedTitle)</text>"
    }

    private static func label(_ text: String, x: Int, y: Int, style: Style) -> String {
        "<text x=\"\(x)\" y=\"\(y + style.barHeight - 5)\" font-size=\"12\" text-anchor=\"end\">"
            + "\(MarkupText.escaped(MarkupText.shortened(text, to: style.labelLimit)))</text>"
    }

    private static func emptyNotice(y: Int, style: Style) -> String {
        "<text x=\"\(style.labelWidth)\" y=\"\(y)\" font-size=\"12\" fill=\"#666\">Ingen data</text>"
    }

    private static func color(_ index: Int, _ style: Style) -> String {
        style.colors.isEmpty ? "#1f5f8b" : style.colors[index % style.colors.count]
    }

    private static func format(_ value: Double) -> String {
        ExportNumberFormat.plain((value * 10).rounded() / 10, decimalComma: false)
    }
}
