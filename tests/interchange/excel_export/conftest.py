"""An engagement with known rows in the registers the export tests look at, and helpers to read an
exported sheet back as a person sees it (header → value)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from caio_desktop.interchange.excel_export import export_workbook
from caio_desktop.operations import create_row
from caio_desktop.operations.diagnosis import rate_dimension
from caio_desktop.operations.rows import update_engagement
from caio_desktop.reference.maturity import load_maturity_model

EXPORT_DAY = dt.date(2026, 3, 16)
ACCENT = "#7A1F5C"


@pytest.fixture
def register_workspace(workspace: Any) -> Any:
    """The empty French engagement with a brand colour, linked rows, custom attributes and ratings."""
    update_engagement(workspace, {"primary_color": ACCENT})
    system = create_row(workspace, "ai_systems", {
        "name": "Chatbot RH", "vendor": "Mistral AI", "status": "production", "shadow_ai": True,
        "personal_data": False, "ai_act_tier": "limited"}).row_ids[0]
    objectives = [create_row(workspace, "objectives", {"title": t}).row_ids[0]
                  for t in ("Réduire les délais", "Fiabiliser la tarification")]
    use_case = create_row(workspace, "use_cases", {
        "title": "Tri des CV", "business_value": 4, "strategic_alignment": 4, "data_readiness": 3,
        "technical_complexity": 2, "cost": 2, "risk": 2, "objective_ids": objectives,
        "ai_system_id": system}).row_ids[0]
    create_row(workspace, "risks", {
        "title": "Biais du modèle de tarification", "category": "ai_ethics", "likelihood": 4, "impact": 5,
        "residual_likelihood": 2, "residual_impact": 2, "treatment": "mitigate", "status": "open",
        "review_date": dt.date(2026, 6, 30), "ai_system_id": system, "use_case_id": use_case,
        "description": "Données d'entraînement\nnon représentatives 🚀",
        "custom": {"Zone": "Nord", "Réf. client": "=SUM(A1:A9)"}})
    create_row(workspace, "risks", {
        "title": "Fuite de données via le chatbot", "likelihood": 1, "impact": 1, "status": "closed",
        "custom": {"Zone": "Sud"}})
    create_row(workspace, "risks", {"title": "-Prompt injection", "likelihood": 3, "impact": 4,
                                    "residual_likelihood": 2, "residual_impact": 4})
    assessment = create_row(workspace, "maturity", {"title": "Diagnostic initial",
                                                    "assessed_on": dt.date(2026, 2, 1)}).row_ids[0]
    model = load_maturity_model()
    first, second = model.pillars[0].dimensions[:2]
    rate_dimension(workspace, assessment, first.key, current_level=2, target_level=4)
    rate_dimension(workspace, assessment, second.key, current_level=3, target_level=4)
    return workspace


def export(workspace: Any, path: Path, **options: Any) -> openpyxl.Workbook:
    """Export and reopen the workbook (formatting included)."""
    export_workbook(workspace, path, as_of=EXPORT_DAY, **options)
    return openpyxl.load_workbook(path)


@pytest.fixture
def exported_fr(register_workspace: Any, tmp_path: Path) -> Iterator[openpyxl.Workbook]:
    yield export(register_workspace, tmp_path / "mission.xlsx")


@pytest.fixture
def exported_en(register_workspace: Any, tmp_path: Path) -> Iterator[openpyxl.Workbook]:
    yield export(register_workspace, tmp_path / "mission-en.xlsx", lang="en")


def headers(ws: Any) -> list[str]:
    return [c.value for c in ws[1]]


def records(ws: Any) -> list[dict[str, Any]]:
    """The data rows of a register sheet as {header: cell}."""
    names = headers(ws)
    return [dict(zip(names, row, strict=False)) for row in ws.iter_rows(min_row=2)]


def column_letter(ws: Any, header: str) -> str:
    return ws.cell(row=1, column=headers(ws).index(header) + 1).column_letter
