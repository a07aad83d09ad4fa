"""How long building a realistic 10-question form takes through the form builder, as a script
(not a test: speed is measured, never asserted). Run after `swift build`:

    BORGERDIALOG_BINARY=.build/debug/borgerdialog python3 Tests/Browser/form_studio_timing.py

It starts the real binary on a fresh data folder, logs in as a facilitator in Debian's Chromium,
builds the form by the page's own buttons and fields (both languages, two themes, one condition,
a background question), waits for the preview to show the last question, publishes, and prints the
time of each step and the number of actions (clicks and fields filled) it took. With
BORGERDIALOG_SCREENSHOTS naming a folder it also keeps the built form and the published one there."""
import os
import pathlib
import shutil
import sys
import tempfile
import time

from playwright.sync_api import expect, sync_playwright

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from conftest import BINARY, CHROMIUM  # noqa: E402
from form_studio import add_question, check, create_form, fill_text, set_options, wait_saved  # noqa: E402
from test_staff import PASSWORD, StaffService  # noqa: E402

QUESTIONS = [
    ("single_choice", "Hvor gammel er du?", "How old are you?",
     [("Under 65", "Under 65"), ("65–74", "65–74"), ("75–84", "75–84"), ("85 eller ældre", "85 or older")]),
    ("single_choice", "Hvor i kommunen bor du?", "Where in the municipality do you live?",
     [("Sæby", "Sæby"), ("Skagen", "Skagen"), ("Frederikshavn", "Frederikshavn")]),
    ("yes_no", "Bor du alene?", "Do you live alone?", None),
    ("text", "Hvad ville gøre hverdagen lettere for dig?", "What would make everyday life easier for you?", None),
    ("scale", "Hvor tilfreds er du med hjælpen fra kommunen?", "How satisfied are you with the municipality's help?", None),
    ("multiple_choice", "Hvad deltager du i?", "What do you take part in?",
     [("Motion", "Exercise"), ("Foreningsliv", "Clubs"), ("Frivilligt arbejde", "Volunteering"), ("Kultur", "Culture")]),
    ("number", "Hvor mange timer om ugen er du sammen med andre?", "How many hours a week do you spend with others?", None),
    ("ranking", "Sæt temaerne i rækkefølge.", "Put the themes in order.", None),
    ("points", "Fordel 10 point mellem temaerne.", "Share 10 points among the themes.", None),
]


def main():
    assert BINARY.exists(), f"build first: {BINARY} is missing"
    service = StaffService(pathlib.Path(tempfile.mkdtemp(prefix="borgerdialog-timing-")))
    service.start()
    steps = []
    actions = 0
    try:
        email = service.add_user("mødeleder@kommune.dk", "facilitator")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(service.base_url + "/login?next=/staff/forms")
            page.fill("#email", email)
            page.fill("#password", PASSWORD)
            page.click("#login-button")
            expect(page.locator("#forms")).to_be_visible()
            started = time.monotonic()
            mark = started

            def step(name, count):
                nonlocal mark, actions
                now = time.monotonic()
                steps.append((name, now - mark, count))
                actions += count
                mark = now

            create_form(page, service.base_url, "Dialogmøde om ældrepolitikken")
            fill_text(page, "$.title", "Dialogmøde om ældrepolitikken", "Dialogue on the policy for older people")
            step("create the form, English title", 3)
            for index, (danish, english) in enumerate([("Det gode ældreliv", "A good life in old age"), ("Sundhed", "Health")]):
                page.click("#add-theme")
                fill_text(page, f"$.themes[{index}].name", danish, english)
                fill_text(page, f"$.themes[{index}].description", f"Om {danish.lower()}.", f"About {english.lower()}.")
            step("two themes", 10)
            for question_type, danish, english, options in QUESTIONS:
                index = add_question(page, question_type, danish, english)
                count = 3
                if options:
                    set_options(page, index, options)
                    count += 2 * len(options) + max(0, len(options) - 2)
                if danish.startswith("Hvor gammel"):
                    check(page, f"$.questions[{index}].background")
                    count += 1
                if danish.startswith("Hvad ville"):
                    card = page.locator("#question-list > li").nth(index)
                    card.get_by_label("Vis kun spørgsmålet", exact=False).check()
                    card.locator(".condition-values").get_by_label("Ja").check()
                    count += 2
                step(f"{question_type}: {danish}", count)
            wait_saved(page)
            expect(page.frame_locator("#preview-frame").locator("#form-title")).to_have_text("Dialogmøde om ældrepolitikken")
            step("saved, preview shows it", 0)
            shots = os.environ.get("BORGERDIALOG_SCREENSHOTS")
            if shots:  # to look at the builder as its user would (not timed: taken between steps)
                before = time.monotonic()
                page.screenshot(path=str(pathlib.Path(shots) / "studio-built.png"), full_page=True)
                spent = time.monotonic() - before
                started += spent
                mark += spent
            expect(page.locator("#publish")).to_have_attribute("aria-disabled", "false")
            page.click("#publish")
            expect(page.locator("#action-message")).to_contain_text("Version 1 er udgivet")
            step("publish", 1)
            if shots:
                page.screenshot(path=str(pathlib.Path(shots) / "studio-published.png"))
            total = time.monotonic() - started
            browser.close()
    finally:
        service.stop()
        shutil.rmtree(service.data, ignore_errors=True)
    for name, seconds, count in steps:
        print(f"{seconds:6.1f} s  {count:3d} actions  {name}")
    print(f"{total:6.1f} s  {actions:3d} actions  in all (10 questions, 2 themes, 1 condition, both languages)")


if __name__ == "__main__":
    main()
