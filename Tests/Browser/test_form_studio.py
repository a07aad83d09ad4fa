"""The form studio in real Chromium against the real binary: a facilitator builds a form with every
question type, a condition and two themes, meets a problem at its field and fixes it, previews it on
the tablet frame (both sizes, both languages), publishes it, creates a meeting with it, and a tablet
answers it, all without a restart. Library forms are read-only but can be copied; leaving with
unsaved changes warns; questions and options reorder by buttons (keyboard) and by drag."""
import json
import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from accessibility import assert_accessible
from answering import answer_whole_form, wait_for_thank_you
from form_studio import (add_question, check, create_form, field, fill_text, open_card, preview_frame, saved_definition,
                         set_options, wait_saved)
from test_staff import laptop, log_in, staff_service  # noqa: F401  (fixtures)


def build_every_type(page, base_url):
    """The form of the main test: every question type, two themes, one condition; answers its id."""
    form_id = create_form(page, base_url, "Dialogmøde om ældrepolitikken")
    fill_text(page, "$.title", "Dialogmøde om ældrepolitikken", "Dialogue on the policy for older people")
    for index, (danish, english) in enumerate([("Det gode ældreliv", "A good life in old age"), ("Sundhed", "Health")]):
        page.click("#add-theme")
        fill_text(page, f"$.themes[{index}].name", danish, english)
        fill_text(page, f"$.themes[{index}].description", f"Om {danish.lower()}.", f"About {english.lower()}.")
    # The closing question of a new form ("Har du andre kommentarer?") stays last.
    where = add_question(page, "single_choice", "Hvor bor du?", "Where do you live?")
    set_options(page, where, [("Sæby", "Sæby"), ("Skagen", "Skagen")])
    check(page, f"$.questions[{where}].allowOther")
    spare = add_question(page, "multiple_choice", "Hvad laver du i din fritid?", "What do you do in your spare time?")
    set_options(page, spare, [("Sport", "Sport"), ("Kultur", "Culture"), ("Frivilligt arbejde", "Volunteering")])
    field(page, f"$.questions[{spare}].maxSelected").fill("2")
    check(page, f"$.questions[{spare}].background")
    care = add_question(page, "scale", "Hvor tilfreds er du med ældreplejen?", "How satisfied are you with elderly care?")
    fill_text(page, f"$.questions[{care}].minLabel", "Meget utilfreds", "Very dissatisfied")
    fill_text(page, f"$.questions[{care}].maxLabel", "Meget tilfreds", "Very satisfied")
    check(page, f"$.questions[{care}].allowDontKnow")
    page.locator("#question-list > li").nth(care).get_by_label("Det gode ældreliv").check()
    over = add_question(page, "yes_no", "Er du fyldt 65 år?", "Are you 65 or older?")
    # The condition's English is left out for now: a missing translation, marked but not an error.
    why = add_question(page, "text", "Hvad betyder mest for dig som ældre?", None)
    check(page, f"$.questions[{why}].required")
    card = page.locator("#question-list > li").nth(why)
    card.get_by_label(re.compile("Vis kun spørgsmålet")).check()
    expect(field(page, f"$.questions[{why}].showIf.question")).to_have_value(f"er-du-fyldt-65-aar")
    card.locator(".condition-values").get_by_label("Ja").check()
    hours = add_question(page, "number", "Hvor mange timer om ugen er du aktiv?", "How many hours a week are you active?")
    field(page, f"$.questions[{hours}].min").fill("0")
    field(page, f"$.questions[{hours}].max").fill("100")
    fill_text(page, f"$.questions[{hours}].unit", "timer", "hours")
    add_question(page, "section", "Prioriteringer", "Priorities")
    add_question(page, "info", "Nu skal du prioritere politikkens temaer.", "Now put the policy's themes in order.")
    rank = add_question(page, "ranking", "Sæt temaerne i rækkefølge.", "Put the themes in order.")
    expect(field(page, f"$.questions[{rank}].items")).to_contain_text("Det gode ældreliv, Sundhed")
    points = add_question(page, "points", "Fordel 10 point mellem temaerne.", "Share 10 points among the themes.")
    field(page, f"$.questions[{points}].total").fill("10")
    return form_id, {"where": where, "spare": spare, "care": care, "over": over, "why": why, "hours": hours, "rank": rank,
                     "points": points}


