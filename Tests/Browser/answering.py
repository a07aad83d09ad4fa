"""Answers whatever form the tablet shows, page by page, the way a citizen would by touch."""


def answer_whole_form(page, free_text: str) -> dict:
    """Fills every visible question on every page and submits; returns text answers by question id."""
    texts = {}
    while True:
        current = page.locator(".form-page:not([hidden])")
        for question in current.locator("[data-question]:visible").all():
            question_id = question.get_attribute("data-question")
            kind = question.get_attribute("class")
            if "question-text" in kind:
                field = question.locator("input, textarea").first
                field.fill(free_text)
                texts[question_id] = free_text
            elif "question-ranking" in kind:
                question.locator("button.secondary").first.tap()
            elif "question-points" in kind:
                question.locator("button.points-step").nth(1).tap()
            elif "question-number" in kind:
                field = question.locator("input").first
                field.fill(field.get_attribute("min") or "1")
            else:
                question.locator("label.choice:visible").first.tap()
        if page.locator("#submit").is_visible():
            page.locator("#submit").tap()
            return texts
        page.locator("#next").tap()


def wait_for_thank_you(page):
    page.wait_for_selector(".thank-you", timeout=15000)
