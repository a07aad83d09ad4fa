"""WCAG 2.1 AA in every state a tablet can be in (axe-core, zero serious or critical violations),
touch targets of at least 44 px in portrait and landscape, nothing that needs hover, and no request
to anyone but our own server."""
import pathlib
import re

import pytest
from playwright.sync_api import expect

from accessibility import assert_accessible
from answering import answer_question, answer_whole_form, wait_for_thank_you
from conftest import REPOSITORY

ALL_TYPES = REPOSITORY / "Tests/FormsTests/Fixtures/valid"
VIEWPORTS = [(768, 1024), (1024, 768), (1280, 800), (800, 1280)]


def test_every_page_state_passes_axe(start_service, browser):
    service = start_service(ALL_TYPES)
    code = service.create_session("all-types", kiosk_pin="2468")
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(service.base_url + "/")
        assert_accessible(page, "start page")
        page.locator("#join button[type=submit]").tap()
        expect(page.locator("#join-error")).to_be_visible()
        assert_accessible(page, "start page with an error")

        page.goto(f"{service.base_url}/s/{code}")
        page.wait_for_selector("#answers")
        assert_accessible(page, "first page of the form")
        page.locator("#submit").tap()
        expect(page.locator("#form-errors")).to_be_visible()
        assert_accessible(page, "required questions not answered")
        # The error is tied to its field: the message is in the inputs' description.
        role = page.locator('[data-question="role"]')
        error_id = role.locator(".field-error").get_attribute("id")
        assert error_id in role.locator("input").first.get_attribute("aria-describedby")
        expect(role.locator("input").first).to_have_attribute("aria-invalid", "true")
        expect(role.locator("input").first).to_be_focused()
        page.locator("fieldset.contact label.choice").first.tap()
        expect(page.locator(".contact-fields")).to_be_visible()
        assert_accessible(page, "contact block open")

        page.locator("#language").tap()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert_accessible(page, "the form in English")
        page.locator("#language").tap()
        expect(page.locator("html")).to_have_attribute("lang", "da")

        page.locator("#facilitator").tap()
        assert_accessible(page, "PIN dialog")
        page.get_by_label("Mødelederens PIN-kode").fill("1111")
        page.keyboard.press("Enter")
        expect(page.locator("#kiosk-pin-error")).to_be_visible()
        assert_accessible(page, "PIN dialog with a wrong PIN")
        page.get_by_label("Mødelederens PIN-kode").fill("2468")
        page.keyboard.press("Enter")
        page.wait_for_selector("#resume-kiosk")
        assert_accessible(page, "facilitator panel")
        page.locator("#resume-kiosk").tap()
        page.wait_for_selector("#answers")

        answer_whole_form(page, "Et svar")
        wait_for_thank_you(page)
        assert_accessible(page, "thank-you")
        page.locator("#start-next").tap()
        page.wait_for_selector("#answers")

        context.set_offline(True)
        answer_whole_form(page, "Et svar uden net")
        wait_for_thank_you(page)
        expect(page.locator("#pending")).to_have_text(re.compile("1 svar venter"))
        assert_accessible(page, "thank-you, saved on the tablet, one answer waiting")
        context.set_offline(False)
        expect(page.locator("#pending")).to_have_text("", timeout=20000)

        service.close_session(code)
        page.goto(f"{service.base_url}/s/{code}")
        page.wait_for_selector(".notice")
        assert_accessible(page, "closed session")
        page.goto(f"{service.base_url}/s/NOSUCH")
        page.wait_for_selector(".notice")
        assert_accessible(page, "unknown code")
    finally:
        context.close()


def test_every_page_of_a_long_form_passes_axe(service, tablet):
    code = service.create_session("helsingoer-frivillighed")
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    pages = tablet.locator(".form-page").count()
    assert pages > 2
    for number in range(pages):
        expect(tablet.locator(f'.form-page[data-page="{number}"]')).to_be_visible()
        for question in tablet.locator(".form-page:not([hidden]) [data-question]:visible").all():
            answer_question(question, "Mere liv i byen", {})
        assert_accessible(tablet, f"page {number + 1} of {pages}")
        if number < pages - 1:
            tablet.locator("#next").tap()
            # Moving on puts focus at the top of the new page for screen readers.
            expect(tablet.locator(f'.form-page[data-page="{number + 1}"] h2.section')).to_be_focused()


def test_the_idle_warning_passes_axe(service, tablet):
    code = service.create_session("quick-poll")
    tablet.clock.install()
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    tablet.locator('[data-question="meeting-rating"] label.choice').first.tap()
    tablet.clock.run_for(80_000)
    expect(tablet.locator("#idle-warning")).to_be_visible()
    assert_accessible(tablet, "idle warning")


INTERACTIVE = "button, a[href], label.choice, input[type=text], input[type=number], input[type=email], input[type=password], textarea"


@pytest.mark.parametrize("width,height", VIEWPORTS)
def test_touch_targets_and_layout_in_portrait_and_landscape(start_service, browser, width, height):
    service = start_service(ALL_TYPES)
    code = service.create_session("all-types")
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{service.base_url}/s/{code}")
        page.wait_for_selector("#answers")
        # Every page of the form at once (conditional questions too), so every control is measured.
        page.evaluate("""() => document.querySelectorAll('.form-page, [data-question], .contact-fields, #submit')
                           .forEach((node) => node.removeAttribute('hidden'))""")
        small = page.eval_on_selector_all(INTERACTIVE, """(nodes) => nodes
            .filter((node) => node.getClientRects().length > 0)
            .map((node) => ({ node: node.outerHTML.slice(0, 80), box: node.getBoundingClientRect() }))
            .filter(({ box }) => box.width < 44 || box.height < 44)""")
        assert small == [], f"targets under 44 px at {width}x{height}: {small}"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways at {width}x{height}"
        expect(page.locator("#language")).to_be_in_viewport()
        expect(page.locator("#facilitator")).to_be_in_viewport()
    finally:
        context.close()


def test_nothing_depends_on_hover():
    for stylesheet in (REPOSITORY / "Static").rglob("*.css"):
        if "staff" in stylesheet.parts:
            continue
        text = stylesheet.read_text(encoding="utf-8")
        assert ":hover" not in text and "(hover" not in text, f"{stylesheet} styles hover"
    for script in (REPOSITORY / "Static/js").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"mouseover|mouseenter|mouseleave", text), f"{script} listens for hover"


def test_no_request_leaves_our_server(service, tablet):
    code = service.create_session("quick-poll")
    requested = []
    tablet.context.on("request", lambda request: requested.append(request.url))
    tablet.goto(service.base_url + "/")
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    tablet.locator("#language").tap()
    answer_whole_form(tablet, "Lokalt")
    wait_for_thank_you(tablet)
    foreign = [url for url in requested if not url.startswith(service.base_url + "/")]
    assert requested and foreign == []
