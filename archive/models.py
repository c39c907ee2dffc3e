"""The archive's records: articles, the people quoted in them, their quotes, and topics.

Field names are the fixture contract (docs/architecture.md): data users load the exported
JSON, so rename nothing here without a migration path for them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length
from django.urls import reverse
from django.utils.text import slugify

from .ingest.language.names import key as name_key
from .ingest.topics import keyword_problem, parse_keywords

__all__ = ["Article", "Quote", "Speaker", "SpeakerAlias", "Topic", "count_of", "name_key", "unique_slug"]


def unique_slug(model: type[models.Model], text: str, max_length: int = 200, exclude_pk=None) -> str:
    base = slugify(text)[: max_length - 10].strip("-") or model._meta.model_name
    slug, n = base, 2
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def count_of(model: type[models.Model], fk: str, **filters) -> Coalesce:
    """Number of related rows as a correlated subquery: computed only for the rows shown, unlike a JOIN + GROUP BY
    over the whole table, and it can use the index that starts with fk."""
    rows = model.objects.filter(**{fk: OuterRef("pk")}, **filters).order_by().values(fk)
    return Coalesce(Subquery(rows.annotate(n=Count("*")).values("n"), output_field=IntegerField()), 0)


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
        return reverse("topic_detail", args=[self.slug])

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


class Article(models.Model):
    title = models.CharField(max_length=500, blank=True)
    subtitle = models.TextField(blank=True)
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    section = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
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
        # The one place where quotes follow their article's date (Quote.published_at is a copy of it).
        if getattr(self, "_stored_date", self.published_at) != self.published_at:
            self.quotes.update(published_at=self.published_at)
        self._stored_date = self.published_at

    def get_absolute_url(self) -> str:
        return reverse("article_detail", args=[self.slug])

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        if "published_at" in field_names:
            article._stored_date = article.published_at
        return article

    def natural_key(self):
        return (self.content_hash,)

    @property
    def display_title(self) -> str:
        return self.title or f"Untitled ({self.source_file})"


class SpeakerManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Speaker(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True, help_text="Role as the sources give it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SpeakerManager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("speaker_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)


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


class QuoteQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=Quote.Status.REJECTED)

    def newest_first(self):
        return self.order_by(F("published_at").desc(nulls_last=True), "-id")


class QuoteManager(models.Manager.from_queryset(QuoteQuerySet)):
    def get_by_natural_key(self, article_hash, start, end):
        return self.get(article__content_hash=article_hash, start=start, end=end)


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INTERVIEW_ANSWER = "interview_answer", "Interview answer"
        REPORTED = "reported", "Reported speech"

    class Status(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        VERIFIED = "verified", "Verified"
        REJECTED = "rejected", "Rejected"

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
        ]
        indexes = [
            models.Index(fields=["published_at", "id"], name="quote_date_idx"),
            models.Index(fields=["speaker", "published_at", "id"], name="quote_speaker_date_idx"),
            models.Index(fields=["status", "published_at"], name="quote_status_date_idx"),
            # Filtering by kind walks this index in date order instead of sorting every quote of that kind.
            models.Index(fields=["kind", "published_at", "id"], name="quote_kind_date_idx"),
        ]

    def __str__(self) -> str:
        short = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"“{short}”"

    def save(self, *args, **kwargs):
        self.follow_article()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("quote_detail", args=[self.pk])

    def clean(self):
        if self.article_id and self.article.body[self.start : self.end] != self.text:
            raise ValidationError("The quote's text must be exactly the article body between start and end.")

    def follow_article(self) -> None:
        """Copy what the quote keeps of its article (its date, for the date-ordered indexes). Every writer calls
        this: save() does, and bulk writers (which skip save()) call it themselves; Article.save() updates the
        copies when the article's date changes."""
        if self.article_id:
            self.published_at = self.article.published_at

    def natural_key(self):
        return (self.article.content_hash, self.start, self.end)

    natural_key.dependencies = ["archive.article", "archive.speaker"]
