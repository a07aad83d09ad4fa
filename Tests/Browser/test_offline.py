"""Offline first and exactly once: answers made without network wait in IndexedDB through reloads,
browser restarts and server crashes, and reach the server once each."""
import shutil
import tempfile
import time

from playwright.sync_api import expect

from answering import answer_whole_form, open_session, start_next_citizen, wait_for_thank_you
from conftest import CHROMIUM

FORM = "quick-poll"


def submission_ids(service, code) -> list:
    return [response["submissionId"] for response in service.export(code)["responses"]]


def outbox_size(page) -> int:
    """Counts the outbox in IndexedDB itself, not through the page's indicator."""
    return page.evaluate("""() => new Promise((resolve, reject) => {
        const request = indexedDB.open("borgerdialog");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
            const database = request.result;
            if (!database.objectStoreNames.contains("outbox")) { database.close(); return resolve(0); }
            const counting = database.transaction("outbox").objectStore("outbox").count();
            counting.onsuccess = () => { database.close(); resolve(counting.result); };
        };
    })""")


def test_offline_answers_survive_a_reload_and_arrive_exactly_once(service, tablet):
    code = service.create_session(FORM)
    open_session(tablet, service.base_url, code)
    answer_whole_form(tablet, "Svar med forbindelse")
    start_next_citizen(tablet)
    assert len(submission_ids(service, code)) == 1
    pending = tablet.locator("#pending")
    expect(pending).to_have_text("")

    tablet.context.set_offline(True)
    for citizen in range(5):
        answer_whole_form(tablet, f"Svar uden net {citizen}")
        wait_for_thank_you(tablet)
        expect(tablet.locator(".notice")).to_contain_text("gemt på tabletten")
        start_next_citizen(tablet)
    expect(pending).to_have_text("5 svar venter på at blive sendt")

    # Without network the page, its scripts and the form all come from the service worker.
    tablet.reload()
    tablet.wait_for_selector("#answers")
    expect(pending).to_have_text("5 svar venter på at blive sendt")
    assert "Svar uden net" not in tablet.content(), "waiting answers are never shown"
    assert len(submission_ids(service, code)) == 1

    tablet.context.set_offline(False)
    expect(pending).to_have_text("", timeout=20000)
    assert outbox_size(tablet) == 0
    ids = submission_ids(service, code)
    assert len(ids) == 6 and len(set(ids)) == 6, "exactly five more responses"
    texts = sorted(response["answers"]["most-important"] for response in service.export(code)["responses"])
    assert texts == ["Svar med forbindelse"] + [f"Svar uden net {citizen}" for citizen in range(5)]


def test_server_killed_during_sync_loses_nothing_and_doubles_nothing(service, browser):
    code = service.create_session(FORM)
    # Service workers are blocked so that the route below sees every submission.
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True, service_workers="block")
    page = context.new_page()
    try:
        page.goto(f"{service.base_url}/s/{code}")
        page.wait_for_selector("#answers")
        context.set_offline(True)
        for citizen in range(6):
            answer_whole_form(page, f"Borger {citizen}")
            start_next_citizen(page)
        expect(page.locator("#pending")).to_have_text("6 svar venter på at blive sendt")

        # The third submission reaches the server and is stored, then the server dies before the
        # tablet hears back: the worst moment, an acknowledgement lost after the commit.
        posts = []

        def lose_the_acknowledgement(route):
            posts.append(route.request.post_data_json["submissionId"])
            if len(posts) == 3:
                stored = route.fetch()
                assert stored.status == 201
                service.kill()
                route.abort("connectionreset")
            else:
                route.continue_()

        page.route("**/api/sessions/*/responses", lose_the_acknowledgement)
        context.set_offline(False)
        # The route handler runs while this thread waits in Playwright, so wait there.
        deadline = time.time() + 20
        while service.process.poll() is None and time.time() < deadline:
            page.wait_for_timeout(50)
        assert service.process.poll() is not None, "the server was killed mid-sync"
        expect(page.locator("#pending")).to_have_text("4 svar venter på at blive sendt")

        page.unroute("**/api/sessions/*/responses")
        service.start()
        expect(page.locator("#pending")).to_have_text("", timeout=30000)
        assert outbox_size(page) == 0
    finally:
        context.close()
    ids = submission_ids(service, code)
    assert len(ids) == 6, f"every answer arrived: {len(ids)}"
    assert len(set(ids)) == 6, "none twice"
    assert posts[2] in ids


def test_the_outbox_survives_a_browser_restart(service, playwright_driver):
    code = service.create_session(FORM)
    profile = tempfile.mkdtemp(prefix="borgerdialog-profile-")

    def launch():
        return playwright_driver.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=["--no-sandbox"], headless=True,
            viewport={"width": 768, "height": 1024}, has_touch=True)

    try:
        first = launch()
        page = first.pages[0] if first.pages else first.new_page()
        open_session(page, service.base_url, code)
        first.set_offline(True)
        for citizen in range(2):
            answer_whole_form(page, f"Før genstart {citizen}")
            start_next_citizen(page)
        expect(page.locator("#pending")).to_have_text("2 svar venter på at blive sendt")
        first.close()
        assert submission_ids(service, code) == []

        second = launch()
        page = second.pages[0] if second.pages else second.new_page()
        page.goto(f"{service.base_url}/s/{code}")
        page.wait_for_selector("#answers")
        expect(page.locator("#pending")).to_have_text("", timeout=20000)
        second.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert len(set(submission_ids(service, code))) == 2


def test_answers_made_before_the_close_count_as_late_and_new_ones_are_refused(service, tablet):
    code = service.create_session(FORM)
    open_session(tablet, service.base_url, code)
    tablet.context.set_offline(True)
    answer_whole_form(tablet, "Skrevet mens mødet var åbent")
    start_next_citizen(tablet)
    expect(tablet.locator("#pending")).to_have_text("1 svar venter på at blive sendt")

    service.close_session(code)
    tablet.context.set_offline(False)
    expect(tablet.locator("#pending")).to_have_text("", timeout=20000)
    responses = service.export(code)["responses"]
    assert len(responses) == 1
    assert responses[0]["answers"]["most-important"] == "Skrevet mens mødet var åbent"
    assert responses[0].get("late") is True

    answer_whole_form(tablet, "Skrevet efter lukning")
    notice = tablet.locator(".notice")
    expect(notice).to_have_text("Mødet er lukket, og der modtages ikke flere svar.")
    expect(notice).to_have_attribute("role", "alert")
    expect(tablet.locator("#pending")).to_have_text("")
    assert len(service.export(code)["responses"]) == 1

    # A tablet that opens the closed session later is told so at once.
    tablet.reload()
    expect(tablet.locator(".notice")).to_have_text("Mødet er lukket, og der modtages ikke flere svar.")


def test_a_tablet_learns_of_the_close_when_the_next_citizen_starts(service, tablet):
    code = service.create_session(FORM)
    open_session(tablet, service.base_url, code)
    answer_whole_form(tablet, "Det sidste svar")
    wait_for_thank_you(tablet)
    service.close_session(code)
    tablet.locator("#start-next").tap()
    expect(tablet.locator(".notice")).to_have_text("Mødet er lukket, og der modtages ikke flere svar.")
    expect(tablet.locator("#answers")).to_have_count(0)
    assert len(service.export(code)["responses"]) == 1
