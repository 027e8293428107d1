"""Carrying out an ImportPlan: one transaction, one undo step ("Import Risks risques.xlsx").

New rows go in with the Recorder's bulk insert (ids assigned, one audit entry), their derived values
(risk codes and levels, use-case scores) computed by `operations.rules`; rows matching an existing one
(by code, else title) update it. Rows refused by a rule at this stage join the rejected ones; with
`strict=True` any rejected row means nothing is written. `progress(done, total)` returning False
cancels: the transaction rolls back and the workspace is unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter
from typing import Any

from sqlalchemy import select

from caio_desktop.domain.errors import ValidationError
from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import module as get_module
from caio_desktop.interchange.bulk import paused_gc
from caio_desktop.interchange.importing.errors import ImportCancelled
from caio_desktop.interchange.importing.matching import existing_keys, match_key
from caio_desktop.interchange.importing.normalize import Unfit, converter
from caio_desktop.interchange.importing.plan import ImportPlan, PlannedRow, Problem, Progress
from caio_desktop.interchange.importing.planned import RowBlock
from caio_desktop.interchange.importing.text import cell_text, fold
from caio_desktop.operations import rules
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.rows import change_row, insert_row
from caio_desktop.workspace.models import LINKS
from caio_desktop.workspace.queries import id_chunks

BATCH = 20_000  # rows per INSERT batch: a progress tick (and a chance to cancel) each, about 0.1 s
_SERVER_COLUMNS = {"id", "created_at", "updated_at", "custom"}
_CODE = re.compile(r"^R-(\d+)$")
# Modules whose inserts recompute other rows (vendor weighted scores) go row by row through insert_row.
_ROW_BY_ROW = {"vendor_scores", "vendor_criteria"}


@dataclass
class ImportResult:
    """What an import did: counts, the rows refused (with why) and the undo step."""

    module: str
    imported: int = 0
    updated: int = 0
    unchanged: int = 0  # matched an existing row that already held the same values
    rejected: list[PlannedRow] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    change: ChangeSet | None = None
    refused_strict: bool = False  # strict mode and some rows failed: nothing was written

    def summary(self) -> str:
        return (f"imported {self.imported}, updated {self.updated}, unchanged {self.unchanged}, "
                f"rejected {len(self.rejected)}, warnings {len(self.warnings)}")


class _StrictAbort(Exception):  # noqa: N818 - control flow: roll the transaction back
    pass


def apply_import(workspace, plan: ImportPlan, *, strict: bool = False,  # noqa: ANN001
                 progress: Progress | None = None) -> ImportResult:
    """Import the plan's valid rows in one transaction (see the module docstring)."""
    mod = get_module(plan.module)
    blocks = plan.untouched()
    valid: Sequence[PlannedRow]
    if blocks is not None:  # no row made one by one (nothing matched): read the blocks, make no rows
        valid = _BlockRows(blocks)
        rejected = [block.refused[index] for block in blocks for index in sorted(block.refused)]
        warnings = [w for block in blocks for w in block.warnings()]
    else:
        valid, rejected = plan.partition()
        warnings = [w for r in valid for w in r.warnings]
    result = ImportResult(plan.module, rejected=rejected, warnings=warnings)
    if strict and result.rejected:
        result.refused_strict = True
        return result
    change = ChangeSet("import", mod.key, plan.path.name, entity_fr=mod.fr, entity_en=mod.en)

    def operation(rec: Recorder) -> list[int]:
        rec.operation = f"Import {mod.en} {plan.path.name}"
        if plan.new_choices:
            _add_choices(rec, plan.new_choices)
        keys = existing_keys(rec.conn, mod.key) if plan.update_existing else {}
        rows = valid
        if isinstance(rows, _BlockRows) and (keys or mod.key in _ROW_BY_ROW):
            rows = plan.partition()[0]  # (rows to match or insert one by one: made now)
        claimed: set[int] = set()
        added: list[PlannedRow] = []
        updates: list[tuple[int, PlannedRow]] = []
        for row in rows if keys else ():
            key = match_key(mod.key, row.values)
            ids = [i for i in keys.get(key, []) if i not in claimed] if key else []
            if ids:
                claimed.add(ids[0])
                updates.append((ids[0], row))
            else:
                added.append(row)
        fresh = added if keys else rows  # nothing to update: every row is new
        total = len(rows)
        ticker = _Ticker(progress, total)
        touched: list[int] = []
        current = _rows_by_id(rec, mod.key, [row_id for row_id, _ in updates])
        for row_id, row in updates:
            ticker.tick()
            values = _update_values(mod, current[row_id], row.values)
            if _already(current[row_id], values, mod):
                result.unchanged += 1
                continue
            try:
                if change_row(rec, mod, row_id, values):
                    touched.append(row_id)
                    result.updated += 1
                else:
                    result.unchanged += 1
            except ValidationError as exc:
                _refuse(result, row, exc)
        if mod.key in _ROW_BY_ROW:
            for row in fresh:
                ticker.tick()
                try:
                    touched.append(insert_row(rec, mod, row.values))
                    result.imported += 1
                except ValidationError as exc:
                    _refuse(result, row, exc)
        else:
            touched.extend(_bulk_insert(rec, mod, fresh, result, ticker))
        _resolve_own_references(rec, mod, plan, touched, result)
        if strict and result.rejected:
            raise _StrictAbort
        return touched

    try:
        with paused_gc():
            result.change = run_recorded(workspace, change, operation)
    except _StrictAbort:
        result.imported = result.updated = result.unchanged = 0
        result.refused_strict = True
        result.change = None
    except BaseException:
        if plan.new_choices:
            workspace.install_choices()  # rolled back: the enumerations are the file's again
        raise
    if result.refused_strict and plan.new_choices:
        workspace.install_choices()
    return result


