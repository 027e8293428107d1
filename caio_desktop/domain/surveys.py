"""Aggregates of staff surveys, in plain Python: maturity answers per dimension and pillar (n, mean,
median, min–max, standard deviation), by department and role, the response rate, and the AI tools the
usage survey names merged into one finding per tool.

Choices, said once here:
- A respondent's pillar level is the mean of the dimensions of that pillar they rated; a pillar's
  figures are over respondents (n = those who rated at least one of its dimensions), so a person who
  answered every question of a pillar counts once, not four times.
- The standard deviation is the sample one (n − 1): respondents are a sample of the invited
  population. With one answer it is 0.
- "I don't know" is no answer: it counts in no n.
- Privacy: a group (a department, a role, the whole campaign) of fewer than `MIN_GROUP` respondents is
  never shown on its own; the small groups are pooled as "other groups" when the pool reaches
  `MIN_GROUP`, and dropped otherwise (`GroupResults.hidden` says how many people that is).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

MIN_GROUP = 5
OTHER_GROUPS = "__other__"  # the pooled small groups (named by the caller, in its language)
NOT_GIVEN = "__none__"  # respondents who left the department (or role) empty


@dataclass(frozen=True)
class Stats:
    """Figures of one set of levels."""

    n: int
    mean: float
    median: float
    minimum: int | float
    maximum: int | float
    sd: float
    counts: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)  # how many answered 1, 2, 3, 4, 5 (levels only)


def describe(values: Sequence[int | float]) -> Stats | None:
    """n, mean, median, min, max and sample standard deviation of `values` (None when empty)."""
    if not values:
        return None
    counts = Counter(v for v in values if isinstance(v, int))
    return Stats(n=len(values), mean=statistics.fmean(values), median=float(statistics.median(values)),
                 minimum=min(values), maximum=max(values),
                 sd=statistics.stdev(values) if len(values) > 1 else 0.0,
                 counts=tuple(counts.get(level, 0) for level in range(1, 6)))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Response:
    """One respondent's maturity answers: dimension key → level (1–5)."""

    respondent_id: int
    department: str | None
    role: str | None
    levels: Mapping[str, int]


@dataclass(frozen=True)
class ResultRow:
    """The figures of a pillar or of one of its dimensions, beside the consultant's own rating."""

    key: str
    pillar: str
    is_pillar: bool
    stats: Stats | None
    consultant: float | None = None