def test_a_facilitator_builds_previews_and_publishes_a_form_and_a_tablet_answers_it(staff_service, laptop, browser):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email, "/staff/forms")
    form_id, at = build_every_type(laptop, staff_service.base_url)

    # A problem is shown at its field, listed with a link to it, and stops publishing.
    open_card(laptop, at["care"])
    care_min = field(laptop, f"$.questions[{at['care']}].min")
    care_min.fill("5")
    wait_saved(laptop)
    min_field = care_min.locator("xpath=..")
    expect(min_field.locator(".field-error")).to_contain_text("5")
    expect(care_min).to_have_attribute("aria-invalid", "true")
    expect(laptop.locator("#publish")).to_have_attribute("aria-disabled", "true")
    expect(laptop.locator("#publish-note")).to_contain_text("1 problem skal rettes")
    expect(laptop.locator("#publish-note")).to_contain_text("1 oversættelse mangler")
    laptop.click("#about-title")
    laptop.locator("#problems .problem-list a").first.click()
    expect(care_min).to_be_focused()
    care_min.fill("1")
    wait_saved(laptop)
    expect(min_field.locator(".field-error")).to_be_hidden()
    expect(care_min).not_to_have_attribute("aria-invalid", "true")

    # The missing English is marked at its field until it is written.
    open_card(laptop, at["why"])
    why_english = field(laptop, f"$.questions[{at['why']}].label.en")
    expect(why_english.locator("xpath=..").locator(".missing-translation")).to_be_visible()
    why_english.fill("What matters most to you in old age?")
    expect(why_english.locator("xpath=..").locator(".missing-translation")).to_be_hidden()
    wait_saved(laptop)
    expect(laptop.locator("#publish")).to_have_attribute("aria-disabled", "false")
    expect(laptop.locator("#problems")).to_contain_text("Ingen problemer")

    definition = saved_definition(laptop)
    assert [question["type"] for question in definition["questions"]] == [
        "single_choice", "multiple_choice", "scale", "yes_no", "text", "number", "section", "info", "ranking", "points", "text"]
    assert definition["questions"][-1]["id"] == "andre-kommentarer"
    assert definition["questions"][at["why"]]["showIf"] == {"question": "er-du-fyldt-65-aar", "equals": True}
    assert definition["questions"][at["care"]]["themes"] == ["det-gode-aeldreliv"]
    assert [theme["key"] for theme in definition["themes"]] == ["det-gode-aeldreliv", "sundhed"]
    assert [option["value"] for option in definition["questions"][at["where"]]["options"]] == ["saeby", "skagen"]

    check_preview(laptop, at)

    laptop.click("#publish")
    expect(laptop.locator("#action-message")).to_contain_text("Version 1 er udgivet")
    expect(laptop.locator("#versions-body")).to_contain_text("Version 1")
    expect(laptop.locator("#form-status")).to_contain_text("Udgivet v1")

    # A meeting with the new form, created from the link after publishing, picked by the search.
    laptop.locator("#action-message a").click()
    expect(laptop.locator("#form-id")).to_have_value(form_id)
    expect(laptop.locator(f"#form-id optgroup[label='Egne spørgeskemaer'] option[value='{form_id}']")).to_have_count(1)
    laptop.fill("#form-search", "ældrepolitik")
    expect(laptop.locator("#form-search-help")).to_contain_text("1 af")
    laptop.fill("#title", "Ældrepolitik i Sæby")
    laptop.click("#create")
    expect(laptop.locator("#created")).to_be_visible()
    code = laptop.locator("#created-code").text_content()
    laptop.click("#created-open")
    laptop.click("#open-session")
    expect(laptop.locator("#session-status")).to_have_text("Åben")

    tablet_context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    try:
        tablet = tablet_context.new_page()
        tablet.goto(f"{staff_service.base_url}/s/{code}")
        tablet.wait_for_selector("#answers")
        expect(tablet.locator("#form-title")).to_have_text("Dialogmøde om ældrepolitikken")
        expect(tablet.locator(".preview-banner")).to_have_count(0)
        given = answer_whole_form(tablet, "Et godt fællesskab")
        wait_for_thank_you(tablet)
    finally:
        tablet_context.close()
    stored = staff_service.export(code)["responses"][0]["answers"]
    assert stored["hvor-bor-du"] == "saeby"
    assert stored["er-du-fyldt-65-aar"] is True
    assert stored["hvad-betyder-mest-for-dig-som-aeldre"] == given["hvad-betyder-mest-for-dig-som-aeldre"] == "Et godt fællesskab"
    assert stored["hvor-mange-timer-om-ugen-er-du-aktiv"] == 0
    assert sorted(stored[definition["questions"][at["rank"]]["id"]]) == ["det-gode-aeldreliv", "sundhed"]
    assert sum(stored[definition["questions"][at["points"]]["id"]].values()) == 10

    # The form list shows the version and the meeting that uses it.
    laptop.goto(staff_service.base_url + "/staff/forms")
    expect(laptop.locator(f"tr[data-form='{form_id}']")).to_contain_text("v1: 1 møde")


