#!/usr/bin/env python3
"""HTTP load benchmark: Borgerdialog next to a raw libmicrohttpd peer, measured in the same run.

Targets, each at several connection counts with wrk on loopback:
  raw      raw_peer.c: fixed bytes from MHD (this machine's physical limit for this server kind)
  form     GET /api/sessions/{code}/form
  tablet   GET /s/{code}
  submit   POST /api/sessions/{code}/responses, durable (201 only after COMMIT), unique ids

Prints requests/s, p50 and p99 side by side with ratios to the raw figure, the server's resident
memory idle and under load, the stored-versus-acknowledged check, and the issue's goal lines.
Then the analyst scenario (analyst.py): submissions at 16 connections alone and while an analyst
corrects a finished analysis of ~7,000 answers, with both p99s.
With --soak SECONDS it then submits at 64 connections that long and prints VmRSS every 30 s.
"""

import argparse
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid

import analyst

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))
BENCH_LINE = re.compile(r"BENCH (.*)")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run (default 5)")
    parser.add_argument("--connections", default="1,16,64,256", help="connection counts (default 1,16,64,256)")
    parser.add_argument("--threads", type=int, default=4, help="HTTP threads of both servers (default 4, serve's default)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--soak", type=int, default=0,
                        help="after the runs, submit at 64 connections for this many seconds and print VmRSS every 30 s (default 0: no soak)")
    parser.add_argument("--analyst-answers", type=int, default=7000,
                        help="answers in the analyst scenario's meeting (default 7000; 0 skips the scenario)")
    parser.add_argument("--binary", default=os.environ.get("BORGERDIALOG_BIN", os.path.join(REPOSITORY, ".build/release/borgerdialog")))
    arguments = parser.parse_args()
    arguments.connections = [int(count) for count in arguments.connections.split(",")]
    return arguments


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"bench: {process.args[0]} exited with {process.returncode} while starting")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.05)
    sys.exit(f"bench: {url} did not answer")


def memory_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class MemorySampler:
    """Samples VmRSS of `pid` every 200 ms while a wrk run goes on; keeps the highest."""

    def __init__(self, pid):
        self.pid = pid
        self.highest = 0
        self.samples = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stopped.wait(0.2):
            self.samples.append((time.monotonic(), memory_kib(self.pid, "VmRSS")))
            self.highest = max(self.highest, self.samples[-1][1])

    def stop(self):
        self.stopped.set()
        self.thread.join()
        return self.highest


