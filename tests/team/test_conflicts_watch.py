"""Seeing others' changes (issue 19): the watch of one session reports what another session committed
— rows per register, the owner of a changed link, whole registers after an import, who — and never
its own changes."""

from __future__ import annotations

import pytest

from caio_desktop.operations import create_row, delete_rows, update_row
from caio_desktop.operations.changes import ChangeSet
from caio_desktop.operations.history import run_recorded
from caio_desktop.team.watch import ChangeWatch, EveryRow
from caio_desktop.team.workspace import TeamWorkspace


@pytest.fixture
def two_sessions(pg_server, team_url):
    TeamWorkspace.create(team_url, client="Assurances du Rhône", language="fr").close()
    anne = TeamWorkspace.open(team_url, author="Anne Martin")
    bruno = TeamWorkspace.open(team_url, author="Bruno Petit")
    yield anne, bruno
    anne.close()
    bruno.close()


def test_another_sessions_edits_are_seen_with_their_author(two_sessions) -> None:
    anne, bruno = two_sessions
    watch = ChangeWatch(bruno)
    assert watch.poll() is None
    risk = create_row(anne, "risks", {"title": "Biais", "likelihood": 3, "impact": 4}).row_ids[0]
    seen = watch.poll()
    assert seen.rows == {"risks": {risk}} and seen.authors == ["Anne Martin"]
    assert watch.poll() is None  # seen once
    update_row(anne, "risks", risk, {"impact": 2})
    delete_rows(anne, "risks", [risk])
    assert watch.poll().rows_changed() == {"risks": frozenset({risk})}


def test_a_sessions_own_changes_are_not_reported(two_sessions) -> None:
    anne, _bruno = two_sessions
    watch = ChangeWatch(anne)
    create_row(anne, "risks", {"title": "Biais", "likelihood": 3, "impact": 4})
    assert watch.poll() is None


def test_a_changed_link_names_its_owner(two_sessions) -> None:
    anne, bruno = two_sessions
    use_case = create_row(anne, "use_cases", {"title": "Tri des sinistres"}).row_ids[0]
    initiative = create_row(anne, "initiatives", {"title": "Industrialiser"}).row_ids[0]
    watch = ChangeWatch(bruno)
    update_row(anne, "initiatives", initiative, {"use_case_ids": [use_case]})
    assert initiative in watch.poll().rows["initiatives"]
    update_row(anne, "initiatives", initiative, {"use_case_ids": []})
    assert initiative in watch.poll().rows["initiatives"]


def test_a_bulk_insert_reloads_the_whole_register(two_sessions) -> None:
    anne, bruno = two_sessions
    watch = ChangeWatch(bruno)
    rows = [{"code": f"R-{i:03}", "title": f"Risque {i}", "likelihood": 2, "impact": 2} for i in range(3)]
    run_recorded(anne, ChangeSet("import", "risks", "3"), lambda rec: rec.insert_many("risks", rows))
    seen = watch.poll()
    assert isinstance(seen.rows_changed()["risks"], EveryRow) and "risks" in seen.tables


def test_a_file_opened_read_only_sees_the_writers_changes(workspace_file) -> None:
    from caio_desktop.workspace.workspace import Workspace

    with Workspace.open(workspace_file, author="Camille") as writer, \
            Workspace.open(workspace_file, read_only=True) as reader:
        watch = ChangeWatch(reader)
        risk = create_row(writer, "risks", {"title": "Fuite", "likelihood": 1, "impact": 1}).row_ids[0]
        seen = watch.poll()
        assert seen.rows == {"risks": {risk}} and seen.authors == ["Camille"]


def test_far_behind_the_tables_named_are_read_whole(two_sessions, monkeypatch) -> None:
    from caio_desktop.team import watch as watch_module

    anne, bruno = two_sessions
    watch = ChangeWatch(bruno)
    monkeypatch.setattr(watch_module, "_LIMIT", 2)  # (5,000 entries in real life)
    for title in ("Biais", "Fuite", "Dérive"):
        create_row(anne, "risks", {"title": title, "likelihood": 1, "impact": 1})
    create_row(anne, "ai_systems", {"name": "Tri des sinistres"})
    seen = watch.poll()
    assert {"risks", "ai_systems"} <= seen.whole
    assert isinstance(seen.rows_changed()["ai_systems"], EveryRow)
    assert watch.poll() is None  # everything up to now counted as seen
