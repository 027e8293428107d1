"""The Qt desktop application: main window, pages, Qt item models, charts and dialogs.

Thin by design: pages read through `caio_desktop.workspace.queries` and write through
`caio_desktop.operations`, pushing each resulting ChangeSet onto the one undo stack (`AppContext`).

PySide6-Essentials is capped below 6.12 in pyproject.toml: 6.12.0 drops references to `True` (on
`emit()`) and `None` (on every void method) and aborts Python 3.11 within seconds of painting.
"""
