"""Small builders every deliverable shares: a register table, level and tier badges, the empty line,
and the consultant's narrative placed before the generated text it replaces."""

from __future__ import annotations

from collections.abc import Sequence

from caio_desktop.domain.narrative import items as narrative_items
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.nodes import Badge, Block, Bullets, Cell, Column, Paragraph, Table
from caio_desktop.reference.risk_matrix import load_risk_matrix

TIER_COLOURS = {"prohibited": "#1E2328", "high": "#C62828", "limited": "#EF6C00", "minimal": "#2E7D32",
                "unclassified": "#9AA3AD"}


def table(ctx: DeliverableContext, columns: Sequence[Column], rows: Sequence[Sequence[Cell | None]], *,
          caption: str = "") -> Table:
    """A register; an empty one prints "Nothing recorded yet."."""
    # Most cells are already text: test the exact type first (a 1,000-risk register is 9,000 cells).
    return Table(list(columns), [[v if type(v) is str else "" if v is None else v if isinstance(v, Cell) else str(v)
                                  for v in row] for row in rows], empty_text=ctx.t("empty"), caption=caption)


def empty(ctx: DeliverableContext) -> Paragraph:
    return Paragraph(ctx.t("empty"), "small")


def level_badge(ctx: DeliverableContext, level: str | None) -> Cell:
    """The risk level in its matrix colour ("Critical" on red)."""
    if not level:
        return ""
    try:
        found = load_risk_matrix().level(level)
    except KeyError:
        return ctx.choice("risk_level", level)
    return Badge(found.label(ctx.lang), found.color)


def tier_badge(ctx: DeliverableContext, tier: str | None) -> Cell:
    if not tier:
        return ""
    return Badge(ctx.choice("ai_act_tier", tier), TIER_COLOURS.get(tier, "#9AA3AD"))


def narrative_text(ctx: DeliverableContext, field: str) -> str:
    """The consultant's text for `field` of this deliverable in this language ("" when not written)."""
    from caio_desktop.operations.narrative import narrative

    if "_narrative" not in ctx.cache:
        ctx.cache["_narrative"] = narrative(ctx.workspace, ctx.kind, ctx.lang)
    return ctx.cache["_narrative"].get(field, "")


def narrative_blocks(ctx: DeliverableContext, *, generated_summary: Sequence[str] = ()) -> list[Block]:
    """Introduction and executive summary as the consultant wrote them; their key messages as bullets,
    else the sentences the app writes from the data (`generated_summary`)."""
    out: list[Block] = []
    for field, style in (("introduction", "body"), ("executive_summary", "lead")):
        text = narrative_text(ctx, field)
        out.extend(Paragraph(part, style, narrative=True) for part in text.split("\n\n") if part.strip())
    messages = narrative_items(narrative_text(ctx, "key_messages"))
    if messages:
        out.append(Bullets(messages, narrative=True))
    elif generated_summary:
        out.append(Bullets(list(generated_summary)))
    return out
