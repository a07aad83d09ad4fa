"""The themed report as a reader gets it: made by the real binary from real answers, opened and
printed to PDF by Debian's Chromium. Nothing may be wider than its box (tables, headings, chart
labels inside their SVG), for every shipped form with its longest labels, and a small meeting must
print on few pages. The PDF is also turned into PNG pages (pdftoppm, poppler-utils) so a person can
look at them: set BORGERDIALOG_REPORT_PAGES to a folder to keep them. The downloads are checked too:
file names that say what they are, texts or codes, Danish times, through the daemon and the CLI."""
import csv
import datetime
import io
import itertools
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import zoneinfo

import openpyxl
import pytest

from analyst_helpers import PASSWORD, AnalystService
from conftest import REPOSITORY, Service

FORMS = sorted(path.stem for path in (REPOSITORY / "Forms").glob("*.json") if path.stem != "form.schema")
TABLES = ["Bord 1", "Bord 2", "Bord 3"]

# What citizens write: ordinary sentences, a long one, one with a phone number (masked in the report).
TEXTS = [
    "Flere fællesspisninger i forsamlingshuset, så ældre ikke sidder alene om aftenen.",
    "Bedre busforbindelser mellem landsbyerne og byen, også i weekenden og om aftenen.",
    "Foreningerne mangler frivillige; gør det nemmere at låne lokaler og søge tilskud.",
    "Flere cykelstier og grønne områder, hvor børnefamilier kan mødes og lege sammen.",
    "Ungdomsklubben lukker for tidligt, de unge har brug for et sted at være om aftenen.",
    "Ring til mig på 22 33 44 55, hvis I vil høre mere om vores idé til et fælles værksted.",
    "Mere hjælp til ensomme ældre og besøgsvenner i lokalområdet – det betyder virkelig meget for "
    "livskvaliteten, når man ikke længere selv kan komme ud, og det kan foreningerne og kommunen gøre sammen.",
    "Skolen og idrætsforeningen samarbejder godt, og det skal vi have mere af i hele kommunen.",
]


def answer_for(question: dict, number: int):
    """A valid answer to any question type; `number` varies the choice between citizens."""
    kind = question["type"]
    options = [option["value"] for option in question.get("options", [])]
    if kind == "text":
        return TEXTS[(number + len(question["id"])) % len(TEXTS)]
    if kind == "single_choice":
        return options[number % len(options)]
    if kind == "multiple_choice":
        wanted = max(1, question.get("minSelected", 1))
        wanted = min(wanted + number % 2, question.get("maxSelected", len(options)), len(options))
        return [options[(number + offset) % len(options)] for offset in range(wanted)]
    if kind == "scale":
        low, high = question.get("min", 1), question.get("max", 5)
        if question.get("allowDontKnow") and number % 7 == 6:
            return "dont_know"
        return low + (number * 3) % (high - low + 1)
    if kind == "yes_no":
        return number % 3 != 0
    if kind == "number":
        return question.get("min", 0) + number % 5
    return None


def themed_items(question: dict, form: dict) -> list:
    """The item values of a ranking or points question (from the form's themes or its options)."""
    if question.get("items") == "themes":
        return [theme["key"] for theme in form["themes"]]
    return [option["value"] for option in question.get("options", [])]


