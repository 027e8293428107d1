"""Word (DOCX) deliverables against bare python-docx writing the same text and tables.

Workspaces: the demo engagement (French, all five deliverables), and benchlib's seeded French
1,000-risk register (the risk & compliance register).
Floor: for each deliverable, its content model (`build_content`, the same for both sides) written by
bare python-docx: python-docx's blank document, `add_heading` per section and sub-heading,
`add_paragraph` per paragraph, bullet and key figure, `add_table` + `add_row().cells[i].text` per
register row (each cell's plain text); no template, no styles, no cover, no contents, no charts, no
header or footer.
Measurement: `export_deliverable(..., fmt="docx")`: the same content, then our template and its
styles, cover, contents field, numbered headings, registers in the table style with shaded headers and
badges, every chart painted at 220 dpi, captions, header and footer, properties, written atomically.
Targets: 1,000-risk register ≤ 0.5 × floor (measured 0.19: registers are written as XML text and
parsed once, see `interchange/docx/wml.py`, where python-docx's `add_row` and `cell.text` build each
cell through its object API); the demo ≤ 1.6 × floor (measured 1.30), the floor having no charts to
paint: its 13 pictures at print resolution are most of the difference. Medians of alternating rounds, timed with this
process's CPU clock (`time.process_time`: other people's work on this shared machine would otherwise
decide the ratio).

    .venv/bin/python bench/bench_docx.py [--risks 1000] [--rounds 5]
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

TARGET_RISKS = 0.5
TARGET_DEMO = 1.6
AS_OF = dt.date(2026, 6, 1)
DEMO_TODAY = dt.date(2026, 3, 16)


def bare_docx(content, out: Path) -> None:  # noqa: ANN001 - a nodes.Document
    """The content's text and tables with nothing but python-docx's plain API."""
    import docx

    from caio_desktop.interchange.deliverables.nodes import (
        Bullets,
        FigureGrid,
        Group,
        Heading,
        KeyFigures,
        Paragraph,
        Table,
        cell_text,
    )

    document = docx.Document()
    document.add_heading(content.title, 0)

    def write(blocks) -> None:  # noqa: ANN001
        for block in blocks:
            if isinstance(block, Heading):
                document.add_heading(block.text, 2)
            elif isinstance(block, Paragraph):
                document.add_paragraph(block.text)
            elif isinstance(block, Bullets):
                for item in block.items:
                    document.add_paragraph(item)
            elif isinstance(block, KeyFigures):
                for value, caption in block.items:
                    document.add_paragraph(f"{value} {caption}")
            elif isinstance(block, Table) and block.rows:
                table = document.add_table(rows=1, cols=len(block.columns))
                for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
                    cell.text = column.title
                for row in block.rows:
                    cells = table.add_row().cells
                    for cell, value in zip(cells, row, strict=False):
                        cell.text = cell_text(value)
            elif isinstance(block, FigureGrid) and block.caption:
                document.add_paragraph(block.caption)
            elif isinstance(block, Group):
                write(block.blocks)

    for section in content.sections:
        document.add_heading(section.title, 1)
        write(section.blocks)
    document.save(str(out))


def floor(ws, kinds: tuple[str, ...], folder: Path, as_of: dt.date) -> None:  # noqa: ANN001
    from caio_desktop.interchange.deliverables import build_content

    for kind in kinds:
        bare_docx(build_content(ws, kind, as_of=as_of), folder / f"floor-{kind}.docx")


def measure(ws, kinds: tuple[str, ...], folder: Path, as_of: dt.date) -> None:  # noqa: ANN001
    from caio_desktop.interchange.deliverables import export_deliverable

    for kind in kinds:
        export_deliverable(ws, kind, folder / f"{kind}.docx", fmt="docx", as_of=as_of)


def _compare(ws, kinds: tuple[str, ...], folder: Path, *, as_of: dt.date, rounds: int) -> dict[str, float]:  # noqa: ANN001
    return median_times({"floor": lambda: floor(ws, kinds, folder, as_of),
                         "measured": lambda: measure(ws, kinds, folder, as_of)},
                        rounds=rounds, clock=time.process_time)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    from caio_desktop.demo import build_demo
    from caio_desktop.interchange.deliverables import DELIVERABLE_KINDS
    from caio_desktop.workspace import Workspace

    passed = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws = Workspace.open(risk_workspace(folder / "bench.caio", args.risks), read_only=True)
        try:
            times = _compare(ws, ("risks",), folder, as_of=AS_OF, rounds=args.rounds)
        finally:
            ws.close()
        passed &= report(Result(
            work=f"risk register DOCX, {args.risks} risks",
            floor="bare python-docx, same text and tables",
            floor_value=times["floor"], measured=times["measured"], target=TARGET_RISKS,
            note=f"CPU time, median of {args.rounds} alternating rounds"))
        build_demo(folder / "demo.caio", lang="fr", today=DEMO_TODAY)
        ws = Workspace.open(folder / "demo.caio", read_only=True)
        try:
            kinds = tuple(DELIVERABLE_KINDS)
            times = _compare(ws, kinds, folder, as_of=DEMO_TODAY, rounds=args.rounds)
        finally:
            ws.close()
        passed &= report(Result(
            work="demo engagement, the five deliverables as DOCX",
            floor="bare python-docx, same text and tables, no charts",
            floor_value=times["floor"], measured=times["measured"], target=TARGET_DEMO,
            note=f"CPU time, median of {args.rounds} alternating rounds"))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
