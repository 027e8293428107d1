"""The respondent workbook of a survey: instructions, one question a row with a drop-down of the allowed
answers, the respondent's department and role; everything protected but the cells to fill.

Layout of form version 1 (the reader relies on it; a new layout is a new `FORM_VERSION`):

- an instructions sheet;
- the questions sheet ("Questions" / "Réponses"): respondent fields in C3 (name), C4 (department),
  C5 (role); headers on row 7 (`Code`, `Question`, `Answer`, `Comment`), one question a row from row 8;
- a hidden sheet of answer lists the drop-downs point at (labels are too long, and may hold commas, for
  an inline list);
- a very hidden identifiers sheet (`META_SHEET`): form version, campaign token, engagement id, kind,
  language, the questions sheet's name and the question codes, so a filled form is matched to its
  campaign whatever the file is called, and a form of another campaign or engagement is told apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from caio_desktop.interchange.atomic_file import atomic_output
from caio_desktop.interchange.surveys.questions import FormQuestion, role_choices

FORM_VERSION = 1
SUPPORTED_VERSIONS = frozenset({1})
MARKER = "caio-survey-form"
META_SHEET = "caio_form"
QUESTIONS_SHEET = {"fr": "Réponses", "en": "Questions"}
COVER_SHEET = {"fr": "Mode d'emploi", "en": "Instructions"}
LISTS_SHEET = {"fr": "Listes", "en": "Lists"}
NAME_CELL, DEPARTMENT_CELL, ROLE_CELL = (3, 3), (4, 3), (5, 3)  # (row, column), 1-based
HEADER_ROW = 7
FIRST_QUESTION_ROW = 8
CODE_COL, QUESTION_COL, ANSWER_COL, COMMENT_COL = 1, 2, 3, 4

TEXTS: dict[str, dict[str, str]] = {
    "title": {"fr": "Questionnaire — {name}", "en": "Questionnaire — {name}"},
    "maturity": {"fr": "Maturité IA de {client}", "en": "AI maturity of {client}"},
    "usage": {"fr": "Usage des outils d'IA chez {client}", "en": "Use of AI tools at {client}"},
    "name": {"fr": "Votre nom (facultatif)", "en": "Your name (optional)"},
    "name_anonymous": {"fr": "Nom : non demandé (questionnaire anonyme)",
                       "en": "Name: not asked (anonymous survey)"},
    "department": {"fr": "Votre direction ou service", "en": "Your department"},
    "role": {"fr": "Votre fonction", "en": "Your role"},
    "code": {"fr": "Code", "en": "Code"},
    "question": {"fr": "Question", "en": "Question"},
    "answer": {"fr": "Réponse", "en": "Answer"},
    "comment": {"fr": "Commentaire", "en": "Comment"},
    "how_1": {"fr": "1. Ouvrez l'onglet « {sheet} ».", "en": "1. Open the “{sheet}” sheet."},
    "how_2": {"fr": "2. Indiquez votre direction et votre fonction en haut de l'onglet ; votre nom est facultatif.",
              "en": "2. Fill in your department and role at the top of the sheet; your name is optional."},
    "how_2_anonymous": {"fr": "2. Indiquez votre direction et votre fonction en haut de l'onglet. "
                              "Ce questionnaire est anonyme : votre nom n'est ni demandé ni conservé.",
                        "en": "2. Fill in your department and role at the top of the sheet. This survey is "
                              "anonymous: your name is neither asked nor kept."},
    "how_3": {"fr": "3. Pour chaque question, choisissez une réponse dans la liste de la colonne « Réponse » ; "
                    "« Je ne sais pas » est une réponse valable.",
              "en": "3. For each question, pick an answer from the list in the “Answer” column; "
                    "“I don't know” is a valid answer."},
    "how_4": {"fr": "4. Enregistrez le fichier au format Excel (.xlsx), sans le renommer d'onglet ni le convertir "
                    "en CSV, et renvoyez-le.",
              "en": "4. Save the file as an Excel workbook (.xlsx) — do not rename its sheets or save it as CSV — "
                    "and send it back."},
    "privacy": {"fr": "Les résultats ne sont présentés que par groupes d'au moins 5 personnes.",
                "en": "Results are only shown for groups of at least 5 people."},
    "usage_note": {"fr": "Citez jusqu'à {n} outils d'IA que vous utilisez dans votre travail, y compris avec un "
                         "compte personnel : il s'agit de connaître les usages, pas de les sanctionner.",
                   "en": "Name up to {n} AI tools you use for work, personal accounts included: the aim is to "
                         "know how AI is used, not to blame anyone."},
    "bad_answer": {"fr": "Choisissez une réponse dans la liste.", "en": "Pick an answer from the list."},
}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text(key: str, lang: str, **values: object) -> str:
    template = TEXTS[key]["fr" if lang == "fr" else "en"]
    return template.format(**values) if values else template


@dataclass(frozen=True)
class FormSpec:
    """What a form needs to know of its campaign and engagement."""

    kind: str
    lang: str
    campaign_name: str
    campaign_token: str
    engagement_uid: str
    client: str
    questions: Sequence[FormQuestion]
    anonymous: bool = False
    departments: Sequence[str] = field(default_factory=tuple)  # suggestions (the workspace's own names)
    tool_slots: int = 0


def _put(ws, row: int, column: int, value: object, **style: object):  # noqa: ANN001, ANN202
    """Write a value; text that a spreadsheet would read as a formula stays text."""
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def write_form(spec: FormSpec, out: Path | str) -> Path:
    """Write the respondent workbook of `spec` to `out` (whole or not at all)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = spec.lang
    wb = Workbook()
    cover = wb.active
    cover.title = COVER_SHEET[lang]
    sheet = wb.create_sheet(QUESTIONS_SHEET[lang])
    lists = wb.create_sheet(LISTS_SHEET[lang])
    meta = wb.create_sheet(META_SHEET)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    fill = PatternFill("solid", fgColor="FFF8DC")  # the cells to fill, in light yellow
    head_fill = PatternFill("solid", fgColor="1F4E79")
    unlocked = Protection(locked=False)

    # --- instructions ---------------------------------------------------------------------------------
    title = text(spec.kind, lang, client=spec.client)
    cover.column_dimensions["A"].width = 110
    _put(cover, 1, 1, title, font=Font(bold=True, size=16))
    _put(cover, 2, 1, text("title", lang, name=spec.campaign_name), font=Font(italic=True, color="666666"))
    lines = [text("how_1", lang, sheet=QUESTIONS_SHEET[lang]),
             text("how_2_anonymous" if spec.anonymous else "how_2", lang), text("how_3", lang),
             text("how_4", lang), "", text("privacy", lang)]
    if spec.kind == "usage":
        lines.insert(0, text("usage_note", lang, n=spec.tool_slots))
    for offset, line in enumerate(lines):
        _put(cover, 4 + offset, 1, line, alignment=wrap)

    # --- answer lists (hidden) ------------------------------------------------------------------------
    list_ranges: dict[str, str] = {}
    column = 0
    for question in spec.questions:
        if question.list_key in list_ranges:
            continue
        column += 1
        for row, (_, label) in enumerate(question.choices, start=1):
            _put(lists, row, column, label)
        letter = lists.cell(row=1, column=column).column_letter
        list_ranges[question.list_key] = (f"'{LISTS_SHEET[lang]}'!${letter}$1:${letter}${len(question.choices)}")
    roles = role_choices(lang)
    column += 1
    for row, (_, label) in enumerate(roles, start=1):
        _put(lists, row, column, label)
    role_letter = lists.cell(row=1, column=column).column_letter
    role_range = f"'{LISTS_SHEET[lang]}'!${role_letter}$1:${role_letter}${len(roles)}"
    department_range = None
    if spec.departments:
        column += 1
        for row, name in enumerate(spec.departments, start=1):
            _put(lists, row, column, name)
        letter = lists.cell(row=1, column=column).column_letter
        department_range = f"'{LISTS_SHEET[lang]}'!${letter}$1:${letter}${len(spec.departments)}"
    lists.sheet_state = "hidden"

    # --- questions ------------------------------------------------------------------------------------
    for letter, width in (("A", 16), ("B", 70), ("C", 48), ("D", 36)):
        sheet.column_dimensions[letter].width = width
    _put(sheet, 1, 1, title, font=Font(bold=True, size=14))
    respondent = [(NAME_CELL, "name_anonymous" if spec.anonymous else "name"), (DEPARTMENT_CELL, "department"),
                  (ROLE_CELL, "role")]
    for (row, col), key in respondent:
        _put(sheet, row, QUESTION_COL, text(key, lang), font=bold)
        if key != "name_anonymous":
            sheet.cell(row=row, column=col).protection = unlocked
            sheet.cell(row=row, column=col).fill = fill
    role_rule = DataValidation(type="list", formula1=f"={role_range}", allow_blank=True, showErrorMessage=True,
                               errorTitle=text("role", lang), error=text("bad_answer", lang))
    sheet.add_data_validation(role_rule)
    role_rule.add(sheet.cell(row=ROLE_CELL[0], column=ROLE_CELL[1]))
    if department_range:  # the workspace's names as suggestions; any other name is accepted
        rule = DataValidation(type="list", formula1=f"={department_range}", allow_blank=True, showErrorMessage=False)
        sheet.add_data_validation(rule)
        rule.add(sheet.cell(row=DEPARTMENT_CELL[0], column=DEPARTMENT_CELL[1]))
    for col, key in ((CODE_COL, "code"), (QUESTION_COL, "question"), (ANSWER_COL, "answer"),
                     (COMMENT_COL, "comment")):
        _put(sheet, HEADER_ROW, col, text(key, lang), font=Font(bold=True, color="FFFFFF"), fill=head_fill)
    rules: dict[str, DataValidation] = {}
    for row, question in enumerate(spec.questions, start=FIRST_QUESTION_ROW):
        _put(sheet, row, CODE_COL, question.code, alignment=wrap)
        _put(sheet, row, QUESTION_COL, question.text, alignment=wrap)
        for col in (ANSWER_COL, COMMENT_COL):
            cell = sheet.cell(row=row, column=col)
            cell.protection = unlocked
            cell.fill = fill
            cell.alignment = wrap
        rule = rules.get(question.list_key)
        if rule is None:
            strict = question.kind != "text"  # a tool's name may be any name: the list only suggests
            rule = DataValidation(type="list", formula1=f"={list_ranges[question.list_key]}", allow_blank=True,
                                  showErrorMessage=strict, errorTitle=text("answer", lang),
                                  error=text("bad_answer", lang))
            sheet.add_data_validation(rule)
            rules[question.list_key] = rule
        rule.add(sheet.cell(row=row, column=ANSWER_COL))
    sheet.freeze_panes = sheet.cell(row=FIRST_QUESTION_ROW, column=1)

    # --- identifiers (very hidden) --------------------------------------------------------------------
    facts = [("marker", MARKER), ("form_version", str(FORM_VERSION)), ("campaign", spec.campaign_token),
             ("campaign_name", spec.campaign_name), ("engagement", spec.engagement_uid), ("kind", spec.kind),
             ("lang", lang), ("sheet", QUESTIONS_SHEET[lang]), ("questions", ",".join(q.code for q in spec.questions))]
    for row, (key, value) in enumerate(facts, start=1):
        _put(meta, row, 1, key)
        _put(meta, row, 2, value)
    meta.sheet_state = "veryHidden"

    # Protection guides the respondent (no password: the consultant may need to unprotect a copy).
    for protected in (cover, sheet, lists, meta):
        protected.protection.sheet = True
        protected.protection.formatCells = False
        protected.protection.formatColumns = False
        protected.protection.formatRows = False
    wb.security = WorkbookProtection(lockStructure=True)  # no renaming, moving or unhiding sheets
    wb.active = 1
    target = Path(out)
    with atomic_output(target) as part:
        wb.save(part)
    return target