def run_wrk(arguments, url, connections, script=None, script_arguments=(), duration=None):
    command = ["wrk", "-t", str(min(arguments.wrk_threads, connections)), "-c", str(connections),
               "-d", f"{duration or arguments.duration}s", "--timeout", "5s", "-s", script or os.path.join(HERE, "report.lua"), url]
    if script_arguments:
        command += ["--", *script_arguments]
    environment = dict(os.environ, BENCH_REPORT_LUA=os.path.join(HERE, "report.lua"))
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=environment).stdout
    match = BENCH_LINE.search(output)
    if not match:
        sys.exit(f"bench: wrk printed no figures:\n{output}")
    figures = dict(pair.split("=") for pair in match.group(1).split())
    figures = {key: int(value) for key, value in figures.items()}
    figures["rate"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["errors"] = sum(figures[key] for key in ("connect", "read", "write", "timeout"))
    return figures


def compile_raw_peer(work):
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libmicrohttpd"], capture_output=True, text=True, check=True).stdout.split()
    executable = os.path.join(work, "raw_peer")
    subprocess.run(["gcc", "-O2", "-o", executable, os.path.join(HERE, "raw_peer.c"), *flags], check=True)
    return executable


def measure_raw(arguments, work):
    port = free_port()
    peer = subprocess.Popen([compile_raw_peer(work), str(port), str(arguments.threads)], stdout=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/", peer)
        results = {}
        for connections in arguments.connections:
            results[connections] = run_wrk(arguments, f"http://127.0.0.1:{port}/", connections)
            print(f"  raw     {connections:>4} connections: {results[connections]['rate']:>9.0f} req/s", flush=True)
        return results
    finally:
        peer.terminate()
        peer.wait()


def measure_service(arguments, work):
    data = os.path.join(work, "data")
    forms = os.path.join(REPOSITORY, "Forms")
    code = subprocess.run([arguments.binary, "sessions", "create", "--data", data, "--forms", forms,
                           "--form", "quick-poll", "--title", "Benchmark"], capture_output=True, text=True, check=True).stdout.strip()
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "ab")
    server = subprocess.Popen([arguments.binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data,
                               "--forms", forms, "--static", os.path.join(REPOSITORY, "Static"), "--no-demo",
                               "--threads", str(arguments.threads), "--log-level", "warning"], stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    results = {}
    memory = {}
    submitted = {"acknowledged": 0, "in_flight_bound": 0}
    try:
        wait_for(f"{base}/healthz", server)
        time.sleep(1)
        memory["idle"] = memory_kib(server.pid, "VmRSS")
        nonce = uuid.uuid4().hex[:12]
        targets = [
            ("form", f"{base}/api/sessions/{code}/form", None),
            ("tablet", f"{base}/s/{code}", None),
            ("submit", f"{base}/api/sessions/{code}/responses", os.path.join(HERE, "submit.lua")),
        ]
        under_load = 0
        for name, url, script in targets:
            results[name] = {}
            for connections in arguments.connections:
                sampler = MemorySampler(server.pid)
                script_arguments = (code, f"{nonce}-c{connections}") if script else ()
                figures = run_wrk(arguments, url, connections, script, script_arguments)
                under_load = max(under_load, sampler.stop())
                results[name][connections] = figures
                if name == "submit":
                    submitted["acknowledged"] += figures["requests"] - figures["non2xx"]
                    submitted["in_flight_bound"] += connections
                print(f"  {name:<7} {connections:>4} connections: {figures['rate']:>9.0f} req/s"
                      f" ({figures['non2xx']} non-2xx, {figures['errors']} socket errors)", flush=True)
        memory["load"] = under_load
        if arguments.analyst_answers:
            results_analyst = analyst.measure(arguments, run_wrk, arguments.binary, data, base, code)
            submitted["acknowledged"] += results_analyst["submitted"] + results_analyst["stored"]
            submitted["in_flight_bound"] += 32
            memory["analyst"] = results_analyst
        if arguments.soak:
            memory["soak"] = soak(arguments, server.pid, f"{base}/api/sessions/{code}/responses", code, nonce, submitted)
        memory["after"] = memory_kib(server.pid, "VmRSS")
        memory["peak"] = memory_kib(server.pid, "VmHWM")
    finally:
        server.terminate()
        server.wait()
        log.close()
    connection = sqlite3.connect(os.path.join(data, "borgerdialog.sqlite"))
    submitted["stored"] = connection.execute("SELECT COUNT(*) FROM response").fetchone()[0]
    connection.close()
    return results, memory, submitted


def soak(arguments, pid, url, code, nonce, submitted):
    """Durable submissions at 64 connections for `arguments.soak` seconds; VmRSS every 30 s."""
    print(f"  soak: {arguments.soak} s of submissions at 64 connections", flush=True)
    sampler = MemorySampler(pid)
    started = time.monotonic()
    figures = run_wrk(arguments, url, 64, os.path.join(HERE, "submit.lua"), (code, f"{nonce}-soak"), arguments.soak)
    sampler.stop()
    submitted["acknowledged"] += figures["requests"] - figures["non2xx"]
    submitted["in_flight_bound"] += 64
    series = []
    for moment, kib in sampler.samples:
        if not series or moment - started >= 30 * len(series):
            series.append(kib)
    print(f"  soak: {figures['rate']:.0f} req/s, p99 {figures['p99_us'] / 1000:.2f} ms, {figures['non2xx']} non-2xx", flush=True)
    return series


def milliseconds(microseconds):
    return f"{microseconds / 1000:.2f}"


def print_table(arguments, raw, service):
    print()
    print(f"{'target':<8}{'conns':>6}{'req/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'rate/raw':>10}{'p99/raw':>9}")
    for name, results in [("raw", raw)] + list(service.items()):
        for connections in arguments.connections:
            figures = results[connections]
            base = raw[connections]
            print(f"{name:<8}{connections:>6}{figures['rate']:>11.0f}{milliseconds(figures['p50_us']):>9}"
                  f"{milliseconds(figures['p99_us']):>9}{figures['rate'] / base['rate']:>10.2f}"
                  f"{figures['p99_us'] / max(base['p99_us'], 1):>9.1f}")


def main():
    arguments = parse_arguments()
    for tool in ("wrk", "gcc", "pkg-config"):
        if shutil.which(tool) is None:
            sys.exit(f"bench: {tool} is missing (apt-get install wrk gcc pkg-config libmicrohttpd-dev)")
    if not os.access(arguments.binary, os.X_OK):
        sys.exit(f"bench: no binary at {arguments.binary} (set BORGERDIALOG_BIN)")
    work = tempfile.mkdtemp(prefix="borgerdialog-bench-http-")
    try:
        print(f"bench-http: {arguments.duration} s per run, connections {arguments.connections}, "
              f"{arguments.threads} server threads, wrk -t{arguments.wrk_threads}, {os.cpu_count()} cores, loopback", flush=True)
        raw = measure_raw(arguments, work)
        service, memory, submitted = measure_service(arguments, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print_table(arguments, raw, service)
    print()
    if "analyst" in memory:
        analyst.report(memory["analyst"])
        print()
    print(f"memory (VmRSS): idle {memory['idle'] / 1024:.1f} MiB, highest under load {memory['load'] / 1024:.1f} MiB, "
          f"after load {memory['after'] / 1024:.1f} MiB, peak (VmHWM) {memory['peak'] / 1024:.1f} MiB")
    if "soak" in memory:
        series = memory["soak"]
        print(f"soak VmRSS every 30 s (MiB): {' '.join(f'{kib / 1024:.1f}' for kib in series)}; "
              f"growth over the second half {(series[-1] - series[(len(series) - 1) // 2]) / 1024:+.1f} MiB")
    # wrk counts only responses it received before its clock ran out; requests still in flight
    # at that moment may have been stored (and acknowledged to nobody), so stored may exceed the
    # 201s by at most one per connection and run, never fall short.
    extra = submitted["stored"] - submitted["acknowledged"]
    sound = 0 <= extra <= submitted["in_flight_bound"]
    print(f"submissions: {submitted['acknowledged']} acknowledged (201) by wrk, {submitted['stored']} stored "
          f"({extra:+d}, allowed 0..{submitted['in_flight_bound']} in flight at the end of runs): "
          f"{'OK' if sound else 'MISMATCH'}")

    print()
    at = 64 if 64 in arguments.connections else arguments.connections[-1]
    ratio = service["submit"][at]["rate"] / raw[at]["rate"]
    best = max(service["submit"][c]["rate"] / raw[c]["rate"] for c in arguments.connections)
    p99 = service["submit"][at]["p99_us"] / 1000
    print(f"goal: durable submissions >= 1/2 raw rate at {at} connections: {ratio:.2f} "
          f"(best {best:.2f}) -> {'MET' if ratio >= 0.5 else 'NOT MET'}")
    for name in service:
        p99 = service[name][at]["p99_us"] / 1000
        print(f"goal: p99 < 10 ms at {at} connections, {name}: {p99:.2f} ms -> {'MET' if p99 < 10 else 'NOT MET'}")
    if not sound:
        sys.exit(1)


if __name__ == "__main__":
    main()
