"""The staff pages in real Chromium against the real binary: log in, create a dialogue meeting, open
it, print its QR page, and watch the live count rise when a tablet (a second browser) answers."""
import pathlib
import re
import shutil
import subprocess
import tempfile
import urllib.request

import pytest
from playwright.sync_api import expect

from accessibility import assert_accessible
from answering import answer_whole_form, wait_for_thank_you
from conftest import BINARY, REPOSITORY, Service

FORM = "quick-poll"
PASSWORD = "Rådhuspladsen-2024!"
STAFF_PAGES = REPOSITORY / "Static" / "staff"


class StaffService(Service):
    """A running service with staff users made through `borgerdialog users add`."""

    def add_user(self, email: str, role: str):
        result = subprocess.run(
            [str(BINARY), "users", "add", "--data", str(self.data), "--role", role, "--email", email],
            cwd=REPOSITORY, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"users add failed: {result.stderr}"
        return email


@pytest.fixture()
def staff_service():
    assert BINARY.exists(), f"build first: {BINARY} is missing"
    running = StaffService(pathlib.Path(tempfile.mkdtemp(prefix="borgerdialog-staff-")))
    running.start()
    yield running
    running.stop()
    shutil.rmtree(running.data, ignore_errors=True)


@pytest.fixture()
def laptop(browser):
    """The facilitator's laptop, Danish by default; collects CSP violations and script errors."""
    # Not Danish time on purpose: meeting times are typed and shown in Danish time whatever the laptop says.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, timezone_id="America/New_York")
    page = context.new_page()
    page.problems = []
    # A 401 from /api/me on the login page is expected and logged by Chromium as a failed resource.
    page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
            and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def log_in(page, service, email, path="/staff"):
    page.goto(service.base_url + path)
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#login-button")
    expect(page).to_have_url(service.base_url + path)


def create_session(page, title, place="Sæby Kulturhus", tables=""):
    """Fills the new-session form on /staff; returns (join code, kiosk PIN) from the confirmation."""
    expect(page.locator(f"#form-id option[value='{FORM}']")).to_have_count(1)
    page.select_option("#form-id", FORM)
    page.fill("#title", title)
    page.fill("#place", place)
    page.fill("#date", "2030-05-14")
    page.fill("#time", "19:00")
    if tables:
        page.fill("#tables", tables)
    page.click("#create")
    created = page.locator("#created")
    expect(created).to_be_visible()
    expect(created).to_be_focused()
    pin = page.locator("#created-pin").text_content()
    code = page.locator("#created-code").text_content()
    assert re.fullmatch(r"\d{4,8}", pin), f"the PIN is shown once: {pin!r}"
    assert re.fullmatch(r"[A-Z0-9]{4,12}", code), code
    return code, pin


def test_facilitator_opens_a_meeting_and_sees_a_tablet_answer_arrive_live(staff_service, laptop, tablet):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    csrf_headers = []
    laptop.on("request", lambda request: request.method == "POST" and "/api/staff/" in request.url
              and csrf_headers.append(request.headers.get("x-csrf-token")))

    log_in(laptop, staff_service, email)
    expect(laptop.locator("#who")).to_contain_text(email)
    expect(laptop.locator("a[href='/staff/audit']")).to_be_hidden()
    code, _ = create_session(laptop, "Borgermøde om grønne områder")
    expect(laptop.locator(f"#sessions-body tr[data-code='{code}']")).to_contain_text("Borgermøde om grønne områder")

    laptop.click("#created-open")
    expect(laptop).to_have_url(f"{staff_service.base_url}/staff/sessions/{code}")
    expect(laptop.locator("#session-status")).to_have_text("Kladde")
    expect(laptop.locator("#join-code")).to_have_text(code)
    laptop.click("#open-session")
    expect(laptop.locator("#session-status")).to_have_text("Åben")
    expect(laptop.locator("#open-session")).to_be_hidden()

    laptop.click("#print-link")
    expect(laptop).to_have_url(f"{staff_service.base_url}/staff/sessions/{code}/print")
    expect(laptop.locator("#print-code")).to_have_text(code)
    expect(laptop.locator("#print-title")).to_have_text("Borgermøde om grønne områder")
    expect(laptop.locator("#print-url")).to_contain_text(f"/s/{code}")
    expect(laptop.locator("#print-when")).to_have_text(re.compile(r"14\. maj 2030.*19[.:]00 · Sæby Kulturhus"))
    qr = laptop.locator("#qr")
    expect(qr).to_have_attribute("src", f"/api/sessions/{code}/qr.svg")
    laptop.wait_for_function("document.getElementById('qr').complete")
    assert laptop.evaluate("document.getElementById('qr').naturalWidth") > 0, "the QR SVG must load and render"
    with urllib.request.urlopen(f"{staff_service.base_url}/api/sessions/{code}/qr.svg") as response:
        assert response.headers["Content-Type"].startswith("image/svg+xml")
        assert b"<svg" in response.read()
    laptop.emulate_media(media="print")
    expect(laptop.locator("#print")).to_be_hidden()
    expect(laptop.locator("#qr")).to_be_visible()
    laptop.emulate_media(media="screen")

    laptop.click("#back")
    expect(laptop.locator("#response-count")).to_have_text("0")
    laptop.evaluate("window.sameDocument = true")

    tablet.goto(staff_service.base_url + "/")
    tablet.fill("#join-code", code.lower())
    tablet.locator("#join button[type=submit]").tap()
    tablet.wait_for_selector("#answers")
    answer_whole_form(tablet, "Flere bænke ved søen")
    wait_for_thank_you(tablet)

    expect(laptop.locator("#response-count")).to_have_text("1", timeout=15000)
    expect(laptop.locator("#last-arrival")).not_to_have_text("–")
    expect(laptop.locator("#recent li")).to_have_count(1)
    assert laptop.evaluate("window.sameDocument === true"), "the count must rise without a reload"

    laptop.click("#close-session")
    expect(laptop.locator("#close-no")).to_be_focused()
    laptop.click("#close-yes")
    expect(laptop.locator("#session-status")).to_have_text("Lukket")

    assert len(csrf_headers) == 3 and all(csrf_headers), f"every change carries X-CSRF-Token: {csrf_headers}"
    assert not laptop.problems, f"script errors or CSP violations: {laptop.problems}"


def test_login_errors_are_shown_next_to_their_fields_and_announced(staff_service, laptop):
    staff_service.add_user("analytiker@kommune.dk", "analyst")
    laptop.goto(staff_service.base_url + "/login")
    laptop.click("#login-button")
    expect(laptop.locator("#email-error")).to_have_text("Skriv din e-mailadresse.")
    expect(laptop.locator("#email-error")).to_have_attribute("role", "alert")
    expect(laptop.locator("#email")).to_have_attribute("aria-invalid", "true")
    expect(laptop.locator("#email")).to_be_focused()
    expect(laptop.locator("#password-error")).to_be_visible()

    laptop.fill("#email", "analytiker@kommune.dk")
    laptop.fill("#password", "forkert-adgangskode")
    laptop.click("#login-button")
    expect(laptop.locator("#login-error")).to_have_text("Forkert e-mail eller adgangskode.")
    expect(laptop).to_have_url(re.compile(r"/login$"))

    laptop.fill("#password", PASSWORD)
    laptop.press("#password", "Enter")  # the keyboard alone logs in
    expect(laptop).to_have_url(staff_service.base_url + "/staff")
    expect(laptop.locator("#new-session-section")).to_be_hidden()  # analysts read; they do not create


def test_new_session_form_points_at_each_mistake(staff_service, laptop):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email)
    expect(laptop.locator(f"#form-id option[value='{FORM}']")).to_have_count(1)
    laptop.fill("#time", "19:00")
    laptop.fill("#tables", "Bord 1\nBord 1")
    laptop.click("#create")
    expect(laptop.locator("#form-id-error")).to_have_text("Vælg et spørgeskema.")
    expect(laptop.locator("#title-error")).to_have_text("Giv mødet en titel.")
    expect(laptop.locator("#date-error")).to_have_text("Vælg også en dato.")
    expect(laptop.locator("#tables-error")).to_contain_text("Bord 1")
    expect(laptop.locator("#form-id")).to_be_focused()
    expect(laptop.locator("#created")).to_be_hidden()
    assert laptop.locator("#sessions-body tr").count() == 0, "nothing was created"


