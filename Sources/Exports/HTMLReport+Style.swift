/// The report's print-first style sheet (our own text, never data).
///
/// Tables never split a word (`word-break: normal; overflow-wrap: normal; hyphens: manual`): the
/// automatic table layout then gives every column at least its longest word, and number columns
/// take only the room their figures need. Quotes may break a very long token (a pasted address)
/// rather than run past the page.
extension HTMLReport {
    static let styleSheet = """
    @page { size: A4; margin: 16mm 15mm 18mm 15mm; }
    :root { color-scheme: light; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    * { box-sizing: border-box; }
    body { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
           font-size: 10.5pt; line-height: 1.4; color: #1d1d1d; margin: 0 auto; max-width: 180mm; padding: 0; }
    @media screen { body { padding: 10mm 4mm; } }
    h1 { font-size: 22pt; line-height: 1.15; margin: 2mm 0 4mm; }
    h2 { font-size: 15pt; line-height: 1.2; margin: 8mm 0 3mm; }
    h3 { font-size: 11.5pt; line-height: 1.25; margin: 5mm 0 1.5mm; }
    h2, h3 { break-after: avoid; }
    p { margin: 0 0 2mm; }
    .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 8.5pt; color: #4d4d4d; margin: 0; }
    .lead { font-size: 12pt; margin-bottom: 3mm; }
    .note, .generated, .more { color: #4d4d4d; font-size: 9pt; }
    .generated { margin-top: 5mm; border-top: 0.3mm solid #d4d4d4; padding-top: 2mm; }
    table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 4mm; font-size: 9.5pt; break-inside: auto; }
    th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 0.3mm solid #d4d4d4; vertical-align: top;
             word-break: normal; overflow-wrap: normal; hyphens: manual; }
    th { border-bottom: 0.5mm solid #4d4d4d; }
    tr { break-inside: avoid; }
    .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; width: 1%; }
    table.meetings td:nth-child(3) { white-space: nowrap; }
    table.meetings th:first-child { width: 32%; }
    table.spread { font-size: 9pt; } table.spread thead th:first-child { width: 24%; }
    table.spread tr.group th { padding-top: 3mm; border-bottom: 0.3mm solid #4d4d4d; }
    dl.figures { display: flex; flex-wrap: wrap; gap: 1mm 8mm; margin: 0 0 2mm; }
    dl.figures div { display: flex; gap: 2mm; }
    dl.figures dt { color: #4d4d4d; } dl.figures dd { margin: 0; font-weight: bold; }
    ol.top-themes { margin: 0; padding-left: 6mm; }
    ol.top-themes li { margin: 0 0 2.5mm; break-inside: avoid; }
    .top-theme { margin: 0 0 1mm; }
    .count, .facts { color: #4d4d4d; }
    .facts { font-size: 9.5pt; margin-bottom: 1.5mm; }
    .terms { font-size: 9.5pt; } .terms .label { color: #4d4d4d; }
    article.theme { margin-top: 5mm; border-top: 0.3mm solid #d4d4d4; }
    blockquote { margin: 0 0 2mm; padding: 1.5mm 3.5mm; border-left: 1mm solid #35978f; background: #f3f6f6;
                 break-inside: avoid; unicode-bidi: isolate; }
    blockquote p { margin: 0; white-space: pre-line; overflow-wrap: break-word; }
    blockquote footer { font-size: 8.5pt; color: #4d4d4d; margin-top: 0.5mm; }
    .purposes { display: grid; grid-template-columns: repeat(auto-fit, minmax(52mm, 1fr)); gap: 0 5mm; }
    .purpose h4 { font-size: 10pt; margin: 1mm 0 1mm; padding-bottom: 0.5mm; border-bottom: 0.6mm solid #35978f;
                  break-after: avoid; }
    .purpose blockquote { font-size: 9.5pt; padding: 1mm 2.5mm; margin-bottom: 1.5mm; }
    .purpose-change h4 { border-bottom-color: #8c510a; } .purpose-change blockquote { border-left-color: #8c510a; background: #f8f3ec; }
    .purpose-idea h4 { border-bottom-color: #4d4d4d; } .purpose-idea blockquote { border-left-color: #4d4d4d; background: #f4f4f4; }
    .question { break-inside: avoid; }
    figure.chart { margin: 1mm 0 3mm; break-inside: avoid; }
    figure.chart svg { display: block; max-width: 100%; height: auto; }
    td, th { unicode-bidi: isolate; }

    """
}
