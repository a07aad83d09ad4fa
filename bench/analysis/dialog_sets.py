#!/usr/bin/env python3
"""Writes development sets in the shape of `../shared/eval/score_dialog.py` (SET.jsonl + SET-themes.json):
some labelled themes are given as the policy's, the others must surface as emerging themes.

  sib-dev-r1..r3   SIB-200 train+dev, 35 sentences per topic, 4 topics given (Danish name + one line),
                   3 left out; a different 4 in each rotation
  sib-holdout      SIB-200 test (204 sentences), the rotations' first split; never used to choose anything
  themefinder      the Themefinder answers (English), themes A-E given, F-K left out (small: 5-16 per theme)

Usage: dialog_sets.py OUT_DIR [--holdout]   then   score_dialog.py BIN OUT_DIR/*.jsonl
"""
import csv, json, os, pathlib, random, sys

HERE = pathlib.Path(__file__).resolve().parent
DATA = pathlib.Path(os.environ.get("BENCH_SHARED", HERE.parent.parent.parent / "shared")) / "data"

SIB_THEMES = {
    "science/technology": ("Videnskab og teknologi", "Forskning, opdagelser, naturvidenskab og nye teknologier."),
    "travel": ("Rejser og turisme", "Rejser, ferie, overnatning og seværdigheder."),
    "politics": ("Politik", "Regeringer, valg, love og forholdet mellem lande."),
    "sports": ("Sport", "Idræt, konkurrencer, hold og atleter."),
    "health": ("Sundhed", "Sygdom, behandling, kost og helbred."),
    "entertainment": ("Underholdning", "Film, musik, fester, spil og kunst."),
    "geography": ("Geografi", "Lande, landskaber, klima og befolkning."),
}
ROTATIONS = [
    ["politics", "sports", "health", "entertainment"],
    ["science/technology", "travel", "geography", "sports"],
    ["travel", "politics", "health", "geography"],
]


def key(label):
    return label.replace("/", "-")


def write(out, name, rows, policy, emerging):
    with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    json.dump({"policy": policy, "emerging": emerging}, open(out / f"{name}-themes.json", "w", encoding="utf-8"),
              ensure_ascii=False, indent=1)


def sib(out, holdout):
    rows = list(csv.DictReader(open(DATA / "sib200_da.csv", encoding="utf-8")))
    splits = {"test"} if holdout else {"train", "dev"}
    rows = [r for r in rows if r["split"] in splits]
    for number, given in enumerate(ROTATIONS[:1] if holdout else ROTATIONS, start=1):
        rng = random.Random(1000 + number)
        chosen = []
        for label in SIB_THEMES:
            members = [r for r in rows if r["label"] == label]
            chosen += members if holdout else rng.sample(members, min(35, len(members)))
        rng.shuffle(chosen)
        policy = {key(l): {"name": SIB_THEMES[l][0], "description": SIB_THEMES[l][1]} for l in given}
        emerging = {key(l): SIB_THEMES[l][0] for l in SIB_THEMES if l not in given}
        items = [{"id": r["id"], "text": r["text"], "label": key(r["label"]), "labels": [key(r["label"])]} for r in chosen]
        write(out, "sib-holdout" if holdout else f"sib-dev-r{number}", items, policy, emerging)


def themefinder(out):
    spec = json.load(open(DATA / "themefinder_gambling_question_part_1_themes.json", encoding="utf-8"))
    rows = [json.loads(l) for l in open(DATA / "themefinder_gambling_question_part_1.jsonl", encoding="utf-8")]
    given = "ABCDE"
    policy = {t["topic_id"]: {"name": t["topic_label"], "description": t["topic_description"]} for t in spec["themes"] if t["topic_id"] in given}
    emerging = {t["topic_id"]: t["topic_label"] for t in spec["themes"] if t["topic_id"] not in given}
    items = [{"id": r["id"], "text": r["text"], "label": r["labels"][0], "labels": r["labels"]} for r in rows]
    write(out, "themefinder", items, policy, emerging)


if __name__ == "__main__":
    out = pathlib.Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
    holdout = "--holdout" in sys.argv
    sib(out, holdout)
    if not holdout:
        themefinder(out)
