"""Citizens' rights in real Chromium against the real binary: a tablet answers and shows its receipt
code, an admin finds the response by that code, prints the access page and erases it; an offline
tablet says when no code can be shown yet; a facilitator sees the meeting's contact list."""
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from playwright.sync_api import expect

from accessibility import assert_accessible
from answering import answer_whole_form, leave_contact_details, open_session, wait_for_thank_you
from conftest import BINARY, REPOSITORY, Service

FORM = "haderslev-medborgerskab"
PASSWORD = "Rådhuspladsen-2024!"
RECEIPT = re.compile(r"^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")
PURPOSE = "Gem koden, hvis du senere vil se eller slette dit svar. Kommunen kan finde dit svar med den."


@pytest.fixture()
def rights_service():
    assert BINARY.exists(), f"build first: {BINARY} is missing"
    running = Service(pathlib.Path(tempfile.mkdtemp(prefix="borgerdialog-rights-")))
    running.start()
    yield running
    running.stop()
    shutil.rmtree(running.data, ignore_errors=True)


def add_user(service, email: str, role: str) -> str:
    result = subprocess.run(
        [str(BINARY), "users", "add", "--data", str(service.data), "--role", role, "--email", email],
        cwd=REPOSITORY, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"users add failed: {result.stderr}"
    return email


@pytest.fixture()
def laptop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
            and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def log_in(page, service, email, path):
    page.goto(service.base_url + path)
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#login-button")
    expect(page).to_have_url(service.base_url + path)


def test_a_receipt_is_shown_then_an_admin_prints_what_was_stored_and_erases_it(rights_service, tablet, laptop):
    code = rights_service.create_session(FORM, title="Medborgerskab i Haderslev")
    tablet.clock.install()
    open_session(tablet, rights_service.base_url, code)
    secret = "Bænke ved åen hos Kirsebærhaven"
    answer_whole_form(tablet, secret, before_submit=leave_contact_details("Kirsten Kirsebær", "kirsten@example.dk"))
    wait_for_thank_you(tablet)
    receipt = tablet.locator("#receipt-code").text_content()
    assert RECEIPT.match(receipt), receipt
    expect(tablet.locator(".receipt-purpose")).to_have_text(PURPOSE)
    expect(tablet.locator(".receipt-missing")).to_have_count(0)
    expect(tablet.locator(".notice")).to_have_count(0)
    assert secret not in tablet.content()
    assert_accessible(tablet, "thank-you with the receipt")

    # Up long enough to photograph or write down (today's thank-you lasts 5 s), then gone for the next citizen.
    tablet.clock.run_for(20_000)
    expect(tablet.locator("#receipt-code")).to_have_text(receipt)
    tablet.clock.run_for(11_000)
    tablet.wait_for_selector("#answers")
    assert receipt not in tablet.content(), "nothing of the previous citizen stays"
    assert tablet.evaluate("localStorage.length + sessionStorage.length") == 0

    # An admin types the code as a citizen reads it out: lower case, no dash.
    admin = add_user(rights_service, "admin@kommune.dk", "admin")
    log_in(laptop, rights_service, admin, "/staff/privacy")
    assert_accessible(laptop, "citizens' data page")
    laptop.fill("#receipt", receipt.replace("-", "").lower())
    laptop.click("#receipt-form button[type=submit]")
    expect(laptop).to_have_url(f"{rights_service.base_url}/staff/receipts/{receipt}")
    sheet = laptop.locator("#sheet")
    expect(sheet).to_be_visible()
    expect(laptop.locator("#access-heading")).to_contain_text(receipt)
    expect(sheet).to_contain_text(secret)
    expect(sheet).to_contain_text("Fortæl gerne mere: Hvad skal der til, for at du går i gang?")
    expect(sheet).to_contain_text("kirsten@example.dk")
    expect(sheet).to_contain_text("Jeg giver samtykke til, at Haderslev Kommune gemmer mit navn")
    expect(sheet).to_contain_text(f"Medborgerskab i Haderslev ({code})")
    assert_accessible(laptop, "access page")

    # Printed: the sheet alone, no buttons, on A4.
    laptop.emulate_media(media="print")
    expect(laptop.locator("#erase-section")).to_be_hidden()
    expect(laptop.locator(".print-tools")).to_be_hidden()
    expect(sheet).to_be_visible()
    pdf = laptop.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    laptop.emulate_media(media="screen")

    laptop.click("#erase")
    expect(laptop.locator("#erase-confirm-text")).to_contain_text(receipt)
    laptop.click("#erase-yes")
    erased = laptop.locator("#erased")
    expect(erased).to_contain_text(f"Svaret med kvitteringskoden {receipt} er slettet")
    expect(sheet).to_be_hidden()
    assert secret not in laptop.content() and "kirsten@example.dk" not in laptop.content()

    laptop.reload()
    expect(laptop.locator("#page-error")).to_contain_text(f"Der er ikke gemt et svar med kvitteringskoden {receipt}")
    assert rights_service.export(code)["responses"] == []

    laptop.goto(rights_service.base_url + "/staff/audit")
    expect(laptop.locator("#audit")).to_contain_text("response.erase")
    expect(laptop.locator("#audit")).to_contain_text(receipt)
    assert secret not in laptop.content() and "Kirsebær" not in laptop.content()
    assert laptop.problems == []


def test_an_offline_tablet_says_the_code_comes_later_and_shows_it_once_sent(rights_service, browser):
    code = rights_service.create_session("quick-poll")
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    tablet = context.new_page()
    try:
        tablet.clock.install()
        open_session(tablet, rights_service.base_url, code)
        context.set_offline(True)
        answer_whole_form(tablet, "Skrevet uden net")
        wait_for_thank_you(tablet)
        expect(tablet.locator(".notice")).to_have_text("Dit svar er gemt på tabletten og sendes, så snart der er forbindelse.")
        expect(tablet.locator(".receipt-missing")).to_have_text(
            "Koden, som du kan bruge til at se eller slette dit svar, vises her, når svaret er sendt.")
        expect(tablet.locator("#receipt-code")).to_have_count(0)
        assert_accessible(tablet, "thank-you offline, no receipt yet")

        # The connection returns while the citizen is still there: the code shows after all.
        context.set_offline(False)
        expect(tablet.locator("#receipt-code")).to_have_text(RECEIPT)
        expect(tablet.locator(".receipt-missing")).to_have_count(0)
        expect(tablet.locator(".notice")).to_have_count(0)  # "will be sent" is no longer true
        tablet.clock.run_for(25_000)
        expect(tablet.locator("#receipt-code")).to_be_visible()
        tablet.clock.run_for(6_000)
        tablet.wait_for_selector("#answers")
        expect(tablet.locator("#pending")).to_have_text("")
    finally:
        context.close()
    assert len(rights_service.export(code)["responses"]) == 1


def test_a_facilitator_sees_and_downloads_the_contact_list_and_an_analyst_may_not(rights_service, tablet, laptop, browser):
    code = rights_service.create_session(FORM)
    open_session(tablet, rights_service.base_url, code)
    answer_whole_form(tablet, "Mit anonyme svar", before_submit=leave_contact_details("Åse Ørnbøl", "aase@example.dk"))
    wait_for_thank_you(tablet)

    facilitator = add_user(rights_service, "moedeleder@kommune.dk", "facilitator")
    log_in(laptop, rights_service, facilitator, f"/staff/sessions/{code}")
    expect(laptop.locator("#contacts-count")).to_have_text("1 borger har bedt om at blive kontaktet.")
    assert "aase@example.dk" not in laptop.content(), "the list is shown only when asked for (and audited)"
    laptop.click("#contacts-toggle")
    table = laptop.locator("#contacts-table")
    expect(table).to_contain_text("Åse Ørnbøl")
    expect(table).to_contain_text("aase@example.dk")
    assert "Mit anonyme svar" not in laptop.content()
    assert_accessible(laptop, "meeting page with the contact list")
    with laptop.expect_download() as download:
        laptop.click("#contacts-csv")
    assert re.fullmatch(r"borgerdialog-[A-Z0-9]+-\d{4}-\d{2}-\d{2}-kontakter-semikolon\.csv", download.value.suggested_filename)
    content = pathlib.Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert content.splitlines()[0] == "Navn;E-mail;Samtykke;Givet;Møde"
    assert "aase@example.dk" in content and "Mit anonyme svar" not in content

    analyst = add_user(rights_service, "analytiker@kommune.dk", "analyst")
    context = browser.new_context()
    page = context.new_page()
    try:
        log_in(page, rights_service, analyst, "/analyst")
        answer = page.request.get(f"{rights_service.base_url}/api/staff/sessions/{code}/contacts")
        assert answer.status == 403
    finally:
        context.close()
    assert laptop.problems == []
