"""PowerPoint decks against bare python-pptx writing the same text and tables.

Workspaces: the demo engagement (its steering-committee deck), and benchlib's seeded 1,000-risk register
(its risk register rendered as a deck: about 80 slides of native tables, the long-register path; the
steering deck of that engagement holds only the ten top risks).
Floor: the same content model (`build_content`, so both sides read the workspace alike) written by bare
python-pptx into its blank template: a slide a section with its title, its paragraphs, bullets and key
figures in one text box, every table as a plain native table of 12 rows a slide with `cell.text`, every
chart as a plain native chart of the same series (a heat map as a plain 5 × 5 table); no template
lookup, no measuring, no colours, no continuation titles, no speaker notes.
Measurement: `export_deliverable(..., fmt="pptx")` for the demo, and `build_content` + `pptx.render` for
the register: the default template opened from its .potx, text measured and fitted, native charts,
heat-map tables, badges, continuation slides, speaker notes, written atomically (the demo).
Target: ≤ 2.5 × the floor. Medians of alternating rounds, timed with this process's CPU clock.

    .venv/bin/python bench/bench_pptx.py [--risks 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import Result, median_times, report, risk_workspace  # noqa: E402 - bench/ is not a package

TARGET = 2.5
AS_OF = dt.date(2026, 3, 16)
ROWS_PER_SLIDE = 12


class _Steps:
    def step(self, advance: int = 1) -> None:
        pass


def bare_deck(document, out: Path) -> int:  # noqa: ANN001
    """The floor: `document`'s text and tables written by plain python-pptx; returns the slide count."""
    from pptx import Presentation
    from pptx.util import Inches

    from caio_desktop.interchange.deliverables.nodes import (
        Bullets,
        Figure,
        FigureGrid,
        KeyFigures,
        Paragraph,
        Table,
        cell_text,
    )

    prs = Presentation()
    title_only, blank = prs.slide_layouts[5], prs.slide_layouts[6]
    for section in document.sections:
        slide = prs.slides.add_slide(title_only)
        slide.shapes.title.text = section.title
        lines = []
        for block in _flat(section.blocks):
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Bullets):
                lines.extend(block.items)
            elif isinstance(block, KeyFigures):
                lines.extend(f"{v} {c}" for v, c in block.items)
            elif isinstance(block, Figure):
                _bare_chart(prs, block)
            elif isinstance(block, FigureGrid):
                for figure in block.figures:
                    _bare_chart(prs, figure)
            elif isinstance(block, Table) and block.rows:
                for start in range(0, len(block.rows), ROWS_PER_SLIDE):
                    rows = block.rows[start:start + ROWS_PER_SLIDE]
                    page = prs.slides.add_slide(blank)
                    table = page.shapes.add_table(len(rows) + 1, len(block.columns), Inches(0.5), Inches(0.5),
                                                  Inches(9), Inches(6)).table
                    for c, column in enumerate(block.columns):
                        table.cell(0, c).text = column.title
                    for r, row in enumerate(rows, start=1):
                        for c, value in enumerate(row):
                            table.cell(r, c).text = cell_text(value)
        if lines:
            slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(9), Inches(5)).text_frame.text = "\n".join(lines)
    prs.save(str(out))
    return len(prs.slides)


def _bare_chart(prs, figure) -> None:  # noqa: ANN001
    """`figure` as python-pptx's default chart of the same data on a slide of its own."""
    from pptx.chart.data import CategoryChartData, XyChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches

    from caio_desktop.interchange.deliverables.nodes import (
        GanttChart,
        HeatMap,
        KpiTrend,
        QuadrantChart,
        RadarChart,
    )

    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = figure.caption
    chart, box = figure.chart, (Inches(0.5), Inches(1.5), Inches(9), Inches(5))
    if isinstance(chart, HeatMap):
        table = slide.shapes.add_table(5, 5, *box).table
        for li in range(5):
            for im in range(5):
                table.cell(li, im).text = str(chart.counts[li][im])
        return
    if isinstance(chart, QuadrantChart):
        data = XyChartData()
        series = data.add_series("points")
        for p in chart.points:
            series.add_data_point(p.x, p.y)
        slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, *box, data)
        return
    data = CategoryChartData()
    if isinstance(chart, RadarChart):
        data.categories = [a[0] for a in chart.axes]
        data.add_series("current", [a[1] for a in chart.axes])
        data.add_series("target", [a[2] for a in chart.axes])
        kind = XL_CHART_TYPE.RADAR
    elif isinstance(chart, KpiTrend):
        if not chart.points:
            return
        data.categories = [d for d, _ in chart.points]
        data.add_series(chart.name, [v for _, v in chart.points])
        kind = XL_CHART_TYPE.LINE
    elif isinstance(chart, GanttChart):
        data.categories = [r.text for r in chart.rows]
        data.add_series("start", [(r.start - chart.period[0]).days if r.start else None for r in chart.rows])
        data.add_series("length", [(r.end - r.start).days if r.start and r.end else None for r in chart.rows])
        kind = XL_CHART_TYPE.BAR_STACKED
    else:
        return
    slide.shapes.add_chart(kind, *box, data)


def _flat(blocks):  # noqa: ANN001, ANN202
    from caio_desktop.interchange.deliverables.nodes import Group

    for block in blocks:
        if isinstance(block, Group):
            yield from _flat(block.blocks)
        else:
            yield block


def _slides(path: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(path)).slides)


def _figure(workspace_path: Path, kind: str, work: str, folder: Path, *, rounds: int, measured) -> bool:  # noqa: ANN001
    """Time `measured(ws, out)` against the bare deck of the same content and report the ratio."""
    from caio_desktop.interchange.deliverables import build_content
    from caio_desktop.workspace import Workspace

    deck, floor = folder / f"{kind}.pptx", folder / f"{kind}-floor.pptx"
    ws = Workspace.open(workspace_path, read_only=True)
    try:
        times = median_times({"floor": lambda: bare_deck(build_content(ws, kind, as_of=AS_OF), floor),
                              "measured": lambda: measured(ws, deck)}, rounds=rounds, clock=time.process_time)
    finally:
        ws.close()
    return report(Result(
        work=f"{work} ({_slides(deck)} slides)",
        floor=f"bare python-pptx, same text, tables and charts ({_slides(floor)} slides)",
        floor_value=times["floor"], measured=times["measured"], target=TARGET,
        note=f"CPU time, median of {rounds} alternating rounds"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=1000)
    args = parser.parse_args(argv)
    from caio_desktop.demo import build_demo
    from caio_desktop.interchange.deliverables import build_content, export_deliverable
    from caio_desktop.interchange.pptx import render

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = folder / "demo.caio"
        build_demo(demo, lang="fr", today=AS_OF)
        passed = _figure(demo, "steering", "demo steering deck", folder, rounds=7,
                         measured=lambda ws, out: export_deliverable(ws, "steering", out, fmt="pptx", as_of=AS_OF))
        register = risk_workspace(folder / "risks.caio", args.risks)
        passed &= _figure(register, "risks", f"risk register deck, {args.risks} risks", folder, rounds=5,
                          measured=lambda ws, out: render(build_content(ws, "risks", as_of=AS_OF), out,
                                                          template=None, steps=_Steps(), warnings=[]))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
