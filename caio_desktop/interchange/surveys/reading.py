"""Filled survey forms read back, one file at a time, each either whole (`FilledForm`) or refused with
one reason a consultant can pass on to the respondent (`FormRefused`).

Files are opened as the importer opens a client's spreadsheet (`importing.reader.open_source`: the
guard refuses hostile files before python-calamine allocates anything). What is checked here needs
nothing but the file: that it is one of our forms (its identifiers sheet), of a form version this
application reads, with its questions sheet under its own name, and that every answer is one of the
allowed ones. Whether the form belongs to this engagement and campaign, and whether it was imported
already, is the import's to say (`operations.surveys`), since only the workspace knows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caio_desktop.interchange.surveys import form as layout
from caio_desktop.interchange.surveys.questions import DONT_KNOW, FormQuestion, form_questions, role_choices

MAX_TEXT = 500  # a comment or a tool's name longer than this is cut (a form is no place for an essay)
_LEADING_LEVEL = re.compile(r"^\s*(\d+(?:[.,]0+)?)\s*(?:$|[—–\-:.)])")


class FormRefused(Exception):
    """A file that is not imported, with the reason (one line, naming the file)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Answer:
    question: str  # the question's code
    value: str | None  # the answer's code (a level "1".."5", a choice key, a tool's name)
    level: int | None = None
    comment: str | None = None


@dataclass
class FilledForm:
    """One filled form as read: its identifiers, the respondent and the answers (unanswered questions left out)."""

    path: Path
    kind: str
    lang: str
    form_version: int
    campaign_token: str
    campaign_name: str
    engagement_uid: str
    name: str | None
    department: str | None
    role: str | None
    answers: list[Answer]
    fingerprint: str
    notes: list[str] = field(default_factory=list)  # said about the file, not refusing it (an ODS copy)


def read_forms(paths: Iterable[Path | str]) -> tuple[list[FilledForm], list[FormRefused]]:
    """Every file read on its own: the readable forms, and the refused ones with their reasons."""
    read, refused = [], []
    for path in paths:
        try:
            read.append(read_form(path))
        except FormRefused as exc:
            refused.append(exc)
    return read, refused


def read_form(path: Path | str) -> FilledForm:
    """Read one filled form, or raise FormRefused saying why it cannot be imported."""
    from caio_desktop.interchange.importing.errors import SpreadsheetError
    from caio_desktop.interchange.importing.reader import open_source

    path = Path(path)
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        raise FormRefused(path, "was saved as CSV, which keeps one sheet and loses the form's identifiers; "
                                "ask for the .xlsx form as it was sent, filled")
    try:
        source = open_source(path)
    except SpreadsheetError as exc:
        raise FormRefused(path, exc.reason if hasattr(exc, "reason") else str(exc)) from None
    with source:
        if source.kind == "csv":
            raise FormRefused(path, "is a CSV file, which keeps one sheet and loses the form's identifiers; "
                                    "ask for the .xlsx form as it was sent, filled")
        notes = []
        if source.kind == "ods":
            notes.append("saved as ODS by the respondent; its answers were checked as those of an .xlsx form")
        if layout.META_SHEET not in source.sheet_names:
            if source.kind == "ods":
                raise FormRefused(path, "was saved as ODS and lost the form's hidden identifiers; ask for the "
                                        ".xlsx form as it was sent, filled")
            raise FormRefused(path, "is not a CAIO survey form (it has no form identifiers; was it copied "
                                    "into another workbook?)")
        try:
            meta = _meta(source.table(layout.META_SHEET).rows)
            if meta.get("marker") != layout.MARKER:
                raise FormRefused(path, "is not a CAIO survey form (its identifiers sheet is not ours)")
            version = _int(meta.get("form_version"))
            if version not in layout.SUPPORTED_VERSIONS:
                raise FormRefused(path, f"is a form of version {meta.get('form_version')!r}, which this version "
                                        "of CAIO Desktop does not read; update the application")
            sheet = meta.get("sheet") or ""
            if sheet not in source.sheet_names:
                others = [s for s in source.sheet_names if s not in (layout.META_SHEET,)]
                raise FormRefused(path, f"has no sheet {sheet!r}: it was renamed or removed (sheets now: "
                                        f"{', '.join(others)}); give it back its name {sheet!r} and save again")
            rows = source.table(sheet).rows
        except FormRefused:
            raise
        except SpreadsheetError as exc:
            raise FormRefused(path, getattr(exc, "reason", str(exc))) from None
    kind, lang = meta.get("kind") or "", meta.get("lang") or "en"
    codes = [c for c in (meta.get("questions") or "").split(",") if c]
    try:
        questions = _questions(kind, lang, codes)
    except ValueError as exc:
        raise FormRefused(path, f"asks questions this application does not know ({exc})") from None
    answers, problems = _answers(rows, questions)
    name = _text(_cell(rows, *layout.NAME_CELL))
    department = _text(_cell(rows, *layout.DEPARTMENT_CELL))
    role, role_problem = _role(_cell(rows, *layout.ROLE_CELL), lang)
    if role_problem:
        problems.insert(0, role_problem)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise FormRefused(path, f"has answers out of range, nothing imported from it: {shown}")
    if not any(a.value not in (None, DONT_KNOW) for a in answers):
        raise FormRefused(path, "has no answers (an empty form)")
    filled = FilledForm(path=path, kind=kind, lang=lang, form_version=version, campaign_token=meta.get("campaign", ""),
                        campaign_name=meta.get("campaign_name", ""), engagement_uid=meta.get("engagement", ""),
                        name=name, department=department, role=role, answers=answers, fingerprint="",
                        notes=notes)
    filled.fingerprint = _fingerprint(filled, _file_digest(path))
    return filled


