/// Bar charts as self-contained SVG: no scripts, no styles from outside, every label escaped.
///
/// The strings are meant to be placed inline in HTML (the report, the analyst page) or saved as
/// `.svg`; they are well-formed XML. Nothing is cut off: labels wrap onto as many lines as they
/// need (widths are estimated with `TextWidth`, on the wide side), the label column and the room
/// after the bars are sized to the longest label and value, and the chart grows downwards.
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
        public var barHeight: Int = 18
        /// Space between bars.
        public var gap: Int = 8
        /// Size of labels and values.
        public var fontSize: Double = 12
        /// Size of the title.
        public var titleSize: Double = 13
        /// Whether the title is drawn (the report has its own heading above each chart).
        public var showsTitle: Bool = true
        /// The widest share of the width the label column may take before labels wrap.
        public var labelShare: Double = 0.45
        /// The colour of count bars.
        public var barColor: String = ChartPalette.teal

        /// The default style.
        public init() {}
    }

    /// The font stack every chart names; `TextWidth` estimates with its widest member.
    static let fontFamily = "Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"

    /// A chart with one horizontal bar per entry, scaled to the largest value.
    public static func horizontalBars(title: String, bars: [Bar], style: Style = Style()) -> String {
        let width = Double(style.width)
        let size = style.fontSize
        var canvas = Canvas(style: style)
        if style.showsTitle { canvas.addTitle(title) }
        let valueTexts = bars.map { $0.valueLabel ?? ExportNumberFormat.plain($0.value, decimalComma: true) }
        let valueWidth = (valueTexts.map { TextWidth.of($0, fontSize: size) }.max() ?? 0) + 10 + Canvas.inset
        let labelWidth = labelColumnWidth(bars.map(\.label), available: width - valueWidth, style: style)
        let plotWidth = max(20, width - labelWidth - valueWidth)
        let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
        for (index, bar) in bars.enumerated() {
            let lines = TextWidth.lines(of: bar.label, maxWidth: labelWidth - 10, fontSize: size)
            let rowHeight = max(Double(style.barHeight), Double(lines.count) * Canvas.lineHeight(size))
            let top = canvas.height
            let barTop = top + (rowHeight - Double(style.barHeight)) / 2
            let length = largest > 0 && bar.value.isFinite ? max(0, bar.value) / largest * plotWidth : 0
            canvas.body += "<g><title>\(MarkupText.escaped(bar.label)): \(MarkupText.escaped(valueTexts[index]))</title>"
            canvas.addLines(lines, x: labelWidth - 8, top: top, height: rowHeight, anchor: "end")
            canvas.body += "<rect x=\"\(format(labelWidth))\" y=\"\(format(barTop))\" width=\"\(format(length))\" "
                + "height=\"\(style.barHeight)\" fill=\"\(style.barColor)\"/>"
            canvas.addLines([valueTexts[index]], x: labelWidth + length + 6, top: top, height: rowHeight, anchor: "start")
            canvas.body += "</g>"
            canvas.height += rowHeight + Double(style.gap)
        }
        if bars.isEmpty { canvas.addNotice("Ingen data", x: Canvas.inset) }
        return canvas.svg(title: title)
    }

    /// A chart with one bar per entry split into series segments, with a legend; scaled to the largest total.
    public static func stackedBars(title: String, series: [String], bars: [StackedBar], style: Style = Style()) -> String {
        let width = Double(style.width)
        let size = style.fontSize
        var canvas = Canvas(style: style)
        if style.showsTitle { canvas.addTitle(title) }
        let totals = bars.map { $0.values.filter { $0.isFinite && $0 > 0 }.reduce(0, +) }
        let totalTexts = totals.map { ExportNumberFormat.plain($0, decimalComma: true) }
        let valueWidth = (totalTexts.map { TextWidth.of($0, fontSize: size) }.max() ?? 0) + 10 + Canvas.inset
        let labelWidth = labelColumnWidth(bars.map(\.label), available: width - valueWidth, style: style)
        let plotWidth = max(20, width - labelWidth - valueWidth)
        let largest = totals.max() ?? 0
        for (index, bar) in bars.enumerated() {
            let lines = TextWidth.lines(of: bar.label, maxWidth: labelWidth - 10, fontSize: size)
            let rowHeight = max(Double(style.barHeight), Double(lines.count) * Canvas.lineHeight(size))
            let top = canvas.height
            let barTop = top + (rowHeight - Double(style.barHeight)) / 2
            canvas.body += "<g><title>\(MarkupText.escaped(bar.label)): \(totalTexts[index])</title>"
            canvas.addLines(lines, x: labelWidth - 8, top: top, height: rowHeight, anchor: "end")
            var x = labelWidth
            for (seriesIndex, value) in bar.values.enumerated() where value.isFinite && value > 0 && largest > 0 {
                let length = value / largest * plotWidth
                canvas.body += "<rect x=\"\(format(x))\" y=\"\(format(barTop))\" width=\"\(format(length))\" "
                    + "height=\"\(style.barHeight)\" fill=\"\(ChartPalette.seriesColor(seriesIndex))\" stroke=\"#ffffff\"/>"
                x += length
            }
            canvas.addLines([totalTexts[index]], x: x + 6, top: top, height: rowHeight, anchor: "start")
            canvas.body += "</g>"
            canvas.height += rowHeight + Double(style.gap)
        }
        if bars.isEmpty { canvas.addNotice("Ingen data", x: Canvas.inset) }
        canvas.addLegend(series.enumerated().map { (ChartPalette.seriesColor($0.offset), $0.element) }, width: width)
        return canvas.svg(title: title)
    }

    /// How wide the label column is: the longest label, but at most `labelShare` of what is left.
    static func labelColumnWidth(_ labels: [String], available: Double, style: Style) -> Double {
        let longest = labels.map { TextWidth.of($0, fontSize: style.fontSize) }.max() ?? 0
        return max(60, min(longest + 12, available * style.labelShare))
    }

    static func format(_ value: Double) -> String {
        ExportNumberFormat.plain((value * 10).rounded() / 10, decimalComma: false)
    }
}
