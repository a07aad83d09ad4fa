"""Every question type renders on the tablet and its answer reaches the server in the right shape."""
import json
import pathlib

import pytest
from playwright.sync_api import expect

from answering import answer_whole_form, wait_for_thank_you
from conftest import REPOSITORY

ALL_TYPES = REPOSITORY / "Tests/FormsTests/Fixtures/valid"
SHIPPED_FORMS = sorted(path.stem for path in (REPOSITORY / "Forms").glob("*.json") if path.name != "form.schema.json")


def test_every_question_type_renders_and_submits(start_service, tablet):
    service = start_service(ALL_TYPES)
    code = service.create_session("all-types")
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")

    definition = json.loads((ALL_TYPES / "all-types.json").read_text(encoding="utf-8"))
    answerable = {q["type"] for q in definition["questions"] if q["type"] not in ("section", "info")}
    rendered = set(tablet.eval_on_selector_all("[data-question]", "nodes => nodes.map(n => n.dataset.type)"))
    assert rendered == answerable
    questions = definition["questions"]
    expected_pages = 1 + sum(1 for index, q in enumerate(questions) if q["type"] == "section" and index > 0)
    assert tablet.locator(".form-page").count() == expected_pages, "each later section starts a new page"
    assert tablet.locator("h2.section").count() >= 1 and tablet.locator("p.info").count() >= 1

    # A conditional question appears only when its condition holds.
    hours = tablet.locator('[data-question="volunteer-hours"]')
    assert not hours.is_visible()
    tablet.locator('[data-question="role"] label.choice', has_text="Frivillig").tap()
    assert hours.is_visible()
    hours.locator("input").fill("12")

    answer_whole_form(tablet, "Mere samarbejde", already_answered={"role", "volunteer-hours"})
    wait_for_thank_you(tablet)
    answers = service.export(code)["responses"][0]["answers"]
    assert answers["role"] == "volunteer"
    assert answers["volunteer-hours"] == 12
    assert isinstance(answers["activities"], list)
    assert isinstance(answers["satisfaction"], int)
    assert isinstance(answers["wants-more"], bool)
    assert len(answers["priorities"]) == len(definition["themes"])
    assert sum(answers["budget"].values()) == 10
    assert answers["comment"] == "Mere samarbejde"


@pytest.mark.parametrize("form", SHIPPED_FORMS)
def test_every_shipped_form_can_be_answered_on_a_tablet(start_service, browser, form):
    service = start_service()
    code = service.create_session(form)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{service.base_url}/s/{code}")
        page.wait_for_selector("#answers")
        answer_whole_form(page, "Et godt fællesskab for alle")
        wait_for_thank_you(page)
    finally:
        context.close()
    assert len(service.export(code)["responses"]) == 1


def test_language_switch_shows_english(service, tablet):
    code = service.create_session("quick-poll")
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    assert tablet.inner_text("h1") == "Hurtig afstemning"
    tablet.locator("#language").tap()
    expect(tablet.locator("h1")).to_have_text("Quick poll")
    assert tablet.evaluate("document.documentElement.lang") == "en"
