"""Parses the HTML report with Python's html.parser (and each inline SVG with an XML parser) and
prints what the Swift tests check, as JSON.

Usage: read_html.py FILE
"""
import json
import sys
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_VOID = {"rect", "path", "circle", "line", "polyline", "polygon", "ellipse"}


class ReportParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tag_counts = {}
        self.stack = []
        self.problems = []
        self.suspicious_attributes = []
        self.page_breaks = []
        self.texts = []
        self.style_text = ""
        self.html_lang = None
        self.has_charset = False

    def handle_starttag(self, tag, attrs):
        self.tag_counts[tag] = self.tag_counts.get(tag, 0) + 1
        attributes = dict(attrs)
        for name, value in attrs:
            # Event handlers run script; the report links and loads nothing, so any URL attribute is suspect.
            if name.startswith("on") or name in ("href", "src", "xlink:href", "action", "formaction", "srcdoc"):
                self.suspicious_attributes.append([tag, name, value])
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "meta" and "charset" in attributes:
            self.has_charset = True
        if "break-before" in (attributes.get("style") or ""):
            self.page_breaks.append(attributes.get("class") or "")
        if tag not in VOID and not (self.stack and "svg" in self.stack and tag in SVG_VOID):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tag_counts[tag] = self.tag_counts.get(tag, 0) + 1
        for name, value in attrs:
            if name.startswith("on"):
                self.suspicious_attributes.append([tag, name, value])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unexpected </{tag}>, open: {self.stack[-3:]}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.style_text += data
        elif data.strip():
            self.texts.append(data)


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        document = handle.read()
    parser = ReportParser()
    parser.feed(document)
    parser.close()
    if parser.stack:
        parser.problems.append(f"unclosed at the end: {parser.stack}")
    svg_problems = []
    svg_texts = []
    start = 0
    while (begin := document.find("<svg", start)) != -1:
        close = document.find("</svg>", begin)
        if close == -1:
            svg_problems.append(f"<svg at {begin} is never closed")
            break
        end = close + len("</svg>")
        try:
            root = ElementTree.fromstring(document[begin:end])
            svg_texts.extend(text for text in root.itertext() if text.strip())
        except ElementTree.ParseError as error:
            svg_problems.append(str(error))
        start = end
    json.dump(
        {
            "tagCounts": parser.tag_counts,
            "problems": parser.problems,
            "suspiciousAttributes": parser.suspicious_attributes,
            "pageBreaks": parser.page_breaks,
            "texts": parser.texts,
            "styleText": parser.style_text,
            "lang": parser.html_lang,
            "hasCharset": parser.has_charset,
            "svgProblems": svg_problems,
            "svgTexts": svg_texts,
        },
        sys.stdout,
        # ASCII escapes: Foundation's JSONSerialization on Linux drops a raw U+FEFF inside strings.
        ensure_ascii=True,
    )


if __name__ == "__main__":
    main()
