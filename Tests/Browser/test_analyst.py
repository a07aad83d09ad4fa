"""The analyst pages in real Chromium against the real binary: log in, run the theme analysis over two
dialogue meetings, rename a theme, let more citizens answer, run again, and find the rename kept and
listed; search the answers for "bus", make a theme of the search and find a new bus answer in it after
a re-run; each theme split into what works and what should change; and citizen text that looks like
markup or script stays text on the results page and in the report."""
import os
import pathlib
import re
import shutil
import tempfile

import pytest
from playwright.sync_api import expect

from accessibility import assert_accessible
from analyst_helpers import (FIRST_ANSWERS, FORM, INJECTIONS, MORE_ANSWERS, AnalystService, log_in, post_answers,
                             post_injections, start_run, wait_for_results)
from conftest import BINARY

ANALYST = "analytiker@frederikshavn.dk"
NEW_LABEL = "Ensomhed & fællesspisning <blandt ældre>"
FIND_INJECTED = "[id^='injected'], img[src='x'], iframe, a[href^='javascript'], script:not([src])"


@pytest.fixture()
def analyst_service():
    assert BINARY.exists(), f"build first: {BINARY} is missing"
    running = AnalystService(pathlib.Path(tempfile.mkdtemp(prefix="borgerdialog-analyst-")))
    running.start()
    running.add_user(ANALYST)
    yield running
    running.stop()
    shutil.rmtree(running.data, ignore_errors=True)


