#!/usr/bin/env python3
"""Theme-analysis benchmark: ours (`borgerdialog analyze`) against the scikit-learn peers.

Quality (scoring rule of ../shared/eval/README.md), for each view of ours: `lexical` (words only,
`--semantic off`) and `semantic` (words + the installed sentence-embedding model; skipped when it
is not installed; vectors computed once per set and kept in a cache file for the seeds):
  discovery: k = number of gold labels, NMI (arithmetic) and ARI, mean over seeds 0-9 for ours
             and for the peer (TF-IDF and LSA variants);
  guided:    theme names of seed-themes.json only; primary theme vs gold: accuracy, macro-F1
             (`other` counts as wrong);
  dialog:    ../shared/eval/score_dialog.py on frederikshavn-dialog (policy macro-F1, cross-cutting
             answers kept out of policy themes, cross-cutting themes surfaced, whole-word labels,
             discovery NMI against the peer), and on the held-out SIB-200 split made dialog-like by
             dialog_sets.py (4 topics given, 3 left to surface).
  sib200_da is split by its own `split` column: train+dev = development, test = held out (never
  used for tuning).
Speed and memory: 10,000 and 100,000 answers built deterministically from the corpora, k = 20,
words only; wall time and peak RSS of each process, ours against the peer's TF-IDF + k-means, run
back to back. The model's own time per 1,000 answers, cold and from the vector cache, beside it.
"""
import argparse, csv, json, os, pathlib, random, re, resource, subprocess, sys, tempfile, time

from sklearn.metrics import (accuracy_score, adjusted_rand_score, f1_score,
                             normalized_mutual_info_score)

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = pathlib.Path(os.environ.get("BENCH_SHARED", ROOT.parent / "shared"))
DATA, EVAL = SHARED / "data", SHARED / "eval"
BIN = os.environ.get("BORGERDIALOG_BIN", str(ROOT / ".build/release/borgerdialog"))
SEEDS = range(10)


