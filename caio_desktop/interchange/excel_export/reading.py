"""What the export reads from the workspace: rows page by page, labels of referenced rows, and the names
of the custom attributes a register uses. Memory stays bounded by a page, whatever the register's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select, text

from caio_desktop.domain.fields import FieldKind
from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.workbook_layout import ref_label
from caio_desktop.workspace.models import MODELS
from caio_desktop.workspace.queries import Row, fetch_rows, get_row

PAGE_SIZE = 2000


def _page_after(workspace: Any, module_key: str, last_id: int, page_size: int) -> list[Row]:
    """The next rows after `last_id`, with the columns the export shows only (keyset paging stays as
    fast on the last page of a large register as on the first)."""
    mod = MODULES[module_key]
    t = MODELS[module_key].__table__
    columns = [t.c.id, t.c.custom, *(t.c[f.key] for f in mod.fields)]
    query = select(*columns).where(t.c.id > last_id).order_by(t.c.id).limit(page_size)
    with workspace.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def iter_rows(workspace: Any, module_key: str, *, page_size: int = PAGE_SIZE) -> Iterator[list[Row]]:
    """The rows of a module in id order, one page at a time (REFS fields filled in)."""
    # Registers with link lists (use cases, initiatives: small ones) go through fetch_rows, which
    # fills the lists; the others are read by id ranges.
    linked = any(f.kind == FieldKind.REFS for f in MODULES[module_key].fields)
    offset = last_id = 0
    while True:
        if linked:
            page = fetch_rows(workspace, module_key, offset=offset, limit=page_size)
        else:
            page = _page_after(workspace, module_key, last_id, page_size)
        size = len(page)
        if not size:
            return
        last_id = page[-1]["id"]
        yield page
        del page  # let the caller's page go before the next one is read: one page in memory, not two
        if size < page_size:
            return
        offset += size


class RefLabels:
    """id → label of the rows other rows refer to, loaded once per referenced module, when first needed."""

    def __init__(self, workspace: Any) -> None:
        self._workspace = workspace
        self._cache: dict[str, dict[int, str]] = {}

    def of(self, module_key: str) -> dict[int, str]:
        if module_key not in self._cache:
            mod = MODULES[module_key]
            t = MODELS[module_key].__table__
            columns = [t.c.id, t.c[mod.title_field]] + ([t.c[mod.code_field]] if mod.code_field else [])
            with self._workspace.engine.connect() as conn:
                self._cache[module_key] = {
                    r["id"]: ref_label(mod, dict(r)) for r in conn.execute(select(*columns)).mappings()}
        return self._cache[module_key]

    def label(self, module_key: str, row_id: int | None) -> str | None:
        if row_id is None:
            return None
        return self.of(module_key).get(row_id, f"#{row_id}")


def custom_attribute_names(workspace: Any, module_key: str) -> list[str]:
    """Every custom attribute name used by a module's rows, in the order they first appear (the
    client's column order), computed by SQLite so that no row is loaded."""
    name = MODELS[module_key].__tablename__  # a registry name, never user input
    if workspace.engine.dialect.name == "postgresql":  # (team mode: the same query in PostgreSQL's words)
        first = text(f'SELECT a.key, MIN(t.id) FROM "{name}" AS t, json_object_keys(CASE WHEN '
                     "json_typeof(t.custom) = 'object' THEN t.custom ELSE '{}' END) AS a(key) GROUP BY a.key")
    else:
        first = text(f'SELECT a.key, MIN(t.id) FROM "{name}" AS t, json_each(t.custom) AS a '
                     "WHERE json_valid(t.custom) GROUP BY a.key")
    with workspace.engine.connect() as conn:
        first_rows = conn.execute(first).all()
    order: dict[str, tuple[int, int]] = {}
    custom_of: dict[int, list[str]] = {}
    for key, row_id in first_rows:
        if row_id not in custom_of:
            custom_of[row_id] = list((get_row(workspace, module_key, row_id) or {}).get("custom") or {})
        names = custom_of[row_id]
        order[key] = (row_id, names.index(key) if key in names else len(names))
    return sorted(order, key=order.__getitem__)