def pillar_levels(response: Response, pillars: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """A respondent's level per pillar: the mean of the pillar's dimensions they rated."""
    out = {}
    for pillar, dimensions in pillars.items():
        rated = [response.levels[d] for d in dimensions if d in response.levels]
        if rated:
            out[pillar] = statistics.fmean(rated)
    return out


def maturity_results(responses: Sequence[Response], pillars: Mapping[str, Sequence[str]],
                     consultant: Mapping[str, int] | None = None) -> list[ResultRow]:
    """Each pillar (in `pillars`' order: pillar key → its dimension keys asked) then its dimensions."""
    consultant = consultant or {}
    rows = []
    for pillar, dimensions in pillars.items():
        per_person = [levels[pillar] for levels in (pillar_levels(r, {pillar: dimensions}) for r in responses)
                      if pillar in levels]
        rated = [consultant[d] for d in dimensions if consultant.get(d) is not None]
        rows.append(ResultRow(pillar, pillar, True, describe(per_person),
                              statistics.fmean(rated) if rated else None))
        for dimension in dimensions:
            values = [r.levels[dimension] for r in responses if dimension in r.levels]
            rows.append(ResultRow(dimension, pillar, False, describe(values), consultant.get(dimension)))
    return rows


@dataclass(frozen=True)
class GroupRow:
    """One department (or role) shown: its respondents and its figures per pillar."""

    group: str  # the group's name, OTHER_GROUPS for the pooled small ones, NOT_GIVEN for "left empty"
    n: int
    pillars: dict[str, Stats | None]


@dataclass(frozen=True)
class GroupResults:
    rows: list[GroupRow]
    hidden: int = 0  # respondents of small groups that could not be pooled into a group of MIN_GROUP


def by_group(responses: Sequence[Response], attribute: str, pillars: Mapping[str, Sequence[str]]) -> GroupResults:
    """Pillar figures per department (`attribute="department"`) or role, small groups pooled or hidden."""
    groups: dict[str, list[Response]] = defaultdict(list)
    for response in responses:
        groups[getattr(response, attribute) or NOT_GIVEN].append(response)
    shown, small = [], []
    for name in sorted(groups, key=lambda g: (g == NOT_GIVEN, g.casefold())):
        (shown if len(groups[name]) >= MIN_GROUP else small).append(name)
    pooled = [r for name in small for r in groups[name]]

    def row(name: str, members: list[Response]) -> GroupRow:
        levels = [pillar_levels(r, pillars) for r in members]
        return GroupRow(name, len(members), {p: describe([lv[p] for lv in levels if p in lv]) for p in pillars})

    rows = [row(name, groups[name]) for name in shown]
    hidden = 0
    if len(pooled) >= MIN_GROUP:
        rows.append(row(OTHER_GROUPS, pooled))
    else:
        hidden = len(pooled)
    return GroupResults(rows, hidden)


def shown(n: int) -> bool:
    """Whether figures of a group of `n` respondents may be shown."""
    return n >= MIN_GROUP


def response_rate(respondents: int, invited: int | None) -> float | None:
    """Respondents as a percentage of the invited population (None when that is not known)."""
    if not invited:
        return None
    return 100.0 * respondents / invited


# --- AI tools named in the usage survey ---------------------------------------------------------------
# Plan or edition words that do not make another tool: "ChatGPT Plus" is ChatGPT.
_EDITION_WORDS = ("plus", "pro", "premium", "team", "teams", "enterprise", "entreprise", "business", "free",
                  "gratuit", "gratuite", "perso", "personnel", "personal", "app", "appli", "application",
                  "version", "web", "mobile", "desktop")
FUZZY_CUTOFF = 85.0


def squash(text: str) -> str:
    """A name without case, spaces or punctuation: "Chat-GPT" and "chat gpt" are both "chatgpt"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _words(text: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()


def _without_editions(text: str) -> str:
    words = _words(text)
    kept = [w for w in words if w not in _EDITION_WORDS]
    return "".join(kept or words)


def _sorted_words(text: str) -> str:
    """The words in alphabetical order: "Copilot Microsoft" and "Microsoft Copilot" are one name."""
    words = _words(text)
    return "".join(sorted([w for w in words if w not in _EDITION_WORDS] or words))


@dataclass(frozen=True)
class ToolName:
    """What a spelling names: a stable key, the name the inventory shows, the vendor when known."""

    key: str
    name: str
    vendor: str = ""


class ToolNames:
    """Resolves how people write a tool's name to one tool: the known tools' names and aliases first
    (exactly, then without edition words, then fuzzily with rapidfuzz), else the other names met so far
    (fuzzily), else a new tool named as first written."""

    def __init__(self, known: Iterable[tuple[str, str, Sequence[str]]]) -> None:
        self._aliases: dict[str, ToolName] = {}
        for name, vendor, aliases in known:
            tool = ToolName(squash(name), name, vendor)
            for spelling in (name, *aliases):
                self._aliases.setdefault(squash(spelling), tool)
                self._aliases.setdefault(_sorted_words(spelling), tool)
        self._met: dict[str, ToolName] = {}

    def resolve(self, spelling: str) -> ToolName | None:
        from rapidfuzz import fuzz, process

        written = " ".join(spelling.split())
        key = squash(written)
        if not key:
            return None
        for candidate in (key, _without_editions(written), _sorted_words(written)):
            if candidate in self._aliases:
                return self._aliases[candidate]
            if candidate in self._met:
                return self._met[candidate]
        bare = _without_editions(written)
        # Short names are fuzzy-matched only exactly: "Bard" is not "Bing", "MJ" is not "DL".
        if len(bare) >= 5:
            for table in (self._aliases, self._met):
                found = process.extractOne(bare, list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
                if found is not None:
                    return table[found[0]]
        tool = ToolName(bare, written)
        self._met[bare] = tool
        return tool


@dataclass(frozen=True)
class ToolMention:
    """One tool one respondent named, with what they said of it."""

    respondent_id: int
    spelling: str
    department: str | None = None
    frequency: str | None = None
    purpose: str | None = None
    personal_data: bool = False
    client_data: bool = False
    confidential_data: bool = False
    approval: str | None = None  # approved | not_approved | unknown


@dataclass
class ToolFinding:
    """One tool across every respondent who named it: the candidate AI system of the inventory."""

    tool: ToolName
    users: set[int] = field(default_factory=set)
    departments: Counter = field(default_factory=Counter)
    purposes: Counter = field(default_factory=Counter)
    frequencies: Counter = field(default_factory=Counter)
    personal_data: set[int] = field(default_factory=set)
    client_data: set[int] = field(default_factory=set)
    confidential_data: set[int] = field(default_factory=set)
    not_approved: set[int] = field(default_factory=set)  # said "not approved" or "don't know"
    spellings: Counter = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return len(self.users)

    @property
    def shadow(self) -> bool:
        """Used by someone without the company's approval (or not knowing of one)."""
        return bool(self.not_approved)


def tool_findings(mentions: Iterable[ToolMention], names: ToolNames) -> list[ToolFinding]:
    """One finding per tool, most used first (then by name)."""
    found: dict[str, ToolFinding] = {}
    for mention in mentions:
        tool = names.resolve(mention.spelling)
        if tool is None:
            continue
        finding = found.setdefault(tool.key, ToolFinding(tool))
        who = mention.respondent_id
        finding.users.add(who)
        finding.spellings[" ".join(mention.spelling.split())] += 1
        if mention.department:
            finding.departments[mention.department] += 1
        if mention.purpose:
            finding.purposes[mention.purpose] += 1
        if mention.frequency:
            finding.frequencies[mention.frequency] += 1
        for flag in ("personal_data", "client_data", "confidential_data"):
            if getattr(mention, flag):
                getattr(finding, flag).add(who)
        if mention.approval in ("not_approved", "unknown"):
            finding.not_approved.add(who)
    return sorted(found.values(), key=lambda f: (-f.count, f.tool.name.casefold()))


def usage_mentions(people: Iterable[tuple[int, str | None, Mapping[str, str | None]]], slots: int) -> list[ToolMention]:
    """The tools named in usage forms: `people` is (respondent id, department, question code → answer
    code); a form's tool block n holds T<n>_NAME, T<n>_FREQUENCY, … (`ai_usage_survey.yaml`)."""
    mentions = []
    for respondent_id, department, said in people:
        for slot in range(1, slots + 1):
            spelling = said.get(f"T{slot}_NAME")
            if not spelling:
                continue
            mentions.append(ToolMention(
                respondent_id, spelling, department, said.get(f"T{slot}_FREQUENCY"), said.get(f"T{slot}_PURPOSE"),
                said.get(f"T{slot}_PERSONAL_DATA") == "yes", said.get(f"T{slot}_CLIENT_DATA") == "yes",
                said.get(f"T{slot}_CONFIDENTIAL_DATA") == "yes", said.get(f"T{slot}_APPROVED")))
    return mentions
