"""How imported rows find existing ones."""

from __future__ import annotations

from caio_desktop.interchange.importing.matching import existing_keys, match_key, targets
from caio_desktop.operations import create_row


def test_references_resolve_by_code_or_title_folded(workspace) -> None:
    create_row(workspace, "risks", {"title": "Fuite de données", "likelihood": 2, "impact": 3})
    create_row(workspace, "risks", {"title": "Biais", "likelihood": 2, "impact": 3, "code": "R-BIAS"})
    found = targets(workspace, "risks")
    assert found["fuite de donnees"] == 1 and found["r 001"] == 1
    assert found["r bias"] == 2 and found["biais"] == 2


def test_re_import_keys_prefer_the_code_and_ignore_case_and_spacing(workspace) -> None:
    create_row(workspace, "risks", {"title": "Fuite  de Données", "likelihood": 2, "impact": 3})
    create_row(workspace, "risks", {"title": "fuite de données", "likelihood": 1, "impact": 1})
    assert match_key("risks", {"code": "R-001", "title": "Autre"}) == ("code", "r-001")
    assert match_key("risks", {"code": None, "title": " FUITE de  données "}) == ("title", "fuite de données")
    assert match_key("use_cases", {"title": ""}) is None
    with workspace.engine.connect() as conn:
        keys = existing_keys(conn, "risks")
    assert keys[("title", "fuite de données")] == [1, 2] and keys[("code", "r-002")] == [2]
