"""`caio search`: the engagement searched headless, as the app's search box does."""

from __future__ import annotations

import json

import pytest

from caio_desktop.cli import main


def test_hits_grouped_by_register_with_matches_marked(demo_file, capsys) -> None:  # noqa: ANN001
    assert main(["search", str(demo_file), "chatgpt"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Systèmes d'IA — 1" in out
    assert "  [ChatGPT] (comptes personnels)" in out
    assert "Risques — 1" in out and "  R-011 — Fuite de données par les outils d'IA grand public" in out


def test_accents_prefixes_one_module_and_json(demo_file, capsys) -> None:  # noqa: ANN001
    assert main(["search", str(demo_file), "securite", "--module", "principles", "--json"]) == 0
    (group,) = json.loads(capsys.readouterr().out)
    assert group["module"] == "principles"
    assert "Sécurité et robustesse" in [hit["title"] for hit in group["hits"]]


def test_the_limit_says_how_many_more(demo_file, capsys) -> None:  # noqa: ANN001
    assert main(["search", str(demo_file), "R-0", "--limit", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Risques — 30 (first 2 of 30)")
    assert len([line for line in out if line.startswith("  [R-0")]) == 2  # the code matched, marked


def test_nothing_found_exits_1(demo_file, capsys) -> None:  # noqa: ANN001
    assert main(["search", str(demo_file), "xyzzyq"]) == 1
    assert capsys.readouterr().out == "nothing matches 'xyzzyq'\n"


def test_an_unknown_module_is_a_clear_error(demo_file, capsys) -> None:  # noqa: ANN001
    code = main(["search", str(demo_file), "x", "--module", "riskz"])
    assert code != 0
    assert "unknown module 'riskz'" in capsys.readouterr().err


def test_the_file_is_only_read(demo_file) -> None:  # noqa: ANN001
    before = demo_file.read_bytes()
    main(["search", str(demo_file), "chatgpt"])
    assert demo_file.read_bytes() == before
    with pytest.raises(SystemExit):
        main(["search", str(demo_file)])  # the text is required
