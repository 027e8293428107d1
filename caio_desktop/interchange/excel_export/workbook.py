"""Export a whole engagement as one formatted, re-importable workbook.

Sheets, in order: cover (with links to every other sheet), risk heat map, maturity summary, then one
sheet per module in registry order, and a hidden sheet of drop-down lists. openpyxl's write-only mode
streams each sheet to disk, so memory does not grow with the registers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.excel_export import styles
from caio_desktop.interchange.excel_export.cover import write_cover
from caio_desktop.interchange.excel_export.heat_map import write_heat_map
from caio_desktop.interchange.excel_export.maturity_summary import write_maturity_summary
from caio_desktop.interchange.excel_export.output import workbook_output
from caio_desktop.interchange.excel_export.progress import Progress, ProgressCallback
from caio_desktop.interchange.excel_export.reading import RefLabels
from caio_desktop.interchange.excel_export.register_sheet import write_register
from caio_desktop.interchange.excel_export.texts import text
from caio_desktop.interchange.excel_export.validations import ChoiceLists
from caio_desktop.interchange.workbook_layout import sheet_title
from caio_desktop.workspace.queries import counts, fetch_rows

LANGS = ("fr", "en")


def engagement_of(workspace: Any) -> dict[str, Any]:
    rows = fetch_rows(workspace, "engagement", limit=1)
    if not rows:
        raise ValueError(f"{workspace.path}: the workspace has no engagement row")
    return rows[0]


def export_language(engagement: dict[str, Any], lang: str | None) -> str:
    """`lang` if given (fr or en), else the engagement's own language."""
    chosen = lang or engagement.get("language") or "fr"
    if chosen not in LANGS:
        raise ValueError(f"export language must be fr or en, not {chosen!r}")
    return chosen


def register_titles(lang: str, taken: set[str]) -> dict[str, str]:
    """Module key → sheet title (the module's label in `lang`, made valid and unique)."""
    return {key: sheet_title(mod.label(lang), taken) for key, mod in MODULES.items()}


def export_workbook(
    workspace: Any,
    out_path: Path | str,
    *,
    lang: str | None = None,
    progress: ProgressCallback | None = None,
    as_of: dt.date | None = None,
) -> Path:
    """Write the engagement to `out_path` (.xlsx) and return it.

    `lang` defaults to the engagement's language; `progress(done, total)` is called as rows are
    written and cancels the export by returning False (ExportCancelled is raised); `as_of` is the date
    shown on the cover (default today). The file appears whole or not at all, readable by its owner
    only; on error or cancellation nothing is left behind.
    """
    out_path = Path(out_path)
    engagement = engagement_of(workspace)
    lang = export_language(engagement, lang)
    palette = styles.Palette.of(engagement)
    row_counts = counts(workspace)
    tracker = Progress(progress, sum(row_counts.values()))
    tracker.report()

    taken: set[str] = set()
    cover_title = sheet_title(text("cover", lang), taken)
    heat_title = sheet_title(text("heat_map", lang), taken)
    maturity_title = sheet_title(text("maturity_summary", lang), taken)
    titles = register_titles(lang, taken)
    lists = ChoiceLists(sheet_title(text("lists", lang), taken), lang)
    contents = [(heat_title, None), (maturity_title, None)]
    contents += [(titles[key], row_counts[key]) for key in MODULES]

    with workbook_output(out_path) as workbook:
        write_cover(workbook, title=cover_title, engagement=engagement, lang=lang, palette=palette,
                    export_date=as_of or dt.date.today(), contents=contents)
        write_heat_map(workbook, title=heat_title, workspace=workspace, lang=lang, palette=palette)
        write_maturity_summary(workbook, title=maturity_title, workspace=workspace, lang=lang, palette=palette)
        refs = RefLabels(workspace)
        for key, mod in MODULES.items():
            write_register(workbook, mod, title=titles[key], workspace=workspace, lang=lang,
                           palette=palette, refs=refs, lists=lists, advance=tracker.advance)
            tracker.checkpoint()
        lists.write(workbook)
    return out_path
