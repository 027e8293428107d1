"""`caio survey form | import | results`: forms written, filled ones imported one line per file
(exit 2 when some file was refused, the rest imported), results as text and JSON."""

from __future__ import annotations

import json
import statistics

import openpyxl

from caio_desktop.cli import main
from tests.interchange.surveys.fill import fill


def test_form_import_results_round_trip(workspace_file, tmp_path, capsys):
    form = tmp_path / "maturite.xlsx"
    assert main(["survey", "form", str(workspace_file), str(form), "--kind", "maturity", "--lang", "fr",
                 "--campaign", "Vague 1", "--dimensions", "ai_vision,data_quality", "--invited", "10"]) == 0
    assert capsys.readouterr().out.strip() == f"{form}: 2 questions, campaign 'Vague 1'"
    assert "Réponses" in openpyxl.load_workbook(form).sheetnames
    levels = [1, 2, 4, 4, 5, 3]
    files = [fill(form, tmp_path / f"r{i}.xlsx", answers={"ai_vision": level, "data_quality": 3}, department="DSI",
                  name=f"Personne {i}") for i, level in enumerate(levels)]
    broken = fill(form, tmp_path / "bad.xlsx", answers={"ai_vision": 9})
    code = main(["survey", "import", str(workspace_file), *map(str, files), str(broken), "--campaign", "Vague 1"])
    out = capsys.readouterr().out.splitlines()
    assert code == 2
    assert out[:6] == [f"r{i}.xlsx: imported" for i in range(6)]
    assert out[6].startswith("bad.xlsx: has answers out of range, nothing imported from it: ai_vision (row 8): "
                             "'9' is not a level from 1 to 5")
    assert out[7] == "6 of 7 forms imported"
    assert main(["survey", "results", str(workspace_file), "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["respondents"] == 6 and result["response_rate"] == 60.0
    vision = next(r for r in result["rows"] if r["key"] == "ai_vision")
    assert vision["n"] == 6 and vision["mean"] == round(statistics.fmean(levels), 4)
    assert vision["median"] == statistics.median(levels) and vision["sd"] == round(statistics.stdev(levels), 4)
    assert (vision["min"], vision["max"]) == (1, 5)
    assert result["by_department"]["groups"][0]["group"] == "DSI"
    assert main(["survey", "results", str(workspace_file)]) == 0
    text = capsys.readouterr().out
    assert "Vague 1 (maturity): 6 respondents, 60% of 10 invited" in text and "Vision et ambition IA" in text


def test_errors_are_one_line(workspace_file, tmp_path, capsys):
    assert main(["survey", "import", str(workspace_file), str(tmp_path / "x.xlsx"), "--campaign", "Nope"]) == 1
    assert capsys.readouterr().err.strip() == "caio: error: there is no survey campaign 'Nope' in this workspace"
    assert main(["survey", "form", str(workspace_file), str(tmp_path / "f.xlsx"), "--kind", "usage",
                 "--dimensions", "ai_vision"]) == 1
    assert "--dimensions applies to a maturity form only" in capsys.readouterr().err
    assert main(["survey", "form", str(workspace_file), str(tmp_path / "f.xlsx"), "--kind", "maturity",
                 "--dimensions", "nope"]) == 1
    assert capsys.readouterr().err.strip() == "caio: error: unknown maturity dimension(s): nope"
    assert main(["survey", "results", str(workspace_file)]) == 0
    assert capsys.readouterr().out.strip() == "no survey campaign yet"


def test_a_missing_form_is_a_line_of_its_own(workspace_file, tmp_path, capsys):
    main(["survey", "form", str(workspace_file), str(tmp_path / "u.xlsx"), "--kind", "usage", "--anonymous"])
    capsys.readouterr()
    assert main(["survey", "import", str(workspace_file), str(tmp_path / "absent.xlsx")]) == 2
    assert capsys.readouterr().out.splitlines()[0] == "absent.xlsx: does not exist"


def test_a_form_into_a_missing_folder_opens_no_campaign(workspace_file, tmp_path, capsys):
    assert main(["survey", "form", str(workspace_file), str(tmp_path / "nope" / "f.xlsx"), "--kind", "usage"]) == 1
    assert "the folder does not exist" in capsys.readouterr().err
    assert main(["survey", "results", str(workspace_file)]) == 0
    assert capsys.readouterr().out.strip() == "no survey campaign yet"
