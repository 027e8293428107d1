"""Import and export tests on both engines, imported unchanged from their modules: imports of sheets
(plan and apply), the workbook export read back cell by cell, the export → import → export round trip
and the risk register deliverable."""

from tests.interchange.deliverables.test_risks import *  # noqa: F403
from tests.interchange.excel_export.conftest import *  # noqa: F403
from tests.interchange.excel_export.test_reading import *  # noqa: F403
from tests.interchange.importing.conftest import *  # noqa: F403
from tests.interchange.importing.test_apply import *  # noqa: F403
from tests.interchange.importing.test_plan import *  # noqa: F403
from tests.interchange.test_excel_roundtrip import *  # noqa: F403
