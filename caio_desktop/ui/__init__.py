"""The Qt desktop application: main window, pages, Qt item models, charts and dialogs.

Thin by design: pages read through `caio_desktop.workspace.queries` and write through
`caio_desktop.operations`, pushing each resulting ChangeSet onto the one undo stack (`AppContext`).
"""
