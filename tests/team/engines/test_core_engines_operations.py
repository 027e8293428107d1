"""The workspace and operations tests (create, edit, delete, undo and redo rows in several modules;
the reads of workspace/queries.py) on both engines. Imported unchanged from their modules; the two
recorder tests that read the SQLite file itself stay file-only."""

from tests.operations.test_recorder import *  # noqa: F403
from tests.operations.test_rows import *  # noqa: F403
from tests.workspace.test_queries import *  # noqa: F403

# What they check is SQLite's own storage (typeof(), sqlite_master): file-only.
del test_bulk_insert_stores_values_shared_by_every_row_exactly  # noqa: F821
del test_a_large_bulk_load_rebuilds_the_plain_indexes_as_they_were  # noqa: F821
