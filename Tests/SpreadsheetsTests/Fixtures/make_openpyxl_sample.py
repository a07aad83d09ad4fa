"""Writes openpyxl-sample.xlsx, a workbook made by a real writer other than ours, for SpreadsheetsTests.

Run from this folder: python3 make_openpyxl_sample.py (openpyxl is in Tests/Browser/requirements.txt).
The file is committed so the Swift tests need no Python; rerun this only to change the sample.
"""
import datetime

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

workbook = openpyxl.Workbook()
survey = workbook.active
survey.title = "survey"
survey.append(["type", "name", "label::Dansk (da)", "required", "max"])
survey.append(["text", "idea", "Hvad er din idé? Æ Ø Å", True, 2000])
survey.append(["integer", "age", "Alder", False, 2.5])
survey.append([])
survey.append(["note", "line-break", "Første linje\nAnden linje", None, None])
survey["C7"] = CellRichText(["Fed ", TextBlock(InlineFont(b=True), "tekst"), " og normal"])
survey["E8"] = datetime.date(2026, 12, 3)
survey["AA10"] = "far away"
choices = workbook.create_sheet("choices")
choices.append(["list_name", "name", "label"])
choices.append(["yes_no", "yes", "Ja"])
choices.append(["yes_no", "no", "Nej"])
workbook.create_sheet("empty")
workbook.save("openpyxl-sample.xlsx")