def question_codes(kind: str, lang: str, dimensions: Sequence[str] | None = None) -> list[str]:
    from caio_desktop.interchange.surveys.questions import form_questions

    return [q.code for q in form_questions(kind, lang, dimensions=dimensions)]


def _departments(workspace) -> list[str]:  # noqa: ANN001
    """The department names the workspace already uses (team, stakeholders, interviews, AI systems)."""
    from caio_desktop.workspace import queries

    names: dict[str, str] = {}
    for module_key in ("team", "stakeholders", "interviews", "use_cases"):
        for row in queries.fetch_rows(workspace, module_key):
            value = " ".join(str(row.get("department") or "").split())
            if value and len(value) <= 80:
                names.setdefault(value.casefold(), value)
    return sorted(names.values(), key=str.casefold)[:200]


def generate_form(workspace, out: Path | str, *, kind: str, lang: str | None = None,  # noqa: ANN001
                  campaign: str | None = None, dimensions: Sequence[str] | None = None,
                  invited: int | None = None, anonymous: bool | None = None) -> tuple[dict, object]:
    """Open (or reuse) the campaign and write its respondent form to `out`.

    Returns (the campaign row, the ChangeSet that created or changed it). A campaign keeps the questions
    it was opened with: a later form of it asks the same ones, so every response compares."""
    import errno

    from caio_desktop.interchange.surveys.questions import form_questions
    from caio_desktop.operations.surveys import open_campaign
    from caio_desktop.reference.ai_usage_survey import load_usage_survey
    from caio_desktop.workspace import surveys as survey_reads

    target = Path(out)
    if not target.parent.is_dir():  # before the campaign is opened: a typo opens no campaign
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(target.parent))
    engagement = workspace.engagement()
    lang = lang or engagement.language or "fr"
    name = campaign or {"maturity": {"fr": "Maturité IA", "en": "AI maturity"},
                        "usage": {"fr": "Usage de l'IA", "en": "AI usage"}}.get(kind, {}).get(lang, kind)
    existing = survey_reads.campaign(workspace, name=name)
    if existing is not None and kind == "maturity" and dimensions is None:
        dimensions = existing["questions"]
    codes = question_codes(kind, lang, dimensions)
    if existing is not None and existing["questions"] and list(existing["questions"]) != codes:
        raise ValueError(f"campaign {name!r} asks other questions; name a new campaign for this form")
    row, change = open_campaign(workspace, name=name, kind=kind, lang=lang, questions=codes, invited=invited,
                                anonymous=anonymous)
    spec = FormSpec(kind=kind, lang=lang, campaign_name=row["name"], campaign_token=row["token"],
                    engagement_uid=row["engagement_uid"], client=engagement.client_name,
                    questions=form_questions(kind, lang, dimensions=dimensions), anonymous=bool(row["anonymous"]),
                    departments=_departments(workspace), tool_slots=load_usage_survey().tool_slots)
    write_form(spec, out)
    return row, change
