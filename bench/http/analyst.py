"""The analyst scenario of the HTTP benchmark: do staff corrections slow the tablets down?

A meeting gets ~7,000 free-text answers and one finished theme analysis. Durable submissions at
16 connections run for a while alone, then again while an analyst applies corrections (renames)
to that run one after another; both p99s and their ratio are printed with the goal line.
"""

import http.client
import json
import os
import random
import subprocess
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))

# Words for answers that read like a meeting's: a subject, a wish and a place, so the analysis finds themes.
SUBJECTS = ["flere bænke", "bedre busforbindelser", "et nyt medborgerhus", "cykelstier til skolen", "grønne områder",
            "aktiviteter for unge", "hjælp til ældre naboer", "mere frivilligt arbejde", "legepladser", "fællesspisning",
            "bedre belysning", "adgang til biblioteket", "sikre skoleveje", "flere træer", "et sted at mødes"]
WISHES = ["Vi savner", "Det ville være godt med", "Kommunen bør satse på", "Jeg håber på", "Vi har brug for"]
PLACES = ["i byen", "på landet", "ved havnen", "i vores kvarter", "omkring skolen", "for alle generationer"]


def answer_text(randomness):
    return f"{randomness.choice(WISHES)} {randomness.choice(SUBJECTS)} {randomness.choice(PLACES)}."


def seed_answers(host, port, code, count, connections=16):
    """Submits `count` answers with free text over keep-alive connections; returns how many were stored."""
    randomness = random.Random(7)
    bodies = [json.dumps({"submissionId": f"seed-{uuid.uuid4().hex}",
                          "answers": {"meeting-rating": randomness.randint(1, 5), "most-important": answer_text(randomness)}})
              for _ in range(count)]

    def submit(chunk):
        connection = http.client.HTTPConnection(host, port, timeout=30)
        stored = 0
        for body in chunk:
            connection.request("POST", f"/api/sessions/{code}/responses", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            stored += response.status == 201
        connection.close()
        return stored

    chunks = [bodies[index::connections] for index in range(connections)]
    with ThreadPoolExecutor(connections) as pool:
        return sum(pool.map(submit, chunks))


class StaffClient:
    """A logged-in staff member's requests, with the cookie and the CSRF token."""

    def __init__(self, base, email, password):
        self.base = base
        request = urllib.request.Request(f"{base}/api/login", json.dumps({"email": email, "password": password}).encode(),
                                         {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            self.csrf = json.load(response)["csrfToken"]
            self.cookie = response.headers["Set-Cookie"].split(";")[0]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Cookie": self.cookie, "X-CSRF-Token": self.csrf, "Content-Type": "application/json"}
        request = urllib.request.Request(f"{self.base}{path}", data, headers, method=method)
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)


def measure(arguments, run_wrk, binary, data, base, code):
    """Runs the scenario on a running server; returns the figures for the report."""
    password = "Benchmark-Analytiker-2026"
    subprocess.run([binary, "users", "add", "--data", data, "--role", "analyst", "--email", "analyst@bench.dk"],
                   input=password + "\n", capture_output=True, text=True, check=True)
    host, port = base.replace("http://", "").split(":")
    started = time.monotonic()
    stored = seed_answers(host, int(port), code, arguments.analyst_answers)
    seeding = time.monotonic() - started
    analyst = StaffClient(base, "analyst@bench.dk", password)
    started = time.monotonic()
    run = analyst.call("POST", "/api/analyst/runs", {"formId": "quick-poll", "sessions": [code]})["run"]
    while True:
        document = analyst.call("GET", f"/api/analyst/runs/{run['id']}")
        if document["run"]["status"] in ("done", "failed"):
            break
        time.sleep(0.2)
    analysis = time.monotonic() - started
    if document["run"]["status"] != "done":
        raise SystemExit(f"bench: the analysis run failed: {document['run'].get('message')}")
    theme = next(theme["key"] for theme in document["result"]["themes"] if theme["kind"] != "other")

    # The same correction with the tablets quiet (the first also builds the run's search index), and undone.
    quiet = []
    for number in range(3):
        before = time.monotonic()
        made = analyst.call("POST", "/api/analyst/forms/quick-poll/decisions",
                            {"kind": "rename", "theme": theme, "label": f"Stille {number}", "run": run["id"]})
        quiet.append(time.monotonic() - before)
        analyst.call("DELETE", f"/api/analyst/decisions/{made['decision']['id']}?run={run['id']}")

    nonce = uuid.uuid4().hex[:12]
    submit_script = os.path.join(HERE, "submit.lua")
    url = f"{base}/api/sessions/{code}/responses"
    alone = run_wrk(arguments, url, 16, submit_script, (code, f"{nonce}-alone"))

    corrections = []
    stop = threading.Event()

    def correct():
        number = 0
        while not stop.is_set():
            number += 1
            before = time.monotonic()
            analyst.call("POST", "/api/analyst/forms/quick-poll/decisions",
                         {"kind": "rename", "theme": theme, "label": f"Tema {number}", "run": run["id"]})
            corrections.append(time.monotonic() - before)

    worker = threading.Thread(target=correct, daemon=True)
    worker.start()
    time.sleep(0.2)
    busy = run_wrk(arguments, url, 16, submit_script, (code, f"{nonce}-busy"))
    stop.set()
    worker.join()
    return {"stored": stored, "seeding": seeding, "analysis": analysis, "alone": alone, "busy": busy,
            "corrections": corrections, "quiet": quiet, "submitted": alone["requests"] - alone["non2xx"] + busy["requests"] - busy["non2xx"]}


def report(figures):
    alone = figures["alone"]["p99_us"] / 1000
    busy = figures["busy"]["p99_us"] / 1000
    corrections = figures["corrections"]
    average = sum(corrections) / len(corrections) * 1000 if corrections else 0
    print(f"analyst scenario: {figures['stored']} answers seeded in {figures['seeding']:.1f} s, "
          f"analysis done in {figures['analysis']:.1f} s")
    print(f"  one correction with the tablets quiet:   {', '.join(f'{seconds * 1000:.0f}' for seconds in figures['quiet'])} ms "
          f"(the first builds the run's search index)")
    print(f"  submit 16 connections alone:             {figures['alone']['rate']:>8.0f} req/s, p99 {alone:.2f} ms")
    print(f"  submit 16 connections, analyst correcting: {figures['busy']['rate']:>6.0f} req/s, p99 {busy:.2f} ms "
          f"({len(corrections)} corrections, {average:.0f} ms each on average)")
    limit = max(3 * alone, 20)
    print(f"goal: p99 with the analyst <= max(3x alone, 20 ms) = {limit:.2f} ms: {busy:.2f} ms, "
          f"ratio {busy / max(alone, 0.001):.1f}x -> {'MET' if busy <= limit else 'NOT MET'}")
