"""Makes the README's picture of the tablet form at 768×1024 (docs/images/tablet-768x1024.png).

Run it after a change to the tablet's look:
    BORGERDIALOG_BINARY=.build/debug/borgerdialog python3 Tests/Browser/readme_screenshot.py
It starts the real binary on a temporary data folder, exactly as the browser tests do."""
import pathlib
import shutil
import tempfile

from playwright.sync_api import sync_playwright

from conftest import CHROMIUM, REPOSITORY, Service

OUTPUT = REPOSITORY / "docs/images/tablet-768x1024.png"


def main():
    service = Service(pathlib.Path(tempfile.mkdtemp(prefix="borgerdialog-screenshot-")))
    service.start()
    try:
        code = service.create_session("frederikshavn-sammen-om", "Dialogmøde i Sæby")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
            page = browser.new_page(viewport={"width": 768, "height": 1024}, has_touch=True)
            page.goto(f"{service.base_url}/s/{code}")
            page.wait_for_selector("#answers")
            page.screenshot(path=str(OUTPUT))
            browser.close()
    finally:
        service.stop()
        shutil.rmtree(service.data, ignore_errors=True)
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
