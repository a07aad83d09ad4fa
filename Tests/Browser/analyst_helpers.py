"""What the analyst browser tests share: a service with staff users, citizen answers posted straight
to the citizen API (the tablet itself is tested elsewhere), and the analyst's steps on the pages."""
import itertools
import json
import re
import subprocess
import urllib.error
import urllib.request
import uuid

from playwright.sync_api import expect

from conftest import BINARY, REPOSITORY, Service

FORM = "frederikshavn-sammen-om"
PASSWORD = "Analyse-Rådhuset-2025!"
THEMES = ["boern-unge-familie", "aeldreliv", "kultur-fritid-forening", "vaekst-groen-omstilling"]
AGE_GROUPS = ["18-29", "30-49", "50-64", "65-79", "80-plus"]
AREAS = ["frederikshavn", "saeby", "skagen", "other-town"]
ROLES = ["citizen", "volunteer", "association", "business"]

# What citizens at a Frederikshavn meeting might write, per policy theme: (what works, what should change).
FIRST_ANSWERS = [
    ("boern-unge-familie", "Dagplejen i Sæby er tryg, og pædagogerne kender børnene godt.",
     "Flere pædagoger i daginstitutionerne, så børnene ikke står i kø for voksenkontakt."),
    ("boern-unge-familie", "Skolen samarbejder godt med forældrene, og der er gode fritidstilbud.",
     "Ungdomsklubben lukker for tidligt; de unge har brug for et sted at være om aftenen."),
    ("boern-unge-familie", "Børnene trives i fodboldklubben og i skolen.",
     "Bedre busforbindelser, så unge kan komme til uddannelse i Frederikshavn uden forældre som chauffør."),
    ("boern-unge-familie", "Sundhedsplejersken var en stor hjælp for vores familie.",
     "De unge skal høres mere, når kommunen beslutter noget om skoler og fritidstilbud."),
    ("boern-unge-familie", "Legepladserne er fine, og biblioteket har gode aktiviteter for børn.",
     "Mindre klasser i skolen og mere tid til børn med særlige behov og deres trivsel."),
    ("boern-unge-familie", "Vores daginstitution har en dejlig naturlegeplads.",
     "Forældre til små børn savner fællesskaber med andre familier i lokalområdet."),
    ("boern-unge-familie", "Det er trygt at være barn i Skagen.",
     "Flere uddannelser til unge i kommunen, så de ikke skal flytte væk som 16-årige."),
    ("boern-unge-familie", "Skolernes trivselsarbejde virker, mobning bliver taget alvorligt.",
     "Flere pædagoger og lærere, og bedre vilkår for dagtilbud i landsbyerne."),
    ("aeldreliv", "Aktivitetscentret har fællesspisning hver tirsdag, og det betyder meget for min mor.",
     "Mange ældre sidder alene; der skal gøres mere mod ensomhed, især om vinteren."),
    ("aeldreliv", "Naboskabet i vores gade er godt, vi hjælper hinanden med indkøb.",
     "Flere seniorbofællesskaber, så ældre kan bo sammen med andre i stedet for alene."),
    ("aeldreliv", "Hjemmeplejen er venlig og kommer til tiden.",
     "Hjemmeplejen har for travlt; der skal være tid til en snak og ikke kun pleje."),
    ("aeldreliv", "Seniorgymnastik i hallen holder mange ældre i gang.",
     "Transport til aktivitetscentret for ældre, der ikke selv kan køre."),
    ("aeldreliv", "Plejehjemmet har gode frivillige, der kommer og læser højt.",
     "Ensomhed blandt ældre er stort; flere besøgsvenner og fællesspisning i lokalområdet."),
    ("aeldreliv", "Pensionistforeningen laver ture, og man møder nye mennesker.",
     "Ældre skal hjælpes til at bruge det digitale, ellers bliver de koblet af."),
    ("aeldreliv", "Der er gode gåture for seniorer ved havnen.",
     "Flere bænke og toiletter, så ældre kan komme ud at gå uden at være bekymrede."),
    ("kultur-fritid-forening", "Foreningslivet i Sæby er stærkt, og de frivillige gør et kæmpe arbejde.",
     "Foreningerne mangler frivillige; kommunen kan hjælpe med at finde og fastholde dem."),
    ("kultur-fritid-forening", "Biblioteket er et godt mødested for alle aldre.",
     "Lokaler til foreninger er for dyre og svære at booke; gør det nemmere."),
    ("kultur-fritid-forening", "Musikskolen og koncerterne på havnen giver liv til byen.",
     "Mere kultur i landsbyerne, ikke kun i Frederikshavn by."),
    ("kultur-fritid-forening", "Idrætsforeningen har plads til alle, også dem der ikke er så gode.",
     "Mindre bureaukrati for frivillige foreninger, når de søger tilskud."),
    ("kultur-fritid-forening", "Museet og kulturhuset har gode tilbud til familier.",
     "Flere frivillige i sport og kultur, og anerkendelse af dem, der allerede er med."),
    ("kultur-fritid-forening", "Fritidstilbuddene i hallen er gode, og foreningerne samarbejder.",
     "Hallerne er slidte; foreningslivet har brug for bedre faciliteter."),
    ("kultur-fritid-forening", "Kulturnatten samler hele byen.",
     "Støt mangfoldighed i foreningerne, så nye borgere også bliver en del af fællesskabet."),
    ("vaekst-groen-omstilling", "Havnen udvikler sig, og der kommer nye arbejdspladser.",
     "Flere grønne arbejdspladser og energi fra vind og sol i kommunen."),
    ("vaekst-groen-omstilling", "Naturen ved Skagen tiltrækker turisme hele året.",
     "Bedre cykelstier mellem byerne, så flere kan lade bilen stå for klimaets skyld."),
    ("vaekst-groen-omstilling", "Virksomhederne samarbejder godt med erhvervsskolen.",
     "Kommunen skal gå forrest i den grønne omstilling, fx med el-busser og solceller."),
    ("vaekst-groen-omstilling", "Det maritime erhverv giver vækst og gode job.",
     "Beskyt naturen og kysten, når der bygges nyt til turisme."),
    ("vaekst-groen-omstilling", "Affaldssorteringen fungerer godt.",
     "Mere genbrug og fælles værksteder, hvor man kan reparere ting sammen."),
    ("vaekst-groen-omstilling", "Fjernvarmen er billig og grøn.",
     "Flere virksomheder skal have hjælp til at blive mere bæredygtige."),
    ("vaekst-groen-omstilling", "Turismen skaber liv i byen om sommeren.",
     "Offentlig transport skal være bedre, hvis vi skal nå klimamålene."),
    ("vaekst-groen-omstilling", "Der plantes mere skov ved byen.",
     "Grøn energi til havnen og landstrøm til skibene."),
]

