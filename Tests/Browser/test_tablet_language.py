"""Danish end to end, English when asked, in real Chromium: problems at their fields in the tablet's
language (the tablet's own and the server's), a language switch that keeps answers and page, the
progress line, the title on the first page only, a one-row header with answers waiting, the back
gesture kept inside the kiosk, and the consent box in line with the other choices."""
import re

import pytest
from playwright.sync_api import expect

from accessibility import assert_accessible
from answering import answer_whole_form, open_session, wait_for_thank_you

FORM = "helsingoer-frivillighed"  # five pages, a contact block on the last
TEXTS = {
    "da": {"emailInvalid": "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
           "consentMissing": "Sæt kryds ved samtykket for at give dine kontaktoplysninger."},
    "en": {"emailInvalid": "Write a valid e-mail address, e.g. name@example.com.",
           "consentMissing": "Tick the consent box to leave your contact details."},
}
# Words that give the other language away in a problem text.
GIVE_AWAY = {"da": re.compile(r"\b(the|answer|answers|please|write|tick|must|problem)\b", re.I),
             "en": re.compile(r"\b(skriv|svar|sæt|kryds|samtykke|ret|skal|af)\b", re.I)}


def to_last_page(tablet):
    while tablet.locator("#next").is_visible():
        tablet.locator("#next").tap()


def contact_field(tablet, member):
    return tablet.locator(f'[data-contact-field="{member}"]')


def fill_wrong_contact(tablet):
    tablet.locator("fieldset.contact > label.choice").tap()
    contact_field(tablet, "name").locator("input").fill("Anna Sørensen")
    contact_field(tablet, "email").locator("input").fill("anna@gmail")


def assert_problems_at_the_contact_fields(tablet, language):
    email, consent = contact_field(tablet, "email"), contact_field(tablet, "consent")
    expect(email.locator(".field-error")).to_have_text(TEXTS[language]["emailInvalid"])
    expect(consent.locator(".field-error")).to_have_text(TEXTS[language]["consentMissing"])
    expect(email.locator("input")).to_have_attribute("aria-invalid", "true")
    expect(consent.locator("input")).to_have_attribute("aria-invalid", "true")
    # The message is the field's description, and the first problem has the focus.
    error_id = email.locator(".field-error").get_attribute("id")
    assert error_id in email.locator("input").get_attribute("aria-describedby")
    expect(email.locator("input")).to_be_focused()
    expect(contact_field(tablet, "name").locator(".field-error")).to_be_hidden()
    shown = [text for text in tablet.locator(".field-error:visible").all_inner_texts() if text.strip()]
    assert len(shown) == 3, f"two fields and the summary: {shown}"
    for text in shown:
        assert not GIVE_AWAY[language].search(text), f"“{text}” is not {language}"


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_wrong_address_and_no_consent_are_two_messages_at_their_fields(service, tablet, language):
    code = service.create_session(FORM)
    open_session(tablet, service.base_url, code)
    if language == "en":
        tablet.locator("#language").tap()
        expect(tablet.locator("html")).to_have_attribute("lang", "en")
    to_last_page(tablet)
    fill_wrong_contact(tablet)
    tablet.locator("#submit").tap()
    assert_problems_at_the_contact_fields(tablet, language)
    assert_accessible(tablet, f"contact problems ({language})")
    assert service.export(code)["responses"] == [], "nothing is sent while the tablet sees a problem"

    # Fixed both at once: the answer goes through in one more tap.
    contact_field(tablet, "email").locator("input").fill("anna@gmail.com")
    contact_field(tablet, "consent").locator("label.choice").tap()
    tablet.locator("#submit").tap()
    wait_for_thank_you(tablet)
    assert len(service.export(code)["responses"]) == 1


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_servers_problems_are_shown_at_their_fields_in_the_tablets_language(service, tablet, language):
    code = service.create_session(FORM)
    open_session(tablet, service.base_url, code)
    requests = []
    tablet.on("request", lambda request: "/responses" in request.url and requests.append(request))
    if language == "en":
        tablet.locator("#language").tap()
        expect(tablet.locator("html")).to_have_attribute("lang", "en")
    to_last_page(tablet)
    fill_wrong_contact(tablet)
    # A tablet whose own check misses it (an older page, a rule only the server has): the server says it.
    tablet.evaluate("Contact.validate = () => []")
    tablet.locator("#submit").tap()
    assert_problems_at_the_contact_fields(tablet, language)
    summary = tablet.locator("#form-errors")
    expect(summary).to_have_text({"da": "2 af svarene skal rettes, før de kan sendes.",
                                  "en": "2 answers need fixing before they can be sent."}[language])
    assert requests, "the answers went to the server"
    assert requests[0].headers.get("accept-language") == language
    expect(tablet.locator("#pending")).to_have_text("")
    assert service.export(code)["responses"] == []


