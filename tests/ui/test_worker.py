"""Long work off the GUI thread: the result comes back on the GUI thread; Cancel stops the work."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from caio_desktop.ui.worker import run_in_background


def test_result_and_progress_come_back(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    main_thread = threading.get_ident()

    def work(progress):  # noqa: ANN001, ANN202
        progress(50, "half")
        return threading.get_ident()

    job = run_in_background(parent, "Export", work, lambda result: results.append(result))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0] != main_thread
    job.wait()


def test_cancel_stops_the_work_without_calling_on_done(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[object] = []
    steps: list[int] = []
    started = threading.Event()

    def work(progress):  # noqa: ANN001, ANN202
        for i in range(200):
            progress(i // 2)
            steps.append(i)
            started.set()
            time.sleep(0.01)
        return "finished"

    job = run_in_background(parent, "Export", work, done.append)
    started.wait(5)
    parent.findChild(QProgressDialog).findChild(QPushButton).click()  # the person clicks Cancel
    qtbot.waitUntil(job.isFinished, timeout=5000)
    qtbot.wait(50)
    assert not done and len(steps) < 200


def test_errors_reach_on_error(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []

    def work(progress):  # noqa: ANN001, ANN202
        raise ValueError("the sheet has no header row")

    run_in_background(parent, "Import", work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "the sheet has no header row"