def citizen_answers(form: dict, number: int) -> dict:
    answers = {}
    for question in form["questions"]:
        kind = question["type"]
        if kind in ("info", "section"):
            continue
        if kind == "ranking":
            items = themed_items(question, form)
            shift = number % len(items)
            answers[question["id"]] = items[shift:] + items[:shift]
        elif kind == "points":
            items = themed_items(question, form)
            total = question["total"]
            answers[question["id"]] = {items[number % len(items)]: total - total // 2,
                                       items[(number + 1) % len(items)]: total // 2}
        else:
            answers[question["id"]] = answer_for(question, number)
    return answers


def post(service: Service, code: str, answers: dict, table: str):
    body = json.dumps({"submissionId": str(uuid.uuid4()), "answers": answers, "language": "da", "table": table}).encode()
    request = urllib.request.Request(f"{service.base_url}/api/sessions/{code}/responses", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            assert response.status == 201
    except urllib.error.HTTPError as error:
        raise AssertionError(f"answer refused ({error.code}): {error.read().decode()}") from None


def make_report(service: Service, form_id: str, citizens: int, meetings: int = 1) -> pathlib.Path:
    """Citizens answer at tables in `meetings` meetings; returns the report the command line exports."""
    form = json.loads((REPOSITORY / "Forms" / f"{form_id}.json").read_text(encoding="utf-8"))
    codes = []
    for meeting in range(meetings):
        code = service.command("sessions", "create", "--data", str(service.data), "--forms", service.forms, "--form", form_id,
                               "--title", f"Dialogmøde {meeting + 1} om {form['title']['da']}",
                               "--place", "Rådhusets store mødesal", "--tables", ",".join(TABLES)).strip()
        codes.append(code)
    for number, code in zip(range(citizens), itertools.cycle(codes)):
        post(service, code, citizen_answers(form, number), TABLES[number % len(TABLES)])
    folder = service.data / "exports"
    folder.mkdir(exist_ok=True)
    path = service.command("export", "--data", str(service.data), "--session", ",".join(codes), "--format", "html",
                           "--output", str(folder)).strip()
    return pathlib.Path(path)


OVERFLOW_PROBE = """() => {
  const problems = [];
  const describe = (element) => element.tagName.toLowerCase() + (element.className && element.className.baseVal === undefined
    ? "." + element.className : "") + ": " + (element.textContent || "").trim().slice(0, 60);
  for (const element of document.body.querySelectorAll("*")) {
    if (element.closest("svg")) continue;
    const style = getComputedStyle(element);
    if (style.display === "inline" || style.display === "none") continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      problems.push(`wider than its box (${element.scrollWidth} > ${element.clientWidth}): ${describe(element)}`);
    }
  }
  const page = document.documentElement.clientWidth;
  for (const element of document.body.querySelectorAll("table, figure, svg, h1, h2, h3, p, blockquote")) {
    const box = element.getBoundingClientRect();
    if (box.right > page + 1 || box.left < -1) problems.push(`outside the page (${box.left}–${box.right} of ${page}): ${describe(element)}`);
  }
  for (const svg of document.querySelectorAll("svg")) {
    const view = svg.viewBox.baseVal;
    for (const text of svg.querySelectorAll("text")) {
      const box = text.getBBox();
      if (box.x < view.x - 0.5 || box.y < view.y - 0.5 || box.x + box.width > view.x + view.width + 0.5
          || box.y + box.height > view.y + view.height + 0.5) {
        problems.push(`chart text outside its chart (${Math.round(box.x)},${Math.round(box.y)} `
          + `${Math.round(box.width)}×${Math.round(box.height)} in ${view.width}×${view.height}): ${text.textContent}`);
      }
    }
    const texts = [...svg.querySelectorAll("text")].map((text) => [text, text.getBBox()]);
    for (let first = 0; first < texts.length; first++) {
      for (let second = first + 1; second < texts.length; second++) {
        const [a, boxA] = texts[first];
        const [b, boxB] = texts[second];
        const overlapX = Math.min(boxA.x + boxA.width, boxB.x + boxB.width) - Math.max(boxA.x, boxB.x);
        const overlapY = Math.min(boxA.y + boxA.height, boxB.y + boxB.height) - Math.max(boxA.y, boxB.y);
        if (overlapX > 1 && overlapY > 3) problems.push(`chart texts overlap: "${a.textContent}" and "${b.textContent}"`);
      }
    }
  }
  return problems;
}"""

# Words a Danish reader should never meet in the report: the codes behind kinds and decisions.
CODE_WORDS = ["guided", "emerging", "discovered", "offTopic", "rename", "merge", "split", "move", "dont_know", "other"]


def page_count(pdf: pathlib.Path) -> int:
    """The number of pages, as poppler's pdfinfo reads it."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def print_report(browser, report: pathlib.Path, keep_as: str) -> pathlib.Path:
    """Prints the report as Chromium does to A4 PDF; keeps PNG pages when BORGERDIALOG_REPORT_PAGES is set."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(report.as_uri())
    pdf = report.with_suffix(".pdf")
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    context.close()
    keep = os.environ.get("BORGERDIALOG_REPORT_PAGES")
    if keep:
        folder = pathlib.Path(keep)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(report, folder / f"{keep_as}.html")
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / keep_as)], check=True)
    return pdf


