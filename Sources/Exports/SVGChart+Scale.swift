/// The chart of a scale question: one bar split by answer, coloured from one end to the other.
extension SVGChart {
    /// A scale's answers as one 100 % bar in the diverging palette, its ends named above it
    /// ("1 = Helt uenig" on the left, "5 = Helt enig" on the right), shares inside the segments that
    /// have room, and a legend with every value's count; "don't know" is counted beside it.
    public static func scale(title: String, distribution: [(value: Int, count: Int)], lowLabel: String, highLabel: String,
                             dontKnow: Int?, dontKnowLabel: String = ReportWording.dontKnow, style: Style = Style()) -> String {
        let width = Double(style.width)
        let size = style.fontSize
        var canvas = Canvas(style: style)
        if style.showsTitle { canvas.addTitle(title) }
        guard let first = distribution.first, let last = distribution.last else {
            canvas.addNotice("Ingen data", x: Canvas.inset)
            return canvas.svg(title: title)
        }
        let low = "\(first.value) = \(lowLabel)"
        let high = "\(last.value) = \(highLabel)"
        // The ends side by side when they fit, each in its half otherwise (wrapped as needed).
        let half = width / 2 - 8 - Canvas.inset
        let lowLines = TextWidth.lines(of: low, maxWidth: half, fontSize: size, bold: true)
        let highLines = TextWidth.lines(of: high, maxWidth: half, fontSize: size, bold: true)
        let endsHeight = Double(max(lowLines.count, highLines.count)) * Canvas.lineHeight(size)
        canvas.addLines(lowLines, x: Canvas.inset, top: canvas.height, height: endsHeight, anchor: "start", bold: true)
        canvas.addLines(highLines, x: width - Canvas.inset, top: canvas.height, height: endsHeight, anchor: "end", bold: true)
        canvas.height += endsHeight + 3

        let colors = ChartPalette.diverging(count: distribution.count)
        let total = distribution.reduce(0) { $0 + max(0, $1.count) }
        let barHeight = max(Double(style.barHeight), Canvas.lineHeight(size) + 6)
        var x = 0.0
        if total == 0 {
            canvas.body += "<rect x=\"0\" y=\"\(format(canvas.height))\" width=\"\(format(width))\" height=\"\(format(barHeight))\" "
                + "fill=\"#ffffff\" stroke=\"#8c8c8c\"/>"
        }
        for (index, step) in distribution.enumerated() where total > 0 && step.count > 0 {
            let share = Double(step.count) / Double(total)
            let length = share * width
            canvas.body += "<g><title>\(step.value): \(step.count) (\(ExportNumberFormat.percent(share)))</title>"
                + "<rect x=\"\(format(x))\" y=\"\(format(canvas.height))\" width=\"\(format(length))\" "
                + "height=\"\(format(barHeight))\" fill=\"\(colors[index])\" stroke=\"#ffffff\"/>"
            let percent = ExportNumberFormat.wholePercent(share)
            if TextWidth.of(percent, fontSize: size) + 6 <= length {
                canvas.addLines([percent], x: x + length / 2, top: canvas.height, height: barHeight, anchor: "middle",
                                fill: ChartPalette.textColor(on: colors[index]))
            }
            canvas.body += "</g>"
            x += length
        }
        canvas.height += barHeight + 6

        var entries: [(color: String?, text: String)] = distribution.enumerated().map { index, step in
            let meaning = index == 0 ? " \(lowLabel)" : index == distribution.count - 1 ? " \(highLabel)" : ""
            return (colors[index], "\(step.value)\(meaning): \(step.count)")
        }
        if let dontKnow { entries.append((nil, "\(dontKnowLabel): \(dontKnow)")) }
        canvas.addLegend(entries, width: width)
        return canvas.svg(title: title)
    }
}
