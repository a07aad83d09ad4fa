"""A citizen answers the form on a tablet in real Chromium, and the answer reaches SQLite."""
from answering import answer_whole_form, wait_for_thank_you

FORM = "quick-poll"


def test_citizen_answers_and_the_answer_is_exported(service, tablet):
    code = service.create_session(FORM, "Borgermøde i Sæby")
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    assert "Borgermøde i Sæby" in tablet.inner_text("#session-title")

    given = answer_whole_form(tablet, "Flere grønne områder tæt på skolen")
    wait_for_thank_you(tablet)

    exported = service.export(code)
    assert exported["session"]["code"] == code
    assert len(exported["responses"]) == 1
    stored = exported["responses"][0]["answers"]
    assert given, "the form has at least one answerable question"
    for question_id, text in given.items():
        assert stored[question_id] == text


def test_two_citizens_in_a_row_give_two_responses_and_the_second_starts_blank(service, tablet):
    code = service.create_session(FORM)
    tablet.clock.install()
    tablet.goto(f"{service.base_url}/s/{code}")
    tablet.wait_for_selector("#answers")
    answer_whole_form(tablet, "Første borgers svar")
    wait_for_thank_you(tablet)

    # The thank-you with the receipt code stays 30 s, then the form starts over by itself.
    tablet.clock.run_for(31_000)
    tablet.wait_for_selector("#answers", timeout=15000)
    values = tablet.eval_on_selector_all("#answers input[type=text], #answers textarea", "nodes => nodes.map(n => n.value)")
    assert all(value == "" for value in values), "the next citizen must see a blank form"
    checked = tablet.eval_on_selector_all("#answers input:checked", "nodes => nodes.length")
    assert checked == 0
    assert "Første borgers svar" not in tablet.content()

    answer_whole_form(tablet, "Anden borgers svar")
    wait_for_thank_you(tablet)
    responses = service.export(code)["responses"]
    assert len(responses) == 2
    assert len({response["submissionId"] for response in responses}) == 2


def test_unknown_code_shows_a_clear_message(service, tablet):
    tablet.goto(f"{service.base_url}/s/ZZZZZZ")
    notice = tablet.wait_for_selector(".notice")
    assert "kode" in notice.inner_text()
