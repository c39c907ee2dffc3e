"""A row and the text it is named by in; a unique slug, and the slug a renamed or merged row had kept as an address
that redirects (301) to the current one out."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify


def slug_base(model: type[models.Model], text: str, max_length: int = 200) -> str:
    return slugify(text)[: max_length - 10].strip("-") or model._meta.model_name


def unique_slug(model: type[models.Model], text: str, max_length: int = 200, exclude_pk=None) -> str:
    """The slug of ``text``, or ``slug-N`` with the lowest N free (see first_free_number)."""
    base = slug_base(model, text, max_length)
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if not others.filter(slug=base).exists():
        return base
    return first_free_number(others, base, set(), {})


def unique_slugs(model: type[models.Model], texts: list[str], max_length: int = 200) -> list[str]:
    """unique_slug for each text in turn, each seeing the slugs given before it, for rows created together: one
    query for all the plain slugs, then the numbered forms of the taken ones as first_free_number reads them."""
    bases = [slug_base(model, text, max_length) for text in texts]
    if not bases:
        return []
    rows = model._default_manager.all()
    taken = set(rows.filter(slug__in=set(bases)).values_list("slug", flat=True))
    read_up_to: dict[str, int] = {}
    slugs = []
    for base in bases:
        slug = first_free_number(rows, base, taken, read_up_to) if base in taken else base
        taken.add(slug)
        slugs.append(slug)
    return slugs


def first_free_number(rows: models.QuerySet, base: str, taken: set[str], read_up_to: dict[str, int]) -> str:
    """The lowest ``base-N`` (N >= 2) neither in ``taken`` nor among ``rows``. A title many rows share (a daily "Live
    updates" column) costs a few queries, not one per number: the numbered slugs are read in batches that grow
    fourfold, by exact value (an index lookup under any collation, where a prefix or a range depends on the
    database's). ``taken`` learns what is read, and ``read_up_to`` how far, so a batch of new rows reads each once."""
    n = 2
    while True:
        read = read_up_to.get(base, 1)
        if n > read:
            candidates = [f"{base}-{k}" for k in range(read + 1, read + 1 + max(16, 4 * (read - 1)))]
            taken.update(rows.filter(slug__in=candidates).values_list("slug", flat=True))
            read_up_to[base] = read + len(candidates)
        if f"{base}-{n}" not in taken:
            return f"{base}-{n}"
        n += 1


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
