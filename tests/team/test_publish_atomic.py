"""All or nothing, on the throw-away server: a first publish that fails half-way leaves no engagement and
the file unlinked; a checkout that fails leaves no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from caio_desktop.operations.rows import create_row
from caio_desktop.team.checkout import checkout, read_record
from caio_desktop.team.publish import publish
from caio_desktop.workspace import Workspace


def stop_at(table_name: str):  # noqa: ANN201
    """A progress callback that fails as `table_name` starts being copied (a network cut, a full disk)."""
    def progress(done: int, total: int, table: str) -> None:
        if table == table_name:
            raise ConnectionError(f"cut while copying {table}")
    return progress


@pytest.fixture
def filled(workspace_file: Path) -> Path:
    with Workspace.open(workspace_file) as ws:
        create_row(ws, "risks", {"code": "R-001", "title": "Biais du scoring", "likelihood": 3, "impact": 4})
    return workspace_file


def test_a_first_publish_cut_half_way_leaves_no_engagement(pg_server, filled: Path):
    from caio_desktop.team.address import TeamAddress

    url = pg_server.url()
    with pytest.raises(ConnectionError):
        publish(filled, url, progress=stop_at("risks"))
    schema = TeamAddress.parse(url).schema
    assert pg_server.execute(f"SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'") == [(0,)]
    with Workspace.open(filled) as ws, ws.engine.connect() as conn:
        assert read_record(conn) is None  # still a plain file: its next publish is a first one
    assert publish(filled, url).first


def test_a_checkout_cut_half_way_leaves_no_file(pg_server, filled: Path, tmp_path: Path):
    url = pg_server.url()
    publish(filled, url)
    target = tmp_path / "train.caio"
    with pytest.raises(ConnectionError):
        checkout(url, target, progress=stop_at("risks"))
    assert not target.exists() and not (tmp_path / "train.snapshots").exists()
    assert checkout(url, target) == target


def test_a_checkout_of_a_key_nobody_published_names_the_keys_there(pg_server, filled: Path, tmp_path: Path):
    from caio_desktop.team.errors import EngagementNotFoundError

    with pytest.raises(EngagementNotFoundError):
        checkout(pg_server.url(pg_server.new_key("absent")), tmp_path / "x.caio")
    assert not (tmp_path / "x.caio").exists()


def test_an_engagement_made_on_the_server_checks_out_and_merges_back(team_workspace, team_url: str,
                                                                     tmp_path: Path):
    """Created in the app on the server (no first publish gave it an identity): two consultants take it
    offline, both publish; the second is recognised by where it comes from."""
    from caio_desktop.operations.rows import update_row
    from tests.team.test_publish import risks

    risk_id = create_row(team_workspace, "risks", {"code": "R-001", "title": "Biais du scoring",
                                                   "likelihood": 3, "impact": 4}).row_ids[0]
    anne, paul = checkout(team_url, tmp_path / "anne.caio"), checkout(team_url, tmp_path / "paul.caio")
    for path, values in ((anne, {"owner": "Anne Martin"}), (paul, {"impact": 2})):
        with Workspace.open(path) as ws:
            update_row(ws, "risks", risk_id, values)
    assert not publish(anne, team_url).first
    assert publish(paul, team_url).plan.conflicts == []
    found = risks(team_workspace)["R-001"]
    assert (found["owner"], found["impact"], found["level"]) == ("Anne Martin", 2, "medium")