def check_preview(page, at):
    """The tablet's own code in the frame: marker, both sizes, both languages, a working condition,
    and nothing sent or kept."""
    frame_element = page.locator("#preview-frame")
    preview = preview_frame(page)
    expect(preview.locator(".preview-banner")).to_have_text("Forhåndsvisning – svar gemmes ikke")
    expect(preview.locator("#form-title")).to_have_text("Dialogmøde om ældrepolitikken")
    assert page.evaluate("document.getElementById('preview-frame').contentWindow.innerWidth") == 768
    page.locator("label:has(input[name='preview-size'][value='landscape'])").click()
    expect(frame_element).to_have_attribute("data-size", "landscape")
    expect(preview.locator("#form-title")).to_be_visible()
    page.wait_for_function("document.getElementById('preview-frame').contentWindow.innerWidth === 1024")
    assert page.evaluate("document.getElementById('preview-frame').contentWindow.innerHeight") == 768
    page.locator("label:has(input[name='preview-language'][value='en'])").click()
    expect(preview.locator("#form-title")).to_have_text("Dialogue on the policy for older people")
    expect(preview.locator(".preview-banner")).to_have_text("Preview – answers are not saved")
    page.locator("label:has(input[name='preview-language'][value='da'])").click()
    page.locator("label:has(input[name='preview-size'][value='portrait'])").click()
    expect(preview.locator("#form-title")).to_have_text("Dialogmøde om ældrepolitikken")
    page.wait_for_function("document.getElementById('preview-frame').contentWindow.innerWidth === 768")

    # The condition works as on a real tablet.
    conditional = preview.locator('[data-question="hvad-betyder-mest-for-dig-som-aeldre"]')
    expect(conditional).to_be_hidden()
    over = preview.locator('[data-question="er-du-fyldt-65-aar"]')
    over.get_by_text("Ja", exact=True).click()
    expect(conditional).to_be_visible()
    over.get_by_text("Nej", exact=True).click()
    expect(conditional).to_be_hidden()
    over.get_by_text("Ja", exact=True).click()
    preview.locator("#next").click()
    expect(preview.locator("#next")).to_be_visible()
    # Required and left empty: the preview checks as a tablet does.
    expect(preview.locator("#form-errors")).to_be_visible()
    conditional.locator("textarea, input").first.fill("Prøvesvar")
    preview.locator("#next").click()
    preview.locator("#submit").click()
    expect(preview.locator(".thank-you")).to_be_visible()
    expect(preview.locator(".notice")).to_contain_text("ikke sendt eller gemt")
    kept = page.evaluate("""async () => {
        const inner = document.getElementById('preview-frame').contentWindow;
        const databases = (await inner.indexedDB.databases()).map((database) => database.name);
        const workers = (await inner.navigator.serviceWorker.getRegistrations()).length;
        return { databases, workers };
    }""")
    assert kept == {"databases": [], "workers": 0}, kept


