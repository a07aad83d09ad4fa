"""Opens a workbook with openpyxl and prints each sheet's headings and rows as JSON.

Usage: read_xlsform.py FILE
Output: {"sheets": ["survey", ...], "cells": {"survey": [[value, ...], ...]}}; empty cells are null,
numbers stay numbers. Used by XLSFormTests to check an exported form with a reader that is not ours.
"""
import json
import sys

import openpyxl


def main() -> None:
    workbook = openpyxl.load_workbook(sys.argv[1])
    cells = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}
    frozen = {sheet.title: sheet.freeze_panes for sheet in workbook.worksheets}
    bold = {sheet.title: all(cell.font.b for cell in next(sheet.iter_rows(max_row=1), ()) if cell.value is not None)
            for sheet in workbook.worksheets}
    json.dump({"sheets": workbook.sheetnames, "cells": cells, "frozen": frozen, "headingsBold": bold},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