@pytest.mark.parametrize("form_id", FORMS)
def test_nothing_in_the_report_is_wider_than_its_box(start_service, browser, form_id):
    service = start_service()
    report = make_report(service, form_id, citizens=14, meetings=2)
    # A4 minus the margins on screen, and a narrow window: the report must hold in both.
    for width in (794, 420):
        context = browser.new_context(viewport={"width": width, "height": 1100})
        page = context.new_page()
        page.goto(report.as_uri())
        problems = page.evaluate(OVERFLOW_PROBE)
        body = page.inner_text("body")
        context.close()
        assert problems == [], f"{form_id} at {width}px:\n" + "\n".join(problems[:20])
    words = set(body.replace("·", " ").split())
    assert [word for word in CODE_WORDS if word in words] == [], "codes shown to the reader"
    assert "22 33 44 55" not in body, "phone numbers are masked in the report"
    print_report(browser, report, form_id)


def test_a_small_meeting_prints_on_few_pages_with_a_summary_first(start_service, browser):
    service = start_service()
    report = make_report(service, "frederikshavn-sammen-om", citizens=13)
    pdf = print_report(browser, report, "small-meeting")
    pages = page_count(pdf)
    # Before this report, 13 citizens took 13 A4 pages; the shipped form's largest report is now 5.
    assert pages <= 5, f"13 citizens take {pages} A4 pages"
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(report.as_uri())
    summary = page.locator("section.summary-page")
    assert "13 personer" in summary.inner_text()
    assert summary.locator("ol.top-themes > li").count() >= 2
    assert summary.locator("ol.top-themes blockquote").count() >= 2, "one quote per top theme"
    # The summary fits on the first printed sheet: A4 is 297 mm, less 34 mm of margins.
    assert summary.bounding_box()["height"] <= (297 - 34) / 25.4 * 96
    context.close()


def test_scales_use_a_diverging_palette_with_the_questions_own_end_labels(start_service, browser):
    service = start_service()
    report = make_report(service, "frederikshavn-sammen-om", citizens=13)
    context = browser.new_context()
    page = context.new_page()
    page.goto(report.as_uri())
    question = page.locator(".question", has=page.locator("h3", has_text="Dem, der kan selv"))
    texts = question.locator("svg text").all_text_contents()
    assert "1 = Helt uenig" in texts and "5 = Helt enig" in texts, texts
    fills = question.locator("svg rect").evaluate_all("rects => rects.map(rect => rect.getAttribute('fill'))")
    assert len(set(fills)) >= 3, f"a scale shows its answers in graded colours: {fills}"
    bars = page.locator(".question", has=page.locator("h3", has_text="Hvor gammel er du")).locator("svg rect")
    colours = set(bars.evaluate_all("rects => rects.map(rect => rect.getAttribute('fill'))"))
    assert colours == {"#35978f"}, f"counts are drawn in one calm colour: {colours}"
    context.close()


# Downloads through the analyst API of the running daemon, and the command line.

def danish_today() -> str:
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Copenhagen")).date().isoformat()


