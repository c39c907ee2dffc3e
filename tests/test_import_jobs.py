"""import_seeds --jobs N: files parsed in N worker processes, written by one, in the files' order, so that the
archive is the same whatever N; a progress line only on a terminal."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.management.commands import import_seeds
from archive.measure.benchmark.corpus import Corpus, build_templates
from archive.models import Article, Quote, Speaker, SpeakerAlias

SEEDS = Path(settings.BASE_DIR) / "seeds"


@pytest.fixture
def documents(tmp_path) -> Path:
    """The five seeds and 25 synthetic seed-like articles (some sharing speakers), with one unreadable file."""
    for seed in SEEDS.iterdir():
        shutil.copy(seed, tmp_path / seed.name)
    for name, data in Corpus(build_templates(), 25).documents(0, 25):
        (tmp_path / name).write_bytes(data)
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    return tmp_path


def snapshot() -> dict:
    """Everything an import writes, by natural keys (primary keys may differ)."""
    links = Quote.topics.through.objects
    quote_topics = links.values_list("quote__article__content_hash", "quote__start", "topic__slug")
    return {
        "articles": sorted(Article.objects.values_list("content_hash", "slug", "title", "outlet", "published_at")),
        "speakers": sorted(Speaker.objects.values_list("slug", "name", "description")),
        "aliases": sorted(SpeakerAlias.objects.values_list("name", "key", "speaker__slug")),
        "quotes": sorted(
            Quote.objects.values_list(
                "article__content_hash", "start", "end", "text", "kind", "speaker__slug", "attribution", "outlet"
            )
        ),
        "quote topics": sorted(quote_topics),
        "article topics": sorted(Article.topics.through.objects.values_list("article__content_hash", "topic__slug")),
    }


@pytest.mark.django_db(transaction=True)
def test_two_jobs_give_the_same_archive_as_one(documents):
    out = StringIO()
    err = StringIO()
    with pytest.raises(CommandError):  # the broken file makes the exit status 1
        call_command("import_seeds", str(documents), "--jobs", "1", stdout=out, stderr=err)
    one, one_err = snapshot(), err.getvalue()
    assert len(one["articles"]) == 30 and len(one["quotes"]) > 300
    Article.objects.all().delete()
    Speaker.objects.all().delete()
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(documents), "--jobs", "2", stdout=out, stderr=err)
    assert snapshot() == one
    assert err.getvalue() == one_err and "broken.txt" in one_err
    assert "30 created, 0 updated, 0 unchanged, 1 skipped, 1 errors" in out.getvalue()


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_progress_is_drawn_on_a_terminal_only(monkeypatch):
    monkeypatch.setattr(import_seeds, "PROGRESS_SECONDS", 0)
    terminal, pipe = Terminal(), StringIO()
    call_command("import_seeds", str(SEEDS), "--jobs", "1", stdout=StringIO(), stderr=terminal)
    assert "\r5 of 5 files, " in terminal.getvalue() and " left " in terminal.getvalue()
    Article.objects.all().delete()
    call_command("import_seeds", str(SEEDS), "--jobs", "1", stdout=StringIO(), stderr=pipe)
    assert pipe.getvalue() == ""


@pytest.mark.django_db
def test_fewer_than_one_job_is_refused():
    with pytest.raises(CommandError, match="--jobs must be at least 1"):
        call_command("import_seeds", "--jobs", "0", stdout=StringIO(), stderr=StringIO())
