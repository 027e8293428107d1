"""Progress reports are spaced, reach the total once, and a False answer cancels."""

from __future__ import annotations

import pytest

from caio_desktop.interchange.excel_export.progress import ExportCancelled, Progress


def test_reports_are_spaced_by_the_step_and_end_on_the_total():
    calls = []
    progress = Progress(lambda d, t: calls.append(d) or True, 5000, step=2000)
    progress.report()
    for _ in range(10):
        progress.advance(500)
        progress.checkpoint() if _ == 4 else None
    assert calls == [0, 2000, 2500, 4500, 5000]
    progress.checkpoint()
    assert calls[-1] == 5000 and calls.count(5000) == 1


def test_false_cancels_none_does_not():
    Progress(lambda d, t: None, 10).report()
    with pytest.raises(ExportCancelled, match="no file was written"):
        Progress(lambda d, t: False, 10).report()
