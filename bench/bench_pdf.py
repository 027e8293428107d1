"""Risk & compliance register PDF for 1,000 risks against its floor.

Workspace: benchlib's seeded French risk register (bulk-inserted), N risks.
Floor: the same risk rows read with `fetch_rows` and laid out by a bare reportlab platypus document:
one Table (header repeated on every page, the title column a wrapping Paragraph, the other cells plain
strings) in the same embedded TrueType font as the deliverable (client text needs a Unicode font;
drawing it costs more than reportlab's built-in Helvetica, and a floor must do the same essential work),
no cover, no contents, no charts, no styling.
Measurement: `build_deliverable(ws, "risks", ...)` — cover, contents with page numbers, two heat maps and
the level legend, the register with level badges, treatment plan and compliance sections, embedded
fonts, written atomically.
Target: measurement ≤ 1.3 × floor. Medians of alternating rounds, timed with this process's CPU clock
(`time.process_time`: the work is single-threaded, and other people's test runs on this shared machine
would otherwise decide the ratio).

    .venv/bin/python bench/bench_pdf.py [--risks 1000]
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

TARGET = 1.3


def floor(ws, out: Path) -> None:  # noqa: ANN001
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from caio_desktop.interchange.pdf.fonts import REGULAR, register_fonts
    from caio_desktop.workspace.queries import fetch_rows

    register_fonts()
    style = getSampleStyleSheet()["BodyText"].clone("cell", fontName=REGULAR, fontSize=8, leading=10)
    header = ["Code", "Risque", "Responsable", "Prob.", "Imp.", "Niveau", "Résiduel", "Traitement", "Statut"]
    data = [header] + [
        [r["code"], Paragraph(r["title"].replace("&", "&amp;").replace("<", "&lt;"), style), r["owner"],
         str(r["likelihood"]), str(r["impact"]), r["level"], r["residual_level"] or "", r["treatment"], r["status"]]
        for r in fetch_rows(ws, "risks")
    ]
    table = Table(data, repeatRows=1, colWidths=[44, 129, 58, 31, 29, 46, 46, 48, 50])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(out), pagesize=A4, initialFontName=REGULAR).build([table])


def measure(ws, out: Path) -> None:  # noqa: ANN001
    from caio_desktop.interchange.pdf import build_deliverable

    build_deliverable(ws, "risks", out, as_of=dt.date(2026, 6, 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=1000)
    args = parser.parse_args(argv)
    from pypdf import PdfReader

    from caio_desktop.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws = Workspace.open(risk_workspace(folder / "bench.caio", args.risks), read_only=True)
        try:
            times = median_times({"floor": lambda: floor(ws, folder / "floor.pdf"),
                                  "measured": lambda: measure(ws, folder / "risks.pdf")},
                                 rounds=7, clock=time.process_time)
        finally:
            ws.close()
        pages_floor = len(PdfReader(folder / "floor.pdf").pages)
        pages = len(PdfReader(folder / "risks.pdf").pages)
    passed = report(Result(
        work=f"risk register PDF, {args.risks} risks ({pages} pages)",
        floor=f"bare platypus table, same rows and font ({pages_floor} pages)",
        floor_value=times["floor"], measured=times["measured"], target=TARGET,
        note="CPU time, median of 7 alternating rounds"))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
