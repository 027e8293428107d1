"""The exported workbook as a whole: sheet order and names, language, progress and cancellation, and a
failed export leaving nothing behind."""

from __future__ import annotations

import os
import stat

import openpyxl
import pytest
from openpyxl.worksheet import _writer as openpyxl_writer

from caio_desktop.domain.modules import MODULES
from caio_desktop.interchange.excel_export import ExportCancelled, export_workbook
from caio_desktop.interchange.excel_export import workbook as workbook_module
from caio_desktop.workspace.queries import counts


def test_sheets_cover_summaries_then_one_per_module_in_registry_order(exported_fr, exported_en):
    names = exported_fr.sheetnames
    assert names[:3] == ["Couverture", "Carte des risques", "Synthèse maturité"]
    assert names[3:3 + len(MODULES)] == [m.fr for m in MODULES.values()]
    assert names[-1] == "Listes"
    assert exported_en.sheetnames[:4] == ["Cover", "Risk heat map", "Maturity summary", "Engagement"]
    assert all(len(n) <= 31 for n in names)
    assert len({n.casefold() for n in names}) == len(names)


def test_language_defaults_to_the_engagements(register_workspace, tmp_path):
    export_workbook(register_workspace, tmp_path / "x.xlsx")
    assert "Risques" in openpyxl.load_workbook(tmp_path / "x.xlsx", read_only=True).sheetnames


def test_unknown_language_is_refused_before_writing(register_workspace, out_dir):
    with pytest.raises(ValueError, match="fr or en"):
        export_workbook(register_workspace, out_dir / "x.xlsx", lang="de")
    assert list(out_dir.iterdir()) == []


def test_register_rows_match_the_workspace_counts(exported_fr, register_workspace):
    rows = counts(register_workspace)
    for key, mod in MODULES.items():
        assert exported_fr[mod.fr].max_row - 1 == rows[key], key


def test_file_is_readable_by_its_owner_only(register_workspace, tmp_path):
    out = export_workbook(register_workspace, tmp_path / "mission.xlsx")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_progress_counts_every_row_up_to_the_total(register_workspace, tmp_path):
    calls = []
    export_workbook(register_workspace, tmp_path / "x.xlsx", progress=lambda d, t: calls.append((d, t)) or True)
    total = sum(counts(register_workspace).values())
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _temp_files() -> set[str]:
    return set(openpyxl_writer.ALL_TEMP_FILES)


def test_cancel_leaves_no_file_and_keeps_the_previous_export(register_workspace, out_dir):
    out = out_dir / "mission.xlsx"
    out.write_bytes(b"previous export")
    before = _temp_files()
    with pytest.raises(ExportCancelled):
        export_workbook(register_workspace, out, progress=lambda done, total: done < 5)
    assert [p.name for p in out_dir.iterdir()] == ["mission.xlsx"]
    assert out.read_bytes() == b"previous export"
    assert not [p for p in _temp_files() - before if os.path.exists(p)]  # openpyxl's streams too


def test_an_error_half_way_leaves_no_file(register_workspace, out_dir, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workbook_module, "write_maturity_summary", broken)
    with pytest.raises(OSError, match="No space left"):
        export_workbook(register_workspace, out_dir / "mission.xlsx")
    assert list(out_dir.iterdir()) == []


def test_missing_folder_is_a_clear_error(register_workspace, tmp_path):
    with pytest.raises(FileNotFoundError, match="folder does not exist"):
        export_workbook(register_workspace, tmp_path / "nowhere" / "mission.xlsx")
