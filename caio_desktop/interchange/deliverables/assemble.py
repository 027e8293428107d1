"""How a deliverable is assembled: the cover's facts, then each section's blocks, in order.

Each deliverable module lists its `SectionSpec`s; a section's `build(ctx)` returns its blocks. The
handover pack reuses the other deliverables' section builders, so there is one way to present a
register. The consultant's narrative (`domain.narrative`) comes first where the section has a place
for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.nodes import Block, Document, Section


@dataclass(frozen=True)
class SectionSpec:
    """A top-level part of a deliverable: a title (fixed-text key) and what it holds."""

    title_key: str
    build: Callable[[DeliverableContext], list[Block]]
    new_page: bool = True
    in_deck: bool = True  # False: a long register a deck leaves to the report (interview notes)


def sections_of(kind: str) -> tuple[SectionSpec, ...]:
    return importlib.import_module(f"caio_desktop.interchange.deliverables.{kind}").SECTIONS


def shorten(text: object, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis (cover fields have fixed room)."""
    value = " ".join(str(text or "").split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def assemble(ctx: DeliverableContext, sections: Sequence[SectionSpec], *, version: str,
             firm_logo: bytes | None) -> Document:
    """The Document: cover facts from the engagement, then each section (progress: one step each)."""
    engagement = ctx.engagement
    built = []
    for spec in sections:
        built.append(Section(spec.title_key, ctx.t(spec.title_key), spec.build(ctx), spec.new_page, spec.in_deck))
        ctx.step()
    sector = " · ".join(x for x in (engagement.get("sector"), engagement.get("country")) if x)
    meta = [
        (ctx.t("client"), shorten(ctx.client, 90)),
        (ctx.t("consultant"), shorten(engagement.get("consultant_name") or ctx.t("none_given"), 60)),
        (ctx.t("date"), ctx.long_date(ctx.as_of)),
        (ctx.t("engagement"), ctx.t("engagement_value", start=ctx.long_date(engagement.get("start_date")),
                                    end=ctx.long_date(engagement.get("end_date")))),
        (ctx.t("version"), shorten(version, 20)),
        (ctx.field_label("engagement", "sponsor"), shorten(engagement.get("sponsor") or ctx.t("none_given"), 90)),
    ]
    return Document(
        kind=ctx.kind, lang=ctx.lang, title=ctx.title, client=ctx.client, as_of=ctx.as_of, version=version,
        subtitle=shorten(ctx.client + (f" — {sector}" if sector else ""), 160),
        kicker=ctx.t("kicker", month=ctx.long_date(ctx.as_of).split(" ", 1)[1]),
        consultant=str(engagement.get("consultant_name") or "").strip(),
        primary_color=engagement.get("primary_color"), cover_meta=meta, sections=built,
        confidentiality=ctx.t("confidential", client=ctx.client), confidential_short=ctx.t("confidential_short"),
        contents_title=ctx.t("contents"), client_logo=engagement.get("client_logo"),
        client_logo_type=engagement.get("client_logo_type") or None, firm_logo=firm_logo, progress=ctx)
