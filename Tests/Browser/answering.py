"""Answers whatever form the tablet shows, page by page, the way a citizen would by touch."""


def answer_question(question, free_text: str, texts: dict):
    """Gives one visible question a valid answer."""
    question_id = question.get_attribute("data-question")
    kind = question.get_attribute("class")
    if "question-text" in kind:
        question.locator("input, textarea").first.fill(free_text)
        texts[question_id] = free_text
    elif "question-ranking" in kind:
        question.locator("button.secondary").first.tap()
    elif "question-points" in kind:
        plus = question.locator("button.points-step").nth(1)
        while plus.is_enabled():
            plus.tap()
    elif "question-number" in kind:
        field = question.locator("input").first
        field.fill(field.get_attribute("min") or "1")
    else:
        question.locator("label.choice:visible").first.tap()


def answer_whole_form(page, free_text: str, already_answered=(), before_submit=None) -> dict:
    """Fills every visible question on every page and submits; returns text answers by question id.

    Answering may reveal conditional questions, so each page is scanned until nothing new shows.
    `before_submit(page)` runs on the last page just before the tap on submit (e.g. contact details)."""
    texts = {}
    answered = set(already_answered)
    while True:
        while True:
            current = page.locator(".form-page:not([hidden])")
            pending = [question for question in current.locator("[data-question]:visible").all()
                       if question.get_attribute("data-question") not in answered]
            if not pending:
                break
            for question in pending:
                answer_question(question, free_text, texts)
                answered.add(question.get_attribute("data-question"))
        if page.locator("#submit").is_visible():
            if before_submit:
                before_submit(page)
            page.locator("#submit").tap()
            return texts
        page.locator("#next").tap()


def leave_contact_details(name: str, email: str):
    """A `before_submit` that ticks "contact me", fills name and e-mail and gives consent."""
    def fill(page):
        contact = page.locator("fieldset.contact")
        contact.locator("label.choice").first.tap()
        contact.locator("input[type=text]").fill(name)
        contact.locator("input[type=email]").fill(email)
        contact.locator(".contact-fields label.choice").tap()
    return fill


def wait_for_thank_you(page):
    page.wait_for_selector(".thank-you", timeout=15000)


def start_next_citizen(page):
    """Skips the thank-you wait the way a facilitator would, and waits for the blank form."""
    wait_for_thank_you(page)
    page.locator("#start-next").tap()
    page.wait_for_selector("#answers", timeout=15000)


def open_session(page, base_url: str, code: str):
    """Opens a session's tablet page and waits until the form is shown and kept for offline use."""
    page.goto(f"{base_url}/s/{code}")
    page.wait_for_selector("#answers")
    page.wait_for_selector("body[data-offline-ready]", state="attached", timeout=15000)
