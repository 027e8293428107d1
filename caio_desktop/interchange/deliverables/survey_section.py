"""The staff survey section of the diagnosis report: per campaign, the response rate, the respondents'
maturity beside the consultant's (radar), a table per pillar of the answers' distribution and
dispersion, the figures by department and role; for an AI-usage campaign, the shadow-AI findings and
the AI-literacy needs (AI Act Art. 4).

Privacy (`domain.surveys.MIN_GROUP`): a campaign of fewer than five respondents shows its counts only;
departments and roles of fewer than five are pooled as "other groups" or left out; an AI tool named by
fewer than five people is counted among "other tools", never shown with what its users said.
"""

from __future__ import annotations

from caio_desktop.domain.surveys import MIN_GROUP, NOT_GIVEN, OTHER_GROUPS, GroupResults, Stats
from caio_desktop.interchange.deliverables.blocks import table
from caio_desktop.interchange.deliverables.context import DeliverableContext
from caio_desktop.interchange.deliverables.nodes import (
    Block,
    Column,
    Figure,
    Heading,
    Note,
    Paragraph,
    RadarChart,
)
from caio_desktop.reference.ai_usage_survey import load_usage_survey
from caio_desktop.reference.maturity import load_maturity_model

SPREAD_NOTABLE = 1.0  # a standard deviation from which views are said to diverge (on a 1–5 scale)


def survey_blocks(ctx: DeliverableContext) -> list[Block]:
    """Every campaign with responses, oldest first; "no survey yet" when there is none."""
    from caio_desktop.interchange.surveys.results import campaign_results
    from caio_desktop.workspace import surveys as survey_reads

    campaigns = [c for c in survey_reads.campaigns(ctx.workspace) if c["respondents"]]
    if not campaigns:
        return [Paragraph(ctx.t("survey_none"), "small")]
    out: list[Block] = []
    for campaign in campaigns:
        results = campaign_results(ctx.workspace, campaign["id"], as_of=ctx.as_of)
        out.append(Heading(campaign["name"]))
        out.append(Paragraph(_participation(ctx, results)))
        if not results.shown:
            out.append(Paragraph(ctx.t("survey_too_few", n=results.respondents, min=MIN_GROUP), "small"))
            continue
        out.extend(_maturity(ctx, results) if results.kind == "maturity" else _usage(ctx, results))
    return out


def _participation(ctx: DeliverableContext, results) -> str:  # noqa: ANN001
    kind = ctx.t("survey_kind_" + results.kind)
    if results.rate is None:
        return ctx.t("survey_participation", kind=kind, n=results.respondents)
    return ctx.t("survey_participation_rate", kind=kind, n=results.respondents,
                 invited=results.campaign["invited"], rate=ctx.percent(results.rate))


def _stats_cells(ctx: DeliverableContext, s: Stats | None) -> list[str]:
    if s is None:
        return ["0", "", "", "", ""]
    spread = f"{ctx.number(s.minimum, decimals=1 if not float(s.minimum).is_integer() else 0)}–" \
             f"{ctx.number(s.maximum, decimals=1 if not float(s.maximum).is_integer() else 0)}"
    return [str(s.n), ctx.number(s.mean, decimals=1), ctx.number(s.median, decimals=1), spread,
            ctx.number(s.sd, decimals=1)]