def _meta(rows: list[list[Any]]) -> dict[str, str]:
    out = {}
    for cells in rows:
        if len(cells) >= 2 and cells[0] not in (None, ""):
            out[str(cells[0]).strip()] = "" if cells[1] is None else str(cells[1]).strip()
    return out


def _int(value: object) -> int | None:
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        return None


def _questions(kind: str, lang: str, codes: list[str]) -> list[FormQuestion]:
    """The form's questions as this application asks them (choices and all), in the form's order."""
    if kind == "maturity":
        return form_questions("maturity", lang, dimensions=codes)
    if kind != "usage":
        raise ValueError(f"unknown survey kind {kind!r}")
    by_code = {q.code: q for q in form_questions("usage", lang)}
    unknown = [c for c in codes if c not in by_code]
    if unknown:
        raise ValueError(", ".join(unknown))
    return [by_code[c] for c in codes]


def _cell(rows: list[list[Any]], row: int, column: int) -> Any:
    if row - 1 < len(rows) and column - 1 < len(rows[row - 1]):
        return rows[row - 1][column - 1]
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text[:MAX_TEXT] or None


def _role(value: Any, lang: str) -> tuple[str | None, str | None]:
    text = _text(value)
    if text is None:
        return None, None
    for code, label in role_choices(lang):
        if text.casefold() in (code.casefold(), label.casefold()):
            return code, None
    return None, f"role {text!r} is not one of the roles offered"


def _answers(rows: list[list[Any]], questions: list[FormQuestion]) -> tuple[list[Answer], list[str]]:
    """The answers found by each row's code (rows may have been sorted or moved), and what is wrong."""
    by_code = {q.code: q for q in questions}
    found: dict[str, Answer] = {}
    problems: list[str] = []
    for number, cells in enumerate(rows[layout.FIRST_QUESTION_ROW - 1:], start=layout.FIRST_QUESTION_ROW):
        code = _text(cells[layout.CODE_COL - 1]) if cells else None
        if code is None:
            continue
        question = by_code.get(code)
        if question is None:
            problems.append(f"row {number}: unknown question code {code!r}")
            continue
        raw = cells[layout.ANSWER_COL - 1] if len(cells) >= layout.ANSWER_COL else None
        comment = _text(cells[layout.COMMENT_COL - 1]) if len(cells) >= layout.COMMENT_COL else None
        if code in found:
            problems.append(f"question {code} appears twice (row {number})")
            continue
        value, level, problem = _answer(question, raw)
        if problem:
            problems.append(f"{code} (row {number}): {problem}")
            continue
        if value is not None or comment:
            found[code] = Answer(code, value, level, comment)
    return [found[q.code] for q in questions if q.code in found], problems


def _answer(question: FormQuestion, raw: Any) -> tuple[str | None, int | None, str | None]:
    """(value code, level, problem) of one answer cell."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None, None
    if question.kind == "text":
        return _text(raw), None, None
    text = _text(raw) or ""
    folded = text.casefold()
    for code, label in question.choices:
        if folded in (code.casefold(), label.casefold()):
            return code, (int(code) if question.kind == "level" and code.isdigit() else None), None
    if question.kind == "level":
        number = raw if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None
        match = _LEADING_LEVEL.match(text) if number is None else None
        if match:
            number = float(match.group(1).replace(",", "."))
        if number is not None:
            if float(number).is_integer() and 1 <= number <= 5:
                return str(int(number)), int(number), None
            return None, None, f"{_short(text)} is not a level from 1 to 5"
        return None, None, f"{_short(text)} is not a level from 1 to 5"
    allowed = ", ".join(label for _, label in question.choices)
    return None, None, f"{_short(text)} is not one of the answers offered ({_short(allowed, 80)})"


def _short(text: str, limit: int = 40) -> str:
    quoted = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(quoted)


def _file_digest(path: Path) -> str:
    """The file's own bytes, hashed: part of the fingerprint so that two people who gave the same
    answers in an anonymous survey are two respondents (their workbooks were saved apart, with their
    own save times and authors), while the same file imported twice is refused."""
    return hashlib.sha256(path.read_bytes()).hexdigest()  # (the guard has bounded the file's size)


def _fingerprint(filled: FilledForm, stamp: str) -> str:
    parts = [filled.campaign_token, filled.name or "", filled.department or "", filled.role or "", stamp]
    parts.extend(f"{a.question}={a.value}|{a.comment or ''}" for a in filled.answers)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
