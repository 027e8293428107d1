"""A hand-built Document holding every kind of node, for the deck renderer's tests (no workspace)."""

from __future__ import annotations

import datetime as dt

from caio_desktop.interchange.deliverables.nodes import (
    Badge,
    Bullets,
    Column,
    Document,
    Figure,
    FigureGrid,
    GanttChart,
    GanttRow,
    Group,
    Heading,
    HeatMap,
    KeyFigures,
    KpiTrend,
    Note,
    Paragraph,
    Progress,
    QuadrantChart,
    QuadrantPoint,
    RadarChart,
    Section,
    Table,
    Titled,
)

RED, ORANGE, YELLOW, GREEN = "#C0392B", "#E67E22", "#F1C40F", "#27AE60"


def heat(title: str) -> HeatMap:
    def color(li: int, im: int) -> str:
        score = li * im
        return RED if score >= 15 else ORANGE if score >= 8 else YELLOW if score >= 4 else GREEN

    counts = tuple(tuple((li * 3 + im) % 4 for im in range(1, 6)) for li in range(1, 6))
    return HeatMap(title=title, counts=counts,
                   colors=tuple(tuple(color(li, im) for im in range(1, 6)) for li in range(1, 6)),
                   levels=tuple(tuple("level" for _ in range(5)) for _ in range(5)),
                   likelihood_labels=("Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
                   impact_labels=("Minor", "Moderate", "Significant", "Major", "Critical"),
                   axis_x="Impact", axis_y="Likelihood")


def risk_rows(count: int) -> list[list]:
    levels = [Badge("Critical", RED), Badge("High", ORANGE), Badge("Medium", YELLOW), Badge("Low", GREEN)]
    return [[f"R-{n:03d}", Titled(f"Risk {n}: model drift on segment {n % 7}", "Cybersecurity"),
             levels[n % 4], "DSI" if n % 2 else "Direction des risques juridiques et de la conformité",
             Progress(n % 100, f"{n % 100}%")] for n in range(1, count + 1)]


RISK_COLUMNS = [Column("Code", 0.1), Column("Risk", 0.4), Column("Level", 0.15), Column("Owner", 0.2),
                Column("Treated", 0.15, right=True)]

LONG = ("The steering committee is invited to validate the prioritised roadmap and the budget of the "
        "second phase, to confirm the owners of the three high risks and to arbitrate between the two "
        "vendor options for the document processing platform. ")


def sample_document(*, risks: int = 12, long_text: bool = False, lang: str = "en") -> Document:
    """A steering-like document using every block and chart kind."""
    today = dt.date(2026, 3, 16)
    kpis = [Figure(KpiTrend(name=f"KPI {n}", unit="%", points=tuple(
        (dt.date(2026, m, 1), 20.0 + 5 * m + n) for m in range(1, 4)), target=60.0, baseline=20.0,
        target_text="60%"), caption=f"KPI {n} adoption") for n in range(1, 6)]
    kpis.append(Figure(KpiTrend(name="Empty KPI", unit="", points=(), target=None, baseline=None, target_text=""),
                       caption="Empty KPI"))
    rows = []
    for phase in range(1, 4):
        rows.append(GanttRow(text=f"Phase {phase}", is_group=True))
        for n in range(1, 7):
            start = dt.date(2026, 1, 5) + dt.timedelta(days=60 * (phase - 1) + 10 * n)
            rows.append(GanttRow(text=f"Initiative {phase}.{n} with a rather long name to wrap", start=start,
                                 end=start + dt.timedelta(days=90), progress=float(10 * n),
                                 color=["#1F6FB2", "#2E9E6B", "#E07A1F"][phase - 1],
                                 milestones=((start + dt.timedelta(days=30), n % 2 == 0),)))
    bullets = [f"Key message {n}: " + ("adoption is ahead of plan" if not long_text else LONG * 2)
               for n in range(1, 6)]
    sections = [
        Section("headline", "Headlines", [
            KeyFigures([("42%", "overall progress"), ("3/7", "milestones reached"), ("5", "high risks"),
                        ("2", "decisions to take")]),
            Bullets(bullets, narrative=True),
            Paragraph(LONG * (6 if long_text else 1), narrative=True),
            Note("Figures as of 16 March 2026."),
        ]),
        Section("progress", "Progress by phase", [
            Table([Column("Phase", 0.5), Column("Progress", 0.2, right=True), Column("Status", 0.3)],
                  [["Cadrage", Progress(100, "100%"), Badge("Done", GREEN)],
                   ["Diagnostic", Progress(60, "60%"), Badge("Late", ORANGE)]], caption="Progress by phase"),
            Note("Phase progress is the mean of its initiatives."),
        ]),
        Section("roadmap", "Roadmap", [
            Figure(GanttChart(rows=tuple(rows), period=(dt.date(2026, 1, 5), dt.date(2027, 1, 4)), today=today,
                              today_text="Today"), caption="Roadmap"),
        ]),
        Section("kpis", "KPI trends", [FigureGrid(kpis, columns=3, caption="KPI trends")]),
        Section("risks", "Risks", [
            FigureGrid([Figure(heat("Current"), "Current risk"), Figure(heat("Residual"), "Residual risk")],
                       columns=2, caption="Risk heat maps"),
            Heading("Top risks"),
            Table(RISK_COLUMNS, risk_rows(risks)),
            Table(RISK_COLUMNS, [], empty_text="No risk closed since the last committee.", caption="Closed risks"),
        ]),
        Section("maturity", "Maturity", [
            Figure(RadarChart(axes=(("Strategy", 2.5, 4.0), ("Data", 1.8, 3.5), ("Technology", 3.1, 4.0),
                                    ("People", 2.0, 3.0), ("Governance", 1.5, 4.0), ("Ethics", None, 3.0)),
                              legend=("Current", "Target")), caption="Maturity by pillar"),
            Figure(QuadrantChart(points=(QuadrantPoint(4.2, 4.5, "#27AE60", "1", "Claims triage"),
                                         QuadrantPoint(2.0, 4.0, "#E67E22", "2", "Fraud detection"),
                                         QuadrantPoint(4.5, 1.5, "#27AE60", "3", "Chatbot"),
                                         QuadrantPoint(1.5, 1.2, "#808080", "4", "Pricing")),
                                 axis_x="Feasibility", axis_y="Value",
                                 corners=("Strategic bets", "Quick wins", "Deprioritise", "Low-hanging fruit"),
                                 legend=(("Approved", "#27AE60"), ("Proposed", "#E67E22"), ("Idea", "#808080"))),
                   caption="Value × feasibility"),
        ]),
        Section("next", "Next steps", [
            Group([Heading("Decide"), Paragraph("Validate the roadmap."), Bullets(["Budget", "Owners"])]),
            Group([Heading("Prepare"), Paragraph("Prepare the vendor shortlist.", style="small")]),
        ]),
    ]
    return Document(kind="steering", lang=lang, title="Steering committee report", client="Mutuelle Atlantique",
                    as_of=today, version="3.0", subtitle="Mutuelle Atlantique — Insurance",
                    kicker="AI leadership · March 2026", consultant="Camille Durand", primary_color="#6A1B9A",
                    cover_meta=[("Client", "Mutuelle Atlantique")], sections=sections,
                    confidentiality="Confidential — restricted", confidential_short="Confidential",
                    contents_title="Contents")
