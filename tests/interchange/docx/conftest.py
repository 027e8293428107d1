"""A hand-built deliverable holding every kind of block and cell, and a renderer's progress stand-in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

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

LEVEL_COLORS = ("#2E7D32", "#F9A825", "#EF6C00", "#C62828", "#6A1B9A")


class CountingSteps:
    """Counts the renderer's progress calls; `cancel_after` sections raises as a cancel would."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.sections = 0
        self.polls = 0
        self.cancel_after = cancel_after

    def step(self, advance: int = 1) -> None:
        from caio_desktop.interchange.deliverables import DeliverableCancelled

        if advance:
            self.sections += advance
        else:
            self.polls += 1
        if self.cancel_after is not None and self.sections >= self.cancel_after:
            raise DeliverableCancelled("cancelled")


def heat_map(title: str) -> HeatMap:
    names = ("Faible", "Modéré", "Élevé", "Critique", "Critique")
    level = [[min(4, (li + im) // 2) for im in range(5)] for li in range(5)]
    return HeatMap(title=title, counts=tuple(tuple((li * im) % 4 for im in range(5)) for li in range(5)),
                   colors=tuple(tuple(LEVEL_COLORS[v] for v in row) for row in level),
                   levels=tuple(tuple(names[v] for v in row) for row in level),
                   likelihood_labels=("Rare", "Peu probable", "Possible", "Probable", "Quasi certain"),
                   impact_labels=("Mineur", "Modéré", "Majeur", "Grave", "Critique"),
                   axis_x="Impact", axis_y="Probabilité")


def sample_document(*, lang: str = "fr", risks: int = 60, logo: bytes | None = None,
                    logo_type: str | None = None) -> Document:
    """Three sections using every node type: key figures, narrative, bullets, a group, a Note, a
    register of `risks` rows with badges, progress and titled cells, and every kind of chart."""
    radar = RadarChart(axes=(("Stratégie", 2.0, 4.0), ("Données", 1.5, 3.5), ("Technologie", 3.0, 4.0),
                             ("Gouvernance", 1.0, 3.0), ("Compétences", 2.5, 4.0), ("Éthique", None, 3.0)),
                       legend=("Actuel", "Cible"))
    gantt = GanttChart(rows=(GanttRow("Phase 1 — Diagnostic", is_group=True),
                             GanttRow("Cartographie des systèmes", dt.date(2026, 1, 5), dt.date(2026, 3, 1), 0.8,
                                      "#1F4E79", milestones=((dt.date(2026, 2, 1), True),)),
                             GanttRow("Charte IA", dt.date(2026, 2, 1), dt.date(2026, 5, 1), 0.3, "#EF6C00")),
                       period=(dt.date(2026, 1, 5), dt.date(2026, 12, 31)), today=dt.date(2026, 3, 16),
                       today_text="Aujourd'hui")
    quadrant = QuadrantChart(points=(QuadrantPoint(4.2, 4.0, "#2E7D32", "1", "Tri des sinistres"),
                                     QuadrantPoint(2.0, 4.5, "#EF6C00", "2", "Assistant juridique")),
                             axis_x="Faisabilité", axis_y="Valeur",
                             corners=("Paris stratégiques", "Gains rapides", "À écarter", "Opportunités"))
    kpis = [Figure(KpiTrend(f"Indicateur {n}", "%", ((dt.date(2026, 1, 31), 10.0 + n),
                                                      (dt.date(2026, 2, 28), 14.0 + n)), 30.0, 8.0, "cible 30 %"),
                   f"Indicateur {n}") for n in (1, 2)]
    columns = [Column("Code", 0.8), Column("Risque", 3.0), Column("Niveau", 1.0), Column("Avancement", 1.0, True),
               Column("Score", 0.7, True)]
    rows = [[f"R-{n:03d}", Titled(f"Risque numéro {n} <b>&amp;", "Cybersécurité"),
             Badge(("Faible", "Élevé", "Critique")[n % 3], LEVEL_COLORS[(n % 3) * 2]),
             Progress(n % 100, f"{n % 100} %"), str(n * 3)] for n in range(1, risks + 1)]
    sections = [
        Section("executive_summary", "Synthèse", [
            KeyFigures([("2,1", "maturité moyenne"), ("12", "systèmes d'IA"), ("3", "à haut risque")]),
            Paragraph("Le texte du consultant, écrit dans l'application.", narrative=True),
            Paragraph("Une phrase d'introduction.", style="lead"),
            Bullets(["Premier message clé", "Deuxième message clé"], narrative=True),
            Note("Chiffres derrière la synthèse : 23 dimensions notées."),
            Heading("Maturité"),
            Figure(radar, "Maturité par pilier"),
            Group([Heading("Recommandation 1 : gouverner les données", level=3),
                   Paragraph("Ce que décrit le modèle au niveau suivant."),
                   Bullets(["Nommer un responsable", "Inventorier les jeux de données"])]),
            Paragraph("Source : entretiens.", style="small"),
        ]),
        Section("risk_register", "Registre des risques", [
            Heading("Cartes de chaleur"),
            FigureGrid([Figure(heat_map("Risque brut"), "Brut"), Figure(heat_map("Risque résiduel"), "Résiduel")],
                       caption="Risques par probabilité et impact"),
            Heading("Registre"),
            Table(columns, rows, empty_text="Aucun risque.", caption="Risques ouverts"),
            Table(columns, [], empty_text="Aucun élément à ce jour."),
        ]),
        Section("roadmap", "Feuille de route", [
            Figure(gantt, "Feuille de route"),
            Figure(quadrant, "Valeur et faisabilité"),
            FigureGrid(kpis, columns=2),
        ], new_page=False),
    ]
    words = {"fr": ("Rapport de diagnostic", "Confidentiel", "Sommaire"),
             "en": ("Diagnosis report", "Confidential", "Contents")}[lang]
    return Document(
        kind="diagnosis", lang=lang, title=words[0], client="Mutuelle Atlantique", as_of=dt.date(2026, 3, 16),
        version="1.0", subtitle="Mutuelle Atlantique — Assurance", kicker="Pilotage de l'IA · mars 2026",
        consultant="Camille Durand", primary_color="#0B6E4F",
        cover_meta=[("Client", "Mutuelle Atlantique"), ("Consultant", "Camille Durand"), ("Version", "1.0")],
        sections=sections, confidentiality="Confidentiel — comité de direction", confidential_short=words[1],
        contents_title=words[2], client_logo=logo, client_logo_type=logo_type)


@pytest.fixture
def steps() -> CountingSteps:
    return CountingSteps()


@pytest.fixture
def render_docx(tmp_path: Path):
    """A function rendering a Document to a .docx in tmp_path: (path, warnings)."""
    from caio_desktop.interchange.docx import render

    def run(document: Document, name: str = "out.docx", *, template: Path | None = None,
            steps: CountingSteps | None = None) -> tuple[Path, list[str]]:
        path = tmp_path / name
        warnings: list[str] = []
        render(document, path, template=template, steps=steps or CountingSteps(), warnings=warnings)
        return path, warnings

    return run
