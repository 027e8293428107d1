"""`caio-desktop --self-test FILE`: on a copy of FILE, edit one cell of every module through the same
table model the pages use, undo, redo, and check that each row comes back exactly as it was.

Prints one line per module and returns 0 only when every module round-trips.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from caio_desktop.domain.fields import Field, FieldKind, Module
from caio_desktop.domain.modules import MODULE_LIST

# When and how often a row was written: an undo is a new write (team mode: it raises the version too).
_VOLATILE = {"updated_at", "row_version"}


def _comparable(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: v for k, v in row.items() if k not in _VOLATILE}


def _field_to_edit(module: Module) -> Field:
    """A field edited in the table (not a paragraph), preferably one no rule constrains."""
    preferred = [f for f in module.editable_fields if f.kind == FieldKind.TEXT and not f.required
                 and module.code_field != f.key]
    for kind in (FieldKind.SCORE, FieldKind.NUMBER, FieldKind.DATE, FieldKind.TEXT):
        preferred += [f for f in module.editable_fields if f.kind == kind and module.code_field != f.key]
    return preferred[0] if preferred else module.editable_fields[0]


def _new_value(field: Field, current: Any) -> Any:
    import datetime as dt

    if field.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        return f"{current or ''} (self-test)".strip()
    if field.kind == FieldKind.SCORE:
        return 2 if current != 2 else 4
    if field.kind == FieldKind.NUMBER:
        return (current or 0) + 1.5
    if field.kind == FieldKind.DATE:
        return (current or dt.date(2026, 1, 1)) + dt.timedelta(days=1)
    return current


def check_module(context: Any, module: Module) -> tuple[bool, str]:
    """Edit, undo, redo one row of `module`; (ok, what happened)."""
    from caio_desktop.operations import create_row
    from caio_desktop.ui.registers.defaults import new_row_values
    from caio_desktop.ui.registers.model import RegisterModel
    from caio_desktop.workspace.queries import get_row

    model = RegisterModel(context, module.key)
    if model.rowCount() == 0:
        values = new_row_values(context.workspace, module.key, context.lang)
        context.perform(create_row, module.key, values)
    row_id = model.row_dict(0)["id"]
    field = _field_to_edit(module)
    before = _comparable(get_row(context.workspace, module.key, row_id))
    value = _new_value(field, before.get(field.key))
    if not model.setData(model.index(0, model.column(field.key)), value):
        return False, f"the edit of {field.key} was refused"
    edited = _comparable(get_row(context.workspace, module.key, row_id))
    if edited == before:
        return False, f"the edit of {field.key} changed nothing"
    context.undo_stack.undo()
    if _comparable(get_row(context.workspace, module.key, row_id)) != before:
        return False, f"undo did not restore {field.key}"
    context.undo_stack.redo()
    if _comparable(get_row(context.workspace, module.key, row_id)) != edited:
        return False, f"redo did not re-apply {field.key}"
    shown = model.index(0, model.column(field.key)).data()
    return True, f"{field.key} → {shown!s:.40}"


def run_self_test(path: Path, *, lang: str = "en") -> int:
    from caio_desktop.ui.context import AppContext
    from caio_desktop.workspace.errors import WorkspaceError
    from caio_desktop.workspace.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="caio-self-test-") as folder:
        copy = Path(folder) / Path(path).name
        try:
            shutil.copyfile(path, copy)
            workspace = Workspace.open(copy)
        except (OSError, WorkspaceError) as error:
            print(f"self-test: cannot open {path}: {error}")
            return 1
        context = AppContext(lang)
        context.set_workspace(workspace)
        failures = 0
        try:
            for module in MODULE_LIST:
                try:
                    ok, detail = check_module(context, module)
                except Exception as error:  # noqa: BLE001 - reported per module, the test goes on
                    ok, detail = False, f"{type(error).__name__}: {error}"
                failures += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {module.key:<18} {detail}")
        finally:
            context.set_workspace(None)
            workspace.close()
    print(f"self-test: {len(MODULE_LIST) - failures}/{len(MODULE_LIST)} modules round-trip")
    return 0 if failures == 0 else 1