def test_a_library_form_cannot_be_edited_but_can_be_copied(staff_service, laptop):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email, "/staff/forms/quick-poll")
    expect(laptop.locator("#read-only")).to_contain_text("hører til biblioteket")
    expect(laptop.locator("#toolbar")).to_be_hidden()
    expect(laptop.locator("#add-question")).to_be_hidden()
    expect(field(laptop, "$.title.da")).to_be_disabled()
    expect(field(laptop, "$.title.da")).to_have_value("Hurtig afstemning")
    # The server refuses an edit of a library form too.
    status = laptop.evaluate("""async () => {
        const me = await (await fetch('/api/me')).json();
        const response = await fetch('/api/staff/forms/quick-poll', { method: 'PUT', body: '{}',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken } });
        return response.status;
    }""")
    assert status == 409

    laptop.click("#copy-form")
    expect(laptop).to_have_url(re.compile(r"/staff/forms/hurtig-afstemning-kopi$"))
    expect(laptop.locator("#action-message")).to_contain_text("Kopien er lavet")
    expect(field(laptop, "$.title.da")).to_be_enabled()
    expect(field(laptop, "$.title.da")).to_have_value("Hurtig afstemning (kopi)")
    expect(field(laptop, "$.title.en")).to_have_value("Quick poll (copy)")
    field(laptop, "$.title.da").fill("Hurtig afstemning i Sæby")
    assert saved_definition(laptop)["title"]["da"] == "Hurtig afstemning i Sæby"
    laptop.goto(staff_service.base_url + "/staff/forms")
    expect(laptop.locator("tr[data-form='hurtig-afstemning-kopi']")).to_contain_text("Kladde")
    expect(laptop.locator("tr[data-form='quick-poll']")).to_contain_text("Biblioteket")

    # A meeting needs a published form: the copy is not offered until it is published.
    laptop.goto(staff_service.base_url + "/staff")
    expect(laptop.locator("#form-id optgroup[label='Biblioteket'] option[value='quick-poll']")).to_have_count(1)
    expect(laptop.locator("#form-id option[value='hurtig-afstemning-kopi']")).to_have_count(0)


def test_leaving_with_unsaved_changes_warns(staff_service, laptop):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email, "/staff/forms")
    create_form(laptop, staff_service.base_url, "Ændringer, der ikke er gemt")
    wait_saved(laptop)
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    laptop.on("dialog", answer)
    field(laptop, "$.title.en").click()
    laptop.keyboard.type("Unsaved")
    try:
        laptop.goto(staff_service.base_url + "/staff/forms", wait_until="commit")
    except PlaywrightError:
        pass  # staying on the page aborts the navigation
    assert dialogs == ["beforeunload"], "leaving with unsaved changes must ask first"
    expect(laptop).to_have_url(re.compile(r"/staff/forms/aendringer-der-ikke-er-gemt$"))
    expect(field(laptop, "$.title.en")).to_have_value("Unsaved")

    # Once saved, leaving is quiet, and the change is there.
    wait_saved(laptop)
    laptop.goto(staff_service.base_url + "/staff/forms")
    assert dialogs == ["beforeunload"]
    expect(laptop.locator("tbody")).to_contain_text("Ændringer, der ikke er gemt")


def test_questions_and_options_reorder_by_buttons_and_by_drag(staff_service, laptop):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email, "/staff/forms")
    create_form(laptop, staff_service.base_url, "Rækkefølge")
    add_question(laptop, "yes_no", "Anden", "Second")
    choice = add_question(laptop, "single_choice", "Tredje", "Third")
    set_options(laptop, choice, [("Rød", "Red"), ("Grøn", "Green"), ("Blå", "Blue")])
    cards = laptop.locator("#question-list .card-title")
    expect(cards).to_have_text(["Anden", "Tredje", "Har du andre kommentarer?"])

    # By button: the moved question keeps the focus, so the keyboard can go on moving it.
    laptop.get_by_role("button", name="Flyt Spørgsmål 3 op").click()
    expect(cards).to_have_text(["Anden", "Har du andre kommentarer?", "Tredje"])
    expect(laptop.get_by_role("button", name="Flyt Spørgsmål 2 op")).to_be_focused()
    laptop.keyboard.press("Enter")
    expect(cards).to_have_text(["Har du andre kommentarer?", "Anden", "Tredje"])
    expect(laptop.get_by_role("button", name="Flyt Spørgsmål 1 ned")).to_be_focused()
    laptop.keyboard.press("Enter")
    expect(cards).to_have_text(["Anden", "Har du andre kommentarer?", "Tredje"])

    # Options move by button too.
    laptop.get_by_role("button", name="Flyt Svarmulighed 3 op").click()
    definition = saved_definition(laptop)
    assert [question["label"]["da"] for question in definition["questions"]] == ["Anden", "Har du andre kommentarer?", "Tredje"]
    assert [option["value"] for option in definition["questions"][2]["options"]] == ["roed", "blaa", "groen"]

    # By drag (mouse or finger on the handle): the last question to the top.
    handle = laptop.locator("#question-list > li").nth(2).locator(".card-header > .drag-handle")
    target = laptop.locator("#question-list > li").nth(0)
    handle.hover()
    laptop.mouse.down()
    box = target.bounding_box()
    laptop.mouse.move(box["x"] + 40, box["y"] + 10, steps=8)
    laptop.mouse.up()
    expect(cards).to_have_text(["Tredje", "Anden", "Har du andre kommentarer?"])
    definition = saved_definition(laptop)
    assert [question["label"]["da"] for question in definition["questions"]] == ["Tredje", "Anden", "Har du andre kommentarer?"]


