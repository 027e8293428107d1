"""`caio attach / attachments / detach / evidence-pack` on an engagement shared on a PostgreSQL server,
through its address (`postgresql://…?engagement=KEY`): the tests of tests/evidence/test_cli_and_pack.py,
unchanged, with the engagement's address where they take a file (issues 18 and 19)."""

from __future__ import annotations

from typing import Any

import pytest

from caio_desktop.cli import main
from tests.evidence.test_cli_and_pack import (  # noqa: F401  (collected here, on the server)
    fill_checklist,
    test_attach_list_detach,
    test_the_pack_lists_every_requirement_and_its_files,
    test_the_pack_of_one_framework_and_its_pdf_text,
)

# Left in tests/evidence: test_attach_refusals attaches the workspace file itself, and
# test_a_damaged_file_fails_the_pack_and_leaves_nothing tampers with the file's pages.


@pytest.fixture
def checklist(team_workspace: Any, team_url: str) -> tuple[str, list[int]]:
    """The engagement's address, with the checklist's requirements and risk on it."""
    return team_url, fill_checklist(team_workspace)


def test_refusals_through_the_address(checklist: tuple[str, list[int]], capsys: pytest.CaptureFixture[str]) -> None:
    url, ids = checklist
    assert main(["attach", url, "compliance:999", __file__]) == 1
    assert "no row 999" in capsys.readouterr().err
    assert main(["detach", url, "42"]) == 1
    assert "no attachment 42" in capsys.readouterr().err
