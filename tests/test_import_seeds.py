import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.models import Article, Quote, Speaker

SEEDS = Path(settings.BASE_DIR) / "seeds"


def run_import(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_seeds", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_imports_the_five_seeds_by_default():
    out, err = run_import()
    assert "5 created, 0 updated, 0 unchanged, 0 skipped, 0 errors" in out
    assert err == ""
    assert Article.objects.count() == 5
    assert Quote.objects.count() > 50
    assert all(q.article.body[q.start : q.end] == q.text for q in Quote.objects.select_related("article"))


@pytest.mark.django_db
def test_running_it_twice_creates_nothing_and_says_so():
    run_import(SEEDS)
    counts = (Article.objects.count(), Speaker.objects.count(), Quote.objects.count())
    out, _ = run_import(SEEDS)
    assert "0 created, 0 updated, 5 unchanged" in out
    assert (Article.objects.count(), Speaker.objects.count(), Quote.objects.count()) == counts


@pytest.mark.django_db
def test_the_same_person_in_two_articles_is_one_speaker():
    run_import(SEEDS)
    eidelman = Speaker.objects.get(aliases__name="David Eidelman")
    assert eidelman.quotes.values("article").distinct().count() == 2


@pytest.mark.django_db
def test_another_copy_with_other_line_endings_and_encoding_is_the_same_article(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[1]
    text = seed.read_text(encoding="utf-8")
    (tmp_path / "copy.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    run_import(seed)
    out, _ = run_import(tmp_path / "copy.txt")
    assert "1 unchanged" in out
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_bad_file_is_reported_on_one_line_and_the_others_are_imported(tmp_path):
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)

    with pytest.raises(CommandError) as failure:
        run_import(tmp_path)

    assert failure.value.returncode == 1
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_errors_name_the_file_and_the_reason_without_a_traceback(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert lines == [f"{tmp_path / 'missing.txt'}: no such file or folder", f"{tmp_path / 'empty.txt'}: file is empty"]


@pytest.mark.django_db
def test_a_dry_run_writes_nothing():
    out, _ = run_import("--dry-run", SEEDS)
    assert "Dry run, nothing written: 5 created" in out
    assert Article.objects.count() == 0 and Speaker.objects.count() == 0
