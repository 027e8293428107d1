"""Build the demo engagement file from the content in `resources/demo`, through the operations layer.

Dates in the content are days after the engagement's start (`+45`), and the start is placed
`DAYS_BEFORE_TODAY` days before `today`: whenever it is built, the demo is at month 4 of its mission,
so "overdue", "done" and "planned" keep their meaning. Rows refer to one another by local keys
(`ai_system_id: chatbot_lea`), resolved to the ids of the rows inserted before them. Everything is
written in one recorded transaction, so every row passes the same domain rules as a user's edit.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from caio_desktop.demo.content import DemoContentError, content
from caio_desktop.domain.errors import DomainError
from caio_desktop.domain.fields import FieldKind, Module
from caio_desktop.domain.modules import MODULE_LIST, MODULES
from caio_desktop.operations.ai_act import parse_facts
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.operations.recorder import Recorder, table
from caio_desktop.operations.rows import change_row, insert_row
from caio_desktop.workspace.errors import WorkspaceExistsError
from caio_desktop.workspace.lock import WorkspaceLock
from caio_desktop.workspace.soundness import forget_sound, remember_sound
from caio_desktop.workspace.workspace import Workspace

# Today is day 106-108 of the mission (3.5 months in, so month 4): diagnosis done, strategy under way.
# Content dates keep a few days' margin around it so that done / overdue / planned never flip.
DAYS_BEFORE_TODAY = 108
MISSION_MONTHS = 12


def demo_start(today: dt.date) -> dt.date:
    """The engagement's start for a demo built on `today` (a weekday, as missions start on one)."""
    start = today - dt.timedelta(days=DAYS_BEFORE_TODAY)
    while start.weekday() >= 5:  # Saturday or Sunday: start on the following Monday
        start += dt.timedelta(days=1)
    return start


