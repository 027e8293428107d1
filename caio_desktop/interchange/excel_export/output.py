"""A write-only workbook that lands at its destination whole, or leaves nothing anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from openpyxl import Workbook

from caio_desktop.interchange.atomic_file import atomic_output
from caio_desktop.interchange.workbook_layout import EXPORT_KEYWORD


def discard(workbook: Workbook) -> None:
    """Remove the temporary files openpyxl's write-only sheets stream to (they hold client data)."""
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        rows = getattr(ws, "_rows", None)  # the row stream first: it still has tags to close
        if rows is not None:
            with suppress(Exception):
                rows.close()
        with suppress(Exception):
            writer.close()
        with suppress(Exception):
            writer.cleanup()


@contextmanager
def workbook_output(out_path: Path) -> Iterator[Workbook]:
    """Yield a write-only workbook; when the block ends normally it is saved to `out_path` (atomically,
    owner-only); on any error or cancellation neither the file nor openpyxl's temporary files remain."""
    with atomic_output(out_path) as tmp:
        workbook = Workbook(write_only=True)
        workbook.properties.creator = "CAIO Desktop"
        workbook.properties.keywords = EXPORT_KEYWORD
        try:
            yield workbook
            workbook.save(tmp)
        except BaseException:
            discard(workbook)
            raise