def _maturity(ctx: DeliverableContext, results) -> list[Block]:  # noqa: ANN001
    model = load_maturity_model()
    out: list[Block] = []
    pillars = [r for r in results.rows if r.is_pillar]
    axes = tuple((model.pillar(r.pillar).label(ctx.lang), r.stats.mean if r.stats else None, r.consultant)
                 for r in pillars)
    if len(axes) >= 3:  # (a radar needs three spokes)
        out.append(Figure(RadarChart(axes, (ctx.t("survey_respondents"), ctx.t("survey_consultant"))),
                          ctx.t("survey_radar")))
        out.append(Note("; ".join(f"{name}: {ctx.number(mean, decimals=1)} / {ctx.number(mine, decimals=1)}"
                                  for name, mean, mine in axes)))
    columns = [Column(ctx.t("dimension"), 0.285), *(Column(str(level), 0.04, right=True) for level in range(1, 6)),
               Column("n", 0.06, right=True), Column(ctx.t("survey_mean"), 0.08, right=True),
               Column(ctx.t("survey_median"), 0.08, right=True), Column(ctx.t("survey_range"), 0.09, right=True),
               Column(ctx.t("survey_sd"), 0.08, right=True), Column(ctx.t("survey_consultant"), 0.125, right=True)]
    for pillar in pillars:
        name = model.pillar(pillar.pillar).label(ctx.lang)
        rows = []
        for row in (r for r in results.rows if not r.is_pillar and r.pillar == pillar.pillar):
            counts = row.stats.counts if row.stats else (0,) * 5
            rows.append([model.dimension(row.key).label(ctx.lang), *(str(c) for c in counts),
                         *_stats_cells(ctx, row.stats), ctx.number(row.consultant, decimals=1)])
        rows.append([ctx.t("survey_pillar_total", pillar=name), *([""] * 5), *_stats_cells(ctx, pillar.stats),
                     ctx.number(pillar.consultant, decimals=1)])
        caption = ctx.t("survey_distribution", pillar=name)
        out.extend([Heading(caption, level=3), table(ctx, columns, rows, caption=caption)])
    divergent = sorted((r for r in results.rows if not r.is_pillar and r.stats and r.stats.n > 1
                        and r.stats.sd >= SPREAD_NOTABLE), key=lambda r: -r.stats.sd)[:3]
    if divergent:
        out.append(Paragraph(ctx.t("survey_dispersion", dims=", ".join(
            f"{model.dimension(r.key).label(ctx.lang)} ({ctx.number(r.stats.sd, decimals=1)})" for r in divergent))))
    else:
        out.append(Paragraph(ctx.t("survey_consensus")))
    gaps = sorted((r for r in results.rows if not r.is_pillar and r.stats and r.consultant is not None
                   and abs(r.stats.mean - r.consultant) >= 1), key=lambda r: -abs(r.stats.mean - r.consultant))[:3]
    if gaps:
        out.append(Paragraph(ctx.t("survey_gap_consultant", dims=", ".join(
            f"{model.dimension(r.key).label(ctx.lang)} ({ctx.number(r.stats.mean, decimals=1)} / "
            f"{ctx.number(r.consultant, decimals=1)})" for r in gaps))))
    for title_key, groups, role in (("survey_by_department", results.by_department, False),
                                    ("survey_by_role", results.by_role, True)):
        out.extend(_groups(ctx, title_key, groups, results.pillars, role=role))
    return out


def _group_name(ctx: DeliverableContext, group: str, *, role: bool) -> str:
    if group == OTHER_GROUPS:
        return ctx.t("survey_other_groups", min=MIN_GROUP)
    if group == NOT_GIVEN:
        return ctx.t("survey_not_given")
    return load_usage_survey().role_label(group, ctx.lang) if role else group


def _groups(ctx: DeliverableContext, title_key: str, groups: GroupResults | None, pillars: dict[str, list[str]],
            *, role: bool) -> list[Block]:
    if groups is None or not groups.rows:
        return []
    model = load_maturity_model()
    share = 0.74 / max(len(pillars), 1)
    columns = [Column(ctx.t("survey_group"), 0.2), Column("n", 0.06, right=True),
               *(Column(model.pillar(p).label(ctx.lang), share, right=True) for p in pillars)]
    rows = [[_group_name(ctx, g.group, role=role), str(g.n),
             *(ctx.number(g.pillars[p].mean, decimals=1) if g.pillars.get(p) else "" for p in pillars)]
            for g in groups.rows]
    out: list[Block] = [Heading(ctx.t(title_key), level=3), table(ctx, columns, rows, caption=ctx.t(title_key))]
    if groups.hidden:
        out.append(Paragraph(ctx.t("survey_hidden", n=groups.hidden, min=MIN_GROUP), "small"))
    return out


def _usage(ctx: DeliverableContext, results) -> list[Block]:  # noqa: ANN001
    out: list[Block] = []
    shown = [f for f in results.findings if f.count >= MIN_GROUP]
    few = [f for f in results.findings if f.count < MIN_GROUP]
    shadow = [f for f in results.findings if f.shadow]
    out.append(Paragraph(ctx.t("survey_tools_summary", tools=len(results.findings), shadow=len(shadow))))
    columns = [Column(ctx.t("survey_tool"), 0.28), Column(ctx.t("survey_users"), 0.12, right=True),
               Column(ctx.t("survey_without_approval"), 0.15, right=True),
               Column(ctx.t("survey_personal_data"), 0.15, right=True), Column(ctx.t("survey_client_data"), 0.15,
                                                                                right=True),
               Column(ctx.t("survey_confidential_data"), 0.15, right=True)]
    rows = [[f.tool.name, str(f.count), str(len(f.not_approved)), str(len(f.personal_data)), str(len(f.client_data)),
             str(len(f.confidential_data))] for f in shown]
    if few:
        rows.append([ctx.t("survey_other_tools", count=len(few), min=MIN_GROUP),
                     str(len({u for f in few for u in f.users})), "", "", "", ""])
    out.extend([Heading(ctx.t("survey_shadow_findings"), level=3),
                table(ctx, columns, rows, caption=ctx.t("survey_shadow_findings"))])
    if results.literacy is not None:  # AI literacy (AI Act Art. 4): what training to plan
        out.append(Paragraph(ctx.t("survey_literacy", mean=ctx.number(results.literacy.mean, decimals=1),
                                   training=results.training_wanted, n=results.respondents)))
    elif results.training_wanted:
        out.append(Paragraph(ctx.t("survey_training", training=results.training_wanted, n=results.respondents)))
    return out
