"""Nothing let in: staff-only admin, CSRF on every form, imported text escaped everywhere, security headers
(with a Content-Security-Policy the admin works under), and no default password anywhere."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse

from archive.models import Article, Quote, Speaker, SpeakerAlias, Topic

ROOT = Path(settings.BASE_DIR)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # Debian's, as in tests/browser
# What an attacker would put in a page they hope the archive imports.
SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src=x onerror="alert(2)">'
PAYLOAD = f"{SCRIPT}{IMAGE}"
RAW_MARKUP = ("<script>alert(1)", "<img src=x", 'onerror="alert(2)"')


def url_or_none(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


# The admin is for staff only


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="not-a-default-" + os.urandom(8).hex(), is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        lambda: User.objects.create_user("root", is_superuser=True, is_staff=False),
        lambda: User.objects.create_user("gone", is_staff=True, is_active=False),
    ],
    ids=["superuser who is not staff", "inactive staff"],
)
def test_only_active_staff_reach_the_admin(client, make):
    client.force_login(make())
    response = client.get(reverse("admin:archive_quote_changelist"))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_an_anonymous_post_to_an_admin_action_changes_nothing(client, make_quote):
    quote = make_quote()
    response = client.post(
        reverse("admin:archive_quote_changelist"), {"action": "delete_selected", "_selected_action": [quote.pk]}
    )
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    assert Quote.objects.filter(pk=quote.pk).exists()


# CSRF


@pytest.mark.usefixtures("editor")
@pytest.mark.django_db
def test_the_admin_login_refuses_a_post_without_a_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "editor", "password": "whatever"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_an_admin_action_without_a_csrf_token_is_refused_and_changes_nothing(editor, make_quote):
    quote = make_quote()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        reverse("admin:archive_quote_changelist"),
        {"action": "delete_selected", "_selected_action": [quote.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Quote.objects.filter(pk=quote.pk).exists()


def public_urls(article: Article, speaker: Speaker, quote: Quote, topic: Topic) -> list[str]:
    urls = [
        "/",
        reverse("article_list"),
        article.get_absolute_url(),
        reverse("speaker_list"),
        speaker.get_absolute_url(),
        reverse("quote_list"),
        reverse("quote_list") + "?text=alert&kind=direct",
        quote.get_absolute_url(),
        reverse("topic_list"),
        topic.get_absolute_url(),
    ]
    search = url_or_none("search")
    if search:
        urls += [search + "?q=alert", search + "?q=alert&type=articles", search + "?q=script"]
    return urls


@pytest.fixture
def hostile(make_topic):
    """An article whose every imported field carries markup, and the rows made from it."""
    topic = make_topic(f"Topic {PAYLOAD}", description=f"About {PAYLOAD}", keywords="alert")
    speaker = Speaker.objects.create(name=f"Jane {PAYLOAD} Roe", slug="jane-roe", description=f"Minister {PAYLOAD}")
    SpeakerAlias.objects.create(speaker=speaker, name=f"Roe {PAYLOAD}")
    SpeakerAlias.objects.create(speaker=speaker, name=speaker.name)
    text = f"We will alert {PAYLOAD} everyone"
    body = f"Intro {PAYLOAD} text.\n\n“{text},” Jane Roe said.\n\n{IMAGE} More {SCRIPT} alert words."
    article = Article.objects.create(
        title=f"Title {PAYLOAD}",
        subtitle=f"Subtitle {PAYLOAD}",
        outlet=f"Outlet {PAYLOAD}",
        section=f"Section {PAYLOAD}",
        author=f"Author {PAYLOAD}",
        url="javascript:alert(3)",
        source_file=f"{PAYLOAD}.html",
        content_hash="f" * 64,
        body=body,
        raw_text=body,
        slug="title-script",
        published_at=datetime(2023, 6, 8, tzinfo=UTC),
    )
    article.topics.add(topic)
    start = body.index(text)
    quote = Quote.objects.create(
        article=article,
        speaker=speaker,
        text=text,
        start=start,
        end=start + len(text),
        attribution=f"Jane {PAYLOAD}",
    )
    quote.topics.add(topic)
    return article, speaker, quote, topic


def assert_escaped(html: str, where: str) -> None:
    for markup in RAW_MARKUP:
        assert markup not in html, (where, markup)
    assert 'href="javascript:' not in html.lower(), where


@pytest.mark.django_db
def test_imported_text_is_escaped_on_every_public_page(client, hostile):
    for url in public_urls(*hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_escaped(html, url)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url  # shown, as text


@pytest.mark.usefixtures("hostile")
@pytest.mark.django_db
def test_search_snippets_escape_the_text_around_the_marks(client):
    search = url_or_none("search")
    if search is None:
        pytest.fail("no search page")
    html = client.get(search, {"q": "alert"}).content.decode()
    assert_escaped(html, "search")
    assert "<mark" in html  # the matches are marked, with markup of our own


@pytest.mark.django_db
def test_feeds_carry_imported_text_as_text(client, hostile):
    article, speaker, quote, topic = hostile
    feeds = [url_or_none("speaker_feed", speaker.slug), url_or_none("topic_feed", topic.slug)]
    for url in filter(None, feeds):
        response = client.get(url)
        assert response.status_code == 200
        tree = ElementTree.fromstring(response.content)
        # A feed reader renders an HTML summary as HTML: once the XML is read, it must still be escaped HTML.
        # (Titles are Atom text constructs: shown as text whatever they hold.)
        html = [element.text or "" for element in tree.iter() if element.get("type") == "html"]
        assert html and "&lt;script&gt;" in "".join(html)
        for text in html:
            assert_escaped(text, url)


@pytest.mark.django_db
def test_imported_text_is_escaped_in_the_admin(client, editor, hostile):
    article, speaker, quote, topic = hostile
    client.force_login(editor)
    urls = [reverse(f"admin:archive_{model}_changelist") for model in ("article", "quote", "speaker", "topic")]
    urls += [reverse(f"admin:archive_{obj._meta.model_name}_change", args=[obj.pk]) for obj in hostile]
    urls += [reverse("admin:archive_speakeralias_changelist")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)


@pytest.mark.django_db
def test_the_public_forms_only_ever_get(client, hostile):
    for url in public_urls(*hostile):
        html = client.get(url).content.decode()
        for form in re.findall(r"<form\b[^>]*>", html, flags=re.I):
            assert re.search(r'method="get"', form, flags=re.I), (url, form)
        # No public page takes a POST: without a token CSRF refuses it, and none changes anything anyway.
        assert Client(enforce_csrf_checks=True).post(url, {"text": "x"}).status_code in (403, 405), url


# Headers


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/quotes/", "/admin/login/"])
def test_every_page_carries_the_security_headers(client, url):
    response = client.get(url)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    # Scripts only from this site: no inline script, no eval, no <style> element (style attributes run no code).
    directives = dict((d.split(" ", 1) + [""])[:2] for d in (part.strip() for part in policy.split(";")) if d)
    assert "script-src" not in directives and "style-src" not in directives  # both fall back to default-src
    assert "unsafe" not in directives["default-src"] and "eval" not in policy
    # No inline style either, not even style attributes: the admin's styles are in archive/admin.css.
    assert "unsafe" not in policy and "style-src-attr" not in directives


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "search", "quote_export_csv", "quote_export_json"])
def test_the_public_function_views_refuse_a_post(client, name):
    # A client that skips the CSRF check, so that the view itself answers.
    assert client.post(reverse(name), {"q": "x"}).status_code == 405
    assert client.head(reverse(name)).status_code == 200


@pytest.mark.django_db
def test_a_view_may_set_its_own_policy(rf):
    from django.http import HttpResponse

    from archive.middleware import ContentSecurityPolicyMiddleware

    def view(request):
        response = HttpResponse()
        response.headers["Content-Security-Policy"] = "default-src 'none'"
        return response

    assert ContentSecurityPolicyMiddleware(view)(rf.get("/")).headers["Content-Security-Policy"] == "default-src 'none'"


# No default password, no default secret


SCANNED = ["archive", "scripts", ".ci", "manage.py", "README.md", "requirements.txt", "pyproject.toml"]
TEXT_SUFFIXES = {".py", ".html", ".txt", ".md", ".toml", ".cfg", ".ini", ".sh", ".env", ".yml", ".yaml", ""}
SUSPECT = [
    re.compile(r"""(password|passwd|secret_key|secret|api_key|token)\s*[=:]\s*["'][^"'\s]{4,}["']""", re.I),
    re.compile(r"""set_password\(\s*["']""", re.I),
    re.compile(r"""create_(super)?user\([^)]*password\s*=\s*["']""", re.I),
    re.compile(r"DJANGO_SUPERUSER_PASSWORD", re.I),
    re.compile(r"\b(admin:admin|changeme|letmein|hunter2|password123)\b", re.I),
]
# A literal is fine when randomness is added to it on the same line ("dev-insecure-" + os.urandom(...)).
RANDOM = re.compile(r"os\.urandom|secrets\.|token_urlsafe|get_random_secret_key")


