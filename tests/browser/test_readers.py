"""A reader, a researcher and a journalist in a real Chromium, on a desktop and on a phone: find a person, keep to
verified quotes, land on a quote in its article, copy a citation, follow addresses after a merge and a restore,
and every public page free of axe-core violations. Screenshots go to var/screenshots/."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from archive.curation import set_status
from archive.models import Article, Quote, Speaker, Topic

from .conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("seeded")]


@pytest.fixture
def seeded(transactional_db):
    call_command("import_seeds", stdout=StringIO())
    quotes = list(Quote.objects.order_by("pk"))
    set_status(Quote.objects.filter(pk__in=[q.pk for q in quotes[:4]]), Quote.Status.VERIFIED)
    set_status(Quote.objects.filter(pk=quotes[-1].pk), Quote.Status.REJECTED)
    return quotes


def visit(page, url: str):
    response = page.goto(url)
    page.wait_for_load_state()
    return response


def test_a_reader_searches_a_surname_in_the_header_and_reaches_the_persons_page(live_server, device_page):
    page = device_page
    visit(page, live_server.url + "/")
    page.locator("#site-search").fill("Eidelman")
    page.locator("#site-search").press("Enter")
    page.wait_for_load_state()
    people = page.locator("section.people")
    assert people.is_visible()
    screenshot(page, "search-people")
    people.get_by_role("link", name="David Eidelman").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "David Eidelman"
    assert page.get_by_role("heading", name="Quotes per month").is_visible()
    screenshot(page, "speaker")


def test_a_researcher_keeps_to_verified_quotes_and_filters_a_speaker_by_name(live_server, device_page):
    page = device_page
    visit(page, live_server.url + "/quotes/")
    page.locator("#id_status").select_option("verified")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    statuses = page.locator("ul.quotes .status").all_inner_texts()
    assert statuses == ["Verified"] * Quote.objects.filter(status=Quote.Status.VERIFIED).count()
    screenshot(page, "verified-only")
    # A name, not a page address, in the speaker box; the list suggests names while typing.
    speaker = page.get_by_label("Speaker")
    speaker.fill("")
    speaker.press_sequentially("Eidel", delay=30)
    page.locator("#speaker-names option").first.wait_for(state="attached")
    assert page.locator("#speaker-names option").first.get_attribute("value") == "David Eidelman"
    page.locator("#id_status").select_option("")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    names = set(page.locator("ul.quotes a.speaker").all_inner_texts())
    assert names == {"David Eidelman"}


def test_a_journalist_opens_a_quote_lands_on_it_in_the_article_and_copies_the_citation(live_server, device_page):
    page = device_page
    deep = Quote.objects.public().order_by("-start").first()  # far down its article
    visit(page, live_server.url + deep.get_absolute_url())
    assert page.locator("blockquote.big").inner_text() == deep.text
    page.get_by_role("button", name="Copy the citation").click()
    expect(page.locator(".copy-status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#citation").inner_text()
    assert deep.public_id in copied and (deep.article.url in copied)
    screenshot(page, "quote")

    page.get_by_role("link", name=deep.article.display_title).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"#q-{deep.public_id}")
    current = page.locator("mark.quote.current").first
    box, height = current.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] < height, (box, height)  # on screen, not at the top of the article
    assert page.locator("mark.quote.current").count() >= 1
    assert page.locator("mark.quote").count() > page.locator("mark.quote.current").count()
    # The speaker's name beside each quote is not in the text a reader copies.
    body = page.locator("section.body").inner_text()
    assert "said by" not in body and f"— {deep.speaker.name}" not in body
    screenshot(page, "article-at-quote")


def test_an_editor_merges_two_speakers_and_the_old_address_still_leads_to_the_person(live_server, page):
    out = StringIO()
    call_command("create_editor", "--username", "editor", stdout=out)
    password = next(line.split(":", 1)[1].strip() for line in out.getvalue().splitlines() if "password:" in line)
    kept, merged = Speaker.objects.get(name="David Eidelman"), Speaker.objects.get(name="Sergei Auslander")
    old_address = live_server.url + merged.get_absolute_url()

    visit(page, live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_load_state()
    visit(page, live_server.url + "/admin/archive/speaker/")
    for speaker in (kept, merged):
        page.check(f"input[name=_selected_action][value='{speaker.pk}']")
    page.select_option("select[name=action]", "merge_speakers")
    page.click("button[name=index]")
    page.wait_for_load_state()
    page.check(f"input[name=keep][value='{kept.pk}']")
    page.get_by_role("button", name="Merge").click()
    page.wait_for_load_state()

    response = visit(page, old_address)
    assert response.status == 200 and page.url == live_server.url + kept.get_absolute_url()
    assert page.locator("h1").inner_text() == "David Eidelman"
    feed = page.request.get(old_address + "feed/", max_redirects=0)
    assert feed.status == 301 and feed.headers["location"].endswith(kept.get_absolute_url() + "feed/")


def test_after_a_restore_into_an_empty_database_an_old_quote_address_shows_the_same_words(live_server, page, tmp_path):
    Quote.objects.order_by("pk").first().delete()  # row numbers after a restore would shift
    cited = Quote.objects.public().order_by("pk")[3]
    address, words = live_server.url + cited.get_absolute_url(), cited.text
    fixture = tmp_path / "archive.json"
    call_command("export_fixtures", "--output", str(fixture), stdout=StringIO())
    call_command("flush", "--no-input", verbosity=0)
    call_command("loaddata", str(fixture), verbosity=0)
    visit(page, address)
    assert page.locator("blockquote.big").inner_text() == words
    screenshot(page, "restored-quote")


def test_on_a_phone_the_latest_quotes_come_first(live_server, device_page):
    page = device_page
    visit(page, live_server.url + "/")
    top = page.locator("#quotes-heading").bounding_box()["y"]
    assert top < 1000, top
    screenshot(page, "home")


def public_pages() -> dict[str, str]:
    article = Article.objects.order_by("pk").first()
    quote = Quote.objects.public().order_by("pk").first()
    withdrawn = Quote.objects.filter(status=Quote.Status.REJECTED).first()
    speaker = Speaker.objects.order_by("pk").first()
    # The starting topics come with a migration, which a transactional test's flush empties.
    topic = Topic.objects.first() or Topic.objects.create(name="Diplomacy", slug="diplomacy")
    Quote.objects.filter(pk=quote.pk).first().topics.add(topic)
    return {
        "home": "/",
        "articles": "/articles/",
        "article": article.get_absolute_url() + f"?quote={quote.public_id}",
        "speakers": "/speakers/?q=a&order=quotes",
        "speaker": speaker.get_absolute_url(),
        "quotes": "/quotes/?status=verified",
        "quotes-error": "/quotes/?speaker=nobody&date_from=2024-01-02&date_to=2024-01-01",
        "quote": quote.get_absolute_url(),
        "withdrawn": withdrawn.get_absolute_url(),
        "topics": "/topics/",
        "topic": topic.get_absolute_url(),
        "search": "/search/?q=Israel",
        "search-articles": "/search/?q=Israel&type=articles",
        "not-found": "/no/such/page/",
    }


def test_axe_finds_no_violation_on_any_public_page(live_server, device_page):
    page = device_page
    found = {}
    for name, path in public_pages().items():
        visit(page, live_server.url + path)
        violations = axe_violations(page)
        if violations:
            found[name] = violations
        screenshot(page, f"axe-{name}")
    assert not found, found
