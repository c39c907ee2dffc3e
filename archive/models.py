"""The archive's records: articles, the people quoted in them, their quotes, and topics.

Field names are the fixture contract (docs/architecture.md): data users load the exported
JSON, so rename nothing here without a migration path for them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .addresses import slug_address
from .ingest.language.names import key as name_key
from .ingest.topics import keyword_problem, parse_keywords
from .public_ids import assign_public_ids
from .published import as_printed
from .slugs import ArticleFormerSlug, FormerSlugsMixin, SpeakerFormerSlug

# A topic with fewer links than this is read through its links and sorted; a bigger one is found by walking the
# date index and checking each row's link, which stops at the page instead of sorting every tagged row.
SMALL_TOPIC = 5000


def count_of(model: type[models.Model], fk: str, **filters) -> Coalesce:
    """Number of related rows as a correlated subquery: computed only for the rows shown, unlike a JOIN + GROUP BY
    over the whole table, and it can use the index that starts with fk."""
    rows = model.objects.filter(**{fk: OuterRef("pk")}, **filters).order_by().values(fk)
    return Coalesce(Subquery(rows.annotate(n=Count("*")).values("n"), output_field=IntegerField()), 0)


class CountedRows(Subquery):
    """The number of rows of a (sliced) queryset, as a correlated subquery: SELECT count(*) FROM (...)."""

    template = "(SELECT count(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def count_up_to(model: type[models.Model], fk: str, limit: int) -> CountedRows:
    """As count_of, but stopping after limit + 1 rows: a topic's count costs the same at any size. The caller shows
    a number past limit as "More than <limit>" (pagination.MoreThan)."""
    return CountedRows(model.objects.filter(**{fk: OuterRef("pk")}).order_by().values("pk")[: limit + 1])


def on_topic(queryset: models.QuerySet, topic) -> models.QuerySet:
    """The rows of queryset (quotes or articles) tagged with topic, through the plan that suits its size.

    A join lets the database read every link of the topic and sort all those rows by date: over a second for
    the biggest topic at a million quotes. Walking the date index with an EXISTS probe per row stops after a
    page, but for a rare topic it would walk the whole archive: below SMALL_TOPIC links the sort is cheap.
    """
    links = queryset.model.topics.through.objects.filter(topic=topic)
    fk = queryset.model._meta.model_name
    if links.order_by()[:SMALL_TOPIC].count() < SMALL_TOPIC:
        return queryset.filter(pk__in=links.values(fk))
    return queryset.filter(Exists(links.filter(**{fk: OuterRef("pk")})))


class TopicManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Topic(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    keywords = models.TextField(
        blank=True,
        help_text="One keyword or phrase per line. An article or quote whose text contains one "
        "(whole words, any case) is suggested this topic on import.",
    )

    objects = TopicManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_address("topic_detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    def keyword_list(self) -> list[str]:
        return parse_keywords(self.keywords)

    def clean(self):
        problems = [p for p in map(keyword_problem, self.keyword_list()) if p]
        if problems:
            raise ValidationError({"keywords": problems})


class ArticleQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(F("published_at").desc(nulls_last=True), "-id")


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_by_natural_key(self, content_hash):
        return self.get(content_hash=content_hash)


class PrintedTimeMixin:
    """For rows with published_at and published_utc_offset: the time as the page printed it (archive.published)."""

    @property
    def published_as_printed(self):
        return as_printed(self.published_at, self.published_utc_offset)


class Article(PrintedTimeMixin, FormerSlugsMixin, models.Model):
    title = models.CharField(max_length=500, blank=True)
    subtitle = models.TextField(blank=True)
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    section = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Minutes east of UTC of the time the page printed, or None when the page named no zone: the time is then
    # stored as printed (labelled UTC, which it may not be) and shown as printed, never shifted by a guess.
    published_utc_offset = models.SmallIntegerField(
        "UTC offset (minutes)",
        null=True,
        blank=True,
        help_text="Minutes east of UTC the page printed its time in (-300 for New York in winter); empty when the "
        "page named no zone, and the time above is then the time as printed.",
    )
    url = models.URLField(max_length=2000, blank=True, db_index=True)
    source_file = models.CharField(max_length=500)
    content_hash = models.CharField(max_length=64, unique=True)
    body = models.TextField()
    raw_text = models.TextField()
    slug = models.SlugField(max_length=200, unique=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    import_warnings = models.JSONField(default=list, blank=True)
    # Hash of what the extractor produced; a re-import that yields the same is "unchanged".
    extraction_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleManager()

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["published_at", "id"], name="article_date_idx"),
            models.Index(fields=["outlet", "title", "published_at"], name="article_identity_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.source_file

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The one place where quotes follow their article (Quote.ARTICLE_COPIES: its date, zone and outlet).
        copied = {field: getattr(self, field) for field in Quote.ARTICLE_COPIES}
        stored = getattr(self, "_stored_copies", copied)
        if stored != copied:
            self.quotes.update(**copied)
        self._stored_copies = copied
        self.keep_former_slug(ArticleFormerSlug, "article")

    def get_absolute_url(self) -> str:
        return slug_address("article_detail", self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        if set(Quote.ARTICLE_COPIES) <= set(field_names):
            article._stored_copies = {field: getattr(article, field) for field in Quote.ARTICLE_COPIES}
        return article

    def natural_key(self):
        return (self.content_hash,)

    @property
    def display_title(self) -> str:
        return self.title or f"Untitled ({self.source_file})"


class SpeakerManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Speaker(FormerSlugsMixin, models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True, help_text="Role as the sources give it.")
    wikidata_id = models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id is Q followed by a number, e.g. Q42.")],
        help_text="The person's Wikidata item, e.g. Q42; the public page links to it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SpeakerManager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.keep_former_slug(SpeakerFormerSlug, "speaker")

    def get_absolute_url(self) -> str:
        return slug_address("speaker_detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    @property
    def wikidata_url(self) -> str:
        return f"https://www.wikidata.org/wiki/{self.wikidata_id}" if self.wikidata_id else ""


@receiver(pre_delete, sender=Speaker)
def keep_merged_speakers_address(sender, instance: Speaker, **kwargs) -> None:
    """A speaker deleted while their name is another speaker's alias was merged into that speaker (curation's
    merge moves the names first): their address, and any it inherited, redirect to the one kept."""
    kept = SpeakerAlias.objects.filter(name=instance.name).exclude(speaker=instance).values("speaker").first()
    if kept is None:
        return
    SpeakerFormerSlug.objects.filter(speaker=instance).update(speaker_id=kept["speaker"])
    SpeakerFormerSlug.objects.update_or_create(slug=instance.slug, defaults={"speaker_id": kept["speaker"]})


class SpeakerAliasManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class SpeakerAlias(models.Model):
    """A form of a speaker's name as printed somewhere; after a merge, the merged name lives on here."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, unique=True)
    key = models.CharField(max_length=200, db_index=True, editable=False)

    objects = SpeakerAliasManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.name,)

    natural_key.dependencies = ["archive.speaker"]


