"""The engagement-wide search index (workspace/search.py): what a consultant typing finds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from caio_desktop.operations import ChangeSet, create_row, delete_rows, redo, undo, update_row
from caio_desktop.workspace.search import MARK_END, MARK_START, SearchIndex, match_expression, plain


def changed(change: ChangeSet) -> dict[str, set[int]]:
    """{table: ids} of a ChangeSet, as AppContext.notify tells the pages."""
    rows: dict[str, set[int]] = {}
    for row_change in change.changes:
        rows.setdefault(row_change.table, set()).update(row_change.row_ids)
    return rows


@pytest.fixture
def index(demo_workspace) -> Iterator[SearchIndex]:  # noqa: ANN001
    found = SearchIndex(demo_workspace)
    found.build()
    yield found
    found.close()


def titles(index: SearchIndex, text: str, module: str) -> list[str]:
    return [plain(hit.title) for group in index.search(text, modules=[module]) for hit in group.hits]


def test_accents_and_case_do_not_matter(index: SearchIndex) -> None:
    assert "Sécurité et robustesse" in titles(index, "securite", "principles")
    assert titles(index, "SECURITE", "principles") == titles(index, "sécurité", "principles")


def test_every_word_is_a_prefix_while_typing(index: SearchIndex) -> None:
    assert "ChatGPT (comptes personnels)" in titles(index, "chatg", "ai_systems")
    found = titles(index, "fuite donn", "risks")
    assert found[0] == "Fuite de données par les outils d'IA grand public"  # both words in the title first
    assert titles(index, "fuite donn gra", "risks") == found[:1]


def test_a_code_is_found_and_marked(index: SearchIndex) -> None:
    (group,) = index.search("R-011")
    assert group.module == "risks" and group.total == 1
    assert group.hits[0].code == f"{MARK_START}R-011{MARK_END}"
    assert plain(group.hits[0].title) == "Fuite de données par les outils d'IA grand public"


def test_results_are_grouped_by_module_with_their_totals(index: SearchIndex) -> None:
    groups = index.search("chatgpt")
    modules = [g.module for g in groups]
    assert {"ai_systems", "use_cases", "risks", "interviews"} <= set(modules)
    assert len(modules) == len(set(modules))  # one group per register
    from caio_desktop.domain.modules import MODULES

    order = list(MODULES)
    assert modules == sorted(modules, key=order.index)  # the sidebar's order
    for group in groups:
        assert group.total >= len(group.hits) > 0
        assert all(hit.module == group.module for hit in group.hits)


def test_the_limit_keeps_the_best_hits_and_the_whole_count(index: SearchIndex) -> None:
    (everything,) = index.search("R-0", modules=["risks"], limit=100)
    (few,) = index.search("R-0", modules=["risks"], limit=3)
    assert len(few.hits) == 3 and few.total == everything.total > 3


def test_the_snippet_shows_the_match_in_long_text(index: SearchIndex) -> None:
    (group,) = index.search("injection", modules=["principles"])
    assert f"{MARK_START}injection{MARK_END}" in group.hits[0].snippet


def test_maturity_ratings_are_found_by_their_dimension_name_in_either_language(demo_workspace, index) -> None:  # noqa: ANN001
    assert titles(index, "gouvernance donnees", "maturity_ratings") == ["Gouvernance des données"]
    assert titles(index, "data governance", "maturity_ratings") == ["Gouvernance des données"]
    english = SearchIndex(demo_workspace, lang="en")  # the title in the language people read
    assert titles(english, "gouvernance donnees", "maturity_ratings") == ["Data governance"]
    english.close()


def test_custom_attributes_are_searched(demo_workspace, index: SearchIndex) -> None:  # noqa: ANN001
    change = create_row(demo_workspace, "risks", {
        "code": "R-900", "title": "Dérive du modèle", "likelihood": 2, "impact": 3,
        "custom": {"Référence client": "Dossier Zéphyrin-42"}})
    index.refresh(changed(change))
    (group,) = index.search("zephyrin")
    assert [plain(hit.code) for hit in group.hits] == ["R-900"]
    assert "Zéphyrin" in plain(group.hits[0].snippet)


def test_an_edit_an_undo_and_a_redo_are_followed(demo_workspace, index: SearchIndex) -> None:  # noqa: ANN001
    (group,) = index.search("R-011")
    row_id = group.hits[0].row_id
    change = update_row(demo_workspace, "risks", row_id, {"title": "Exfiltration par messagerie"})
    index.refresh(changed(change))
    assert titles(index, "exfiltration", "risks") == ["Exfiltration par messagerie"]
    assert titles(index, "fuite donnees grand", "risks") == []
    undo(demo_workspace, change)
    index.refresh(changed(change))
    assert titles(index, "exfiltration", "risks") == []
    assert titles(index, "fuite donnees grand", "risks") == ["Fuite de données par les outils d'IA grand public"]
    redo(demo_workspace, change)
    index.refresh(changed(change))
    assert titles(index, "exfiltration", "risks") == ["Exfiltration par messagerie"]


def test_a_deleted_row_is_no_longer_found(demo_workspace, index: SearchIndex) -> None:  # noqa: ANN001
    (group,) = index.search("R-011")
    change = delete_rows(demo_workspace, "risks", [group.hits[0].row_id])
    index.refresh(changed(change))
    assert index.search("R-011") == []


def test_a_rebuild_catches_up_with_changes_it_was_not_told(demo_workspace, index: SearchIndex) -> None:  # noqa: ANN001
    create_row(demo_workspace, "watch", {"title": "Norme Zorglub publiée"})
    assert titles(index, "zorglub", "watch") == []
    index.rebuild(["watch"])
    assert titles(index, "zorglub", "watch") == ["Norme Zorglub publiée"]


def test_nothing_typed_finds_nothing_and_no_input_is_a_syntax_error(index: SearchIndex) -> None:
    assert index.search("") == [] and index.search("  -- ") == []
    for text in ('"', 'NEAR(a b)', "a OR", "*", "risque AND \"x", "col:val"):
        index.search(text)  # no FTS5 syntax error
    assert match_expression('dit "non"') == '"dit"* """non"""*'


def test_an_unbuilt_index_builds_at_the_first_search(demo_workspace) -> None:  # noqa: ANN001
    index = SearchIndex(demo_workspace)
    assert not index.built
    assert titles(index, "chatgpt", "ai_systems")
    assert index.built
    index.close()
