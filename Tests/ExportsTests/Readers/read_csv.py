"""Reads a CSV export with Python's csv module and prints what the Swift tests check, as JSON.

Usage: read_csv.py FILE DELIMITER
"""
import csv
import json
import sys


def main() -> None:
    path, delimiter = sys.argv[1], sys.argv[2]
    with open(path, "rb") as raw:
        data = raw.read()
    # utf-8-sig strips the byte order mark, as Excel does.
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=delimiter, strict=True))
    json.dump(
        {
            "bom": data.startswith(b"\xef\xbb\xbf"),
            "endsWithCRLF": data.endswith(b"\r\n"),
            "bareLineFeeds": data.count(b"\n") - data.count(b"\r\n"),
            "rows": rows,
        },
        sys.stdout,
        ensure_ascii=True,
    )


if __name__ == "__main__":
    main()
