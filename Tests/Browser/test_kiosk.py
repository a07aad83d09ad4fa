"""One tablet, many citizens: nothing of one citizen reaches the next, an idle form starts over, and
only a facilitator with the PIN leaves kiosk mode."""
import re

from playwright.sync_api import expect

from answering import answer_whole_form, open_session, start_next_citizen, wait_for_thank_you

FORM = "quick-poll"
SECRET = "Min nabo hedder Jens Hansen"


def test_nothing_of_the_previous_citizen_can_be_seen_or_reached(service, tablet):
    code = service.create_session(FORM)
    # Arrive the way a tablet is set up: the start page, then the code.
    tablet.goto(service.base_url + "/")
    tablet.locator("#join-code").fill(code)
    tablet.locator("#join button[type=submit]").tap()
    tablet.wait_for_selector("#answers")
    history_before = tablet.evaluate("history.length")

    tablet.locator("#language").tap()
    expect(tablet.locator("html")).to_have_attribute("lang", "en")
    answer_whole_form(tablet, SECRET)
    wait_for_thank_you(tablet)
    assert SECRET not in tablet.content(), "the thank-you screen shows nothing of the answers"
    start_next_citizen(tablet)

    # The next citizen: Danish again, first page, nothing filled in, nothing stored in the page.
    expect(tablet.locator("html")).to_have_attribute("lang", "da")
    assert SECRET not in tablet.content()
    assert tablet.eval_on_selector_all("#answers input:checked", "nodes => nodes.length") == 0
    assert tablet.evaluate("history.length") == history_before, "answering never adds history entries"
    assert tablet.evaluate("localStorage.length + sessionStorage.length") == 0
    assert tablet.evaluate("history.state") is None
    assert tablet.get_attribute("#answers", "autocomplete") == "off"

    # Back stays in the kiosk (test_tablet_language has the trap itself) and finds only a blank form.
    tablet.go_back()
    expect(tablet).to_have_url(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    assert SECRET not in tablet.content()
    assert tablet.eval_on_selector_all("#answers input:checked", "nodes => nodes.length") == 0
    assert len(service.export(code)["responses"]) == 1


def test_an_idle_form_warns_then_starts_over_blank(service, tablet):
    code = service.create_session(FORM)
    tablet.clock.install()
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    warning = tablet.locator("#idle-warning")

    # A blank form left on the table is no one's: it does not nag.
    tablet.clock.run_for(120_000)
    expect(warning).to_have_count(0)

    field = tablet.locator('[data-question="most-important"] textarea, [data-question="most-important"] input').first
    field.fill(SECRET)
    tablet.clock.run_for(60_000)
    expect(warning).to_have_count(0)
    tablet.clock.run_for(15_000)  # 75 s: the warning, 15 s before the default 90 s
    expect(warning).to_be_visible()
    expect(warning).to_have_attribute("role", "alertdialog")
    expect(warning.locator("button")).to_be_focused()

    # "Still here" keeps the answers and starts the count again.
    warning.locator("button").tap()
    expect(warning).to_have_count(0)
    expect(field).to_have_value(SECRET)
    tablet.clock.run_for(76_000)
    expect(warning).to_be_visible()
    tablet.clock.run_for(16_000)
    expect(warning).to_have_count(0)
    tablet.wait_for_selector("#answers")
    assert SECRET not in tablet.content()
    expect(tablet.locator('[data-question="most-important"] textarea, [data-question="most-important"] input').first).to_have_value("")
    assert service.export(code)["responses"] == [], "an abandoned form is never sent"


def test_the_idle_time_is_the_sessions_own(service, tablet):
    code = service.create_session(FORM, idle_seconds=30)
    tablet.clock.install()
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    tablet.locator('[data-question="meeting-rating"] label.choice').first.tap()
    tablet.clock.run_for(19_000)
    expect(tablet.locator("#idle-warning")).to_have_count(0)
    tablet.clock.run_for(2_000)  # the warning comes 10 s before the 30 s
    expect(tablet.locator("#idle-warning")).to_be_visible()
    tablet.clock.run_for(10_000)
    expect(tablet.locator("#idle-warning")).to_have_count(0)
    assert tablet.eval_on_selector_all("#answers input:checked", "nodes => nodes.length") == 0


def test_facilitator_leaves_kiosk_mode_only_with_the_pin(service, tablet):
    code = service.create_session(FORM, kiosk_pin="4321")
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    tablet.locator("#facilitator").tap()
    dialog = tablet.locator("#kiosk-exit")
    expect(dialog).to_be_visible()
    pin = dialog.get_by_label("Mødelederens PIN-kode")
    expect(pin).to_be_focused()

    pin.fill("1111")
    pin.press("Enter")
    error = dialog.locator("#kiosk-pin-error")
    expect(error).to_have_text("Forkert PIN-kode.")
    expect(error).to_have_attribute("role", "alert")
    expect(pin).to_have_attribute("aria-invalid", "true")
    expect(pin).to_have_attribute("aria-describedby", "kiosk-pin-error")
    expect(pin).to_be_focused()

    dialog.get_by_role("button", name="Annuller").tap()
    expect(dialog).to_have_count(0)
    expect(tablet.locator("#facilitator")).to_be_focused()
    tablet.wait_for_selector("#answers")

    tablet.locator("#facilitator").tap()
    tablet.get_by_label("Mødelederens PIN-kode").fill("4321")
    tablet.locator("#kiosk-exit button[type=submit]").tap()
    expect(tablet.locator("h1")).to_have_text("Kiosktilstand er slået fra")
    expect(tablet.locator("#facilitator-pending")).to_have_text("Alle svar er sendt.")
    expect(tablet.locator("#facilitator")).to_be_hidden()

    tablet.locator("#resume-kiosk").tap()
    tablet.wait_for_selector("#answers")
    expect(tablet.locator("#facilitator")).to_be_visible()


def test_too_many_wrong_pins_slow_the_tablet_down(service, tablet):
    code = service.create_session(FORM, kiosk_pin="4321")
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    tablet.locator("#facilitator").tap()
    pin = tablet.get_by_label("Mødelederens PIN-kode")
    error = tablet.locator("#kiosk-pin-error")
    # The server locks a session's PIN after five failures (LoginThrottlePolicy).
    for attempt in range(5):
        pin.fill(f"{1000 + attempt}")
        pin.press("Enter")
        expect(pin).to_have_value("")
        expect(error).to_have_text("Forkert PIN-kode.")
    # Now even the right PIN waits: guessing gains nothing.
    pin.fill("4321")
    pin.press("Enter")
    expect(pin).to_have_value("")
    expect(error).to_have_text("For mange forsøg. Vent lidt, og prøv igen.")
    expect(tablet.locator("#answers")).to_be_attached()


def test_a_session_without_a_pin_has_no_lock(service, tablet):
    code = service.create_session(FORM)
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    tablet.locator("#facilitator").tap()
    expect(tablet.locator("h1")).to_have_text("Kiosktilstand er slået fra")


def test_a_facilitator_sets_the_table_and_answers_carry_it(service, tablet):
    code = service.create_session(FORM, tables="Bord 1,Bord 2")
    open_session(tablet, service.base_url, code)
    tablet.locator("#facilitator").tap()
    tablet.locator("#table-choice label.choice", has_text="Bord 2").tap()
    expect(tablet).to_have_url(f"{service.base_url}/s/{code}?table=Bord%202")
    tablet.locator("#resume-kiosk").tap()
    tablet.wait_for_selector("#answers")
    answer_whole_form(tablet, "Fra bord to")
    start_next_citizen(tablet)
    # The setting is the tablet's, so it outlives the citizen and a reload without network.
    expect(tablet).to_have_url(f"{service.base_url}/s/{code}?table=Bord%202")
    tablet.wait_for_selector("body[data-offline-ready]", state="attached")
    tablet.context.set_offline(True)
    tablet.reload()
    tablet.wait_for_selector("#answers")
    answer_whole_form(tablet, "Stadig bord to")
    wait_for_thank_you(tablet)
    tablet.context.set_offline(False)
    expect(tablet.locator("#pending")).to_have_text("", timeout=20000)
    responses = service.export(code)["responses"]
    assert [response["table"] for response in responses] == ["Bord 2", "Bord 2"]
