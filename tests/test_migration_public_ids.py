"""Migration 0008 gives every existing quote its public id, the one a new quote on the same span would get."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from archive.public_ids import public_id_for

BEFORE = [("archive", "0007_desk_review_history")]
AFTER = [("archive", "0008_readers_public_ids_and_former_slugs")]


# Transactional: migrating back and forth changes the schema, which SQLite will not do inside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_existing_quotes_get_their_public_ids_in_the_migration():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Article, Quote = old.get_model("archive", "Article"), old.get_model("archive", "Quote")
    article = Article.objects.create(
        title="T", body="“One,” “Two.”", raw_text="x", slug="t", source_file="t.txt", content_hash="ab" * 32
    )
    Quote.objects.create(article=article, text="One", start=1, end=4)
    Quote.objects.create(article=article, text="Two", start=8, end=11)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    try:
        executor.migrate(AFTER)
        new = executor.loader.project_state(AFTER).apps
        ids = dict(new.get_model("archive", "Quote").objects.values_list("text", "public_id"))
    finally:
        # Back to the latest schema (later migrations included) for the tests that follow.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert ids == {"One": public_id_for("ab" * 32, 1, 4), "Two": public_id_for("ab" * 32, 8, 11)}
