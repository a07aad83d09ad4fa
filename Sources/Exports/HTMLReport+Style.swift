/// The report's print-first style sheet (our own text, never data).
extension HTMLReport {
    static let styleSheet = """
    @page { size: A4; margin: 18mm 16mm 20mm 16mm; }
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.45;
           color: #1d1d1d; margin: 0 auto; max-width: 180mm; padding: 12mm 0; }
    h1 { font-size: 26pt; line-height: 1.15; margin: 4mm 0 8mm; }
    h2 { font-size: 18pt; margin: 0 0 4mm; }
    h3 { font-size: 12.5pt; margin: 6mm 0 2mm; }
    .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 9pt; color: #555; margin: 0; }
    .page { padding-top: 2mm; }
    @media screen { .page { border-top: 1px dashed #bbb; margin-top: 14mm; padding-top: 10mm; } }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 10pt; }
    th, td { text-align: left; padding: 1.5mm 2mm; border-bottom: 0.3mm solid #d4d4d4; vertical-align: top;
             overflow-wrap: anywhere; }
    th { border-bottom: 0.5mm solid #555; }
    .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    dl.counts { display: grid; grid-template-columns: auto auto; justify-content: start; gap: 1mm 8mm; }
    dl.counts dt { color: #555; } dl.counts dd { margin: 0; font-weight: bold; }
    .generated { color: #555; font-size: 9pt; margin-top: 10mm; }
    .size { font-size: 12pt; }
    .term { display: inline-block; border: 0.3mm solid #9bb4c8; border-radius: 2mm; padding: 0 2mm;
            margin: 0 1mm 1mm 0; background: #eef4f9; }
    blockquote { margin: 0 0 3mm; padding: 2mm 4mm; border-left: 1mm solid #1f5f8b; background: #f6f6f6;
                 break-inside: avoid; unicode-bidi: isolate; }
    blockquote p { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
    blockquote footer { font-size: 9pt; color: #555; margin-top: 1mm; }
    figure.chart { margin: 3mm 0; break-inside: avoid; }
    figure.chart svg { max-width: 100%; height: auto; }
    .summary { break-inside: avoid; }
    td, th, .term { unicode-bidi: isolate; }

    """
}
