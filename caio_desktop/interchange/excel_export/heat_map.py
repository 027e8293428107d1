"""The 5×5 heat-map sheet: how many risks sit in each likelihood × impact cell, coloured with the risk
matrix's levels, before treatment (current) and after (residual).

Layout (what the tests and readers rely on): a block per view; in each, the header row holds the impact
labels (columns B to F, impact 1 to 5) and the five rows below hold likelihood 5 down to 1 (the usual
reading: most likely at the top), with the counts in B to F.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select

from caio_desktop.interchange.excel_export import styles
from caio_desktop.interchange.excel_export.texts import text
from caio_desktop.reference.risk_matrix import SCALE, load_risk_matrix
from caio_desktop.workspace.models import MODELS

CURRENT_HEADER_ROW = 4  # title, blank, block title, then the impact header
RESIDUAL_HEADER_ROW = 13  # + 5 likelihood rows, the unrated line, a blank and the block title
VIEWS = (("heat_current", "likelihood", "impact"), ("heat_residual", "residual_likelihood", "residual_impact"))


def risk_counts(workspace: Any, likelihood: str, impact: str) -> tuple[Counter[tuple[int, int]], int]:
    """Risks per (likelihood, impact) cell, and the number of risks without both values."""
    t = MODELS["risks"].__table__
    counts: Counter[tuple[int, int]] = Counter()
    unrated = 0
    with workspace.engine.connect() as conn:
        query = select(t.c[likelihood], t.c[impact], func.count()).group_by(t.c[likelihood], t.c[impact])
        for l_value, i_value, n in conn.execute(query):
            if l_value in SCALE and i_value in SCALE:
                counts[(l_value, i_value)] += n
            else:
                unrated += n
    return counts, unrated


def write_heat_map(workbook: Any, *, title: str, workspace: Any, lang: str, palette: styles.Palette) -> None:
    """Add the heat-map sheet."""
    matrix = load_risk_matrix()
    ws = workbook.create_sheet(title)
    styles.fit_width(ws)
    ws.sheet_view.showGridLines = False
    ws.column_dimensions["A"].width = 26
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 15
    ws.append([styles.write(ws, title, font=styles.font(bold=True, size=16, color=palette.accent))])
    ws.append([])
    header = palette.header()
    for key, likelihood, impact in VIEWS:
        counts, unrated = risk_counts(workspace, likelihood, impact)
        corner = f"{text('likelihood', lang)} \\ {text('impact', lang)}"
        ws.append([styles.write(ws, text(key, lang), font=styles.font(bold=True, size=12))])
        ws.append([styles.write(ws, corner, **header)] + [
            styles.write(ws, f"{i} — {matrix.impact_label(i, lang)}", **header) for i in SCALE])
        for like in reversed(SCALE):
            row = [styles.write(ws, f"{like} — {matrix.likelihood_label(like, lang)}", **header)]
            for i in SCALE:
                colour = styles.hex_colour(matrix.level(matrix.level_for(like, i)).color)
                row.append(styles.write(ws, counts[(like, i)], fill=styles.fill(colour), border=styles.BOX,
                                        alignment=styles.CENTER,
                                        font=styles.font(bold=True, size=13, color=styles.ink_on(colour))))
            ws.append(row)
        ws.append([styles.write(ws, text("unrated", lang, n=unrated), font=styles.font(italic=True))])
        ws.append([])
    ws.append([styles.write(ws, text("legend", lang), font=styles.font(bold=True))])
    for level in matrix.levels:
        colour = styles.hex_colour(level.color)
        ws.append([styles.write(ws, level.label(lang), fill=styles.fill(colour),
                                font=styles.font(bold=True, color=styles.ink_on(colour))),
                   level.description.get(lang) if level.description else None])