def read_jsonl(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def prepare(work):
    """Writes the labelled sets as JSONL; returns {name: path}."""
    sets = {}
    for name in ("frederikshavn-sammen-om", "helsingoer-frivillighed"):
        sets[name] = DATA / f"{name}.jsonl"
    sib = list(csv.DictReader(open(DATA / "sib200_da.csv", encoding="utf-8")))
    for name, splits in (("sib200_da-dev", {"train", "dev"}), ("sib200_da-holdout", {"test"})):
        path = work / f"{name}.jsonl"
        write_jsonl(path, [{"id": r["id"], "text": r["text"], "label": r["label"]} for r in sib if r["split"] in splits])
        sets[name] = path
    polis = list(csv.DictReader(open(DATA / "polis_en_comments.csv", encoding="utf-8")))
    path = work / "polis_en.jsonl"
    write_jsonl(path, [{"id": r["id"], "text": r["text"], "label": r["label"]} for r in polis])
    sets["polis_en"] = path
    return sets


def build_large(work, size):
    """`size` answers: every corpus text once, then deterministic recombinations of two texts'
    halves (same vocabulary and length profile as real answers)."""
    texts = [r["text"] for r in csv.DictReader(open(DATA / "sib200_da.csv", encoding="utf-8"))]
    texts += [r["text"] for r in csv.DictReader(open(DATA / "polis_en_comments.csv", encoding="utf-8"))]
    for name in ("frederikshavn-sammen-om", "helsingoer-frivillighed", "themefinder_gambling_question_part_1"):
        texts += [r["text"] for r in read_jsonl(DATA / f"{name}.jsonl")]
    rng = random.Random(20240601)
    rows = [{"id": f"a{i}", "text": t} for i, t in enumerate(texts[:size])]
    while len(rows) < size:
        a, b = rng.choice(texts).split(), rng.choice(texts).split()
        rows.append({"id": f"a{len(rows)}", "text": " ".join(a[: len(a) // 2 + 1] + b[len(b) // 2:])})
    path = work / f"large-{size}.jsonl"
    write_jsonl(path, rows)
    return path


VIEW = {"lexical": ["--semantic", "off"]}


def view_args(view, work, name):
    """Arguments selecting a view; the semantic view keeps each set's vectors in a cache file."""
    if view == "lexical":
        return ["--semantic", "off"]
    return ["--semantic", "on", "--vector-cache", str(work / f"{name}.vectors")]


def semantic_installed():
    """Whether the semantic model is installed (analyze --semantic on succeeds on one answer)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "one.jsonl"
        write_jsonl(path, [{"id": "1", "text": "Bussen kører for sjældent."}])
        proc = subprocess.run([BIN, "analyze", "--input", str(path), "--semantic", "on", "--output", str(pathlib.Path(tmp) / "o.json")],
                              capture_output=True, text=True)
        return proc.returncode == 0


def run_ours(args, out):
    """Runs the binary; returns (wall seconds, peak RSS MiB, result)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", BIN, "analyze", *args, "--output", str(out)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"borgerdialog failed ({proc.returncode}): {proc.stderr}")
    rss_kib = int(proc.stderr.strip().splitlines()[-1])
    return wall, rss_kib / 1024, json.load(open(out, encoding="utf-8"))


def primary(result):
    return [a["themes"][0] for a in result["assignments"]]


def run_peer(arguments, pattern):
    """Runs a peer script of ../shared/eval; returns {(variant, set): (score 1, score 2)}."""
    output = subprocess.run([sys.executable, str(EVAL / arguments[0]), *arguments[1:]],
                            capture_output=True, text=True, check=True).stdout
    scores = {}
    for line in output.splitlines():
        match = re.match(pattern, line)
        if match:
            scores[(match[1], match[2])] = (float(match[3]), float(match[4]))
    return scores


def discovery(sets, work, names, view):
    print(f"\n== Discovery, {view} view (k = number of gold labels; NMI / ARI, mean of seeds 0-9) ==")
    peer_scores = run_peer(["peer_sklearn.py", *[str(sets[n]) for n in names]],
                           r"peer-(\w+) (\S+)\.jsonl .*nmi=([\d.]+) ari=([-\d.]+)")
    print(f"{'set':26} {'n':>5} {'k':>3} | {'ours NMI':>8} {'ARI':>6} | {'peer-tfidf':>10} {'peer-lsa':>9} | NMI ratio")
    for name in names:
        rows = read_jsonl(sets[name]); labels = [r["label"] for r in rows]; k = len(set(labels))
        nmis, aris = [], []
        for seed in SEEDS:
            _, _, result = run_ours(["--input", str(sets[name]), "--k", str(k), "--seed", str(seed), *view_args(view, work, name)],
                                    work / "out.json")
            pred = primary(result)
            assert len(set(pred)) == k, f"{name}: expected {k} themes, got {len(set(pred))}"
            nmis.append(normalized_mutual_info_score(labels, pred)); aris.append(adjusted_rand_score(labels, pred))
        ours = sum(nmis) / len(nmis), sum(aris) / len(aris)
        tfidf, lsa = peer_scores.get(("tfidf", name), (0, 0)), peer_scores.get(("lsa", name), (0, 0))
        best_peer = max(tfidf[0], lsa[0])
        print(f"{name:26} {len(rows):5} {k:3} | {ours[0]:8.3f} {ours[1]:6.3f} | {tfidf[0]:10.3f} {lsa[0]:9.3f} | "
              f"{ours[0] / best_peer if best_peer else float('nan'):.2f}x best peer")


def guided(sets, work, view):
    print(f"\n== Guided, {view} view (theme names only; primary theme; accuracy / macro-F1) ==")
    themes_all = json.load(open(DATA / "seed-themes.json", encoding="utf-8"))
    names = list(themes_all)
    peer_scores = run_peer(["peer_guided.py", str(DATA / "seed-themes.json"), *[str(sets[n]) for n in names]],
                           r"peer-guided-(\S+) (\S+) acc=([\d.]+) macro_f1=([\d.]+)")
    print(f"{'set':26} | {'ours acc':>8} {'F1':>6} {'other':>5} | {'nearest F1':>10} {'seeded F1':>9}")
    for name in names:
        theme_file = work / f"{name}-themes.json"
        json.dump(themes_all[name], open(theme_file, "w", encoding="utf-8"), ensure_ascii=False)
        rows = read_jsonl(sets[name]); labels = [r["label"] for r in rows]
        _, _, result = run_ours(["--input", str(sets[name]), "--themes", str(theme_file), *view_args(view, work, name)], work / "out.json")
        pred = primary(result)
        print(f"{name:26} | {accuracy_score(labels, pred):8.3f} {f1_score(labels, pred, average='macro', labels=sorted(set(labels))):6.3f} "
              f"{pred.count('other'):5} | {peer_scores.get(('nearest', name), (0, 0))[1]:10.3f} "
              f"{peer_scores.get(('seeded-kmeans', name), (0, 0))[1]:9.3f}")


PEER_SPEED = """
import json, sys, time, resource
sys.path.insert(0, sys.argv[3])
from peer_sklearn import run
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
start = time.perf_counter()
labels = run(rows, int(sys.argv[2]), 0, False)
print(time.perf_counter() - start)
"""


def dialog(work, view):
    """score_dialog.py on frederikshavn-dialog and the held-out SIB-200 split made dialog-like."""
    print(f"\n== Dialogue answers, {view} view (../shared/eval/score_dialog.py) ==")
    holdout = work / "dialog-holdout"
    subprocess.run([sys.executable, str(HERE / "dialog_sets.py"), str(holdout), "--holdout"], check=True,
                   env={**os.environ, "BENCH_SHARED": str(SHARED)})
    # score_dialog.py calls the binary itself: a wrapper adds the view's arguments.
    wrapper = work / f"analyze-{view}"
    extra = " ".join(VIEW.get(view, ["--semantic", "on", "--vector-cache", str(work / "dialog.vectors")]))
    wrapper.write_text(f'#!/bin/sh\nexec "{BIN}" "$@" {extra}\n')
    wrapper.chmod(0o755)
    for path in (DATA / "frederikshavn-dialog.jsonl", holdout / "sib-holdout.jsonl"):
        output = subprocess.run([sys.executable, str(EVAL / "score_dialog.py"), str(wrapper), str(path)],
                                capture_output=True, text=True, check=True).stdout
        print(output.splitlines()[0])


def model_speed(work, size=1000):
    """The semantic model's own time on `size` answers: cold (no cache) and from the cache."""
    print(f"\n== Semantic model time on {size} answers (embedding only, as analyze reports it) ==")
    path = build_large(work, size)
    cache = work / "speed.vectors"
    for label in ("cold", "cached"):
        proc = subprocess.run([BIN, "analyze", "--input", str(path), "--k", "20", "--semantic", "on", "--vector-cache", str(cache),
                               "--output", str(work / "out.json")], capture_output=True, text=True, check=True)
        note = [line for line in proc.stderr.splitlines() if "semantic view:" in line]
        seconds = re.search(r"([\d.]+) s \(model load", note[-1]) if note else None
        print(f"{label:>7}: {float(seconds[1]) if seconds else float('nan'):.2f} s embedding per {size} answers ({note[-1].split('; ', 1)[-1] if note else 'no note'})")


def speed(work, sizes, k=20):
    print(f"\n== Speed and memory, words only (k = {k}; wall time of the whole process, peak RSS; ours and the peer back to back) ==")
    print(f"{'answers':>8} | {'ours s':>7} {'MiB':>6} | {'peer s':>7} {'(fit s)':>7} {'MiB':>6} | time ratio  memory ratio")
    for size in sizes:
        path = build_large(work, size)
        wall, rss, _ = run_ours(["--input", str(path), "--k", str(k), "--semantic", "off"], work / "out.json")
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-c", PEER_SPEED, str(path), str(k), str(EVAL)],
                              capture_output=True, text=True, check=True)
        peer_wall = time.perf_counter() - start
        peer_fit = float(proc.stdout.strip().splitlines()[-1])
        peer_rss = int(proc.stderr.strip().splitlines()[-1]) / 1024
        print(f"{size:8} | {wall:7.2f} {rss:6.0f} | {peer_wall:7.2f} {peer_fit:7.2f} {peer_rss:6.0f} | "
              f"{wall / peer_wall:9.2f}x {rss / peer_rss:12.2f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-speed", action="store_true", help="quality only")
    parser.add_argument("--skip-quality", action="store_true", help="speed only")
    parser.add_argument("--sizes", default="10000,100000", help="speed set sizes")
    parser.add_argument("--views", default="lexical,semantic", help="views of ours to score (lexical, semantic)")
    options = parser.parse_args()
    print(f"binary: {BIN}")
    views = options.views.split(",")
    if "semantic" in views and not semantic_installed():
        print("semantic model not installed (scripts/install-dependencies): the semantic view is skipped")
        views.remove("semantic")
    with tempfile.TemporaryDirectory(prefix="bench-analysis-") as tmp:
        work = pathlib.Path(tmp)
        sets = prepare(work)
        if not options.skip_quality:
            for view in views:
                dialog(work, view)
                discovery(sets, work, ["frederikshavn-sammen-om", "helsingoer-frivillighed", "sib200_da-dev",
                                       "sib200_da-holdout", "polis_en"], view)
                guided(sets, work, view)
        if not options.skip_speed:
            speed(work, [int(s) for s in options.sizes.split(",")])
            if "semantic" in views:
                model_speed(work)


if __name__ == "__main__":
    main()