def _add_choices(rec: Recorder, planned: dict[str, dict[str, str]]) -> None:
    """The client's new choices written to the engagement's settings (in the import's transaction, so
    one undo removes them with the rows) and made part of the enumerations at once."""
    import json

    from caio_desktop.domain.enums import ENUMERATIONS, EXTENSIBLE, install_engagement_choices
    from caio_desktop.interchange.importing.choices import SETTING_PREFIX, stored_choices

    t = table("settings")
    every = {k: [{"code": c.code, "fr": c.fr, "en": c.en} for c in ENUMERATIONS[k].extra.values()]
             for k in EXTENSIBLE}
    for key, choices in planned.items():
        name = SETTING_PREFIX + key
        row = rec.conn.execute(select(t.c.id, t.c.value).where(t.c.key == name)).first()
        current = row[1] if row is not None else []
        current = json.loads(current) if isinstance(current, str) else (current or [])
        value = stored_choices(current, choices)
        if row is None:
            rec.insert("settings", {"key": name, "value": value})
        else:
            rec.update("settings", row[0], {"value": value})
        every[key] = value
    install_engagement_choices(every)


class _Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def tick(self, count: int = 1) -> None:
        before = self.done
        self.done += count
        due = self.done // 1000 != before // 1000 or self.done >= self.total
        if self.progress is not None and due and self.progress(self.done, self.total) is False:
            raise ImportCancelled("the import was cancelled")


def _refuse(result: ImportResult, row: PlannedRow, exc: ValidationError) -> None:
    row.error = Problem(row.line, exc.field, exc.value, exc.reason)
    result.rejected.append(row)


