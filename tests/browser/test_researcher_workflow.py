"""A reviewer's day in a real browser (Debian's chromium, Playwright): sign in, open a case with a claim typed
into the admin, import the seed article through the admin's import form, confirm the drafts, open the case
page and download its PDF. Each step asserts what the person sees and leaves a screenshot behind
(build/screenshots/test_researcher_workflow/, or under BROWSER_SCREENSHOTS_DIR).

The import job runs in the live server's thread as soon as the form's transaction commits: the test settings
run Celery tasks eagerly whatever CELERY_BROKER_URL says (config/settings_test.py), as the web process does
without a broker. Real workers on the broker are tests/incidents/test_worker.py's subject.
"""

import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Group
from pypdf import PdfReader

from attribution.models import Party
from config.celery import app as celery_app
from incidents.models import Source
from tests.conftest import shared_path

PASSWORD = "a-long-test-password-9173"
TITLE = "Cyberattack on Albanian government services"
SLUG = "cyberattack-on-albanian-government-services"
# A government statement already on record, which the reviewer quotes in the claim typed by hand.
STATEMENT_QUOTE = "We have concluded that the Government of Iran conducted this cyber-attack."
STATEMENT_TEXT = (
    "The United States strongly condemns Iran's cyber-attack against Albania, a NATO Ally, on July 15. "
    f"{STATEMENT_QUOTE} We will take further action to hold Iran accountable."
)


@pytest.fixture
def reviewer(django_user_model):
    """A staff user in the reviewer role group, no superuser: may add, edit and confirm."""
    user = django_user_model.objects.create_user(username="rev", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="reviewer"))
    return user


@pytest.fixture
def on_record():
    """What the database holds before the day starts: three states and the US statement, all confirmed."""
    for name, code in [("Albania", "AL"), ("Iran", "IR"), ("United States", "US")]:
        Party.objects.create(name=name, kind="state", country=code, review_status="confirmed")
    return Source.objects.create(
        title="Statement by NSC Spokesperson on Iran's cyber-attack against Albania",
        publisher="The White House",
        kind="government",
        url="https://www.whitehouse.gov/briefing-room/statements-releases/2022/09/07/statement-on-iran-albania/",
        published_on=dt.date(2022, 9, 7),
        text=STATEMENT_TEXT,
        review_status="confirmed",
    )