def scanned_files() -> list[Path]:
    files = []
    for name in SCANNED:
        path = ROOT / name
        candidates = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()] if path.exists() else []
        files += [p for p in candidates if p.suffix in TEXT_SUFFIXES and "__pycache__" not in p.parts]
    return files


def test_no_default_password_or_secret_is_written_in_the_code_scripts_or_settings():
    found = []
    files = scanned_files()
    assert ROOT / "archive" / "settings.py" in files and ROOT / "scripts" / "serve" in files
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if any(pattern.search(line) for pattern in SUSPECT) and not RANDOM.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def run_settings(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; {code}"],
        cwd=ROOT,
        env=environment | {"DJANGO_SETTINGS_MODULE": "archive.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_a_secret_key_development_keeps_one_generated_key_for_every_process():
    # A reload of the development server must not log editors out; the key lives in the git-ignored var/.
    keys = {run_settings("print(settings.SECRET_KEY)", DJANGO_DEBUG="1").stdout.strip() for _ in range(2)}
    assert len(keys) == 1 and len(keys.pop()) > 40


def test_production_settings_keep_the_headers_and_the_policy():
    result = run_settings(
        "print(settings.SECURE_CONTENT_TYPE_NOSNIFF, settings.X_FRAME_OPTIONS, settings.SECURE_REFERRER_POLICY, "
        "settings.SECURE_CROSS_ORIGIN_OPENER_POLICY, 'archive.middleware.ContentSecurityPolicyMiddleware' in "
        "settings.MIDDLEWARE, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 50,
    )
    assert result.stdout.split() == ["True", "DENY", "same-origin", "same-origin", "True", "True", "True"]


# The policy in a real browser: no page, public or admin, has anything refused


def browse(base: str, public: list[str], admin: list[str], password: str) -> tuple[list[str], str, list[str]]:
    """Visit the pages in Debian's Chromium; returns the errors the browser reported, the admin's counter text and
    the computed white-space of every quote context and article body the admin pages showed.

    Run in a thread of its own: Playwright's sync API refuses a thread that already runs one (tests/browser's).
    """
    from playwright.sync_api import sync_playwright

    refused: list[str] = []
    white_space: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page()

        def console(message) -> None:
            # The browser asks every site for /favicon.ico; the archive has none, which is no error of a page.
            if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
                refused.append(f"{page.url}: {message.text}")

        page.on("console", console)
        page.on("pageerror", lambda error: refused.append(f"{page.url}: {error}"))
        for url in public:
            page.goto(base + url)
        page.goto(base + "/admin/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_load_state()
        page.goto(base + reverse("admin:archive_quote_changelist"))
        # The admin's scripts run: ticking "select all" updates the counter of selected rows.
        page.click("#action-toggle")
        counter = page.locator(".action-counter").inner_text()
        for url in admin:
            page.goto(base + url)
            if not page.locator("#content h1, #content h2").first.is_visible():
                refused.append(f"{url}: no heading shown")
            white_space += page.eval_on_selector_all(
                ".quote-context, .article-body", "nodes => nodes.map(node => getComputedStyle(node).whiteSpace)"
            )
        browser.close()
    return refused, counter, white_space


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_or_admin_screen_breaks_the_content_security_policy(live_server):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (scripts/test does)")
    call_command("import_seeds", stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("create_editor", "--username", "editor", stdout=out)
    password = next(line.split(":", 1)[1].strip() for line in out.getvalue().splitlines() if "password:" in line)
    article, quote = Article.objects.first(), Quote.objects.public().exclude(speaker=None).first()
    # A transactional test before this one may have flushed the starting topics of migration 0003.
    topic = Topic.objects.first() or Topic.objects.create(name="Diplomacy", slug="diplomacy")
    speaker = quote.speaker
    admin = [
        reverse(f"admin:archive_{o._meta.model_name}_change", args=[o.pk]) for o in (quote, article, speaker, topic)
    ]
    result = {}

    def run() -> None:
        result["value"] = browse(live_server.url, public_urls(article, speaker, quote, topic), admin, password)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert "value" in result, "the browser did not finish"
    refused, counter, white_space = result["value"]
    assert re.search(r"\d+ of \d+ selected", counter)
    assert refused == [], "\n".join(refused)
    # The quote's and the article's context keep their line breaks, styled by archive/admin.css.
    assert white_space and set(white_space) == {"pre-wrap"}, white_space