def build_demo(path: Path | str, *, lang: str = "fr", today: dt.date | None = None,
               overwrite: bool = False) -> Path:
    """Create the demo engagement at `path` in `lang` ("fr" or "en"), as it stands on `today`.

    Refuses an existing file (WorkspaceExistsError) unless `overwrite`; even then a workspace open
    elsewhere is refused (WorkspaceLockedError). The file is built beside the target and renamed at
    the end, so a failure leaves any existing file untouched.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise WorkspaceExistsError(path)
    rows = content(lang)  # fails before any file is made when the language or the content is wrong
    start = demo_start(today or dt.date.today())
    engagement = rows.pop("engagement")
    target_lock = WorkspaceLock(path).acquire()  # nobody may open (or be using) the target meanwhile
    tmp = path.with_name(f".{path.name}.demo-{os.getpid()}")
    try:
        tmp.unlink(missing_ok=True)
        workspace = Workspace.create(
            tmp, client=engagement["client_name"], language=lang, start=start, months=MISSION_MONTHS,
            sector=engagement.get("sector"), country=engagement.get("country"),
            consultant=engagement.get("consultant_name"))
        try:
            _fill(workspace, engagement, rows, start=start)
        finally:
            workspace.close()
        os.replace(tmp, path)
        remember_sound(path)  # written by us from nothing, as Workspace.create's own file
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        forget_sound(tmp)  # the record of the temporary name would be a stray folder beside the file
        target_lock.release()
    return path


def _fill(workspace: Workspace, engagement: dict[str, Any], rows: dict[str, Any], *, start: dt.date) -> None:
    def fill(rec: Recorder) -> list[int]:
        return _Filler(rec, start).run(engagement, rows)

    run_recorded(workspace, ChangeSet("generate", "engagement", "demo"), fill)


class _Filler:
    """Inserts the content module by module, resolving relative dates and local keys."""

    def __init__(self, rec: Recorder, start: dt.date) -> None:
        self.rec = rec
        self.start = start
        self.ids: dict[str, dict[str, int]] = {}  # module key → local key → row id

    def run(self, engagement: dict[str, Any], rows: dict[str, Any]) -> list[int]:
        unknown = set(rows) - set(MODULES)
        if unknown:
            raise DemoContentError(f"demo content: unknown module(s) {', '.join(sorted(unknown))}")
        engagement_id = self.rec.conn.execute(select(table("engagement").c.id)).scalar_one()
        change_row(self.rec, MODULES["engagement"], engagement_id,
                   {k: v for k, v in engagement.items() if k not in ("client_name", "language")})
        for phase in rows.pop("phases", []):
            values = self._values(MODULES["phases"], phase, "phases", snap=False)
            change_row(self.rec, MODULES["phases"], self._phase_id(values.pop("phase")), values)
        inserted: list[int] = []
        for mod in MODULE_LIST:  # the registry lists a module after those it refers to
            for index, row in enumerate(rows.get(mod.key) or []):
                inserted.append(self._insert(mod, row, f"{mod.key}[{index}]"))
        return inserted

    def _insert(self, mod: Module, row: dict[str, Any], where: str,
                parent: tuple[str, int] | None = None) -> int:
        row = dict(row)
        local_key = row.pop("key", None)
        facts = row.pop("classification_facts", None) if mod.key == "ai_systems" else None
        children = {k: row.pop(k) for k in list(row) if k in MODULES and MODULES[k].parent == mod.key}
        values = self._values(mod, row, where)
        if parent:
            values[parent[0]] = parent[1]
        try:
            row_id = insert_row(self.rec, mod, values)
            if facts is not None:  # the AI Act questionnaire's answers, as reclassify_ai_system keeps them
                self.rec.update(mod.key, row_id, {"classification_facts": parse_facts(facts).to_dict()})
        except DomainError as exc:  # say which demo row failed, keep the domain's reason
            raise DemoContentError(f"demo content {where}: {exc}") from exc
        if local_key:
            known = self.ids.setdefault(mod.key, {})
            if local_key in known:
                raise DemoContentError(f"demo content {where}: key {local_key!r} is used twice")
            known[local_key] = row_id
        for child_key, child_rows in children.items():
            child = MODULES[child_key]
            ref = next(f.key for f in child.fields if f.ref == mod.key)
            for index, child_row in enumerate(child_rows):
                self._insert(child, child_row, f"{where}.{child_key}[{index}]", (ref, row_id))
        return row_id

    def _values(self, mod: Module, row: dict[str, Any], where: str, *, snap: bool = True) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, value in row.items():
            if not mod.has_field(key):
                raise DemoContentError(f"demo content {where}: {mod.key} has no field {key!r}")
            field = mod.field(key)
            if value is None:
                values[key] = None
            elif field.kind == FieldKind.DATE:
                values[key] = self._date(value, where, snap=snap)
            elif field.kind == FieldKind.REF:
                values[key] = self._id(field.ref or "", value, where)
            elif field.kind == FieldKind.REFS:
                values[key] = [self._id(field.ref or "", v, where) for v in value]
            else:
                values[key] = value
        source = values.get("source_id")
        if isinstance(source, str):  # an action's source row, named by its local key
            values["source_id"] = self._id(values.get("source_module") or "", source, where)
        return values

    def _date(self, offset: Any, where: str, *, snap: bool) -> dt.date:
        if isinstance(offset, bool) or not isinstance(offset, int):
            raise DemoContentError(f"demo content {where}: dates are days after the start, not {offset!r}")
        day = self.start + dt.timedelta(days=offset)
        if snap:  # meetings, deadlines and trainings fall on working days
            day -= dt.timedelta(days={5: 1, 6: -1}.get(day.weekday(), 0))
        return day

    def _id(self, module_key: str, local_key: Any, where: str) -> int:
        try:
            return self.ids[module_key][local_key]
        except KeyError:
            raise DemoContentError(
                f"demo content {where}: no {module_key} row with key {local_key!r} before this one") from None

    def _phase_id(self, code: str) -> int:
        t = table("phases")
        found = self.rec.conn.execute(select(t.c.id).where(t.c.phase == code)).scalar()
        if found is None:
            raise DemoContentError(f"demo content phases: no phase {code!r}")
        return found