QUOTE_MARKS = "\"'“”„‟«»‘’‚‹›「」"


class QuoteQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=Quote.Status.REJECTED)

    def newest_first(self):
        return self.order_by(F("published_at").desc(nulls_last=True), "-id")

    def bulk_create(self, objs, *args, **kwargs):
        # The import creates quotes in bulk, which skips save(): they get their public ids here.
        objs = list(objs)
        assign_public_ids(objs)
        return super().bulk_create(objs, *args, **kwargs)


class QuoteManager(models.Manager.from_queryset(QuoteQuerySet)):
    def get_by_natural_key(self, article_hash, start, end):
        return self.get(article__content_hash=article_hash, start=start, end=end)


class Quote(PrintedTimeMixin, models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INTERVIEW_ANSWER = "interview_answer", "Interview answer"
        REPORTED = "reported", "Reported speech"

    class Status(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        VERIFIED = "verified", "Verified"
        REJECTED = "rejected", "Rejected"

    # Fields copied from the article, so that date-ordered and outlet lists walk one index of the quote table.
    ARTICLE_COPIES = ("published_at", "published_utc_offset", "outlet")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DIRECT)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UNREVIEWED)
    topics = models.ManyToManyField(Topic, blank=True, related_name="quotes")
    # The words that named the speaker, as printed: lets an editor see why it was attributed.
    attribution = models.CharField(max_length=300, blank=True)
    # Set when an editor changes the text, speaker or kind: re-imports leave such quotes alone.
    edited = models.BooleanField(default=False)
    # False when a re-imported source no longer contains a curated quote's text: an editor should look.
    anchored = models.BooleanField(default=True)
    # Copied from the article so that date-ordered lists and a speaker's latest quotes use one index.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_utc_offset = models.SmallIntegerField(null=True, blank=True, editable=False)
    # When an editor last verified or rejected it (None while unreviewed), and who: users are not exported, so the
    # reviewer stays out of the fixture (serialize=False) and loaddata never needs a user.
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        serialize=False,
    )
    reject_reason = models.CharField(max_length=200, blank=True, help_text="Why an editor rejected it.")
    # The quote's address (/quotes/<public_id>/), set once at creation and never changed: unlike the row's id it
    # survives an export and a restore into another database. Null only until assigned (see assign_public_ids).
    # Null, not "": SQLite adds a nullable column in place, and the partial unique index skips unassigned rows.
    public_id = models.CharField(max_length=20, null=True, blank=True, editable=False)  # noqa: DJ001
    # Copied from the article too: the outlet filter walks (outlet, date, id) and stops at the page.
    outlet = models.CharField(max_length=200, blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuoteManager()

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="quote_start_before_end"),
            # The span and the text must agree; that the span lies in the body is checked in clean().
            models.CheckConstraint(condition=Q(end=F("start") + Length("text")), name="quote_span_matches_text"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="quote_unique_span"),
            # Partial, so that SQLite adds it as an index instead of copying the table (and its search triggers).
            models.UniqueConstraint(
                fields=["public_id"], condition=Q(public_id__isnull=False), name="quote_unique_public_id"
            ),
        ]
        indexes = [
            models.Index(fields=["published_at", "id"], name="quote_date_idx"),
            models.Index(fields=["speaker", "published_at", "id"], name="quote_speaker_date_idx"),
            models.Index(fields=["status", "published_at"], name="quote_status_date_idx"),
            # Filtering by kind walks this index in date order instead of sorting every quote of that kind.
            models.Index(fields=["kind", "published_at", "id"], name="quote_kind_date_idx"),
            models.Index(fields=["outlet", "published_at", "id"], name="quote_outlet_date_idx"),
        ]

    def __str__(self) -> str:
        # Bare words: the admin's messages put an object in quotation marks themselves, and a span may begin or end
        # with the article's own mark ("“““In the same way…””" otherwise).
        text = self.text.strip(QUOTE_MARKS + " ")
        return text if len(text) <= 80 else text[:77] + "…"

    def save(self, *args, **kwargs):
        self.follow_article()
        if not self.public_id and self.article_id:
            assign_public_ids([self])
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return slug_address("quote_detail", str(self.public_id or self.pk))

    def clean(self):
        if self.article_id and self.article.body[self.start : self.end] != self.text:
            raise ValidationError("The quote's text must be exactly the article body between start and end.")

    def follow_article(self) -> None:
        """Copy what the quote keeps of its article (its date and outlet, for the date-ordered indexes). Every
        writer calls this: save() does, and bulk writers (which skip save()) call it themselves; Article.save()
        updates the copies when the article's date or outlet changes."""
        if self.article_id:
            for field in self.ARTICLE_COPIES:
                setattr(self, field, getattr(self.article, field))

    def natural_key(self):
        return (self.article.content_hash, self.start, self.end)

    natural_key.dependencies = ["archive.article", "archive.speaker"]


# The audit trail's models live beside the functions that write it; importing them here registers them.
from .history import Batch, Change  # noqa: E402, F401