def _rows_by_id(rec: Recorder, module_key: str, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The current rows to update, read in one query per slice of ids (`queries.id_chunks`)."""
    t = table(module_key)
    found: dict[int, dict[str, Any]] = {}
    for chunk in id_chunks(ids):
        found.update((r["id"], dict(r)) for r in rec.conn.execute(select(t).where(t.c.id.in_(chunk))).mappings())
    return found


def _update_values(mod, existing: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN001
    """An imported row's values for updating an existing row: its custom attributes merged into the
    existing ones, an empty code left as it is."""
    update = dict(values)
    if mod.code_field and not update.get(mod.code_field):
        update.pop(mod.code_field, None)
    update["custom"] = {**(existing.get("custom") or {}), **(values.get("custom") or {})}
    return update


def _already(existing: dict[str, Any], values: dict[str, Any], mod) -> bool:  # noqa: ANN001
    """Whether the existing row already holds `values` (re-importing an unchanged sheet writes nothing;
    link lists are left to change_row, which compares them itself)."""
    for key, value in values.items():
        if key != "custom" and mod.field(key).kind == FieldKind.REFS:
            return False
        if existing.get(key) != value:
            return False
    return True


class _BlockRows(Sequence[PlannedRow]):
    """The rows to add of a plan whose rows were never made one by one (`ImportPlan.untouched`): each
    block's rows but its refused ones, by position. `_gather` reads their columns from the blocks; a
    row is made (its block's rows: `RowBlock.rows`) only when the insert refuses it."""

    def __init__(self, blocks: list[RowBlock]) -> None:
        self.segments: list[tuple[RowBlock, list[int] | None]] = []  # (block, kept positions or None: all)
        self._starts: list[int] = []
        count = 0
        for block in blocks:
            kept = None if not block.refused else [i for i in range(len(block.lines)) if i not in block.refused]
            size = len(block.lines) if kept is None else len(kept)
            if size:
                self.segments.append((block, kept))
                self._starts.append(count)
                count += size
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> PlannedRow:  # (positions only: no slices)
        if not 0 <= index < self._count:
            raise IndexError(index)
        segment = bisect_right(self._starts, index) - 1
        block, kept = self.segments[segment]
        offset = index - self._starts[segment]
        return block.rows()[offset if kept is None else kept[offset]]


def _bulk_insert(rec: Recorder, mod, rows: Sequence[PlannedRow], result: ImportResult,  # noqa: ANN001
                 ticker: _Ticker) -> list[int]:
    """Insert new rows column by column, straight from the plan's row blocks (no dict per row): links
    checked, risk codes assigned, refused rows set aside, then `Recorder.insert_columns` in batches."""
    t = table(mod.key)
    defaults = {c.name: c.default.arg for c in t.columns
                if c.name not in _SERVER_COLUMNS and c.default is not None and c.default.is_scalar}
    names = [c.name for c in t.columns if c.name not in _SERVER_COLUMNS]
    refs_fields = [f.key for f in mod.fields if f.kind == FieldKind.REFS]
    columns, refused = _gather(mod, rows, [*names, *refs_fields], defaults)
    for f in (f for f in mod.fields if f.kind == FieldKind.REF):
        known = set(rec.conn.execute(select(table(f.ref or "").c.id)).scalars())
        values = columns[f.key]
        if set(values) - known - {None}:
            for index, value in enumerate(values):
                if value is not None and value not in known:
                    refused.setdefault(index, ValidationError(mod.key, f.key, value,
                                                              f"refers to no existing {f.ref} row {value}"))
    if mod.key == "risks":
        _CodeSequence(rec).assign_column(columns["code"], refused)
    if refused:
        for index, exc in sorted(refused.items()):
            _refuse(result, rows[index], exc)
        kept = [i for i in range(len(rows)) if i not in refused]
        columns = {k: [values[i] for i in kept] for k, values in columns.items()}
    count = len(rows) - len(refused)
    links = {key: columns.pop(key) for key in refs_fields}
    ids: list[int] = []
    with rec.bulk_load(mod.key, count):
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            ids.extend(rec.insert_columns(mod.key, {k: v[start:start + size] for k, v in columns.items()}, size))
            ticker.tick(size)
    for key, wanted in links.items():
        link, own, other = LINKS[(mod.key, key)]
        pairs = [(row_id, other_id) for row_id, others in zip(ids, wanted, strict=True) for other_id in others or ()]
        rec.insert_columns(link.__tablename__, {own: [p[0] for p in pairs], other: [p[1] for p in pairs]},
                           len(pairs))
    result.imported += len(ids)
    return ids


def _gather(mod, rows: Sequence[PlannedRow], keys: list[str],  # noqa: ANN001
            defaults: dict[str, Any]) -> tuple[dict[str, list[Any]], dict[int, ValidationError]]:
    """`keys` and the custom attributes of `rows`, column by column, read from the plan's row blocks
    (whole columns when all of a block's rows come), a column's default where no value is given; and
    the refusals of rows whose values were set by hand (derived here, as a block of one)."""
    out: dict[str, list[Any]] = {key: [] for key in (*keys, "custom")}
    refused: dict[int, ValidationError] = {}
    done = 0
    for one, pick in _pieces(mod, rows):
        if isinstance(one, ValidationError):
            refused[done] = one
            one = RowBlock({}, [{}])
        size = len(one.customs) if pick is None else len(pick)
        for key, column in out.items():
            values = one.derived.get(key)
            if values is None:
                values = one.customs if key == "custom" else one.columns.get(key)
            if values is None:
                column.extend([defaults.get(key)] * size)
            else:
                column.extend(values if pick is None else [values[i] for i in pick])
        done += size
    return out, refused


def _pieces(mod, rows: Sequence[PlannedRow]  # noqa: ANN001
            ) -> Iterator[tuple[RowBlock | ValidationError, list[int] | None]]:
    """`rows` as (block, the positions taken from it or None for all of them), in order; a row detached
    from its block (values set by hand) is a block of one, or the reason derivation refuses it."""
    if isinstance(rows, _BlockRows):
        yield from rows.segments
        return
    for _, group in groupby(rows, key=attrgetter("block")):
        group = list(group)
        block = group[0].block
        if block is None:
            for row in group:
                yield _block_of(mod, row.values), None
            continue
        indexes = [row.index for row in group]
        whole = len(indexes) == len(block.customs) and indexes[-1] == len(indexes) - 1
        yield block, None if whole else indexes


def _block_of(mod, values: dict[str, Any]) -> RowBlock | ValidationError:  # noqa: ANN001
    """One row's values as a block of one, derived (or the reason derivation refuses it)."""
    columns = {k: [v] for k, v in values.items() if k != "custom"}
    derived, refusals = rules.derive_new_columns(mod.key, columns, 1)
    if refusals[0] is not None:
        return refusals[0]
    return RowBlock(columns, [values.get("custom") or {}], derived)


class _CodeSequence:
    """Risk codes for a bulk insert: given codes checked against those in use, missing ones assigned
    R-001, R-002, … after the highest (the numbering `rules.next_risk_code` starts from)."""

    def __init__(self, rec: Recorder) -> None:
        self.used = set(rec.conn.execute(select(table("risks").c.code)).scalars())
        self.next = int(_CODE.match(rules.next_risk_code(rec))[1])

    def assign_column(self, codes: list[str | None], refused: dict[int, ValidationError]) -> None:
        """Fill the blank codes of `codes` in place, in order; a code already in use refuses its row."""
        used = self.used
        if not refused and codes.count(None) == len(codes):  # the usual sheet without codes: all in a row
            fresh = list(map("R-{:03d}".format, range(self.next, self.next + len(codes))))
            if used.isdisjoint(fresh):
                codes[:] = fresh
                used.update(fresh)
                self.next += len(codes)
                return
        for index, code in enumerate(codes):
            if index in refused:
                continue
            if code:
                if code in used:
                    refused[index] = ValidationError("risks", "code", code, "is already used by another risk")
                    continue
                if match := _CODE.match(code):
                    self.next = max(self.next, int(match[1]) + 1)
            else:
                while (code := f"R-{self.next:03d}") in used:
                    self.next += 1
                codes[index] = code
                self.next += 1
            used.add(code)


def _resolve_own_references(rec: Recorder, mod, plan: ImportPlan, ids: list[int],  # noqa: ANN001
                            result: ImportResult) -> None:
    """Links to rows of the same sheet (an initiative depending on another initiative of the file).

    When the plan was made those rows did not exist yet, so such cells were kept as custom attributes
    with a warning. Now that every row of the sheet is in (same transaction), resolve them against the
    module's rows, set the links, drop the custom attribute and the warning. Cells that still name no
    row stay as they were: nothing the client wrote is lost.
    """
    own = [f for f in mod.fields if f.kind in (FieldKind.REF, FieldKind.REFS) and f.ref == mod.key]
    headers = {f.key: plan.mapping.fields.get(f.key) for f in own}
    if not ids or not any(headers.values()):
        return
    t = table(mod.key)
    label_columns = [t.c.id, t.c[mod.title_field]] + ([t.c[mod.code_field]] if mod.code_field else [])
    targets: dict[str, int] = {}
    for row in rec.conn.execute(select(*label_columns).order_by(t.c.id)):
        for value in row[1:]:
            if value is not None:
                targets.setdefault(fold(cell_text(value)), row[0])
    resolved: set[tuple[str, str]] = set()
    for row_id, current in _rows_by_id(rec, mod.key, ids).items():
        custom = dict(current.get("custom") or {})
        values: dict[str, Any] = {}
        for f in own:
            header = headers[f.key]
            text = custom.get(header) if header else None
            if text is None:
                continue
            try:
                values[f.key] = converter(f, targets=targets)(text)
            except Unfit:
                continue
            del custom[header]
            resolved.add((header, text))
        if values:
            values["custom"] = custom
            change_row(rec, mod, row_id, values)
    if resolved:
        result.warnings = [w for w in result.warnings if (w.column, cell_text(w.value)) not in resolved]