def log_in_over_http(service: AnalystService, email: str) -> str:
    body = json.dumps({"email": email, "password": PASSWORD}).encode()
    request = urllib.request.Request(service.base_url + "/api/login", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers["Set-Cookie"].split(";")[0]


def download(service: AnalystService, cookie: str, query: str):
    request = urllib.request.Request(f"{service.base_url}/api/analyst/export?{query}", headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            disposition = response.headers["Content-Disposition"]
            return response.status, re.search(r'filename="([^"]+)"', disposition).group(1), response.read()
    except urllib.error.HTTPError as error:
        return error.code, None, error.read()


def csv_rows(data: bytes, delimiter: str = ",") -> list:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


@pytest.fixture()
def analyst_service():
    running = AnalystService(pathlib.Path(tempfile.mkdtemp(prefix="borgerdialog-report-")))
    running.start()
    running.add_user("analytiker@kommune.dk")
    yield running
    running.stop()
    shutil.rmtree(running.data, ignore_errors=True)


def test_downloads_say_what_they_are_and_hold_texts_unless_codes_are_asked_for(analyst_service):
    service = analyst_service
    form = json.loads((REPOSITORY / "Forms" / "frederikshavn-sammen-om.json").read_text(encoding="utf-8"))
    codes = [service.command("sessions", "create", "--data", str(service.data), "--forms", service.forms, "--form",
                             "frederikshavn-sammen-om", "--title", f"Møde {number}", "--tables", ",".join(TABLES)).strip()
             for number in (1, 2)]
    for number in range(6):
        post(service, codes[number % 2], citizen_answers(form, number), TABLES[number % len(TABLES)])
    cookie = log_in_over_http(service, "analytiker@kommune.dk")
    day = danish_today()
    one = f"sessions={codes[0]}"

    expected = {
        "format=csv": f"borgerdialog-{codes[0]}-{day}.csv",
        "format=csv-semicolon": f"borgerdialog-{codes[0]}-{day}-semikolon.csv",
        "format=xlsx": f"borgerdialog-{codes[0]}-{day}.xlsx",
        "format=html": f"borgerdialog-{codes[0]}-{day}-rapport.html",
        "format=json": f"borgerdialog-{codes[0]}-{day}.json",
        "format=csv&values=codes": f"borgerdialog-{codes[0]}-{day}-koder.csv",
        "format=csv-semicolon&values=codes": f"borgerdialog-{codes[0]}-{day}-koder-semikolon.csv",
        "format=xlsx&values=codes": f"borgerdialog-{codes[0]}-{day}-koder.xlsx",
    }
    files = {}
    for query, name in expected.items():
        status, file_name, data = download(service, cookie, f"{one}&{query}")
        assert status == 200, (query, data[:200])
        assert file_name == name, query
        files[query] = data
    assert len(set(expected.values())) == len(expected), "every variant has its own name"
    status, file_name, _ = download(service, cookie, f"sessions={codes[0]},{codes[1]}&format=html")
    assert (status, file_name) == (200, f"borgerdialog-{codes[0]}-{codes[1]}-{day}-rapport.html")

    # CSV: texts by default, codes when asked; times in Danish time with their offset.
    text = csv_rows(files["format=csv"])
    assert text[0][:5] == ["Besvarelse", "Møde", "Indsendt (dansk tid)", "Modtaget efter mødet", "Bord"]
    assert "Hvor gammel er du?" in text[0]
    age_group = next(question for question in form["questions"] if question["id"] == "age-group")
    ages = {option["label"]["da"] for option in age_group["options"]}
    assert {row[text[0].index("Hvor gammel er du?")] for row in text[1:]} <= ages
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]:00", text[1][2]), text[1][2]
    coded = csv_rows(files["format=csv&values=codes"])
    assert coded[0][:5] == ["submissionId", "session", "submittedAt", "late", "table"]
    assert "age-group" in coded[0] and coded[1][coded[0].index("session")] == codes[0]
    assert coded[1][2] == text[1][2], "the same time in both kinds"
    semicolon = csv_rows(files["format=csv-semicolon"], ";")
    assert semicolon[0] == text[0]

    # XLSX: texts by default with the codebook kept; a real Excel file.
    workbook_path = service.data / "export.xlsx"
    workbook_path.write_bytes(files["format=xlsx"])
    workbook = openpyxl.load_workbook(workbook_path)
    assert workbook.sheetnames[0] == "Svar" and "Kodebog" in workbook.sheetnames
    assert workbook["Svar"]["A1"].value == "Besvarelse"
    assert isinstance(workbook["Svar"]["C2"].value, datetime.datetime)

    # JSON: UTC for programs, and the Danish local time beside it.
    document = json.loads(files["format=json"])
    response = document["responses"][0]
    assert response["submittedAt"].endswith("Z")
    assert response["submittedAtLocal"] == text[1][2]

    # Free text is masked in every kind of file (one citizen wrote a phone number).
    # (The report without an analysis quotes no free text; its masking is checked above on analysed reports.)
    assert "22 33 44 55" not in files["format=html"].decode("utf-8")
    for query in ("format=csv", "format=csv-semicolon", "format=json", "format=csv&values=codes"):
        assert "[telefon]" in files[query].decode("utf-8") and "22 33 44 55" not in files[query].decode("utf-8"), query
    cells = [str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert any("[telefon]" in cell for cell in cells) and not any("22 33 44 55" in cell for cell in cells)

    status, _, body = download(service, cookie, f"{one}&format=csv&values=labels")
    assert status == 422 and json.loads(body)["errors"][0]["field"] == "values"

    # The command line takes the same choice.
    folder = service.data / "cli"
    folder.mkdir()
    path = service.command("export", "--data", str(service.data), "--session", codes[0], "--format", "csv",
                           "--values", "codes", "--output", str(folder)).strip()
    assert pathlib.Path(path).name == f"borgerdialog-{codes[0]}-{day}-koder.csv"
    assert csv_rows(pathlib.Path(path).read_bytes())[0][0] == "submissionId"


def test_a_report_with_corrections_and_long_names_still_fits(analyst_service, browser):
    """Corrections made on the analyst API (a long new name, a moved and an off-topic answer, by an
    analyst with a long address) show in Danish, and nothing runs past its box."""
    service = analyst_service
    email = "jens-peter.christoffersen-hansen@frederikshavn.dk"
    service.add_user(email)
    form = json.loads((REPOSITORY / "Forms" / "frederikshavn-sammen-om.json").read_text(encoding="utf-8"))
    code = service.command("sessions", "create", "--data", str(service.data), "--forms", service.forms, "--form",
                           "frederikshavn-sammen-om", "--title", "Dialogmøde i Sæby Kulturhus", "--tables", ",".join(TABLES)).strip()
    for number in range(10):
        post(service, code, citizen_answers(form, number), TABLES[number % len(TABLES)])
    body = json.dumps({"email": email, "password": PASSWORD}).encode()
    with urllib.request.urlopen(urllib.request.Request(service.base_url + "/api/login", data=body, method="POST",
                                                       headers={"Content-Type": "application/json"}), timeout=30) as response:
        cookie = response.headers["Set-Cookie"].split(";")[0]
        csrf = json.load(response)["csrfToken"]

    def call(method: str, path: str, payload=None) -> dict:
        request = urllib.request.Request(service.base_url + path, method=method,
                                         data=None if payload is None else json.dumps(payload).encode(),
                                         headers={"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": csrf})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    run = call("POST", "/api/analyst/runs", {"formId": "frederikshavn-sammen-om", "sessions": [code]})["run"]
    for _ in range(600):
        answer = call("GET", f"/api/analyst/runs/{run['id']}")
        if answer["run"]["status"] == "done":
            break
        time.sleep(0.2)
    result = answer["result"]
    themes, answers = result["themes"], result["answers"]
    # The analyst API counts people (each once per theme) and splits them by the tablets' tables too.
    assert result["peopleCount"] == 10 and result["answerCount"] > 10
    assert [(entry["label"], entry["peopleCount"]) for entry in result["byTable"]] == [("Bord 1", 4), ("Bord 2", 3), ("Bord 3", 3)]
    assert all(count <= entry["peopleCount"] for entry in result["byTable"] for count in entry["counts"].values())
    decisions = "/api/analyst/forms/frederikshavn-sammen-om/decisions"
    call("POST", decisions, {"kind": "rename", "theme": themes[0]["key"], "run": run["id"],
                             "label": "Ensomhed, fællesspisning og besøgsvenner blandt ældre i landsbyerne og i byerne"})
    call("POST", decisions, {"kind": "move", "answer": answers[0]["answerId"], "to": themes[1]["key"], "run": run["id"]})
    call("POST", decisions, {"kind": "offTopic", "answer": answers[1]["answerId"], "run": run["id"]})
    status, _, report = download(service, cookie, f"sessions={code}&format=html&run={run['id']}")
    assert status == 200
    path = service.data / "rettelser.html"
    path.write_bytes(report)

    for width in (794, 420):
        context = browser.new_context(viewport={"width": width, "height": 1100})
        page = context.new_page()
        page.goto(path.as_uri())
        problems = page.evaluate(OVERFLOW_PROBE)
        rows = page.locator("table.decisions tbody tr").all_inner_texts()
        context.close()
        assert problems == [], f"at {width}px:\n" + "\n".join(problems[:20])
    assert len(rows) == 3
    assert any("Omdøbte" in row for row in rows) and any("Flyttede et svar" in row for row in rows)
    assert all(word not in " ".join(rows).split() for word in ("rename", "move", "offTopic"))
    print_report(browser, path, "corrections")
