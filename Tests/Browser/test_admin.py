"""A municipality's administrator in real Chromium against the real binary, with no command line:
first start → the printed setup link → the first admin → a facilitator added with a one-time link →
the facilitator chooses a password → creates a meeting. Then what admins and facilitators do after:
disable an account (its open page is logged out at once), archive a closed meeting, and the warning
on a QR page printed from the server itself."""
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import pytest
from playwright.sync_api import expect

from accessibility import assert_accessible
from conftest import BINARY, REPOSITORY, Service, free_port

ADMIN_PASSWORD = "Rådhuset har grønne tage"
FACILITATOR_PASSWORD = "Mødelederens lange sætning"


class FirstStartService(Service):
    """`borgerdialog serve` on an empty data folder, keeping what it prints (the setup link)."""

    def start(self):
        self.output = self.data / "serve-output.txt"
        self.data.mkdir(parents=True, exist_ok=True)
        with open(self.output, "w") as printed:
            self.process = subprocess.Popen(
                [str(BINARY), "serve", "--port", str(self.port), "--data", str(self.data),
                 "--forms", self.forms, "--static", "Static"],
                cwd=REPOSITORY, stdout=printed, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            match = re.search(r"(http://\S+/setup#\S+)", self.output.read_text())
            if match:
                self.setup_url = match.group(1)
                return
            assert self.process.poll() is None, "serve exited"
            time.sleep(0.1)
        raise RuntimeError("serve printed no setup link")


@pytest.fixture()
def first_start():
    assert BINARY.exists(), f"build first: {BINARY} is missing"
    running = FirstStartService(pathlib.Path(tempfile.mkdtemp(prefix="borgerdialog-admin-")))
    running.start()
    yield running
    running.stop()
    shutil.rmtree(running.data, ignore_errors=True)


def watched_page(browser):
    """A laptop page that collects script errors and CSP violations (any console error but failed loads)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
            and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    return context, page


def test_first_start_setup_then_a_facilitator_sets_a_password_and_creates_a_meeting(first_start, browser):
    admin_context, admin = watched_page(browser)
    facilitator_context, facilitator = watched_page(browser)
    try:
        # The printed link opens the setup page; the rules come from the server's policy, in Danish.
        assert first_start.setup_url.startswith(first_start.base_url + "/setup#")
        admin.goto(first_start.setup_url)
        expect(admin.locator("#password-form")).to_be_visible()
        expect(admin.locator("#rules-list li").first).to_contain_text("Mindst 10 tegn")
        assert_accessible(admin, "setup")
        admin.fill("#email", "it@kommune.dk")
        admin.fill("#password", "kort")
        admin.fill("#repeat", "kort")
        admin.click("#save")
        expect(admin.locator("#password-error")).to_have_text("Adgangskoden skal være mindst 10 tegn lang.")
        admin.fill("#password", ADMIN_PASSWORD)
        admin.fill("#repeat", ADMIN_PASSWORD)
        admin.click("#save")
        expect(admin).to_have_url(first_start.base_url + "/staff/users?welcome=1")
        expect(admin.locator("#welcome")).to_be_visible()
        expect(admin.locator("#who")).to_contain_text("it@kommune.dk")
        expect(admin.locator("nav a[href='/staff/users']")).to_be_visible()

        # The used link does not work again.
        check = admin.context.new_page()
        check.goto(first_start.setup_url)
        expect(check.locator("#link-problem")).to_contain_text("allerede en administrator")
        check.close()

        # Add a facilitator: no e-mail is sent, the admin gets a link to hand over.
        admin.fill("#email", "mette@kommune.dk")
        admin.select_option("#role", "facilitator")
        admin.click("#add-user")
        expect(admin.locator("#link-box")).to_be_visible()
        expect(admin.locator("#link-box")).to_be_focused()
        link = admin.input_value("#link-url")
        assert link.startswith(first_start.base_url + "/password#"), link
        row = admin.locator("tr[data-user]", has_text="mette@kommune.dk")
        expect(row).to_contain_text("Venter på adgangskode")
        assert_accessible(admin, "users with a new link")
        admin.click("#link-dismiss")
        expect(admin.locator("#link-box")).to_be_hidden()

        # The facilitator, on their own laptop, chooses a password and is logged in.
        facilitator.goto(link)
        expect(facilitator.locator("#email")).to_have_value("mette@kommune.dk")
        expect(facilitator.locator("#page-title")).to_have_text("Vælg din adgangskode")
        assert_accessible(facilitator, "set password")
        facilitator.fill("#password", FACILITATOR_PASSWORD)
        facilitator.fill("#repeat", FACILITATOR_PASSWORD + "!")
        facilitator.click("#save")
        expect(facilitator.locator("#repeat-error")).to_have_text("De to adgangskoder er ikke ens.")
        facilitator.fill("#repeat", FACILITATOR_PASSWORD)
        facilitator.click("#save")
        expect(facilitator).to_have_url(first_start.base_url + "/staff")
        expect(facilitator.locator("#who")).to_contain_text("mette@kommune.dk (mødeleder)")
        expect(facilitator.locator("nav a[href='/staff/users']")).to_be_hidden()

        # ... and creates a meeting.
        facilitator.select_option("#form-id", "quick-poll")
        facilitator.fill("#title", "Borgermøde om stier")
        facilitator.fill("#place", "Sæby Kulturhus")
        facilitator.fill("#date", "2030-05-14")
        facilitator.fill("#time", "19:00")
        facilitator.click("#create")
        expect(facilitator.locator("#created")).to_be_visible()
        code = facilitator.locator("#created-code").text_content()
        expect(facilitator.locator(f"#sessions-body tr[data-code='{code}']")).to_contain_text("Borgermøde om stier")

        # The admin sees the facilitator active, with a last login; the used link is spent.
        admin.reload()
        expect(row).to_contain_text("Aktiv")
        expect(row.locator("td").nth(3)).not_to_have_text("Aldrig")
        spent = admin.context.new_page()
        spent.goto(link)
        expect(spent.locator("#link-problem")).to_contain_text("Linket virker ikke")
        spent.close()

        # Disabling the facilitator logs their open page out at once.
        row.locator("[data-action=disable]").click()
        admin.locator(".confirm-row button.danger").click()
        expect(row).to_contain_text("Deaktiveret")
        facilitator.reload()
        expect(facilitator).to_have_url(re.compile(r"/login\?next="))

        assert admin.problems == [], admin.problems
        assert facilitator.problems == [], facilitator.problems
    finally:
        admin_context.close()
        facilitator_context.close()


def test_a_meeting_is_edited_duplicated_closed_and_archived_and_the_print_page_warns_on_loopback(first_start, browser):
    context, page = watched_page(browser)
    try:
        page.goto(first_start.setup_url)
        page.fill("#email", "it@kommune.dk")
        page.fill("#password", ADMIN_PASSWORD)
        page.fill("#repeat", ADMIN_PASSWORD)
        page.click("#save")
        expect(page).to_have_url(re.compile(r"/staff/users"))

        # The first start's demo meeting is labelled as such.
        page.goto(first_start.base_url + "/staff")
        demo = page.locator("#sessions-body tr", has_text="Demo")
        expect(demo.locator(".demo-badge")).to_have_text("Demo")
        demo.locator("a").click()
        expect(page.locator("#demo-note")).to_be_visible()

        # Printed from the server itself, the address is one no tablet can reach: the page says so.
        expect(page.locator("#address-warning")).to_contain_text("--public-url https://borgerdialog.kommune.dk")
        page.click("#print-link")
        warning = page.locator("#address-warning")
        expect(warning).to_contain_text("Tabletterne kan ikke åbne")
        page.emulate_media(media="print")
        expect(warning).to_be_hidden()
        page.emulate_media(media="screen")
        page.click("#back")

        # Edit the open demo: its details change, its form is fixed.
        page.click("#edit-session")
        expect(page.locator("#edit-form")).to_be_visible()
        expect(page.locator("#edit-form-id")).to_be_disabled()
        page.fill("#edit-title-input", "Prøvemøde")
        page.fill("#edit-tables", "Bord 1\nBord 2")
        page.click("#edit-save")
        expect(page.locator("#session-title")).to_have_text("Prøvemøde")
        expect(page.locator("#manage-message")).to_have_text("Ændringerne er gemt.")
        assert_accessible(page, "session after an edit")

        # A duplicate is a new draft with its own code and PIN.
        page.click("#duplicate-session")
        expect(page.locator("#duplicated")).to_be_visible()
        expect(page.locator("#duplicated-pin")).to_have_text(re.compile(r"^\d{4}$"))
        page.click("#duplicated-open")
        expect(page.locator("#session-status")).to_contain_text("Kladde")
        expect(page.locator("#session-title")).to_have_text("Prøvemøde (kopi)")
        page.click("#delete-session")
        page.click("#delete-yes")
        expect(page).to_have_url(re.compile(r"/staff\?deleted="))
        expect(page.locator("#list-message")).to_contain_text("er slettet")

        # Close the demo and archive it from the list; "Vis arkiverede" brings it back into view.
        page.locator("#sessions-body tr", has_text="Prøvemøde").locator("a").click()
        page.click("#close-session")
        page.click("#close-yes")
        expect(page.locator("#session-status")).to_contain_text("Lukket")
        page.goto(first_start.base_url + "/staff")
        row = page.locator("#sessions-body tr", has_text="Prøvemøde")
        row.locator("button[data-archive]").click()
        expect(page.locator("#list-message")).to_contain_text("er arkiveret")
        expect(row).to_have_count(0)
        expect(page.locator("#archived-count")).to_have_text("1 arkiverede møder er skjult.")
        page.check("#show-archived")
        expect(row.locator(".archived-badge")).to_have_text("Arkiveret")
        assert page.problems == [], page.problems
    finally:
        context.close()
