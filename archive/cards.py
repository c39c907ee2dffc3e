"""The quote card: a 1200×630 PNG of a quote, its speaker, outlet and date, for link previews (Open Graph and
Twitter cards take PNG or JPEG, not SVG).

Drawn with Pillow in the font Pillow ships (`ImageFont.load_default(size)`, FreeType), so a fresh machine needs
no system font. Text is drawn, never interpreted, so imported text cannot do anything here.
"""

from __future__ import annotations

from io import BytesIO

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.dateformat import format as format_date
from django.views.decorators.http import require_safe
from PIL import Image, ImageDraw, ImageFont

from .models import Quote

WIDTH, HEIGHT, MARGIN = 1200, 630, 72
PAPER, INK, MUTED, ACCENT = "#fdfdfb", "#1d1d1f", "#5b5b63", "#8a3b12"
# Largest first: the biggest size at which the quote fits in the lines allowed.
QUOTE_SIZES = ((54, 5), (44, 6), (36, 8), (30, 9))


def wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str] | None:
    """Text cut into lines no wider than width, or None when it needs more than max_lines."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
        if len(lines) > max_lines:
            return None
    lines.append(line)
    return lines if len(lines) <= max_lines else None


def quote_lines(draw, text: str, width: int):
    for size, max_lines in QUOTE_SIZES:
        font = ImageFont.load_default(size=size)
        lines = wrap(draw, f"“{text}”", font, width, max_lines)
        if lines:
            return font, lines, size
    size, max_lines = QUOTE_SIZES[-1]
    font = ImageFont.load_default(size=size)
    words, lines = f"“{text}".split(), None
    # Too long for the card at any size: words dropped from the end until it fits, with an ellipsis.
    while words and lines is None:
        words = words[: max(1, int(len(words) * 0.9))] if len(words) > 1 else words
        lines = wrap(draw, " ".join(words) + " …”", font, width, max_lines)
        if len(words) == 1:
            break
    return font, lines or [text[:40] + "…”"], size


def render_card(quote: Quote) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 14, HEIGHT), fill=ACCENT)
    font, lines, size = quote_lines(draw, quote.text, WIDTH - 2 * MARGIN)
    y = MARGIN
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=INK)
        y += int(size * 1.3)
    article = quote.article
    speaker = quote.speaker.name if quote.speaker else "An unknown speaker"
    published = quote.published_as_printed or article.published_as_printed
    when = format_date(published, "j F Y") if published else "date unknown"
    source = " · ".join(part for part in (article.outlet, when) if part)
    status = "Verified by an editor" if quote.status == Quote.Status.VERIFIED else "Not yet checked by an editor"
    # No dash before the name: the font Pillow ships has no em dash.
    draw.text((MARGIN, HEIGHT - MARGIN - 92), speaker, font=ImageFont.load_default(size=38), fill=ACCENT)
    draw.text((MARGIN, HEIGHT - MARGIN - 40), source, font=ImageFont.load_default(size=28), fill=MUTED)
    small = ImageFont.load_default(size=24)
    label = f"Quote archive · {status}"
    draw.text((WIDTH - MARGIN - draw.textlength(label, font=small), MARGIN // 3), label, font=small, fill=MUTED)
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@require_safe
def quote_card(request, public_id: str):
    quote = get_object_or_404(Quote.objects.public().select_related("article", "speaker"), public_id=public_id)
    response = HttpResponse(render_card(quote), content_type="image/png")
    # A quote's words do not change once published; a status change shows within the hour.
    response["Cache-Control"] = "public, max-age=3600"
    return response
