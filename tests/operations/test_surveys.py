"""Usage answers as candidate AI systems: one inventory row per tool however respondents spell it,
flagged "found by survey", never duplicated by a second import, a consultant's own row left theirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from caio_desktop.domain.surveys import ToolNames
from caio_desktop.interchange.surveys.form import generate_form
from caio_desktop.interchange.surveys.importing import import_forms
from caio_desktop.operations import undo
from caio_desktop.operations.rows import create_row
from caio_desktop.operations.surveys import open_campaign, set_invited
from caio_desktop.reference.ai_usage_survey import load_usage_survey
from caio_desktop.workspace import surveys as survey_reads
from caio_desktop.workspace.queries import fetch_rows
from tests.interchange.surveys.fill import fill

# What staff really write in a free-text "tool" cell, and the tool each one is.
VARIANTS = [
    ("Chat GPT", "ChatGPT"), ("chatgpt", "ChatGPT"), ("ChatGPT Plus", "ChatGPT"), ("ChatGPT (perso)", "ChatGPT"),
    ("chat-gpt", "ChatGPT"), ("Chatgtp", "ChatGPT"), ("GPT-4", "ChatGPT"), ("Copilot", "Microsoft Copilot"),
    ("Microsoft 365 Copilot", "Microsoft Copilot"), ("M365 copilot", "Microsoft Copilot"),
    ("GitHub Copilot", "GitHub Copilot"), ("Deepl", "DeepL"), ("DeepL Pro", "DeepL"), ("Gemini", "Google Gemini"),
    ("Bard", "Google Gemini"), ("Le Chat Mistral", "Le Chat (Mistral AI)"), ("Claude.ai", "Claude"),
    ("Outil interne Sinistra", "Outil interne Sinistra"), ("outil  interne SINISTRA", "Outil interne Sinistra"),
]


@pytest.mark.parametrize(("spelling", "tool"), VARIANTS)
def test_spellings_people_use_name_one_tool(spelling: str, tool: str) -> None:
    names = ToolNames((t.name, t.vendor, t.aliases) for t in load_usage_survey().tools)
    names.resolve("Outil interne Sinistra")  # an in-house tool, first met as written here
    assert names.resolve(spelling).name == tool


def test_different_tools_stay_apart() -> None:
    names = ToolNames((t.name, t.vendor, t.aliases) for t in load_usage_survey().tools)
    found = {names.resolve(s).key for s in ("ChatGPT", "Claude", "Copilot", "GitHub Copilot", "Gemini", "Grammarly",
                                            "Perplexity", "Notion AI", "Midjourney", "Sinistra", "Mistral")}
    assert len(found) == 11


def _usage_form(workspace, tmp_path: Path, campaign: str = "Usage") -> Path:
    out = tmp_path / f"{campaign}.xlsx"
    generate_form(workspace, out, kind="usage", lang="en", campaign=campaign)
    return out


def _answers(*tools: tuple[str, str, bool, str]) -> dict[str, str]:
    """(tool, purpose label, personal data?, approval label) per slot."""
    out = {"LITERACY": "3 — I use them and know their limits", "TRAINING": "Yes"}
    for slot, (name, purpose, personal, approval) in enumerate(tools, start=1):
        out.update({f"T{slot}_NAME": name, f"T{slot}_FREQUENCY": "Every week", f"T{slot}_PURPOSE": purpose,
                    f"T{slot}_PERSONAL_DATA": "Yes" if personal else "No", f"T{slot}_APPROVED": approval})
    return out


PERSONAL = "No, a personal account or tool"
APPROVED = "Yes, provided or allowed by the company"


def test_usage_answers_become_one_candidate_system_per_tool_never_duplicated(workspace, tmp_path):
    create_row(workspace, "ai_systems", {"name": "ChatGPT Enterprise", "vendor": "OpenAI", "department": "DSI",
                                         "status": "production"})
    form = _usage_form(workspace, tmp_path)
    batch = [
        fill(form, tmp_path / "a.xlsx", department="Claims", role="Staff member",
             answers=_answers(("Chat GPT", "Writing, e-mails", True, PERSONAL), ("Deepl", "Translation", False, APPROVED))),
        fill(form, tmp_path / "b.xlsx", department="Claims",
             answers=_answers(("chatgpt", "Summarising documents", False, "I don't know"))),
        fill(form, tmp_path / "c.xlsx", department="Legal",
             answers=_answers(("ChatGPT Plus", "Writing, e-mails", False, PERSONAL), ("DeepL Pro", "Translation", False,
                                                                                     PERSONAL),
                              ("Outil interne Sinistra", "Answering customers", True, APPROVED))),
    ]
    first = import_forms(workspace, batch)
    assert [o.message for o in first.outcomes] == ["imported"] * 3
    systems = {s["name"]: s for s in fetch_rows(workspace, "ai_systems")}
    assert sorted(systems) == ["ChatGPT Enterprise", "DeepL", "Outil interne Sinistra"]
    chatgpt = systems["ChatGPT Enterprise"]  # the consultant's row: its fields stay theirs
    assert (chatgpt["department"], chatgpt["status"], chatgpt["shadow_ai"]) == ("DSI", "production", None)
    assert chatgpt["custom"]["survey_users"] == "3" and chatgpt["custom"]["survey_not_approved"] == "3"
    assert chatgpt["custom"]["survey_found"] == "yes" and "found_by" not in chatgpt["custom"]
    deepl = systems["DeepL"]
    assert deepl["custom"]["found_by"] == "survey" and deepl["vendor"] == "DeepL SE"
    assert deepl["custom"]["survey_users"] == "2" and deepl["custom"]["survey_not_approved"] == "1"
    assert deepl["custom"]["survey_departments"] == "Claims, Legal"
    assert deepl["purpose"] == "Traduction"  # the workspace speaks French
    # Two users: the fields the deliverables show (who, with what data, unapproved) would point at them.
    assert (deepl["department"], deepl["shadow_ai"], deepl["personal_data"]) == (None, None, None)
    sinistra = systems["Outil interne Sinistra"]
    assert sinistra["personal_data"] is None and sinistra["custom"]["survey_data"] == "personal: 1"
    # A second batch, with more spellings of the same tools and one form sent again: no new row.
    second = import_forms(workspace, [
        batch[0],
        fill(form, tmp_path / "d.xlsx", department="IT", answers=_answers(("DEEPL", "Translation", False, APPROVED),
                                                                          ("outil interne  SINISTRA", "Data analysis",
                                                                           False, APPROVED))),
    ])
    assert second.outcomes[0].message.startswith("was already imported")
    assert second.outcomes[1].message == "imported"
    systems = {s["name"]: s for s in fetch_rows(workspace, "ai_systems")}
    assert sorted(systems) == ["ChatGPT Enterprise", "DeepL", "Outil interne Sinistra"]
    assert systems["DeepL"]["custom"]["survey_users"] == "3"
    assert systems["DeepL"]["custom"]["survey_departments"] == "Claims, Legal, IT"  # most users first, then as met
    assert systems["Outil interne Sinistra"]["custom"]["survey_users"] == "2"
    undo(workspace, second.change)  # the figures go back with the responses
    assert {s["name"]: s for s in fetch_rows(workspace, "ai_systems")}["DeepL"]["custom"]["survey_users"] == "2"
    undo(workspace, first.change)
    assert [s["name"] for s in fetch_rows(workspace, "ai_systems")] == ["ChatGPT Enterprise"]
    assert "survey_users" not in fetch_rows(workspace, "ai_systems")[0]["custom"]


def test_a_campaign_is_opened_once_and_keeps_its_token(workspace):
    row, change = open_campaign(workspace, name="  Wave   1 ", kind="maturity", lang="fr", questions=["ai_vision"])
    assert row["name"] == "Wave 1" and len(row["token"]) == 32 and change.text("en") == "Add survey campaign Wave 1"
    again, _ = open_campaign(workspace, name="Wave 1", kind="maturity", lang="fr", questions=["ai_vision"], invited=80)
    assert again["token"] == row["token"] and again["invited"] == 80
    assert row["engagement_uid"] == again["engagement_uid"]
    with pytest.raises(ValueError, match="is a maturity survey, not a usage one"):
        open_campaign(workspace, name="Wave 1", kind="usage", lang="fr", questions=[])
    set_invited(workspace, row["id"], 120)
    assert survey_reads.campaign(workspace, name="Wave 1")["invited"] == 120
    with pytest.raises(ValueError, match="at least 1"):
        set_invited(workspace, row["id"], 0)


def test_a_tool_of_five_users_or_more_fills_the_inventory_fields(workspace, tmp_path):
    form = _usage_form(workspace, tmp_path)
    files = [fill(form, tmp_path / f"u{i}.xlsx", department=["Claims", "Legal"][i % 2], name=f"User {i}",
                  answers=_answers(("Chat GPT" if i % 2 else "ChatGPT Plus", "Writing, e-mails", i == 0,
                                    PERSONAL if i < 2 else APPROVED))) for i in range(5)]
    assert all(o.imported for o in import_forms(workspace, files).outcomes)
    [chatgpt] = fetch_rows(workspace, "ai_systems")
    assert (chatgpt["name"], chatgpt["vendor"]) == ("ChatGPT", "OpenAI")
    assert (chatgpt["department"], chatgpt["shadow_ai"], chatgpt["personal_data"]) == ("Claims, Legal", True, True)
    assert chatgpt["custom"]["survey_users"] == "5" and chatgpt["custom"]["survey_not_approved"] == "2"
