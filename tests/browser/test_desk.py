"""An editor's hour, in a real browser: the review desk with the keyboard, a suggested merge, a keyword rule
previewed, applied and undone, and each change seen on the public pages and on the activity page."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

from archive.history import Batch, Change
from archive.management.commands.create_editor import editors_group
from archive.models import Quote, Speaker, Topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
PASSWORD = "a-password-for-this-test-only"


@pytest.fixture
def editor_page(transactional_db, live_server, page):
    call_command("import_seeds", stdout=StringIO())
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(editors_group())  # a transactional test's flush removed the migration's group
    page.csp_errors = []
    page.on("console", lambda m: "Content Security Policy" in m.text and page.csp_errors.append(m.text))
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#curation-module")
    page.wait_for_load_state("load")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return page


def status_of(page, pk, status):
    page.wait_for_selector(f"#quote-{pk}[data-status={status}]")


def test_an_editor_makes_twenty_decisions_on_the_desk_with_the_keyboard_in_one_page_load(editor_page, live_server):
    page = editor_page
    loads = []
    page.on("load", lambda: loads.append(page.url))
    page.click("text=Review desk")
    page.wait_for_selector(".desk-quote.current")
    page.screenshot(path=SCREENSHOTS / "desk.png", full_page=False)
    ids = [int(i.split("-")[1]) for i in page.locator(".desk-quote").evaluate_all("rows => rows.map(r => r.id)")]
    assert len(ids) == 25

    for pk in ids[:10]:  # ten verified: v, and the desk moves on by itself
        page.keyboard.press("v")
        status_of(page, pk, "verified")

    page.keyboard.press("x")  # one rejected, with a reason
    page.keyboard.type("Not a quote")
    page.keyboard.press("Enter")
    status_of(page, ids[10], "rejected")

    page.keyboard.press("s")  # one given a speaker nobody had yet
    page.keyboard.type("Zaur Newspeaker")
    page.wait_for_selector(f"#quote-{ids[11]} .desk-suggestions li.active:has-text('New speaker: Zaur Newspeaker')")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#quote-{ids[11]} .desk-speaker-name:has-text('Zaur Newspeaker')")
    page.keyboard.press("v")  # the corrected quote stays current: verify it
    status_of(page, ids[11], "verified")

    page.keyboard.press("k")  # back to the rejected one and forward again
    page.keyboard.press("j")
    page.keyboard.press("o")  # one quote at a time
    assert page.locator(".desk-quote:visible").count() == 1
    page.keyboard.press("o")
    for pk in ids[12:19]:
        page.keyboard.press("v")
        status_of(page, pk, "verified")
    page.screenshot(path=SCREENSHOTS / "desk-after-decisions.png", full_page=False)

    # 20 decisions (18 verified, 1 rejected, 1 speaker changed) and the desk loaded once.
    assert len(loads) == 1 and "/admin/archive/quote/desk/" in loads[0]
    assert Quote.objects.filter(pk__in=ids[:19], status=Quote.Status.VERIFIED).count() == 18
    rejected = Quote.objects.get(pk=ids[10])
    assert (rejected.status, rejected.reject_reason, rejected.reviewed_by.username) == (
        "rejected",
        "Not a quote",
        "editor",
    )
    newcomer = Speaker.objects.get(name="Zaur Newspeaker")
    assert list(newcomer.quotes.values_list("pk", flat=True)) == [ids[11]]

    # The public pages: the rejected quote is withdrawn (410), the new speaker has the quote.
    response = page.goto(live_server.url + rejected.get_absolute_url())
    assert response.status == 410
    page.goto(live_server.url + newcomer.get_absolute_url())
    assert Quote.objects.get(pk=ids[11]).text[:40] in page.locator("main").inner_text()

    # The activity page: each decision, by whom, with old and new values.
    page.goto(live_server.url + "/admin/archive/batch/")
    text = page.locator("#result_list").inner_text()
    assert text.count("1 quote(s) marked verified") == 18
    assert "1 quote(s) marked rejected" in text and "attributed to Zaur Newspeaker" in text
    page.get_by_role("link", name="1 quote(s) attributed to Zaur Newspeaker").click()
    page.wait_for_selector("table.history-changes")
    record = page.locator("table.history-changes").inner_text()
    assert "Zaur Newspeaker (id" in record
    assert Change.objects.filter(object_id=ids[10], field="status", old="unreviewed", new="rejected").exists()
    assert not page.csp_errors


def test_the_desk_works_as_plain_forms_without_javascript(browser, live_server, transactional_db):
    call_command("import_seeds", stdout=StringIO())
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(editors_group())  # a transactional test's flush removed the migration's group
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/?next=/admin/archive/quote/desk/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    first = page.locator(".desk-quote").first
    pk = int(first.get_attribute("id").split("-")[1])
    first.locator(".desk-reject input[name=reason]").fill("Wrong span")
    first.locator(".desk-reject button").click()
    page.wait_for_load_state()
    assert "Quote marked rejected." in page.locator(".messagelist").inner_text()
    assert Quote.objects.get(pk=pk).reject_reason == "Wrong span"
    context.close()


def test_an_editor_merges_a_suggested_duplicate_and_previews_applies_and_undoes_a_keyword_rule(
    editor_page, live_server
):
    page = editor_page
    keep = Speaker.objects.get(name="Jihon Bayramov")
    twin = Speaker.objects.create(name="J. Bayramov", slug="j-bayramov")
    moved = Quote.objects.filter(speaker=keep).order_by("pk").last()
    Quote.objects.filter(pk=moved.pk).update(speaker=twin)

    # A suggested duplicate, merged in one click; its record lists what moved.
    page.goto(live_server.url + "/admin/archive/speaker/")
    page.click("text=Suggested duplicates")
    page.click("text=Merge J. Bayramov into Jihon Bayramov")
    page.wait_for_selector(".messagelist")
    page.click("text=What moved")
    page.wait_for_selector("table.history-changes")
    assert page.locator(f"table.history-changes a[href='/admin/archive/quote/{moved.pk}/change/']").count() == 1
    assert Quote.objects.get(pk=moved.pk).speaker == keep
    # The merged speaker's old address leads to the kept one.
    page.goto(live_server.url + "/speakers/j-bayramov/")
    assert page.url == live_server.url + keep.get_absolute_url()
    assert "J. Bayramov" in page.locator("main").inner_text()  # the merged spelling lives on

    # A keyword rule: the preview says what it would tag, nothing is written until Apply.
    topic = Topic.objects.create(name="Tourism", slug="tourism", keywords="tourism")
    page.goto(live_server.url + "/admin/archive/topic/?q=Tourism")
    page.check(f"input[name=_selected_action][value='{topic.pk}']")
    page.select_option("select[name=action]", "apply_keyword_rules")
    page.click("button[name=index]")
    preview = page.locator("table.rule-preview").inner_text()
    assert "Tourism" in preview and not topic.articles.exists()
    page.click("input[name=apply]")
    page.wait_for_selector(".messagelist")
    tagged = set(topic.articles.values_list("slug", flat=True))
    assert len(tagged) >= 3
    page.goto(live_server.url + topic.get_absolute_url())
    assert page.locator("main a[href^='/articles/']").count() >= 3

    # Undone from the activity page, as one batch.
    batch = Batch.objects.get(action="rules")
    page.goto(live_server.url + "/admin/archive/batch/")
    page.check(f"input[name=_selected_action][value='{batch.pk}']")
    page.select_option("select[name=action]", "undo")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist")
    assert "Undone" in page.locator(".messagelist").inner_text()
    assert not topic.articles.exists() and not topic.quotes.exists()
    page.goto(live_server.url + topic.get_absolute_url())
    assert page.locator("main a[href^='/articles/']").count() == 0

    page.goto(live_server.url + "/admin/archive/batch/")
    text = page.locator("#result_list").inner_text()
    assert "Undone: Keyword rules of Tourism" in text and "Merged J. Bayramov into Jihon Bayramov" in text
    page.screenshot(path=SCREENSHOTS / "activity.png", full_page=True)
    assert not page.csp_errors