def test_switching_language_on_page_2_keeps_every_answer_and_the_page(service, tablet):
    code = service.create_session(FORM)
    open_session(tablet, service.base_url, code)
    tablet.locator('[data-question="volunteer-status"] label.choice').nth(1).tap()
    tablet.locator('[data-question="volunteer-areas"] label.choice').first.tap()
    tablet.locator("#next").tap()
    expect(tablet.locator("#form-progress")).to_have_text("Side 2 af 5")
    points = tablet.locator('[data-question="conditions-points"] button.points-step')
    for _ in range(3):
        points.nth(1).tap()
    tablet.locator('[data-question="administration-ease"] label.choice').nth(3).tap()
    tablet.locator('[data-question="conditions-works"] textarea, [data-question="conditions-works"] input').first.fill(
        "Foreningshuset er godt")

    tablet.locator("#language").tap()
    expect(tablet.locator("html")).to_have_attribute("lang", "en")
    expect(tablet.locator("#form-progress")).to_have_text("Page 2 of 5")
    expect(tablet.locator('.form-page[data-page="1"]')).to_be_visible()
    expect(tablet.locator("#language")).to_be_focused()
    expect(tablet.locator('[data-question="conditions-points"] .points-count').first).to_have_text("3")
    expect(tablet.locator('[data-question="administration-ease"] input').nth(3)).to_be_checked()
    expect(tablet.locator('[data-question="conditions-works"] textarea, [data-question="conditions-works"] input').first
           ).to_have_value("Foreningshuset er godt")
    expect(tablet.locator("#next")).to_have_text("Next")

    tablet.locator("#back").tap()
    expect(tablet.locator('[data-question="volunteer-status"] input').nth(1)).to_be_checked()
    expect(tablet.locator('[data-question="volunteer-areas"]')).to_be_visible()
    expect(tablet.locator('[data-question="volunteer-areas"] input').first).to_be_checked()

    tablet.locator("#language").tap()
    expect(tablet.locator("html")).to_have_attribute("lang", "da")
    expect(tablet.locator("#form-progress")).to_have_text("Side 1 af 5")
    tablet.locator("#next").tap()
    given = answer_whole_form(tablet, "Mere plads til de frivillige", already_answered={
        "volunteer-status", "volunteer-areas", "conditions-points", "administration-ease", "conditions-works"})
    wait_for_thank_you(tablet)
    stored = service.export(code)["responses"][0]["answers"]
    assert stored["conditions-works"] == "Foreningshuset er godt"
    assert stored["administration-ease"] == 4
    assert sum(stored["conditions-points"].values()) == 3
    assert stored["volunteer-areas"] and stored["volunteer-status"]
    assert all(stored[question] == text for question, text in given.items())


def test_the_progress_line_and_the_title_only_on_the_first_page(service, tablet):
    code = service.create_session(FORM)
    open_session(tablet, service.base_url, code)
    progress, title, intro = tablet.locator("#form-progress"), tablet.locator("#form-title"), tablet.locator("#form-intro")
    expect(progress).to_have_text("Side 1 af 5")
    expect(title).to_be_visible()
    expect(intro).to_be_visible()
    for page in range(2, 6):
        tablet.locator("#next").tap()
        expect(progress).to_have_text(f"Side {page} af 5")
        expect(title).to_be_hidden()
        expect(intro).to_be_hidden()
    tablet.locator("#back").tap()
    expect(progress).to_have_text("Side 4 af 5")
    for _ in range(3):
        tablet.locator("#back").tap()
    expect(title).to_be_visible()

    one_page = service.create_session("quick-poll")
    open_session(tablet, service.base_url, one_page)
    expect(tablet.locator("#form-progress")).to_be_hidden()
    expect(tablet.locator("#form-title")).to_be_visible()


HEADER_BOXES = """() => [...document.querySelectorAll('.topbar > *')].filter((node) => node.getClientRects().length)
  .map((node) => { const box = node.getBoundingClientRect(); const style = getComputedStyle(node);
    return { id: node.id, top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: box.height,
             lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5 }; })"""


