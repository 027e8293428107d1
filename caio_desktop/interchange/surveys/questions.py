"""The questions a survey form asks, the same for writing the form and reading it back.

A maturity form asks one question per dimension of the maturity model (its code is the dimension key,
its answers the five levels with the dimension's own descriptors); a usage form asks the questions of
`ai_usage_survey.yaml` (a block per tool, then general questions). Every answer has a code (stored in
the workspace) and a label (shown in the drop-down): the reader accepts either, and a level's number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from caio_desktop.reference.ai_usage_survey import TOOL_ANSWERS, load_usage_survey
from caio_desktop.reference.maturity import load_maturity_model

KINDS = ("maturity", "usage")
DONT_KNOW = "dont_know"  # an answer that counts as no answer (not a level of 0)
_DONT_KNOW_LABEL = {"fr": "Je ne sais pas", "en": "I don't know"}


@dataclass(frozen=True)
class FormQuestion:
    """One row of the form's question sheet.

    `kind` is "level" (maturity 1–5), "choice" (one of `choices`) or "text" (a tool's name: free text,
    `choices` offered as suggestions). `group` is the pillar key (maturity) or the tool slot (usage).
    """

    code: str
    text: str
    kind: str
    choices: tuple[tuple[str, str], ...]  # (code, label)
    group: str = ""
    list_key: str = ""  # the answers' column on the form's lists sheet (shared by equal answer sets)


def form_questions(kind: str, lang: str, *, dimensions: Sequence[str] | None = None) -> list[FormQuestion]:
    """The questions of a `kind` form in `lang`; a maturity form may ask a subset of `dimensions`."""
    return list(_questions(kind, lang, None if dimensions is None else tuple(dimensions)))


@cache  # (every form of a batch asks the same questions: built once, not once a file)
def _questions(kind: str, lang: str, dimensions: tuple[str, ...] | None) -> tuple[FormQuestion, ...]:
    if kind == "maturity":
        return tuple(_maturity_questions(lang, dimensions))
    if kind == "usage":
        return tuple(_usage_questions(lang))
    raise ValueError(f"unknown survey kind {kind!r}; choose one of {', '.join(KINDS)}")


def _maturity_questions(lang: str, dimensions: Sequence[str] | None) -> list[FormQuestion]:
    model = load_maturity_model()
    wanted = None if dimensions is None else set(dimensions)
    if wanted is not None:
        unknown = sorted(wanted - {d.key for d in model.dimensions})
        if unknown:
            raise ValueError(f"unknown maturity dimension(s): {', '.join(unknown)}")
    out = []
    for dim in model.dimensions:
        if wanted is not None and dim.key not in wanted:
            continue
        choices = tuple((str(n), f"{n} — {model.level_name(n, lang)} : {dim.level_descriptor(n, lang)}"
                         if lang == "fr" else f"{n} — {model.level_name(n, lang)}: {dim.level_descriptor(n, lang)}")
                        for n in range(1, 6))
        text = f"{dim.label(lang)} — {dim.description(lang)}"
        out.append(FormQuestion(dim.key, text, "level", (*choices, (DONT_KNOW, _DONT_KNOW_LABEL[lang])),
                                group=dim.pillar_key, list_key=dim.key))
    return out


def _usage_questions(lang: str) -> list[FormQuestion]:
    survey = load_usage_survey()
    out = []
    for question in survey.questions():
        if question.answers == TOOL_ANSWERS:
            choices = tuple((tool.name, tool.name) for tool in survey.tools)
            kind = "text"
        else:
            choices = tuple((c.key, c.label(lang)) for c in survey.answer_set(question.answers))
            kind = "choice"
        out.append(FormQuestion(question.code, question.label(lang), kind, choices,
                                group=str(question.slot or ""), list_key=question.answers))
    return out


def role_choices(lang: str) -> tuple[tuple[str, str], ...]:
    """The respondent's role, as a category (aggregates are shown by role)."""
    return tuple((role.key, role.label(lang)) for role in load_usage_survey().roles)
