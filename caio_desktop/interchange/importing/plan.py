"""Planning an import: the sheet read, its header found, its columns mapped and every row converted and
validated — everything the preview shows, nothing written yet.

    plan = plan_import(ws, Path("risques.xlsx"), "risks")            # mapping proposed
    plan.preview(20), plan.warnings, plan.errors, len(plan.valid)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from caio_desktop.domain.errors import quoted
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import module as get_module
from caio_desktop.interchange.bulk import paused_gc
from caio_desktop.interchange.importing import limits
from caio_desktop.interchange.importing import mapping as mappings
from caio_desktop.interchange.importing.choices import extensible_converter
from caio_desktop.interchange.importing.columns import PlanColumn, convert_block
from caio_desktop.interchange.importing.errors import ImportCancelled, MappingError, SpreadsheetError
from caio_desktop.interchange.importing.header import combined_names, detect_header, header_names, sub_header
from caio_desktop.interchange.importing.matching import existing_keys, match_key, targets
from caio_desktop.interchange.importing.normalize import converter
from caio_desktop.interchange.importing.planned import PlannedRow, Problem, RowBlock
from caio_desktop.interchange.importing.reader import (
    Source,
    Table,
    filled,
    first_cells_texts,
    has_value,
    open_source,
)
from caio_desktop.interchange.importing.saved import load_saved_mapping
from caio_desktop.interchange.importing.scales import ScaleReading, read_scale
from caio_desktop.interchange.importing.text import cell_text, fold
from caio_desktop.interchange.workbook_layout import computed_headers

Progress = Callable[[int, int], bool]
PROGRESS_EVERY = 2000


@dataclass
class Layout:
    """A sheet with its header row found and its columns named."""

    table: Table
    header_index: int
    headers: list[str]
    header_top: int | None = None  # the upper row of a two-row header (its lower row is header_index)

    @property
    def header_row(self) -> int:
        return self.table.line(self.header_index)


@dataclass
class ImportPlan:
    """What an import will do; `apply_import` carries it out."""

    module: str
    path: Path
    sheet: str
    sheet_names: list[str]
    header_row: int
    headers: list[str]
    mapping: mappings.ColumnMapping
    blocks: list[RowBlock]  # the rows, block by block (`rows` makes their PlannedRow objects)
    update_existing: bool = True
    scales: dict[str, ScaleReading] = field(default_factory=dict)  # level column → how it was read
    notes: list[str] = field(default_factory=list)  # informational lines, in the engagement's language
    new_choices: dict[str, dict[str, str]] = field(default_factory=dict)  # enumeration → {code: label}
    _rows: list[PlannedRow] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def rows(self) -> list[PlannedRow]:
        """Every data row, in sheet order (made once, on first use: an import that only adds rows reads
        the blocks instead, `untouched`)."""
        if self._rows is None:
            self._rows = [row for block in self.blocks for row in block.rows()]
        return self._rows

    def untouched(self) -> list[RowBlock] | None:
        """The blocks, while none has made its rows (so none was changed one by one: a match, a warning,
        values set by hand); None once any has."""
        return self.blocks if all(block.made is None for block in self.blocks) else None

    def partition(self) -> tuple[list[PlannedRow], list[PlannedRow]]:
        """The valid rows and the rejected ones, in one pass."""
        valid: list[PlannedRow] = []
        rejected: list[PlannedRow] = []
        for row in self.rows:
            (valid if row.error is None else rejected).append(row)
        return valid, rejected

    @property
    def valid(self) -> list[PlannedRow]:
        return self.partition()[0]

    @property
    def rejected(self) -> list[PlannedRow]:
        return self.partition()[1]

    @property
    def errors(self) -> list[Problem]:
        return [r.error for r in self.rows if r.error is not None]

    @property
    def warnings(self) -> list[Problem]:
        """Warnings of the rows that will be imported (a rejected row's error already says it all)."""
        return [w for r in self.rows if r.error is None for w in r.warnings]

    @property
    def updates(self) -> int:
        return sum(1 for r in self.rows if r.error is None and r.match_id is not None)

    def preview(self, count: int = limits.PREVIEW_ROWS) -> list[PlannedRow]:
        return self.rows[:count]


def prepare(module_key: str) -> None:
    """Read once what planning rows of `module_key` reads first and then keeps: the risk matrix that
    risk levels are derived from (a YAML reference file, checked: a tenth of a second on a fresh
    process). `caio import` calls it while python-calamine still parses the sheet in its helper
    thread, so that the plan starts on the rows at once; planning works the same without it."""
    if module_key == "risks":
        from caio_desktop.reference.risk_matrix import load_risk_matrix

        load_risk_matrix()


def read_layout(source: Source, module_key: str, *, sheet: str | None = None, header_row: int | None = None,
                extra_names: Iterable[str] = (), lang: str = "en") -> Layout:
    """Read `sheet` and find its header row (`header_row` when given, as a 1-based sheet row)."""
    table = source.table(sheet)
    if not any(any(filled(c) for c in cells) for cells in table.rows):
        raise SpreadsheetError(source.path, f"sheet {table.sheet!r} is empty")
    if header_row is not None:
        index = header_row - 1
        if not 0 <= index < len(table.rows):
            raise SpreadsheetError(source.path, f"sheet {table.sheet!r} has no row {header_row}")
    else:
        known = mappings.known_names(module_key) | {fold(n) for n in extra_names}
        index = detect_header(table, known)
        if (below := sub_header(table, index)) is not None:
            # A two-row header: the data starts under the lower row, the names join both rows.
            return Layout(table, below, combined_names(table, index, lang=lang), header_top=index)
    return Layout(table, index, header_names(table, index, lang=lang))


def given_mapping(mapping: Any, module_key: str) -> mappings.ColumnMapping | None:
    """A mapping the caller gave (ColumnMapping, mapping-file dict or path); None for None or "auto"."""
    if isinstance(mapping, mappings.ColumnMapping):
        return mapping
    if isinstance(mapping, dict):
        return mappings.from_json(mapping, module_key=module_key)
    if isinstance(mapping, str | Path) and mapping != "auto":
        return mappings.load(mapping, module_key=module_key)
    return None


def resolve_mapping(workspace, layout: Layout, module_key: str,  # noqa: ANN001
                    mapping: Any) -> mappings.ColumnMapping:
    """The column mapping to use: given (ColumnMapping, mapping-file dict or path), saved in the
    workspace (when `mapping` is None and it fits the headers), else proposed ("auto")."""
    given = given_mapping(mapping, module_key)
    if given is not None:
        return mappings.apply_to_headers(given, layout.headers)
    saved = load_saved_mapping(workspace, module_key) if mapping is None and workspace is not None else None
    if saved is not None:
        candidate = mappings.apply_to_headers(saved, layout.headers)
        if candidate.fields and not candidate.missing_required():
            return candidate
    return mappings.propose(module_key, layout.headers)


def check_required(mapping: mappings.ColumnMapping) -> None:
    missing = mapping.missing_required()
    if missing:
        mod = get_module(mapping.module)
        names = ", ".join(f"{k} ({mod.field(k).en} / {mod.field(k).fr})" for k in missing)
        raise MappingError(f"no column of the sheet maps to the required field(s) of {mod.key}: {names}; "
                           f"name the columns in a mapping file (--mapping) or rename the headers")


def plan_import(
    workspace,  # noqa: ANN001
    source: Path | str | Source,
    module_key: str,
    *,
    sheet: str | None = None,
    mapping: Any = None,
    header_row: int | None = None,
    update_existing: bool = True,
    progress: Progress | None = None,
    lang: str | None = None,
    add_choices: bool = False,
) -> ImportPlan:
    """Read, map, convert and validate a spreadsheet for `module_key`; writes nothing.

    `mapping`: None (the workspace's saved mapping when it fits, else proposed), "auto" (proposed), a
    ColumnMapping, a mapping-file dict or a path to one. Raises SpreadsheetError for an unreadable file,
    MappingError when no column maps to a required field, ImportCancelled when `progress` returns False.
    `lang`: the language of generated column names and of the plan's notes (default: English names,
    notes in the engagement's language).
    """
    mod = get_module(module_key)
    if mod.singleton:
        raise MappingError(f"{module_key} has exactly one row; edit it in the app instead of importing")
    opened = source if isinstance(source, Source) else open_source(source)
    try:
        given = given_mapping(mapping, module_key)
        # A saved mapping's column names help find the header row of a sheet in another language.
        hint = given or (load_saved_mapping(workspace, module_key) if mapping is None else None)
        layout = read_layout(opened, module_key, sheet=sheet or (given.sheet if given else None),
                             header_row=header_row or (given.header_row if given else None),
                             extra_names=hint.columns if hint else (), lang=lang or "en")
        columns = resolve_mapping(workspace, layout, module_key, given or mapping)
        return build_plan(workspace, opened, layout, columns, update_existing=update_existing,
                          progress=progress, lang=lang, add_choices=add_choices)
    finally:
        if opened is not source:
            opened.close()


def build_plan(workspace, source: Source, layout: Layout, columns: mappings.ColumnMapping, *,  # noqa: ANN001
               update_existing: bool = True, progress: Progress | None = None,
               lang: str | None = None, add_choices: bool = False) -> ImportPlan:
    """The plan for a sheet already read and mapped (the import wizard's steps end here). `lang`: the
    language of the plan's notes (default: the engagement's). `add_choices`: a value that fits no
    choice of an extensible list (risk categories, treatments) is added as a new choice
    (`choices.py`)."""
    if lang is None:
        lang = workspace.engagement().language if workspace is not None else "en"
    columns.sheet, columns.header_row = layout.table.sheet, layout.header_row
    check_required(columns)
    with paused_gc():
        # Our own export shows computed values (levels, scores) that operations recompute: skip those
        # columns rather than keep them as custom attributes. A client's sheet keeps every column.
        skip = computed_headers(get_module(columns.module)) if source.from_caio_export else frozenset()
        scales: dict[str, ScaleReading] = {}
        notes: list[str] = []
        new_choices: dict[str, dict[str, str]] = {}
        blocks = convert_rows(workspace, layout, columns, update_existing=update_existing, progress=progress,
                            skip_headers=skip, scales=scales, notes=notes, lang=lang, add_choices=add_choices,
                            new_choices=new_choices)
    return ImportPlan(columns.module, source.path, layout.table.sheet, list(source.sheet_names),
                      layout.header_row, layout.headers, columns, blocks, update_existing, scales, notes,
                      {k: v for k, v in new_choices.items() if v})


def convert_rows(workspace, layout: Layout, columns: mappings.ColumnMapping, *,  # noqa: ANN001
                 update_existing: bool = True, progress: Progress | None = None,
                 skip_headers: frozenset[str] = frozenset(),
                 scales: dict[str, ScaleReading] | None = None, notes: list[str] | None = None,
                 lang: str = "en", add_choices: bool = False,
                 new_choices: dict[str, dict[str, str]] | None = None) -> list[RowBlock]:
    """Every data row below the header, converted and validated (blank rows skipped), a block of
    PROGRESS_EVERY rows at a time, column by column (`columns.convert_block`), as RowBlocks. A level column is read
    as a whole first (`scales.read_scale`: its scale from its distinct cells), its reading put in
    `scales`. The client's own identifier column (N°, Réf., Risk ID) becomes the rows' code when its
    values are unique, else it is kept as a custom attribute and said in `notes`."""
    mod = get_module(columns.module)
    first = layout.header_index + 1
    data = layout.table.rows[first:]
    notes = notes if notes is not None else []
    plan_columns = []
    narrowest: int | None = None  # the shortest row's length, found once for the level columns
    for position, header in enumerate(layout.headers):
        key = columns.columns.get(header)
        if key is None and header in skip_headers:
            continue
        if key is not None and key == mod.code_field and (twice := _repeated(data, position)):
            notes.append(f"la colonne {quoted(header)} répète {quoted(twice)} : gardée comme attribut, les "
                         f"lignes sont numérotées" if lang == "fr" else
                         f"column {quoted(header)} repeats {quoted(twice)}: kept as a custom attribute, the "
                         f"rows are numbered")
            key = None
        f = mod.field(key) if key else None
        convert = None
        if f is not None:
            refs = targets(workspace, f.ref) if f.kind in (FieldKind.REF, FieldKind.REFS) else None
            convert = converter(f, targets=refs)
            if f.kind == FieldKind.SCORE:
                if narrowest is None:
                    narrowest = min(map(len, data), default=0)
                reading = read_scale(header, _distinct(data, position, narrowest),
                                     steps=columns.scale_steps(header),
                                     overrides=columns.value_overrides(header))
                convert = reading.wrap(convert)
                if scales is not None:
                    scales[header] = reading
        column = PlanColumn(position, header, key, convert, f.kind if f else None)
        if f is not None and f.kind == FieldKind.CHOICE and convert is not None:
            planned = (new_choices if new_choices is not None else {}).setdefault(f.choices or "", {})
            column.convert = extensible_converter(f.choices or "", convert, columns.value_overrides(header),
                                                  add_choices, planned, column.cleaned)
        plan_columns.append(column)
    existing: dict[tuple[str, str], list[int]] = {}
    if update_existing:
        with workspace.engine.connect() as conn:
            existing = existing_keys(conn, mod.key)
    claimed: set[int] = set()
    _above_header(layout, notes, lang)
    if layout.table.merged:
        _fill_merged(layout, first)
    every_row_filled = first_cells_texts(data)  # (the usual sheet: then no row is blank, nor any block's)
    data = _second_table(layout, data, first, notes, lang, mod.key, every_row_filled)
    cut = _footer_start(data) if len(plan_columns) > 1 else len(data)
    for index in range(cut, len(data)):
        cell = next((c for c in data[index] if filled(c)), None)
        if cell is not None:
            line = layout.table.line(first + index)
            notes.append(f"ligne {line} : {quoted(cell_text(cell))} ignorée, une note sous le tableau"
                         if lang == "fr" else
                         f"row {line}: {quoted(cell_text(cell))} skipped, a note under the table")
    data = data[:cut]
    total = len(data)
    planned: list[RowBlock] = []
    for start in range(0, total, PROGRESS_EVERY):
        if progress is not None and progress(start, total) is False:
            raise ImportCancelled("the import was cancelled")
        line = layout.table.line(first + start)
        block = data[start:start + PROGRESS_EVERY]
        if every_row_filled or first_cells_texts(block):  # the usual block: every row kept, told in C
            lines = list(range(line, line + len(block)))
        else:
            kept = [(line + done, cells) for done, cells in enumerate(block) if has_value(cells)]
            if not kept:
                continue
            lines, block = (list(side) for side in zip(*kept, strict=True))
        converted = convert_block(mod, lines, block, plan_columns)
        for row in converted.rows() if existing else ():  # (rows to match: made one by one)
            if row.error is None:
                key = match_key(mod.key, row.values)
                ids = [i for i in existing.get(key, []) if i not in claimed] if key else []
                if ids:
                    row.match_id = ids[0]
                    claimed.add(ids[0])
        planned.append(converted)
    if progress is not None and progress(total, total) is False:
        raise ImportCancelled("the import was cancelled")
    if layout.table.formulas:
        _warn_formulas(layout, [row for converted in planned for row in converted.rows()])
    return planned


def _warn_formulas(layout: Layout, planned: list[PlannedRow]) -> None:
    """A warning on each formula cell without a saved value: its text is what the cell holds now."""
    by_line = {row.line: row for row in planned}
    for index, column in sorted(layout.table.formulas):
        row = by_line.get(layout.table.line(index))
        if row is None or column >= len(layout.headers):
            continue
        problem = Problem(row.line, layout.headers[column], layout.table.rows[index][column],
                          "is a formula with no saved value (the file was never recalculated); its text is kept")
        row.warnings = [*row.warnings, problem]


def _distinct(data: list[list[Any]], position: int, narrowest: int) -> set[Any]:
    """The distinct cells of one column (in C when every row reaches it, as calamine's rectangular rows
    do: `narrowest` is the shortest row's length)."""
    if narrowest > position:
        return set(map(itemgetter(position), data))
    return {r[position] for r in data if position < len(r)}


def _second_table(layout: Layout, data: list[list[Any]], first: int, notes: list[str], lang: str,
                  module_key: str, every_row_filled: bool = False) -> list[list[Any]]:
    """A second table under the first one, after a blank row, found by its header row (labels only, at
    least two naming the first table's columns or the module's fields). The same columns: its header
    row is dropped and its rows imported with the first's. Other columns: the data stops there and a
    note says where the second table starts, to import on its own (`--header-row N`). `every_row_filled`:
    the caller found that each row's first cell is a text (`first_cells_texts`), so no row is blank."""
    if every_row_filled:
        return data
    # any() runs in C and stops at the first filled cell (a full sheet costs ~5 ms at 100,000 rows);
    # its few candidates (a row of zeros is one) are then checked by has_value.
    blank = [i for i, cells in enumerate(data) if not any(cells) and not has_value(cells)]
    if not blank:
        return data
    module_names = mappings.known_names(module_key)
    own = {fold(h): position for position, h in enumerate(layout.headers)}
    dropped: list[int] = []
    for index in (b + 1 for b in blank):
        if index >= len(data) or not has_value(data[index]):
            continue
        cells = data[index]
        texts = [(p, c) for p, c in enumerate(cells) if filled(c)]
        if len(texts) < 2 or not all(isinstance(c, str) and not c.strip()[:1].isdigit() for _p, c in texts):
            continue
        same = sum(1 for p, c in texts if own.get(fold(c)) == p)
        named = sum(1 for _p, c in texts if fold(c) in module_names or fold(c) in own)
        line = layout.table.line(first + index)
        if same == len(texts):
            dropped.append(index)
            notes.append(f"ligne {line} : l'en-tête répété d'un second tableau aux mêmes colonnes, ses lignes "
                         f"sont importées" if lang == "fr" else
                         f"row {line}: the header again, a second table with the same columns: its rows are imported")
        elif named >= 2:
            names = quoted(" | ".join(cell_text(c) for _p, c in texts))
            last = layout.table.line(first + len(data) - 1)
            notes.append(f"lignes {line}–{last} : un second tableau ({names}), non importé ici ; importez-le à "
                         f"part avec la ligne d'en-tête {line}" if lang == "fr" else
                         f"rows {line}–{last}: a second table ({names}), not imported here; import it on its "
                         f"own with header row {line}")
            data = data[:index]
            break
    if dropped:
        skip = set(dropped)
        data = [[None] * len(cells) if i in skip else cells for i, cells in enumerate(data)]
    return data


def _above_header(layout: Layout, notes: list[str], lang: str) -> None:
    """A note for each filled row above the header (a title, a date, a logo's caption): said, not lost."""
    for index in range(layout.header_index if layout.header_top is None else layout.header_top):
        texts = [cell_text(c) for c in layout.table.rows[index] if filled(c)]
        if texts:
            line, text = layout.table.line(index), quoted(" | ".join(texts))
            notes.append(f"ligne {line} : {text} au-dessus de l'en-tête, ignorée" if lang == "fr"
                         else f"row {line}: {text} above the header, skipped")


def _fill_merged(layout: Layout, first: int) -> None:
    """A cell merged down over several data rows ("Conformité" beside three risks) belongs to each of
    them: its value is copied into the range's empty cells (calamine gives it to the first only)."""
    rows = layout.table.rows
    for (top, left), (bottom, right) in layout.table.merged:
        if top < first or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        if not filled(value):
            continue
        for index in range(top, min(bottom, len(rows) - 1) + 1):
            for column in range(left, min(right, len(rows[index]) - 1) + 1):
                if (index, column) != (top, left) and not filled(rows[index][column]):
                    rows[index][column] = value


def _footer_start(data: list[list[Any]]) -> int:
    """Where the notes under a table start: the trailing rows that fill one cell at most ("Légende :
    …", "Source : …"), below the last row that fills two; len(data) when there are none (or when no
    row fills two, a one-column sheet)."""
    index = len(data)
    while index > 0:
        filled_cells = sum(1 for c in data[index - 1] if filled(c))
        if filled_cells >= 2:
            return index
        index -= 1
    return len(data)


def _repeated(data: list[list[Any]], position: int) -> str | None:
    """The first value a code column holds twice (case and spacing ignored), None when all differ."""
    seen: set[str] = set()
    for cells in data:
        if position < len(cells) and filled(cells[position]):
            text = " ".join(cell_text(cells[position]).split()).casefold()
            if text in seen:
                return cell_text(cells[position])
            seen.add(text)
    return None


def guess_module(source: Source, candidates: Iterable[str]) -> str | None:
    """The register a sheet most likely belongs to: the one whose fields its headers name most, all
    required ones included (for a spreadsheet dropped on the window without saying where it goes)."""
    best, best_score = None, 0.0
    for key in candidates:
        try:
            layout = read_layout(source, key)
        except SpreadsheetError:
            return None
        proposal = mappings.propose(key, layout.headers)
        if proposal.missing_required():
            continue
        score = sum(proposal.scores.values()) / 100
        if score > best_score:
            best, best_score = key, score
    return best