@pytest.fixture()
def laptop(browser):
    """The analyst's laptop; collects script errors, CSP refusals and any dialog a payload might open."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.dialogs = []
    # A 401 from /api/me on the login page is expected and logged by Chromium as a failed resource.
    page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
            and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def answer_count(page) -> int:
    return int(re.sub(r"\D", "", page.locator("#answer-count").text_content()))


def theme_item(page, key: str):
    return page.locator(f"#themes li.theme[data-theme-key='{key}']")


def open_every_theme(page):
    for toggle in page.locator("button.toggle-answers").all():
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")


def test_a_renamed_theme_keeps_its_name_when_the_analysis_reruns_with_new_answers(analyst_service, laptop):
    saeby = analyst_service.create_session(FORM, "Dialogmøde i Sæby Kulturhus")
    skagen = analyst_service.create_session(FORM, "Dialogmøde i Skagen")
    post_answers(analyst_service, saeby, FIRST_ANSWERS[:18])
    post_answers(analyst_service, skagen, FIRST_ANSWERS[18:], start=18)

    log_in(laptop, analyst_service, ANALYST)
    assert_accessible(laptop, "analyst start page")
    start_run(laptop, analyst_service, [saeby, skagen])
    first_run = laptop.url
    wait_for_results(laptop)
    first_count = answer_count(laptop)
    assert first_count >= len(FIRST_ANSWERS), "both meetings' free text is analysed"
    expect(laptop.locator("#by-session th[scope='col']")).to_have_count(3)  # theme + two meetings

    theme = laptop.locator("#themes li.theme[data-kind='guided']").first
    key = theme.get_attribute("data-theme-key")
    old_label = theme.locator(".theme-label").text_content()
    theme.locator("button.toggle-answers").click()
    expect(theme.locator(".theme-panel li.answer").first).to_be_visible()
    theme.locator("button.rename").click()
    name = theme.locator(".rename-input")
    expect(name).to_be_focused()
    assert_accessible(laptop, "results with a theme open and its rename form")
    name.fill(NEW_LABEL)
    name.press("Enter")
    expect(theme_item(laptop, key).locator(".theme-label")).to_have_text(NEW_LABEL)
    expect(laptop.locator("#decision-status")).to_be_visible()
    renamed = laptop.locator("#decisions li[data-kind='rename']")
    expect(renamed).to_have_count(1)
    expect(renamed).to_have_attribute("data-applied", "true")

    post_answers(analyst_service, saeby, MORE_ANSWERS, start=100)
    laptop.click("#rerun")
    expect(laptop).not_to_have_url(first_run)
    expect(laptop).to_have_url(re.compile(r"/analyst/runs/[^/]+$"))
    wait_for_results(laptop)

    assert answer_count(laptop) > first_count, "the re-run includes the new answers"
    expect(theme_item(laptop, key).locator(".theme-label")).to_have_text(NEW_LABEL)
    labels = laptop.locator("#themes .theme-label").all_text_contents()
    assert old_label not in labels, "the re-run brought the machine's name back"
    kept = laptop.locator("#decisions li[data-kind='rename']")
    expect(kept).to_have_count(1)
    expect(kept).to_have_attribute("data-applied", "true")

    # Stored, not just drawn: a fresh load of the new run shows the same.
    laptop.reload()
    wait_for_results(laptop)
    expect(theme_item(laptop, key).locator(".theme-label")).to_have_text(NEW_LABEL)
    expect(laptop.locator("#decisions li[data-kind='rename']")).to_have_count(1)
    # The earlier runs are listed on the start page.
    laptop.goto(analyst_service.base_url + "/analyst")
    expect(laptop.locator("#runs li")).to_have_count(2)
    assert laptop.problems == [], laptop.problems
    assert laptop.dialogs == []


# Answers about the bus in three policy themes, and one more that arrives after the first run.
BUS_ANSWERS = [
    ("aeldreliv", "Fællesspisningen i forsamlingshuset er god.", "Bussen til aktivitetscentret kører for sjældent."),
    ("boern-unge-familie", "Skolen har gode lærere.", "De unge mangler en bus hjem om aftenen."),
    ("vaekst-groen-omstilling", "Naturen ved kysten er flot.", "Flere busser på el mellem landsbyerne."),
]
NEW_BUS_ANSWER = ("aeldreliv", "Hjemmeplejen er venlig.", "Busstoppestedet ved plejehjemmet mangler en bænk.")
BUS_THEME = "Transport med bus"


def mentions_bus(answers: list) -> list:
    """The texts a search for "bus" finds: words that are or begin with bus (bussen, busforbindelser)."""
    return [text for _, works, change in answers for text in (works, change) if re.search(r"\bbus", text, re.IGNORECASE)]


def screenshot(page, name: str):
    """Kept when BORGERDIALOG_SCREENSHOTS names a folder (to look at the pages as an analyst would)."""
    folder = os.environ.get("BORGERDIALOG_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(pathlib.Path(folder) / f"{name}.png"), full_page=True)


def test_a_theme_made_of_a_search_keeps_its_answers_and_gathers_new_ones_when_the_analysis_reruns(analyst_service, laptop):
    code = analyst_service.create_session(FORM, "Dialogmøde i Sæby Kulturhus")
    first_answers = FIRST_ANSWERS[:12] + BUS_ANSWERS
    post_answers(analyst_service, code, first_answers)
    log_in(laptop, analyst_service, ANALYST)
    start_run(laptop, analyst_service, [code])
    wait_for_results(laptop)
    expect(laptop.locator("#run-facts")).to_contain_text("Læsning af svarene")

    # Each policy theme is split into what works and what should change, with quotes of each side.
    guided = laptop.locator("#themes li.theme[data-kind='guided']").first
    expect(guided.locator(".purpose-split [data-purpose='works']")).to_contain_text("Det virker")
    expect(guided.locator(".purpose-split [data-purpose='change']")).to_contain_text("Det skal ændres")
    guided.locator("button.toggle-answers").click()
    expect(guided.locator(".purpose-side[data-purpose='works'] blockquote").first).to_be_visible()
    expect(guided.locator(".purpose-side[data-purpose='change'] blockquote").first).to_be_visible()
    expect(guided.locator("li.answer .purpose-tag").first).to_be_visible()

    expected = mentions_bus(first_answers)
    laptop.fill("#search-query", "bus")
    laptop.press("#search-query", "Enter")
    found = laptop.locator("#search-list li.answer")
    expect(found).to_have_count(len(expected))
    assert sorted(text.strip() for text in found.locator(".answer-text").all_text_contents()) == sorted(expected)
    expect(laptop.locator("#search-list .search-pick:not(:checked)")).to_have_count(0)
    expect(laptop.locator("#search-list mark").first).to_be_visible()
    expect(laptop.locator("#search-scope")).to_contain_text("bus")
    assert_accessible(laptop, "search results with every answer ticked")
    screenshot(laptop, "search")

    laptop.fill("#search-name", BUS_THEME)
    laptop.click("#search-theme-from")
    made = laptop.locator("#themes li.theme[data-kind='analyst']").filter(has=laptop.locator(".theme-label", has_text=BUS_THEME))
    expect(made).to_have_count(1)
    expect(made.locator(".theme-size")).to_have_text(f"{len(expected)} svar")
    expect(made.locator(".theme-label")).to_be_focused()
    decision = laptop.locator("#decisions li[data-kind='themeFromSearch']")
    expect(decision).to_have_count(1)
    expect(decision).to_contain_text("bus")
    expect(decision).to_have_attribute("data-applied", "true")
    screenshot(laptop, "theme-made")

    post_answers(analyst_service, code, [NEW_BUS_ANSWER], start=200)
    first_run = laptop.url
    laptop.click("#rerun")
    expect(laptop).not_to_have_url(first_run)
    wait_for_results(laptop)
    kept = laptop.locator("#themes li.theme[data-kind='analyst']").filter(has=laptop.locator(".theme-label", has_text=BUS_THEME))
    expect(kept).to_have_count(1)
    expect(kept.locator(".theme-size")).to_have_text(f"{len(expected) + 1} svar")
    kept.locator("button.toggle-answers").click()
    texts = kept.locator("li.answer .answer-text")
    expect(texts).to_have_count(len(expected) + 1)
    assert NEW_BUS_ANSWER[2] in [text.strip() for text in texts.all_text_contents()], "the new bus answer joined the theme"
    expect(laptop.locator("#decisions li[data-kind='themeFromSearch']")).to_have_attribute("data-applied", "true")
    screenshot(laptop, "rerun")
    assert laptop.problems == [], laptop.problems
    assert laptop.dialogs == []


def test_ticked_answers_move_together_to_another_theme(analyst_service, laptop):
    code = analyst_service.create_session(FORM, "Dialogmøde i Skagen")
    post_answers(analyst_service, code, FIRST_ANSWERS[:12] + BUS_ANSWERS)
    log_in(laptop, analyst_service, ANALYST)
    start_run(laptop, analyst_service, [code])
    wait_for_results(laptop)
    laptop.fill("#search-query", "bus")
    laptop.click("#search-button")
    expect(laptop.locator("#search-list li.answer").first).to_be_visible()
    total = laptop.locator("#search-list li.answer").count()
    left_out = laptop.locator("#search-list li.answer").first
    left_out_id = left_out.get_attribute("data-answer")
    left_out_themes = left_out.locator(".answer-theme").all_text_contents()
    left_out.locator(".search-pick").uncheck()
    expect(laptop.locator("#search-scope")).to_contain_text(f"{total - 1} svar valgt")
    target = laptop.locator("#search-move-to option").nth(1)
    key, label = target.get_attribute("value"), target.text_content()
    laptop.select_option("#search-move-to", key)
    laptop.click("#search-move")
    decision = laptop.locator("#decisions li[data-kind='moveAnswers']")
    expect(decision).to_have_count(1)
    expect(decision).to_contain_text(f"Flyttede {total - 1} svar til")
    for answer in laptop.locator("#search-list li.answer").all():
        if answer.get_attribute("data-answer") == left_out_id:
            assert answer.locator(".answer-theme").all_text_contents() == left_out_themes, "the unticked answer stays"
        else:
            expect(answer.locator(".answer-theme")).to_have_text([label])
    assert laptop.problems == [], laptop.problems


def analyse_answers_with_payloads(service, page):
    """Ordinary answers and script payloads in one meeting, analysed; the page shows the results."""
    code = service.create_session(FORM, "Dialogmøde i Frederikshavn")
    post_answers(service, code, FIRST_ANSWERS[:12])
    post_injections(service, code)
    log_in(page, service, ANALYST)
    start_run(page, service, [code])
    wait_for_results(page)


def test_script_in_answers_stays_text_on_the_results_page(analyst_service, laptop):
    analyse_answers_with_payloads(analyst_service, laptop)
    open_every_theme(laptop)
    laptop.locator("#themes").hover()
    for answer in laptop.locator("li.answer").all()[:60]:
        answer.hover()

    assert laptop.dialogs == [], f"a payload ran: {laptop.dialogs}"
    assert laptop.evaluate("window.__injected") is None
    assert laptop.locator(FIND_INJECTED).count() == 0, "a payload became markup"
    for payload in INJECTIONS[:4]:
        expect(laptop.get_by_text(payload).first).to_be_attached()
    assert laptop.problems == [], laptop.problems


def test_script_in_answers_stays_text_in_the_html_report(analyst_service, laptop):
    analyse_answers_with_payloads(analyst_service, laptop)
    address = laptop.locator("a.export[data-format='html']").get_attribute("href")
    response = laptop.request.get(analyst_service.base_url + address)
    assert response.status == 200
    assert "attachment" in response.headers.get("content-disposition", "")
    # Opened as a plain document without our CSP, so escaping alone has to keep the payloads inert.
    report = laptop.context.new_page()
    report.on("dialog", lambda dialog: (laptop.dialogs.append(dialog.message), dialog.dismiss()))
    report.set_content(response.text())
    report.wait_for_timeout(500)  # lets an onerror or onload fire if one got through
    assert laptop.dialogs == [], f"a payload ran in the report: {laptop.dialogs}"
    assert report.evaluate("window.__injected") is None
    assert report.locator(FIND_INJECTED).count() == 0, "a payload became markup in the report"
    # Every payload names "injected"; the report quotes answers, so at least one shows, as text.
    assert "injected" in report.inner_text("body"), "the report shows none of the answers"
