"""Fixtures for the browser tests: the real binary on a real port with a real SQLite file, and
Debian's Chromium driven by Playwright (never `playwright install`: the browser comes from apt)."""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("BORGERDIALOG_BINARY", REPOSITORY / ".build/debug/borgerdialog"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    """One `borgerdialog serve` process over its own data folder."""

    def __init__(self, data: pathlib.Path, forms: pathlib.Path = REPOSITORY / "Forms"):
        self.data = data
        self.forms = str(forms)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def command(self, *arguments: str) -> str:
        result = subprocess.run([str(BINARY), *arguments], cwd=REPOSITORY, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"borgerdialog {' '.join(arguments)} failed: {result.stderr}"
        return result.stdout

    def create_session(self, form: str, title: str = "Test", kiosk_pin: str = None, tables: str = None,
                       idle_seconds: int = None) -> str:
        options = (["--kiosk-pin", kiosk_pin] if kiosk_pin else []) + (["--tables", tables] if tables else []) \
            + (["--idle-seconds", str(idle_seconds)] if idle_seconds else [])
        return self.command("sessions", "create", "--data", str(self.data), "--forms", self.forms,
                            "--form", form, "--title", title, *options).strip()

    def export(self, code: str) -> dict:
        return json.loads(self.command("export", "--data", str(self.data), "--session", code, "--format", "json"))

    def start(self):
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--port", str(self.port), "--data", str(self.data),
             "--forms", self.forms, "--static", "Static", "--no-demo"],
            cwd=REPOSITORY, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("borgerdialog serve did not come up")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            assert self.process.wait(timeout=20) == 0, "serve did not exit 0 on SIGTERM"

    def kill(self):
        """SIGKILL: no draining, no clean close; what a power cut does to the server."""
        self.process.kill()
        self.process.wait(timeout=20)

    def close_session(self, code: str):
        """Closes a session as of now, as a facilitator would from the command line.

        A running server sees a change made by another process within a second (it keeps each
        session read for up to a second); this waits until it does, and fails if it never does.
        """
        self.command("sessions", "close", "--data", str(self.data), "--session", code)
        deadline = time.monotonic() + 5
        while True:
            with urllib.request.urlopen(f"{self.base_url}/api/sessions/{code}/form", timeout=2) as response:
                if json.load(response)["session"]["status"] == "closed":
                    return
            assert time.monotonic() < deadline, "the server still shows the session open 5 s after the close"
            time.sleep(0.1)


@pytest.fixture()
def start_service():
    """Starts services on fresh data folders (optionally over another forms folder); stops them after."""
    assert BINARY.exists(), f"build first: {BINARY} is missing"
    started = []

    def start(forms: pathlib.Path = REPOSITORY / "Forms") -> Service:
        running = Service(pathlib.Path(tempfile.mkdtemp(prefix="borgerdialog-browser-")), forms)
        running.start()
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()
        shutil.rmtree(running.data, ignore_errors=True)


@pytest.fixture()
def service(start_service):
    return start_service()


@pytest.fixture(scope="session")
def playwright_driver():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
    yield chromium
    chromium.close()


@pytest.fixture()
def tablet(browser):
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    page = context.new_page()
    yield page
    context.close()
