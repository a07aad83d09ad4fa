"""The facilitator's live view shows a free-text answer moments after a tablet sends it, masked as in
exports, and a switch (remembered for the meeting's page) hides the answers while the screen is
projected."""
from playwright.sync_api import expect

from answering import answer_whole_form, open_session, wait_for_thank_you
from test_staff import laptop, log_in, staff_service  # noqa: F401 (fixtures)

FORM = "quick-poll"
SECRET_NUMBER = "22 34 56 78"


def test_a_new_free_text_answer_shows_masked_and_the_switch_hides_it(staff_service, laptop, tablet):  # noqa: F811
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    code = staff_service.create_session(FORM, "Borgermøde i Skagen")
    log_in(laptop, staff_service, email, f"/staff/sessions/{code}")
    section, answers = laptop.locator("#live-text"), laptop.locator("#live-text-list li")
    expect(section).to_contain_text("Endnu ingen fritekstsvar.")
    expect(answers).to_have_count(0)

    open_session(tablet, staff_service.base_url, code)
    answer_whole_form(tablet, f"Flere bænke, ring {SECRET_NUMBER}")
    wait_for_thank_you(tablet)

    expect(answers.first).to_contain_text("Flere bænke, ring [telefon]", timeout=15000)
    assert SECRET_NUMBER not in laptop.content(), "the number never reaches the page"
    expect(answers.first.locator(".live-text-meta")).not_to_be_empty()

    switch = laptop.locator("#live-text-hide")
    expect(switch).not_to_be_checked()
    laptop.get_by_label("Skjul fritekstsvarene (når skærmen vises for andre)").check()
    expect(laptop.locator("#live-text-list")).to_be_hidden()
    expect(laptop.locator("#live-text-note")).to_have_text("Fritekstsvarene er skjult. Slå skjulningen fra for at se dem igen.")
    assert "Flere bænke" not in laptop.locator("main").inner_text()

    # Remembered for this meeting's page: a reload (the projector still on) keeps them hidden.
    laptop.reload()
    expect(laptop.locator("#live-text")).to_be_visible()
    expect(laptop.locator("#live-text-hide")).to_be_checked()
    expect(laptop.locator("#live-text-list")).to_be_hidden()
    laptop.locator("#live-text-hide").uncheck()
    expect(answers.first).to_be_visible()
    expect(answers.first).to_contain_text("[telefon]")

    laptop.locator("#language").click()
    expect(laptop.locator("#live-text-title")).to_have_text("New free-text answers")
    assert not laptop.problems, f"script errors or CSP violations: {laptop.problems}"
