#!/usr/bin/env python3
"""Durability torture: submit concurrently, SIGKILL the server at random moments, restart, repeat.

After the last round it checks, on the files the killed server left behind:
  * PRAGMA integrity_check says ok (Python's sqlite3, before the server opens the file again);
  * every submission that got 201/200 is in the JSON export exactly once;
  * nothing is stored that was never sent.

Clients behave like the tablets: an answer whose acknowledgement was lost (connection reset by
the kill) is sent again, with the same submissionId, in the next round; the server must then say
200 "duplicate" if it had stored it, and store it once if it had not.

Every 5th round (3rd with --quick) also runs `borgerdialog backup` while the submitters write and
checks the backup: integrity ok, every id acknowledged before the backup began is in it.

Usage: torture.py [--rounds N | --quick] [--seed S] [--threads T] [--backup-every N] [--time-limit SECONDS]
Binary: $BORGERDIALOG_BINARY (default .build/debug/borgerdialog).
"""

import argparse
import collections
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="kill/restart rounds (default 20)")
    parser.add_argument("--quick", action="store_true", help="3 rounds, for make test")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time-based, printed)")
    parser.add_argument("--threads", type=int, default=8, help="concurrent submitters (default 8)")
    parser.add_argument("--time-limit", type=float, default=600, help="give up after this many seconds (default 600)")
    parser.add_argument("--binary", default=os.environ.get("BORGERDIALOG_BINARY", os.path.join(REPOSITORY, ".build/debug/borgerdialog")))
    parser.add_argument("--backup-every", type=int, default=5,
                        help="every Nth round also takes `borgerdialog backup` under load and checks it (0: never; default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the data folder for inspection")
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.rounds = 3
        arguments.backup_every = min(arguments.backup_every, 3)
    if arguments.seed is None:
        arguments.seed = int(time.time() * 1000) % 1_000_000
    return arguments


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Ledger:
    """What was sent and what was acknowledged, shared by the submitter threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent = set()
        self.acknowledged = set()
        self.unanswered = set()   # sent, no acknowledgement seen yet: resent next round
        self.statuses = collections.Counter()

    def take_unanswered(self, count):
        with self.lock:
            chosen = list(self.unanswered)[:count]
            for identifier in chosen:
                self.unanswered.discard(identifier)
            return chosen

    def record_sent(self, identifier):
        with self.lock:
            self.sent.add(identifier)
            self.unanswered.add(identifier)

    def record_answer(self, identifier, status):
        with self.lock:
            self.statuses[status] += 1
            if status in (200, 201):
                self.acknowledged.add(identifier)
                self.unanswered.discard(identifier)


class Server:
    """One `borgerdialog serve` process on a free loopback port."""

    def __init__(self, binary, data, log):
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--data", data,
             "--forms", os.path.join(REPOSITORY, "Forms"), "--static", os.path.join(REPOSITORY, "Static"),
             "--no-demo", "--log-level", "warning"],
            stdout=log, stderr=log)

    def wait_until_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited with status {self.process.returncode} while starting")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("serve did not become healthy")

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()


def submitter(port, code, ledger, stop, prefix, resend):
    """Posts answers over one keep-alive connection until `stop` is set or the server dies."""
    connection = None
    sequence = 0
    queue = list(resend)
    while not stop.is_set():
        if queue:
            identifier = queue.pop()
        else:
            identifier = f"{prefix}-{sequence}-{uuid.uuid4().hex[:8]}"
            sequence += 1
        ledger.record_sent(identifier)
        body = json.dumps({"submissionId": identifier,
                           "answers": {"meeting-rating": 1 + sequence % 5, "most-important": f"svar {identifier}"}})
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("POST", f"/api/sessions/{code}/responses", body=body,
                               headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            ledger.record_answer(identifier, response.status)
            if response.status not in (200, 201):
                raise RuntimeError(f"unexpected status {response.status} for {identifier}")
        except (OSError, http.client.HTTPException):
            # The server was killed mid-request: the answer stays unanswered and is resent.
            connection = None
            if stop.wait(0.01):
                break
    with ledger.lock:
        ledger.unanswered.update(queue)


def integrity_check(database_path):
    connection = sqlite3.connect(database_path)
    try:
        return "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def check_backup_under_load(arguments, data, work, round_number, ledger):
    """Runs `borgerdialog backup` while the submitters write; every id acknowledged before it began must be in it."""
    with ledger.lock:
        acknowledged_before = set(ledger.acknowledged)
    output = os.path.join(work, f"backup-round-{round_number + 1}.sqlite")
    result = subprocess.run([arguments.binary, "backup", "--data", data, "--output", output], capture_output=True, text=True)
    if result.returncode != 0:
        return f"backup in round {round_number + 1} failed: {result.stderr.strip()}"
    connection = sqlite3.connect(f"file:{output}?mode=ro", uri=True)
    try:
        integrity = "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        in_backup = {row[0] for row in connection.execute("SELECT submission_id FROM response")}
    finally:
        connection.close()
    os.remove(output)
    missing = acknowledged_before - in_backup
    print(f"  round {round_number + 1}: backup under load holds {len(in_backup)} responses, "
          f"{len(acknowledged_before)} acknowledged before it began, {len(missing)} missing, integrity {integrity}", flush=True)
    if integrity != "ok" or missing:
        return f"backup in round {round_number + 1}: integrity {integrity}, missing {sorted(missing)[:5]}"
    return None


def main():
    arguments = parse_arguments()
    if not os.access(arguments.binary, os.X_OK):
        sys.exit(f"torture: binary not found at {arguments.binary} (set BORGERDIALOG_BINARY)")
    rng = random.Random(arguments.seed)
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="borgerdialog-torture-")
    data = os.path.join(work, "data")
    log = open(os.path.join(work, "serve.log"), "ab")
    ledger = Ledger()
    print(f"torture: seed {arguments.seed}, {arguments.rounds} rounds, {arguments.threads} submitters, data in {work}", flush=True)

    created = subprocess.run(
        [arguments.binary, "sessions", "create", "--data", data, "--forms", os.path.join(REPOSITORY, "Forms"),
         "--form", "quick-poll", "--title", "Torture"], capture_output=True, text=True)
    if created.returncode != 0:
        sys.exit(f"torture: sessions create failed: {created.stderr}")
    code = created.stdout.strip()

    rounds_done = 0
    backup_problems = []
    for round_number in range(arguments.rounds):
        if time.monotonic() - started > arguments.time_limit:
            print(f"torture: time limit reached after {rounds_done} rounds", flush=True)
            break
        server = Server(arguments.binary, data, log)
        server.wait_until_healthy()
        stop = threading.Event()
        resend = ledger.take_unanswered(10_000)
        threads = [threading.Thread(target=submitter, daemon=True, args=(
            server.port, code, ledger, stop, f"r{round_number}t{index}", resend[index::arguments.threads]))
            for index in range(arguments.threads)]
        for thread in threads:
            thread.start()
        kill_after = rng.uniform(0.05, 1.5)
        if arguments.backup_every and (round_number + 1) % arguments.backup_every == 0:
            time.sleep(0.3)
            problem = check_backup_under_load(arguments, data, work, round_number, ledger)
            if problem:
                backup_problems.append(problem)
        else:
            time.sleep(kill_after)
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        rounds_done += 1
        with ledger.lock:
            print(f"  round {round_number + 1}: {len(ledger.acknowledged)} acknowledged so far, "
                  f"{len(ledger.unanswered)} unanswered", flush=True)

    database = os.path.join(data, "borgerdialog.sqlite")
    integrity = integrity_check(database)
    exported = subprocess.run([arguments.binary, "export", "--data", data, "--session", code, "--format", "json"],
                              capture_output=True, text=True)
    if exported.returncode != 0:
        sys.exit(f"torture: export failed: {exported.stderr}")
    stored = collections.Counter(response["submissionId"] for response in json.loads(exported.stdout)["responses"])

    lost = ledger.acknowledged - set(stored)
    doubled = {identifier for identifier, count in stored.items() if count > 1}
    phantom = set(stored) - ledger.sent
    unexpected = {status: count for status, count in ledger.statuses.items() if status not in (200, 201)}
    print(f"torture: {rounds_done} rounds, {len(ledger.acknowledged)} acknowledged, {len(lost)} lost, "
          f"{len(doubled)} doubled, {len(phantom)} never sent, {sum(stored.values())} stored, "
          f"{ledger.statuses[200]} duplicates answered 200, integrity {integrity}, "
          f"{time.monotonic() - started:.0f} s, seed {arguments.seed}", flush=True)
    failures = []
    if lost:
        failures.append(f"lost: {sorted(lost)[:5]}")
    if doubled:
        failures.append(f"doubled: {sorted(doubled)[:5]}")
    if phantom:
        failures.append(f"never sent: {sorted(phantom)[:5]}")
    if integrity != "ok":
        failures.append(f"integrity_check: {integrity}")
    failures += backup_problems
    if unexpected:
        failures.append(f"unexpected statuses: {unexpected}")
    if rounds_done < min(arguments.rounds, 3):
        failures.append(f"only {rounds_done} rounds ran")
    if not ledger.acknowledged:
        failures.append("nothing was acknowledged")
    log.close()
    if failures:
        print("torture: FAILED: " + "; ".join(failures) + f" (data kept in {work})", flush=True)
        sys.exit(1)
    if arguments.keep:
        print(f"torture: data kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
