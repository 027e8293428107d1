"""The maturity summary sheet: for the latest assessment, each pillar and dimension of the reference
maturity model with its current level, target level and gap (target − current).

Layout: row 1 title, row 3 header (pillar, dimension, current, target, gap); then per pillar one
summary row (dimension column "Overall", means over the rated dimensions) followed by its dimensions
in model order (unrated ones left blank); a last row gives the means over the whole model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from caio_desktop.interchange.excel_export import styles
from caio_desktop.interchange.excel_export.texts import day, text
from caio_desktop.reference.maturity import load_maturity_model
from caio_desktop.workspace.queries import fetch_rows

HEADER_ROW = 3
_LEVEL_FORMAT = "0.0#"


def latest_assessment(workspace: Any) -> dict[str, Any] | None:
    """The most recent maturity assessment (by date, then by creation)."""
    assessments = fetch_rows(workspace, "maturity")
    return max(assessments, key=lambda a: (a["assessed_on"], a["id"]), default=None)


def gap(current: float | None, target: float | None) -> float | None:
    return None if current is None or target is None else target - current


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(sum(present) / len(present), 2) if present else None


def summary_rows(workspace: Any, lang: str) -> tuple[str, list[tuple[str, str, Any, Any, Any, bool]]]:
    """The sheet's title and rows (pillar, dimension, current, target, gap, is a summary row)."""
    assessment = latest_assessment(workspace)
    if assessment is None:
        return text("maturity_none", lang), []
    ratings = {r["dimension"]: r for r in fetch_rows(workspace, "maturity_ratings",
                                                     where={"assessment_id": assessment["id"]})}
    model = load_maturity_model()
    rows: list[tuple[str, str, Any, Any, Any, bool]] = []
    every: list[tuple[Any, Any, Any]] = []
    for pillar in model.pillars:
        levels = []
        for dimension in pillar.dimensions:
            rating = ratings.get(dimension.key) or {}
            current, target = rating.get("current_level"), rating.get("target_level")
            levels.append((current, target, gap(current, target)))
        means = tuple(_mean(column) for column in zip(*levels, strict=True))
        rows.append((pillar.label(lang), text("overall", lang), *means, True))
        rows.extend((pillar.label(lang), d.label(lang), *lv, False)
                    for d, lv in zip(pillar.dimensions, levels, strict=True))
        every.extend(levels)
    overall = tuple(_mean(column) for column in zip(*every, strict=True))
    rows.append((text("overall", lang), text("overall", lang), *overall, True))
    title = text("maturity_title", lang, title=assessment["title"], date=day(assessment["assessed_on"], lang))
    return title, rows


def write_maturity_summary(workbook: Any, *, title: str, workspace: Any, lang: str,
                           palette: styles.Palette) -> None:
    """Add the maturity summary sheet."""
    ws = workbook.create_sheet(title)
    styles.fit_width(ws, landscape=False)
    for letter, width in zip("ABCDE", (30, 40, 14, 14, 10), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    heading, rows = summary_rows(workspace, lang)
    ws.append([styles.write(ws, heading, font=styles.font(bold=True, size=14, color=palette.accent))])
    ws.append([])
    header = palette.header()
    ws.append([styles.write(ws, text(key, lang), **header)
               for key in ("pillar", "dimension", "current", "target", "gap")])
    light = styles.fill("F2F2F2")
    for pillar, dimension, current, target, difference, summary in rows:
        style: dict[str, Any] = {"font": styles.font(bold=summary)}
        if summary:
            style["fill"] = light
        cells = [styles.write(ws, pillar, **style), styles.write(ws, dimension, **style)]
        cells += [styles.write(ws, value, number_format=_LEVEL_FORMAT, **style)
                  for value in (current, target, difference)]
        ws.append(cells)
