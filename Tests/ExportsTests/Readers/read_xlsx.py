"""Opens an XLSX export with openpyxl and prints every sheet's cells with their types, as JSON.

Usage: read_xlsx.py FILE
Each cell is {"type": "number" | "date" | "text" | "bool" | "empty", "value": ..., "format": number format};
dates as ISO text.
"""
import datetime
import json
import sys

import openpyxl


def cell_json(cell):
    value = cell.value
    number_format = cell.number_format
    if value is None:
        return {"type": "empty", "value": None, "format": number_format}
    if isinstance(value, bool):
        return {"type": "bool", "value": value, "format": number_format}
    if isinstance(value, (datetime.datetime, datetime.date)):
        return {"type": "date", "value": value.isoformat(), "format": number_format}
    if isinstance(value, (int, float)):
        return {"type": "number", "value": value, "format": number_format}
    return {"type": "text", "value": str(value), "format": number_format}


def main() -> None:
    workbook = openpyxl.load_workbook(sys.argv[1])
    sheets = {}
    for sheet in workbook.worksheets:
        rows = [[cell_json(cell) for cell in row] for row in sheet.iter_rows()]
        header = next(sheet.iter_rows(max_row=1), ())
        sheets[sheet.title] = {
            "rows": rows,
            "frozen": sheet.freeze_panes,
            "headerBold": bool(header) and all(cell.font.b for cell in header if cell.value is not None),
        }
    json.dump({"names": workbook.sheetnames, "sheets": sheets}, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