@pytest.mark.parametrize("width,height", [(768, 1024), (1024, 768)])
def test_the_header_with_answers_waiting_stays_one_row(service, browser, width, height):
    code = service.create_session(FORM, "Borgermøde om frivillighed og fællesskab i Helsingør Kommune, Kulturværftet")
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
    tablet = context.new_page()
    try:
        open_session(tablet, service.base_url, code)
        context.set_offline(True)
        answer_whole_form(tablet, "Uden net")
        wait_for_thank_you(tablet)
        for language, text in (("da", "1 svar venter på at blive sendt"), ("en", "1 answer waiting to be sent")):
            if language == "en":
                tablet.locator("#language").tap()
            expect(tablet.locator("#pending")).to_have_text(text)
            boxes = tablet.evaluate(HEADER_BOXES)
            assert [box["id"] for box in boxes] == ["session-title", "pending", "language", "facilitator"], boxes
            middles = [(box["top"] + box["bottom"]) / 2 for box in boxes]
            assert max(middles) - min(middles) <= 2, f"{language} {width}x{height}: not one row: {boxes}"
            for box in boxes[:2]:
                assert box["height"] <= box["lineHeight"] * 1.3 + 16, f"{box['id']} wraps at {width}: {box}"
            assert all(earlier["right"] <= later["left"] for earlier, later in zip(boxes, boxes[1:])), boxes
            assert boxes[-1]["right"] <= width, "the header fits the screen"
            assert boxes[0]["right"] - boxes[0]["left"] >= width * 0.3, f"the meeting's title keeps room: {boxes[0]}"
            assert tablet.evaluate("document.querySelector('.topbar').getBoundingClientRect().height") < 80
    finally:
        context.set_offline(False)
        context.close()


def test_the_back_gesture_stays_inside_the_kiosk(service, tablet):
    code = service.create_session(FORM)
    tablet.goto(service.base_url + "/")
    tablet.locator("#join-code").fill(code)
    tablet.locator("#join button[type=submit]").tap()
    tablet.wait_for_selector("#answers")
    kiosk_url = f"{service.base_url}/s/{code}"
    length = tablet.evaluate("history.length")

    tablet.locator('[data-question="volunteer-status"] label.choice').first.tap()
    tablet.locator("#next").tap()
    tablet.locator("#next").tap()
    expect(tablet.locator("#form-progress")).to_have_text("Side 3 af 5")
    tablet.go_back()
    expect(tablet).to_have_url(kiosk_url)
    expect(tablet.locator("#form-progress")).to_have_text("Side 2 af 5")
    for _ in range(3):
        tablet.go_back()
        expect(tablet).to_have_url(kiosk_url)
    expect(tablet.locator("#form-progress")).to_have_text("Side 1 af 5")
    expect(tablet.locator('[data-question="volunteer-status"] input').first).to_be_checked()
    assert tablet.evaluate("history.length") == length, "the trap is one entry, never more"
    assert tablet.evaluate("history.state") is None, "history holds nothing of the citizen"
    assert tablet.evaluate("localStorage.length + sessionStorage.length") == 0

    answer_whole_form(tablet, "Tilbage-testen", already_answered={"volunteer-status"})
    wait_for_thank_you(tablet)
    tablet.go_back()
    expect(tablet).to_have_url(kiosk_url)
    expect(tablet.locator(".thank-you")).to_be_visible()
    assert "Tilbage-testen" not in tablet.content()
    tablet.locator("#start-next").tap()
    tablet.wait_for_selector("#answers")
    tablet.go_back()
    expect(tablet).to_have_url(kiosk_url)
    expect(tablet.locator("#form-progress")).to_have_text("Side 1 af 5")
    assert "Tilbage-testen" not in tablet.content()
    assert tablet.evaluate("history.length") == length


def test_the_consent_box_lines_up_with_the_other_choices(service, tablet):
    code = service.create_session(FORM)
    open_session(tablet, service.base_url, code)
    to_last_page(tablet)
    tablet.locator("fieldset.contact > label.choice").tap()
    boxes = tablet.evaluate("""() => ['fieldset.contact > label.choice', '[data-contact-field="consent"] label.choice',
                                     '[data-question="role"] label.choice']
      .map((selector) => { const row = document.querySelector(selector); const box = row.querySelector('input').getBoundingClientRect();
        const rowBox = row.getBoundingClientRect();
        return { selector, left: box.left, width: box.width, middle: box.top + box.height / 2,
                 rowLeft: rowBox.left, rowMiddle: rowBox.top + rowBox.height / 2, rowHeight: rowBox.height,
                 display: getComputedStyle(row).display }; })""")
    toggle, consent, other = boxes
    for box in (toggle, consent):
        assert abs(box["left"] - other["left"]) <= 1, f"the box sits where every choice's box sits: {boxes}"
        assert abs(box["rowLeft"] - other["rowLeft"]) <= 1, boxes
        assert abs(box["middle"] - box["rowMiddle"]) <= 2, f"the box is centred in its row: {box}"
        assert box["width"] == other["width"] and box["display"] == "flex", boxes
        assert box["rowHeight"] >= 44, box
