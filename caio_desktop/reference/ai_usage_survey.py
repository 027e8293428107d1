"""The AI-usage questionnaire and the respondent profile of the staff surveys, from ``ai_usage_survey.yaml``.

    survey = load_usage_survey()
    survey.questions("en")         # every question of the form, tool slots unrolled: T1_NAME, T1_FREQUENCY…
    survey.answer_set("frequency") # the allowed answers (code + FR/EN label)
    survey.tools                   # common AI tools with the other spellings people use for them
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from caio_desktop.reference.loader import (
    ReferenceDataError,
    ReferenceMeta,
    Text,
    read_reference_file,
    require,
    text_of,
)

FILE_NAME = "ai_usage_survey.yaml"
TOOL_ANSWERS = "tool"  # a tool's name: free text, the known tools offered as suggestions


@dataclass(frozen=True)
class Choice:
    """One allowed answer: a stable code stored in the workspace, a label shown on the form."""

    key: str
    name: Text

    def label(self, lang: str) -> str:
        return self.name.get(lang)


@dataclass(frozen=True)
class UsageQuestion:
    """One row of the usage form. `slot` is the tool block it belongs to (1…), None for a general one;
    `field` the key of the question within its block (name, frequency, …)."""

    code: str
    field: str
    answers: str  # an answer set's key, or TOOL_ANSWERS
    text: Text
    slot: int | None = None

    def label(self, lang: str) -> str:
        return self.text.get(lang).replace("{n}", str(self.slot or ""))


@dataclass(frozen=True)
class KnownTool:
    """A common AI tool: the name the inventory shows, its vendor, the other spellings people use."""

    name: str
    vendor: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class UsageSurvey:
    meta: ReferenceMeta
    roles: tuple[Choice, ...]
    answer_sets: dict[str, tuple[Choice, ...]]
    question_list: tuple[UsageQuestion, ...]
    tools: tuple[KnownTool, ...]
    tool_slots: int

    def questions(self) -> tuple[UsageQuestion, ...]:
        """Every question of the form, in order: the tool blocks, then the general questions."""
        return self.question_list

    def answer_set(self, key: str) -> tuple[Choice, ...]:
        return self.answer_sets[key]

    def role_label(self, key: str | None, lang: str) -> str:
        for role in self.roles:
            if role.key == key:
                return role.label(lang)
        return key or ""


def _choices(raw: object, where: str) -> tuple[Choice, ...]:
    if not isinstance(raw, list) or not raw:
        raise ReferenceDataError(f"{where}: expected a non-empty list of answers")
    out = tuple(Choice(str(require(item, "key", where)), text_of(require(item, "label", where), f"{where}.label"))
                for item in raw)
    if len({c.key for c in out}) != len(out):
        raise ReferenceDataError(f"{where}: duplicate answer key")
    return out


@cache
def load_usage_survey() -> UsageSurvey:
    """Load and validate the AI-usage questionnaire (cached)."""
    ref = read_reference_file(FILE_NAME)
    data = ref.data
    sets = {str(key): _choices(raw, f"{FILE_NAME}: answer_sets.{key}")
            for key, raw in require(data, "answer_sets", FILE_NAME).items()}
    slots = require(data, "tool_slots", FILE_NAME)
    if not isinstance(slots, int) or not 1 <= slots <= 10:
        raise ReferenceDataError(f"{FILE_NAME}: tool_slots must be an integer from 1 to 10")
    questions: list[UsageQuestion] = []

    def question(raw: object, where: str, slot: int | None) -> UsageQuestion:
        key = str(require(raw, "key", where))
        answers = str(require(raw, "answers", where))
        if answers != TOOL_ANSWERS and answers not in sets:
            raise ReferenceDataError(f"{where}: unknown answer set {answers!r}")
        code = f"T{slot}_{key.upper()}" if slot else key.upper()
        return UsageQuestion(code, key, answers, text_of(require(raw, "label", where), f"{where}.label"), slot)

    for slot in range(1, slots + 1):
        questions.extend(question(raw, f"{FILE_NAME}: tool_questions", slot)
                         for raw in require(data, "tool_questions", FILE_NAME))
    questions.extend(question(raw, f"{FILE_NAME}: general_questions", None)
                     for raw in require(data, "general_questions", FILE_NAME))
    if questions[0].field != "name":  # a block is read from its tool's name
        raise ReferenceDataError(f"{FILE_NAME}: the first question of a tool block must be its name")
    tools = tuple(KnownTool(str(require(raw, "name", f"{FILE_NAME}: tools")), str(raw.get("vendor") or ""),
                            tuple(str(a) for a in raw.get("aliases") or ()))
                  for raw in require(data, "tools", FILE_NAME))
    return UsageSurvey(meta=ref.meta, roles=_choices(require(data, "roles", FILE_NAME), f"{FILE_NAME}: roles"),
                       answer_sets=sets, question_list=tuple(questions), tools=tools, tool_slots=slots)
