"""Drives the form builder (/staff/forms/{id}) the way a facilitator does: by its buttons and
fields. Fields are found by the JSON path the server names in its problems (data-path), which is
also what ties a problem to its field."""
import json
import re

from playwright.sync_api import expect

def field(page, path):
    return page.locator(f'[data-path="{path}"]')


def fill_text(page, path, danish, english=None):
    """Fills a translated text; `english=None` leaves the English side as it is."""
    field(page, path + ".da").fill(danish)
    if english is not None:
        field(page, path + ".en").fill(english)


def create_form(page, base_url, title):
    """From the form list: a new form with a Danish title; answers its id (from the address)."""
    page.goto(base_url + "/staff/forms")
    page.fill("#new-title", title)
    page.click("#create-form")
    expect(page.locator("#builder")).to_be_visible()
    expect(page.locator("#action-message")).to_contain_text("oprettet")
    return page.url.rstrip("/").split("/")[-1].split("?")[0]


def question_count(page):
    return page.locator("#question-list > li").count()


def add_question(page, question_type, danish, english):
    """Adds a question of a type from the palette and writes its text; answers its index."""
    page.click(f'#add-question-buttons [data-type="{question_type}"]')
    # A new question goes in before the closing question of a new form: the cursor says where.
    label = page.locator("#question-list [lang=da]:focus")
    expect(label).to_have_count(1)
    index = int(re.search(r"questions\[(\d+)\]", label.get_attribute("data-path")).group(1))
    label.fill(danish)
    if english is not None:
        field(page, f"$.questions[{index}].label.en").fill(english)
    return index


def open_card(page, index):
    """Unfolds a question card (adding a question folds the others)."""
    toggle = page.locator("#question-list > li").nth(index).locator(".card-toggle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def set_options(page, index, options):
    """Writes a choice question's options [(da, en)], adding rows as needed."""
    card = page.locator("#question-list > li").nth(index)
    for position, (danish, english) in enumerate(options):
        if field(page, f"$.questions[{index}].options[{position}].label.da").count() == 0:
            card.get_by_role("button", name=re.compile(r"Tilføj svarmulighed|Add an option")).click()
        fill_text(page, f"$.questions[{index}].options[{position}].label", danish, english)


def check(page, path):
    box = field(page, path)
    if not box.is_checked():
        box.check()


def wait_saved(page):
    expect(page.locator("#save-status")).to_have_attribute("data-state", "saved", timeout=15000)


def saved_definition(page):
    """The definition as the server has it now (after the last save)."""
    wait_saved(page)
    return page.evaluate(
        "fetch(location.pathname.replace('/staff/', '/api/staff/'), {cache: 'no-store'})"
        ".then(response => response.json()).then(body => body.form.definition)")


def preview_frame(page):
    return page.frame_locator("#preview-frame")


def titles(page):
    return [text.strip() for text in page.locator("#question-list > li .card-title").all_text_contents()]


def dump(definition):
    return json.dumps(definition, ensure_ascii=False, indent=1)