def pick(page, select_id: str, search: str, option: str) -> None:
    """Choose `option` in an admin autocomplete (select2) field by typing `search`, as a person does."""
    page.locator(f"#{select_id} + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).first.click()
    assert option in page.locator(f"#{select_id} + .select2 .select2-selection__rendered").inner_text()


def column(page, name: str) -> list[str]:
    """The texts of one column of the changelist on the page."""
    return page.locator(f"#result_list tbody td.field-{name}, #result_list tbody th.field-{name}").all_inner_texts()


def confirm_all_drafts(page, changelist: str) -> str:
    """Tick every draft in a changelist, run "Confirm selected drafts", and return the message shown."""
    page.goto(f"{changelist}?review_status__exact=draft")
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("confirm_drafts")
    page.locator("button[name=index]").click()
    return page.locator("ul.messagelist").inner_text()


@pytest.mark.django_db(transaction=True)
def test_researcher_workflow(reviewer, on_record, new_page, screenshots, tmp_path):
    seed = shared_path("seed", "articles", "albania-2022.txt")
    assert celery_app.conf.task_always_eager, "the import must run in the live server (config/settings_test.py)"
    page = new_page()

    def shot(number: int, step: str, of=page) -> None:
        of.screenshot(path=screenshots / f"{number:02d}-{step}.png", full_page=True)

    # 1. Sign in through the admin's login form.
    page.goto("/admin/")
    page.locator("input[name=username]").fill("rev")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    assert page.locator("#site-name").inner_text() == "Cyber-incident attribution tracker"
    assert page.locator("#content h1").inner_text() == "Cases, claims, reactions and consequences"
    shot(1, "signed-in")

    # 2. Open the case by hand, with one claim typed into the attribution inline.
    page.goto("/admin/incidents/incident/add/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_started_on").click()  # the slug follows the title as one types (prepopulate.js)
    assert page.locator("#id_slug").input_value() == SLUG
    page.locator("#id_started_on").fill("2022-07-15")
    page.get_by_label("Wiper (data destruction)").check()
    page.locator("#id_victim_countries_input").fill("Albania")  # the filter of the two-box country selector
    page.locator("#id_victim_countries_from").select_option("AL")
    page.locator("#id_victim_countries_add").click()
    assert page.locator("#id_victim_countries_to option").all_inner_texts() == ["Albania"]
    page.locator("#attributions-group .add-row a").click()
    pick(page, "id_attributions-0-made_by", "United", "United States")
    pick(page, "id_attributions-0-attributed_to", "Iran", "Iran")
    page.locator("#id_attributions-0-stated_on").fill("2022-09-07")
    pick(page, "id_attributions-0-source", "NSC", "Statement by NSC Spokesperson")
    page.locator("#id_attributions-0-quote").fill(STATEMENT_QUOTE)
    shot(2, "new-case-with-claim")
    page.locator("input[name=_continue]").click()
    assert "was added successfully" in page.locator("ul.messagelist").inner_text()
    claim = page.locator("table.case-timeline tr.timeline-attribution")
    assert "United States attributed the attack to Iran" in claim.inner_text()
    assert "attributed 54 days after the attack" in claim.inner_text()
    # The quote was found in the statement's text: its offsets are filled in.
    start = STATEMENT_TEXT.index(STATEMENT_QUOTE)
    offsets = page.locator("#attributions-0 .field-quote_start .readonly").all_inner_texts()
    assert offsets == [str(start), str(start + len(STATEMENT_QUOTE))]
    case_admin = page.url
    shot(3, "case-saved")

    # 3. Import the seed article through the admin's import form: an upload, with its publication date.
    page.goto("/admin/incidents/importjob/add/")
    page.locator("input[name=upload]").set_input_files(seed)
    page.locator("input[name=published]").fill("2022-09-07")
    shot(4, "import-form")
    page.locator("input[name=_save]").click()
    message = page.locator("ul.messagelist").inner_text()
    assert re.search(r"Import \d+: albania-2022\.txt .*was added successfully", message), message
    assert column(page, "input") == ["albania-2022.txt"]
    assert column(page, "status") == ["Succeeded"]
    assert "created" in column(page, "count_summary")[0]
    shot(5, "import-done")

    # The drafts joined the case opened by hand (same victim, same day) instead of opening another.
    page.goto("/admin/incidents/incident/")
    assert column(page, "title") == [TITLE]
    page.goto("/admin/attribution/attribution/?review_status__exact=draft")
    claims = sorted(zip(column(page, "made_by"), column(page, "attributed_to"), column(page, "incident"), strict=True))
    assert claims == [
        ("Albania", "Iran", TITLE),
        ("United States", "Iran", TITLE),  # typed by hand
        ("United States", "Iran", TITLE),  # imported
    ]

    # Until a reviewer confirms it, the public does not see the case at all.
    public = new_page()
    assert public.goto(f"/cases/{SLUG}/").status == 404

    # 4. Confirm the drafts: the claims, the accused's reactions, the consequences and the case itself.
    for changelist in [
        "/admin/attribution/attribution/",
        "/admin/attribution/reaction/",
        "/admin/attribution/consequence/",
        "/admin/incidents/incident/",
    ]:
        message = confirm_all_drafts(page, changelist)
        assert re.fullmatch(r"[1-9]\d* draft\(s\) marked confirmed\.", message), f"{changelist}: {message}"
    page.goto("/admin/attribution/attribution/")
    page.locator("#changelist-filter").get_by_role("link", name="Confirmed", exact=True).click()
    page.locator("#toggle-nav-sidebar").click()  # room for every column in the screenshot
    assert column(page, "review_status") == ["Confirmed"] * 3
    albania = page.locator("#result_list tbody tr").filter(has=page.locator("td.field-made_by", has_text="Albania"))
    assert albania.locator("td.field-attributed_to").inner_text() == "Iran"
    shot(6, "claims-confirmed")

    # 5. The case page, from the case's admin page ("Case report" opens it in a new tab).
    page.goto(case_admin)
    with page.expect_popup() as popup:
        page.locator("#case-report-button").click()
    case = popup.value
    case.wait_for_load_state()
    assert case.url.endswith(f"/cases/{SLUG}/")
    assert case.locator("h1").inner_text() == TITLE
    narrative = case.locator("body").inner_text()
    for words in ["Albania attributed the attack to Iran", "Iran denied involvement", STATEMENT_QUOTE]:
        assert words in narrative, words
    # Iran's denial, in the article's own words.
    denial = case.locator(".statement.reaction.denial").first
    assert "Iran: Denial" in denial.inner_text()
    denial_quote = " ".join(denial.locator("blockquote").inner_text().split())
    assert denial_quote and denial_quote in " ".join(seed.read_text(encoding="utf-8").split())
    assert case.locator(".badge.draft").count() == 0, "a confirmed record carries no DRAFT mark"
    shot(7, "case-page", of=case)

    # 6. Download the PDF from the case page.
    with case.expect_download() as downloading:
        case.locator("nav.downloads a", has_text="PDF").click()
    download = downloading.value
    assert download.suggested_filename == f"{SLUG}.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    pdf = saved.read_bytes()
    assert pdf.startswith(b"%PDF-")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    text = re.sub(r"(?<=\w)- (?=\w)", "-", text)  # "ill-considered" broken after its hyphen at a line's end
    for words in [TITLE, "Albania attributed the attack to Iran", "Iran denied involvement", denial_quote]:
        assert words in text, words

    # 7. Now that it is confirmed, anyone may read the case.
    assert public.goto(f"/cases/{SLUG}/").status == 200
    assert public.locator("h1").inner_text() == TITLE
    assert denial_quote in " ".join(public.locator(".statement.reaction.denial").first.inner_text().split())
    shot(8, "public-case-page", of=public)

    # Every page's scripts ran under the Content-Security-Policy (no inline script refused, no uncaught error).
    assert new_page.script_errors == []
