"""A new user's first minutes, in a real browser: read the seeds, follow a speaker, log in as an editor."""

from io import StringIO

import pytest
from django.core.management import call_command

from archive.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    call_command("import_seeds", stdout=StringIO())


@pytest.mark.usefixtures("seeded")
def test_the_home_page_lists_the_five_seed_articles_and_leads_to_a_speakers_quotes(live_server, page):
    page.goto(live_server.url + "/")
    titles = [a.title for a in Article.objects.exclude(title="")]
    for title in titles:
        assert page.get_by_text(title, exact=False).first.is_visible()

    page.goto(live_server.url + "/speakers/")
    page.get_by_role("link", name="David Eidelman").first.click()
    page.wait_for_load_state()
    assert "David Eidelman" in page.locator("h1").inner_text()
    quotes = page.locator("blockquote, q, .quote")
    assert quotes.count() >= 5


@pytest.mark.usefixtures("seeded")
def test_an_article_page_highlights_its_quotes_and_links_them_to_their_speakers(live_server, page):
    article = Article.objects.get(title__startswith="Azerbaijan-Israel cooperation")
    page.goto(live_server.url + article.get_absolute_url())
    marks = page.locator("article mark, article .quote-highlight")
    assert marks.count() >= 7
    assert "Azerbaijan is almost constantly in touch with Israel" in page.locator("article").inner_text()


@pytest.mark.usefixtures("seeded")
def test_an_editor_logs_in_to_the_admin_and_sees_the_quotes(live_server, page):
    out = StringIO()
    call_command("create_editor", "--username", "editor", stdout=out)
    password = next(line.split(":", 1)[1].strip() for line in out.getvalue().splitlines() if "password:" in line)

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Quotes").first.is_visible()
    page.get_by_role("link", name="Quotes").first.click()
    page.wait_for_load_state()
    assert "Select quote to change" in page.content()


def test_an_anonymous_visitor_cannot_reach_the_admin(live_server, page):
    page.goto(live_server.url + "/admin/archive/quote/")
    assert "/admin/login/" in page.url
