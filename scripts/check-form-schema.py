#!/usr/bin/env python3
"""Checks every form file against Forms/form.schema.json, the schema editors use too.

The server's own validator (`borgerdialog forms check`) is stricter; this keeps the published
schema honest: every shipped form must pass it.
"""
import json
import pathlib
import sys

import jsonschema


def main(folder: str) -> int:
    directory = pathlib.Path(folder)
    schema = json.loads((directory / "form.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    forms = sorted(path for path in directory.glob("*.json") if path.name != "form.schema.json")
    for path in forms:
        for error in validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))):
            failures += 1
            print(f"{path.name}: {error.json_path}: {error.message}")
    print(f"form schema: {len(forms)} form(s) checked, {failures} problem(s)")
    return 1 if failures or not forms else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Forms"))
