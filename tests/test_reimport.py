"""Nothing lost: re-importing a changed source through the real import_seeds keeps every editor's work.

Verified, rejected and edited quotes stay as the editor left them (re-anchored to their text, or flagged when it is
gone), a merged speaker is never re-created, and an editor's topics stay on articles and quotes.
"""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Q

from archive.curation import merge_speakers, reassign_quotes, set_status
from archive.models import Article, Quote, Speaker, Topic
from archive.tagging import tag_quotes

SEEDS = Path(settings.BASE_DIR) / "seeds"
SEED = "001_22dacb161e5595bd.txt"  # Eidelman, Auslander and Goltsman on Azerbaijan and Israel
FIRST_PARAGRAPH = "    Assistant to the President of Azerbaijan Hikmet Hajiyev has recently visited Israel."
NOTE = "    Editor's note: this article was updated on Monday with further comments from the analysts quoted below.\n\n"


def run_import(*paths) -> str:
    out = StringIO()
    call_command("import_seeds", *map(str, paths), stdout=out, stderr=StringIO(), verbosity=2)
    return out.getvalue()


@pytest.fixture
def curated(tmp_path):
    """The seeds imported from a copy, then curated as an editor would."""
    original = tmp_path / "v1"
    shutil.copytree(SEEDS, original)
    run_import(original)
    article = Article.objects.get(source_file=SEED)

    def quote(start: str) -> Quote:
        return article.quotes.get(text__startswith=start)

    work = {
        "article": article,
        "verified": quote("important, but working"),
        "rejected": quote("Azerbaijan is almost constantly in touch"),
        "edited": quote("Azerbaijan is a strategic partner"),
        "gone": quote("This is the friendship of two peoples"),
        "tagged": quote("Israel and Azerbaijan cooperate"),
        "original": original,
    }
    set_status(Quote.objects.filter(pk__in=[work["verified"].pk, work["gone"].pk]), Quote.Status.VERIFIED)
    set_status(Quote.objects.filter(pk=work["rejected"].pk), Quote.Status.REJECTED)
    eidelman = Speaker.objects.get(name="David Eidelman")
    reassign_quotes(Quote.objects.filter(pk=work["edited"].pk), eidelman)
    goltsman = Speaker.objects.get(name="Rostislav Goltsman")
    work["merged_into"] = Speaker.objects.create(name="R. Goltsman", slug="r-goltsman", description="journalist")
    merge_speakers(work["merged_into"], [goltsman])
    pick = Topic.objects.create(name="Editors' pick", slug="editors-pick")
    article.topics.add(pick)
    tag_quotes(Quote.objects.filter(pk=work["tagged"].pk), [pick])
    work["pick"] = pick
    for key in ("verified", "rejected", "edited", "gone", "tagged"):
        work[key].refresh_from_db()
    return work


def changed_copy(folder: Path, original: Path) -> Path:
    """The seed as its site changed it: a note above the text, one quote reworded, the rest as it was."""
    text = (original / SEED).read_text(encoding="utf-8")
    assert FIRST_PARAGRAPH in text and "This is the friendship of two peoples" in text
    text = text.replace(FIRST_PARAGRAPH, NOTE + FIRST_PARAGRAPH, 1)
    text = text.replace("This is the friendship of two peoples", "This is the long partnership of two nations")
    folder.mkdir()
    (folder / SEED).write_text(text, encoding="utf-8")
    return folder / SEED


@pytest.mark.django_db
def test_a_changed_source_keeps_every_curated_quote_merge_and_topic(curated, tmp_path):
    article = curated["article"]
    curated_quotes = article.quotes.filter(Q(edited=True) | ~Q(status=Quote.Status.UNREVIEWED))
    curated_before = {q.pk: (q.status, q.edited, q.speaker_id, q.text) for q in curated_quotes}
    assert len(curated_before) == 4
    verified_start = curated["verified"].start

    out = run_import(changed_copy(tmp_path / "v2", curated["original"]))

    assert "updated" in out and "1 curated quote(s) lost their text" in out
    article.refresh_from_db()
    assert NOTE.strip() in article.body
    for key in ("verified", "rejected", "edited", "gone", "tagged"):
        curated[key].refresh_from_db()  # each still exists: refresh would raise DoesNotExist
    verified, rejected, edited, gone = (curated[k] for k in ("verified", "rejected", "edited", "gone"))
    # Kept and re-anchored: the same text at its new place in the body.
    for quote in (verified, rejected, edited):
        assert quote.anchored and article.body[quote.start : quote.end] == quote.text
    assert verified.start == verified_start + len(NOTE.strip() + "\n\n")
    assert verified.status == "verified"
    assert rejected.status == "rejected"
    assert edited.edited and edited.speaker.name == "David Eidelman"
    # Its text is gone: kept, verified, flagged for an editor.
    assert gone.status == "verified" and not gone.anchored
    # Nothing curated was lost or changed.
    after = {q.pk: (q.status, q.edited, q.speaker_id, q.text) for q in Quote.objects.filter(pk__in=curated_before)}
    assert after == curated_before
    # The merged speaker was not re-created; his quotes went to the speaker he was merged into.
    assert not Speaker.objects.filter(name="Rostislav Goltsman").exists()
    target = curated["merged_into"]
    assert "Rostislav Goltsman" in set(target.aliases.values_list("name", flat=True))
    assert article.quotes.filter(speaker=target).count() == 2
    # The editor's topics are still there, on the article and on the (unreviewed) quote.
    assert curated["pick"] in article.topics.all()
    assert curated["pick"] in curated["tagged"].topics.all()


@pytest.mark.django_db
def test_the_original_source_again_re_anchors_the_flagged_quote(curated, tmp_path):
    run_import(changed_copy(tmp_path / "v2", curated["original"]))
    gone = Quote.objects.get(pk=curated["gone"].pk)
    assert not gone.anchored

    run_import(curated["original"] / SEED)

    gone.refresh_from_db()
    article = Article.objects.get(pk=curated["article"].pk)
    assert gone.anchored and gone.status == "verified" and article.body[gone.start : gone.end] == gone.text
    assert not Speaker.objects.filter(name="Rostislav Goltsman").exists()
    assert curated["pick"] in article.topics.all()


@pytest.mark.django_db
def test_re_importing_the_whole_unchanged_folder_changes_no_curated_row(curated):
    before = list(Quote.objects.order_by("pk").values_list("pk", "status", "edited", "speaker", "start", "updated_at"))
    speakers = list(Speaker.objects.order_by("pk").values_list("pk", "name"))

    out = run_import(curated["original"])

    assert "0 created, 0 updated, 5 unchanged" in out
    assert list(
        Quote.objects.order_by("pk").values_list("pk", "status", "edited", "speaker", "start", "updated_at")
    ) == (before)
    assert list(Speaker.objects.order_by("pk").values_list("pk", "name")) == speakers