def test_english_switch_is_remembered_across_pages(staff_service, laptop):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email)
    expect(laptop.locator("#sessions-title")).to_have_text("Dialogmøder")
    expect(laptop.locator("html")).to_have_attribute("lang", "da")
    laptop.click("#language")
    expect(laptop.locator("#sessions-title")).to_have_text("Dialogue meetings")
    expect(laptop.locator("#language")).to_have_text("Dansk")
    expect(laptop.locator("html")).to_have_attribute("lang", "en")
    code, _ = create_session(laptop, "Citizens' evening")
    laptop.goto(f"{staff_service.base_url}/staff/sessions/{code}")
    expect(laptop.locator("#session-status")).to_have_text("Draft")
    expect(laptop.locator("#open-session")).to_have_text("Open the meeting for answers")


def test_admin_reads_the_audit_log_and_a_facilitator_may_not(staff_service, laptop, browser):
    admin = staff_service.add_user("admin@kommune.dk", "admin")
    facilitator = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, admin)
    create_session(laptop, "Revisionsmødet")
    laptop.click("a[href='/staff/audit']")
    expect(laptop).to_have_url(staff_service.base_url + "/staff/audit")
    rows = laptop.locator("#audit-body tr")
    expect(rows.first).to_be_visible()
    expect(laptop.locator("#audit-body")).to_contain_text(admin)
    expect(rows.filter(has_text=f"{admin} oprettede mødet »Revisionsmødet«")).to_have_count(1)

    context = browser.new_context(viewport={"width": 1024, "height": 768})
    other = context.new_page()
    try:
        log_in(other, staff_service, facilitator)
        expect(other.locator("a[href='/staff/audit']")).to_be_hidden()
        # The server refuses the page itself, with its own page (see the test of the refusal pages below).
        answer = other.goto(staff_service.base_url + "/staff/audit")
        assert answer.status == 403
        assert admin not in other.content()
        other.goto(staff_service.base_url + "/staff")
        other.click("#logout")
        expect(other).to_have_url(re.compile(r"/login\?loggedOut=1$"))
        expect(other.locator("#logged-out")).to_have_text("Du er nu logget ud.")
        other.goto(staff_service.base_url + "/staff")
        expect(other).to_have_url(re.compile(r"/login\?next="))
    finally:
        context.close()


