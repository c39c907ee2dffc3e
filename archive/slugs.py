"""A row and the text it is named by in; a unique slug, and the slug a renamed or merged row had kept as an address
that redirects (301) to the current one out."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify


def slug_base(model: type[models.Model], text: str, max_length: int = 200) -> str:
    return slugify(text)[: max_length - 10].strip("-") or model._meta.model_name


def unique_slug(model: type[models.Model], text: str, max_length: int = 200, exclude_pk=None) -> str:
    """The slug of ``text``, or ``slug-N`` with the lowest N free. A title many rows share (a daily "Live updates"
    column) costs a few queries, not one per row: the numbered slugs are asked for in batches that grow fourfold,
    by exact value (an index lookup under any collation, where a prefix or range would depend on the database's)."""
    base = slug_base(model, text, max_length)
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if not others.filter(slug=base).exists():
        return base
    first, size = 2, 16
    while True:
        candidates = [f"{base}-{n}" for n in range(first, first + size)]
        taken = set(others.filter(slug__in=candidates).values_list("slug", flat=True))
        free = next((slug for slug in candidates if slug not in taken), None)
        if free is not None:
            return free
        first, size = first + size, size * 4


def unique_slugs(model: type[models.Model], texts: list[str], max_length: int = 200) -> list[str]:
    """unique_slug for each text in turn, each seeing the slugs given before it, for rows created together: one
    query for all the plain slugs, and one per distinct slug already taken (its numbered forms), instead of one
    query per number tried."""
    bases = [slug_base(model, text, max_length) for text in texts]
    if not bases:
        return []
    rows = model._default_manager.all()
    taken = set(rows.filter(slug__in=set(bases)).values_list("slug", flat=True))
    numbered_read: set[str] = set()
    slugs = []
    for base in bases:
        slug = base
        if slug in taken:
            if base not in numbered_read:
                numbered_read.add(base)
                taken.update(rows.filter(slug__startswith=f"{base}-").values_list("slug", flat=True))
            n = 2
            while f"{base}-{n}" in taken:
                n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


class FormerSlugsMixin:
    """Remembers the slug a row was read with, so that a rename can keep the old address as a redirect."""

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    def keep_former_slug(self, former_model: type[models.Model], field: str) -> None:
        old = getattr(self, "_loaded_slug", None)
        if self.pk and old not in (None, self.slug):
            # The current slug is an address again: it no longer redirects anywhere.
            former_model.objects.filter(slug=self.slug).delete()
            former_model.objects.update_or_create(slug=old, defaults={field: self})
        self._loaded_slug = self.slug


class FormerSlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class FormerSlug(models.Model):
    """An address a row had before a rename or a merge: it redirects (301) to the row's current one."""

    slug = models.SlugField(max_length=200, unique=True)

    objects = FormerSlugManager()

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug

    def natural_key(self):
        return (self.slug,)


class SpeakerFormerSlug(FormerSlug):
    """An address a speaker had before a rename or before being merged into another."""

    speaker = models.ForeignKey("Speaker", on_delete=models.CASCADE, related_name="former_slugs")

    class Meta(FormerSlug.Meta):
        pass

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["archive.speaker"]


class ArticleFormerSlug(FormerSlug):
    """An address an article had before its slug changed."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="former_slugs")

    class Meta(FormerSlug.Meta):
        pass

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["archive.article"]