MORE_ANSWERS = [
    ("aeldreliv", "Fællesspisningen i forsamlingshuset samler ældre fra hele sognet.",
     "Ensomme ældre skal opsøges; mange beder ikke selv om hjælp."),
    ("aeldreliv", "Besøgsvennerne fra Røde Kors gør en stor forskel.",
     "Flere aktiviteter for ældre mænd, de er svære at få med i fællesskabet."),
    ("aeldreliv", "Seniorerne i vores by mødes i caféen hver morgen.",
     "Seniorbofællesskaber bør bygges tæt på butikker og bus."),
    ("boern-unge-familie", "Skolen har et godt samarbejde med idrætsforeningen.",
     "Mere hjælp til familier, hvor forældrene har det svært."),
    ("boern-unge-familie", "Børnehaven tager børnene med ud i naturen hver uge.",
     "De unge skal have et ungehus, hvor de selv bestemmer."),
    ("boern-unge-familie", "Fritidsjob til unge i de lokale butikker.",
     "Flere pædagoger i dagtilbud, så personalet har tid til hvert barn."),
    ("kultur-fritid-forening", "De frivillige i spejderne er fantastiske.",
     "En fælles kalender for alle foreningernes aktiviteter i kommunen."),
    ("kultur-fritid-forening", "Biblioteket har lange åbningstider.",
     "Foreningerne skal kunne låne skolernes lokaler om aftenen."),
    ("vaekst-groen-omstilling", "Solcelleparken giver grøn strøm til byen.",
     "Flere elladestandere og bedre busser mellem landsbyerne."),
    ("vaekst-groen-omstilling", "Erhvervsrådet hjælper nye virksomheder godt i gang.",
     "Turismen skal være bæredygtig og skåne naturen ved kysten."),
]

