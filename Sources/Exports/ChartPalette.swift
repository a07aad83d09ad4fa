import Foundation

/// The colours of the charts, chosen to be told apart by colour-blind readers and in greyscale print.
///
/// - Bars of counts (themes, options, items): one calm teal, `#35978f` (ColorBrewer BrBG's teal).
/// - Scales (agree … disagree): ColorBrewer's diverging BrBG, brown for the low end and teal for the
///   high end, with a grey middle so the neutral answer shows on white paper.
/// - Stacked series (the analyst page's themes per meeting): the Okabe–Ito qualitative colours.
public enum ChartPalette {
    /// The single hue of count bars.
    public static let teal = "#35978f"
    /// BrBG's five classes, low to high, with its near-white middle made a visible grey.
    static let divergingAnchors = ["#a6611a", "#dfc27d", "#c8c8c8", "#80cdc1", "#018571"]
    /// Okabe–Ito, without its black and yellow (too dark and too light beside text).
    static let series = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"]

    /// `count` colours from the low to the high end of the diverging scale; the middle one is grey
    /// when `count` is odd.
    public static func diverging(count: Int) -> [String] {
        guard count > 1 else { return count == 1 ? [divergingAnchors[2]] : [] }
        return (0..<count).map { index in
            let position = Double(index) / Double(count - 1) * Double(divergingAnchors.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, divergingAnchors.count - 1)
            return mix(divergingAnchors[lower], divergingAnchors[upper], position - Double(lower))
        }
    }

    /// The series colour at `index`, repeating after the last.
    static func seriesColor(_ index: Int) -> String { series[index % series.count] }

    /// Near-black or white, whichever reads better on `background` (WCAG contrast).
    static func textColor(on background: String) -> String {
        let luminance = relativeLuminance(background)
        let onDark = 1.05 / (luminance + 0.05)
        let onLight = (luminance + 0.05) / (relativeLuminance("#1d1d1d") + 0.05)
        return onDark > onLight ? "#ffffff" : "#1d1d1d"
    }

    private static func components(_ hex: String) -> [Double] {
        let digits = Array(hex.dropFirst())
        return stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...($0 + 1)]), radix: 16) ?? 0) }
    }

    private static func mix(_ first: String, _ second: String, _ amount: Double) -> String {
        let mixed = zip(components(first), components(second)).map { $0 + ($1 - $0) * amount }
        return "#" + mixed.map { String(format: "%02x", Int($0.rounded())) }.joined()
    }

    private static func relativeLuminance(_ hex: String) -> Double {
        let linear = components(hex).map { channel -> Double in
            let value = channel / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }
}