def test_a_deleted_question_can_be_brought_back(staff_service, laptop):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email, "/staff/forms")
    create_form(laptop, staff_service.base_url, "Fortryd")
    add_question(laptop, "yes_no", "Bliver slettet", "Will be deleted")
    laptop.get_by_role("button", name="Slet Spørgsmål 1").click()
    expect(laptop.locator("#question-list .card-title")).to_have_text(["Har du andre kommentarer?"])
    undo = laptop.locator("#action-message button")
    expect(undo).to_be_focused()
    undo.click()
    expect(laptop.locator("#question-list .card-title")).to_have_text(["Bliver slettet", "Har du andre kommentarer?"])
    assert len(saved_definition(laptop)["questions"]) == 2


def test_export_and_import_with_problems_shown_at_their_place(staff_service, laptop, tmp_path):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email, "/staff/forms")
    with laptop.expect_download() as download:
        laptop.locator("tr[data-form='quick-poll']").get_by_role("button", name=re.compile("Hent")).click()
    exported = tmp_path / "quick-poll.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["id"] == "quick-poll"

    # The library's own form comes back as a new form, not over the library one.
    laptop.set_input_files("#import-file", str(exported))
    expect(laptop.locator("#import-result")).to_contain_text("biblioteket")
    laptop.get_by_role("button", name="Importér som nyt spørgeskema").click()
    expect(laptop.locator("#action-message")).to_contain_text("importeret")
    imported_id = laptop.url.rstrip("/").split("/")[-1]
    assert imported_id != "quick-poll"
    expect(field(laptop, "$.title.da")).to_have_value("Hurtig afstemning (kopi)")

    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"formatVersion": 1, "id": "broken-form", "title": {"da": "Brudt", "en": "Broken"}, "themes": [],
                                  "questions": [{"id": "q", "type": "slider", "label": {"da": "Hvad?", "en": "What?"}}]}),
                      encoding="utf-8")
    laptop.goto(staff_service.base_url + "/staff/forms")
    laptop.set_input_files("#import-file", str(broken))
    result = laptop.locator("#import-result")
    expect(result).to_contain_text("»broken.json« kunne ikke importeres")
    expect(result.locator(".problem-list")).to_contain_text("$.questions[0].type")
    expect(result.locator(".problem-list")).to_contain_text("slider")


def test_an_analyst_may_look_but_not_change(staff_service, laptop):
    email = staff_service.add_user("analytiker@kommune.dk", "analyst")
    log_in(laptop, staff_service, email, "/staff/forms")
    expect(laptop.locator("#start-panels")).to_be_hidden()
    expect(laptop.locator("tr[data-form='quick-poll']")).to_contain_text("Vis")
    laptop.locator("tr[data-form='quick-poll'] a").first.click()
    expect(laptop.locator("#read-only")).to_contain_text("kun mødeledere og administratorer")
    expect(laptop.locator("#copy-form")).to_be_hidden()
    expect(preview_frame(laptop).locator("#form-title")).to_have_text("Hurtig afstemning")


def test_the_form_studio_passes_axe_in_danish_and_english(staff_service, laptop):
    email = staff_service.add_user("mødeleder@kommune.dk", "facilitator")
    log_in(laptop, staff_service, email, "/staff/forms")
    expect(laptop.locator("#forms")).to_be_visible()
    assert_accessible(laptop, "form list")
    form_id = create_form(laptop, staff_service.base_url, "Tilgængelighed")
    index = add_question(laptop, "scale", "Hvor enig er du?", None)
    field(laptop, f"$.questions[{index}].min").fill("9")
    wait_saved(laptop)
    expect(laptop.locator("#problems .problem-list").first).to_be_visible()
    assert_accessible(laptop, "builder with a problem and a missing translation")
    laptop.click("#language")
    expect(laptop.locator("html")).to_have_attribute("lang", "en")
    expect(laptop.locator("#publish")).to_have_text("Publish")
    assert_accessible(laptop, "builder in English")
    laptop.goto(f"{staff_service.base_url}/staff/forms/{form_id}/preview?lang=en")
    expect(laptop.locator(".preview-banner")).to_be_visible()
    assert_accessible(laptop, "tablet preview")