# Texts that would run, load or break out of markup if a page ever treated answers as HTML.
INJECTIONS = [
    "<script>window.__injected = 'script'; alert('script')</script>",
    "<img src=x id=injected-img onerror=\"window.__injected='img'; alert('img')\">",
    "\"><svg id=injected-svg onload=\"alert('svg')\"></svg>",
    "</textarea></p><iframe id=injected-frame src=\"javascript:alert('frame')\"></iframe>",
    "<a id=injected-link href=\"javascript:alert('link')\">Klik her for at læse om ældre og fællesskab</a>",
    "Ældre og fællesskab <b id=injected-bold onmouseover=alert('bold')>fed</b> ${alert('template')} {{constructor.constructor('alert(1)')()}}",
]


class AnalystService(Service):
    """A running service with staff users made through `borgerdialog users add`."""

    def add_user(self, email: str, role: str = "analyst") -> str:
        result = subprocess.run(
            [str(BINARY), "users", "add", "--data", str(self.data), "--role", role, "--email", email],
            cwd=REPOSITORY, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"users add failed: {result.stderr}"
        return email

    def post_response(self, code: str, answers: dict) -> None:
        body = json.dumps({"submissionId": str(uuid.uuid4()), "answers": answers, "language": "da"}).encode()
        request = urllib.request.Request(f"{self.base_url}/api/sessions/{code}/responses", data=body,
                                         method="POST", headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                assert response.status == 201, f"answer not stored: {response.status}"
        except urllib.error.HTTPError as error:
            raise AssertionError(f"answer refused ({error.code}): {error.read().decode()}") from None


def citizen_answers(theme: str, works: str, change: str, number: int) -> dict:
    """One citizen's whole response: the required ranking, the theme they chose, its two texts, background."""
    ranking = [theme] + [other for other in THEMES if other != theme]
    return {
        "theme-ranking": ranking,
        "themes-to-comment": [theme],
        f"{theme}-works": works,
        f"{theme}-change": change,
        "community-before-individual": 1 + number % 5,
        "age-group": AGE_GROUPS[number % len(AGE_GROUPS)],
        "area": AREAS[number % len(AREAS)],
        "role": [ROLES[number % len(ROLES)]],
    }


def post_answers(service: AnalystService, code: str, answers: list, start: int = 0) -> None:
    for number, (theme, works, change) in enumerate(answers, start=start):
        service.post_response(code, citizen_answers(theme, works, change, number))


def post_injections(service: AnalystService, code: str) -> None:
    """Every payload once as the 'what works' and once as the free 'anything else' text."""
    themes = itertools.cycle(THEMES)
    for number, payload in enumerate(INJECTIONS):
        theme = next(themes)
        answers = citizen_answers(theme, payload, "Mere fællesskab og flere frivillige i foreningerne.", number)
        answers["anything-else"] = payload
        service.post_response(code, answers)


def log_in(page, service, email: str, path: str = "/analyst"):
    page.goto(service.base_url + path)
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("#login-button")
    expect(page).to_have_url(service.base_url + path)


def start_run(page, service, codes: list):
    """On /analyst: the form, the given sessions, every free-text question; waits for the run page."""
    expect(page.locator(f"#form-id option[value='{FORM}']")).to_have_count(1)
    page.select_option("#form-id", FORM)
    for code in codes:
        page.locator(f"#sessions input[value='{code}']").check()
    page.click("#start-run")
    expect(page).to_have_url(re.compile(r"/analyst/runs/[^/]+$"))


def wait_for_results(page, timeout: int = 120_000):
    """The progress bar shows while the run works; the results replace it when it is done."""
    expect(page.locator("#results")).to_be_visible(timeout=timeout)
    expect(page.locator("#progress-section")).to_be_hidden()
    expect(page.locator("#themes li.theme").first).to_be_visible()