def test_every_staff_page_passes_axe_in_danish_and_english(staff_service, laptop):
    email = staff_service.add_user("admin@kommune.dk", "admin")
    laptop.goto(staff_service.base_url + "/login")
    laptop.click("#login-button")
    expect(laptop.locator("#email-error")).to_be_visible()
    assert_accessible(laptop, "login with errors")
    log_in(laptop, staff_service, email)
    laptop.click("#create")
    expect(laptop.locator("#title-error")).to_be_visible()
    assert_accessible(laptop, "new session with errors")
    code, _ = create_session(laptop, "Tilgængelighedsmødet", tables="Bord 1\nBord 2")
    assert_accessible(laptop, "session created, PIN shown")
    laptop.click("#language")
    expect(laptop.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(laptop, "session list in English")
    laptop.click("#created-open")
    expect(laptop.locator("#open-session")).to_be_visible()
    assert_accessible(laptop, "draft session")
    laptop.click("#open-session")
    laptop.click("#close-session")
    expect(laptop.locator("#close-yes")).to_be_visible()
    assert_accessible(laptop, "open session, confirming close")
    laptop.goto(f"{staff_service.base_url}/staff/sessions/{code}/print")
    expect(laptop.locator("#sheet")).to_be_visible()
    assert_accessible(laptop, "print page")
    laptop.goto(staff_service.base_url + "/staff/audit")
    expect(laptop.locator("#audit")).to_be_visible()
    assert_accessible(laptop, "audit log")


def test_staff_pages_obey_the_content_security_policy_by_construction():
    """CSP `default-src 'self'` forbids inline scripts, style attributes and on* handlers."""
    for page in STAFF_PAGES.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"{page.name}: inline script"
        assert not re.search(r"\sstyle\s*=", html), f"{page.name}: style attribute"
        assert not re.search(r"\son[a-z]+\s*=", html), f"{page.name}: on* handler attribute"
        assert "<style" not in html, f"{page.name}: inline style element"
    for script in STAFF_PAGES.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        assert source.startswith('"use strict";'), f"{script.name}: not strict"
        assert not re.search(r"\beval\(|new Function\(|innerHTML", source), f"{script.name}: eval or innerHTML"


@pytest.fixture()
def danish_laptop(browser):
    """A laptop whose browser asks for Danish (as a municipal PC does); collects script errors and CSP violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
            and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def test_a_facilitator_opening_the_audit_log_gets_a_danish_page_with_a_way_back(staff_service, danish_laptop):
    page = danish_laptop
    facilitator = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    admin = staff_service.add_user("admin@kommune.dk", "admin")
    log_in(page, staff_service, facilitator)

    answer = page.goto(staff_service.base_url + "/staff/audit")
    assert answer.status == 403
    assert answer.headers["content-type"].startswith("text/html")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator("h1")).to_have_text("Du har ikke adgang til siden")
    expect(page.locator("main")).to_contain_text("Revisionsloggen er kun for administratorer.")
    expect(page.locator("main")).to_contain_text(f"Du er logget ind som {facilitator} (mødeleder).")
    assert_accessible(page, "403 page")
    page.click("text=Gå til dialogmøderne")
    expect(page).to_have_url(staff_service.base_url + "/staff")
    expect(page.locator("#sessions-title")).to_have_text("Dialogmøder")

    answer = page.goto(staff_service.base_url + "/staff/noget-der-ikke-findes")
    assert answer.status == 404
    expect(page.locator("h1")).to_have_text("Siden findes ikke")
    expect(page.locator("main")).to_contain_text("Der er ingen side på adressen /staff/noget-der-ikke-findes.")
    answer = page.goto(staff_service.base_url + "/staff/sessions/NOPE")
    assert answer.status == 404
    expect(page.locator("main")).to_contain_text("Der findes ikke et dialogmøde med koden NOPE.")

    # English on request, and the staff pages remember the choice, as their own switch does.
    page.goto(staff_service.base_url + "/analyst")
    expect(page.locator("main")).to_contain_text("Analysen af svar er kun for analytikere og administratorer.")
    page.click("#language")
    expect(page.locator("h1")).to_have_text("You do not have access to this page")
    assert_accessible(page, "403 page in English")
    page.goto(staff_service.base_url + "/staff")
    expect(page.locator("#sessions-title")).to_have_text("Dialogue meetings")
    page.click("#language")
    expect(page.locator("#sessions-title")).to_have_text("Dialogmøder")

    # Someone else may see it: logging in as them ends this login first, then comes back to the page.
    page.goto(staff_service.base_url + "/staff/audit")
    expect(page.locator("h1")).to_have_text("Du har ikke adgang til siden")
    page.click("text=Log ind som en anden")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fstaff%2Faudit&loggedOut=1$"))
    expect(page.locator("#logged-out")).to_have_text("Du er nu logget ud.")
    page.fill("#email", admin)
    page.fill("#password", PASSWORD)
    page.click("#login-button")
    expect(page).to_have_url(staff_service.base_url + "/staff/audit")
    expect(page.locator("#audit-body")).to_contain_text(f"{facilitator} loggede ud")
    assert not page.problems, f"script errors or CSP violations: {page.problems}"


# Every action the code records today, and those the other staff pages are adding.
AUDITED_ACTIONS = [
    "login", "login.failed", "logout", "session.create", "session.open", "session.close", "session.update",
    "session.duplicate", "session.delete", "session.archive", "user.add", "user.disable", "user.enable", "user.role",
    "user.reset", "user.delete", "setup.admin", "password.set", "form.create", "form.save", "form.discard", "form.publish",
    "form.import", "contacts.view", "contacts.export", "receipt.view", "receipt.erase", "contact.erase", "retention.rule",
    "responses.purge", "analysis.start", "theme.decide", "theme.undo", "export",
]


def test_admin_filters_the_audit_log_by_person_and_action_and_reads_danish_sentences(staff_service, danish_laptop):
    page = danish_laptop
    facilitator = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    admin = staff_service.add_user("admin@kommune.dk", "admin")
    page.goto(staff_service.base_url + "/login")
    page.fill("#email", "x@y.dk")
    page.fill("#password", "forkert-kodeord")
    page.click("#login-button")
    expect(page.locator("#login-error")).to_be_visible()
    log_in(page, staff_service, facilitator)
    code, _ = create_session(page, "Aftenmøde om trafik")
    page.click("#created-open")
    page.click("#open-session")
    page.click("#close-session")
    page.click("#close-yes")
    expect(page.locator("#session-status")).to_have_text("Lukket")
    page.click("#logout")
    expect(page).to_have_url(re.compile(r"/login\?loggedOut=1$"))
    log_in(page, staff_service, admin, "/staff/audit")

    rows = page.locator("#audit-body tr")
    grouped = code[:3] + " " + code[3:]
    body = page.locator("#audit-body")
    expect(body).to_contain_text(f"{facilitator} oprettede mødet »Aftenmøde om trafik« ({grouped}) med spørgeskemaet quick-poll")
    expect(body).to_contain_text(f"{facilitator} lukkede mødet »Aftenmøde om trafik« ({grouped})")
    expect(body).to_contain_text("Et login mislykkedes for x@y.dk fra 127.0.0.1")
    expect(body).to_contain_text(f"Kommandolinjen oprettede kontoen {facilitator} som mødeleder")
    assert "{" not in body.inner_text(), "details are words, never JSON"

    page.select_option("#actor", facilitator)
    page.select_option("#action", "session.")
    expect(rows).to_have_count(3)
    assert [row.locator(".audit-sentence").inner_text().split(" mødet")[0] for row in rows.all()] == [
        f"{facilitator} lukkede", f"{facilitator} åbnede", f"{facilitator} oprettede"]
    expect(page.locator("#audit-status")).to_have_text("Viser 3 hændelser.")
    assert_accessible(page, "audit log filtered")
    page.select_option("#action", "login")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(f"{facilitator} loggede ind fra 127.0.0.1")

    # The filters live in the address: a reload (or a link sent on) shows the same.
    page.reload()
    expect(page.locator("#actor")).to_have_value(facilitator)
    expect(page.locator("#action")).to_have_value("login")
    expect(rows).to_have_count(1)

    page.fill("#from", "2099-01-02")
    expect(page.locator("#audit-empty")).to_have_text("Ingen hændelser passer til det, du har valgt.")
    page.fill("#to", "2099-01-01")
    expect(page.locator("#to-error")).to_have_text("Til-datoen ligger før fra-datoen.")
    page.click("#reset")
    expect(page.locator("#actor")).to_have_value("")
    expect(rows.filter(has_text=admin).first).to_be_visible()

    page.click("#language")
    expect(body).to_contain_text(f"{facilitator} closed the meeting “Aftenmøde om trafik” ({grouped})")
    expect(page.locator("#action option[value='session.']")).to_have_text("All meeting actions")

    # Every action the system records reads as a sentence in both languages, without its raw name.
    for language in ("da", "en"):
        for action in AUDITED_ACTIONS:
            sentence = page.evaluate(
                "([action, language]) => AuditSentences.describe({actor: 'a@k.dk', action, target: 'ABCDEF', "
                "details: {role: 'analyst', address: '10.0.0.5'}}, language).text", [action, language])
            # The fallback for an action the page does not know quotes its raw name: none of these may need it.
            assert f"»{action}«" not in sentence and f"“{action}”" not in sentence, (language, action, sentence)
            assert "undefined" not in sentence and "[object" not in sentence and "{" not in sentence, (language, action, sentence)
            assert sentence.startswith(("a@k.dk", "Et login", "A login")), (language, action, sentence)
    unknown = page.evaluate("AuditSentences.describe({actor: 'a@k.dk', action: 'robot.dance', target: 'x', "
                            "details: {speedLimit: 3, tags: ['a', 'b'], nested: {ok: true}}}, 'da')")
    assert unknown["text"] == "a@k.dk udførte handlingen »robot.dance« på x"
    assert unknown["details"] == [["speed limit", "3"], ["tags", "a, b"], ["nested", "(ok: ja)"]]
    assert not page.problems, f"script errors or CSP violations: {page.problems}"
