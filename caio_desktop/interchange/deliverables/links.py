"""What each AI system carries, for the deliverables that list systems (issue 22): its use cases and
its risks, found as the forms' back-links are (`workspace.backlinks`: the schema's foreign keys), read
once per deliverable for every system rather than once per system."""

from __future__ import annotations

from caio_desktop.interchange.deliverables.blocks import table, tier_badge
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.nodes import Block, Column, Heading, Titled
from caio_desktop.workspace.backlinks import linked_labels


def system_links(ctx: DeliverableContext) -> dict[int, tuple[list[str], list[str]]]:
    """AI system id → (its risks by code, its use cases by title); systems with neither are absent."""
    risks = linked_labels(ctx.workspace, "ai_systems", "risks")
    use_cases = linked_labels(ctx.workspace, "ai_systems", "use_cases")
    return {system: (risks.get(system, []), use_cases.get(system, [])) for system in risks.keys() | use_cases.keys()}


def risks_line(ctx: DeliverableContext, codes: list[str]) -> str:
    """"Risques : R-003, R-007" under a system's name (nothing when it carries none)."""
    return ctx.t("linked_risks_line", codes=", ".join(codes)) if codes else ""


def named_with_risks(ctx: DeliverableContext, links: dict[int, tuple[list[str], list[str]]],
                     system: dict) -> Titled | str:
    """A system's name, with the codes of its risks on a second line (an inventory's first column)."""
    line = risks_line(ctx, links.get(system["id"], ([], []))[0])
    return Titled(system.get("name") or "", line) if line else system.get("name") or ""


def systems_table(ctx: DeliverableContext) -> list[Block]:
    """A heading and a table of the AI systems that carry use cases or risks: each system, its use
    cases, its risks by code; nothing at all when no system carries any (no empty table in a report)."""
    links = system_links(ctx)
    systems = [s for s in ctx.rows("ai_systems") if s["id"] in links]
    if not systems:
        return []
    f = ctx.field_label
    rows = [[s.get("name"), tier_badge(ctx, s.get("ai_act_tier")), "; ".join(links[s["id"]][1]),
             ", ".join(links[s["id"]][0])]
            for s in sorted(systems, key=lambda s: ((s.get("name") or "").casefold(), s["id"]))]
    return [Heading(ctx.t("systems_links")),
            table(ctx, [Column(f("ai_systems", "name"), 0.26), Column(f("ai_systems", "ai_act_tier"), 0.17),
                        Column(ctx.t("linked_use_cases"), 0.37), Column(ctx.t("linked_risks"), 0.2)],
                  rows, caption=ctx.t("systems_links"))]
