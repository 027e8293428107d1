"""The consultant's own words in a deliverable: an introduction, the executive summary, key messages
and next steps, kept in the workspace per deliverable and language.

Stored as the workspace setting ``narrative.<kind>.<lang>`` (a JSON object field → text), written by
`operations.narrative.set_narrative` so that each edit is undoable and in the audit trail. An empty
field means "let the app write it from the data". Key messages and next steps are one item a line.
"""

from __future__ import annotations

from collections import namedtuple

NARRATIVE_KINDS = ("diagnosis", "roadmap", "risks", "steering", "handover")
NARRATIVE_LANGS = ("fr", "en")
MAX_NARRATIVE_CHARS = 20_000  # a long page of prose: a deliverable is not a book


class NarrativeField(namedtuple("NarrativeField", "key label_fr label_en listed")):
    """A field of the narrative: its key, French and English labels, and whether it is `listed` (one
    item a line, bullets) rather than prose. A named tuple rather than a dataclass: `caio --help` names
    the fields, and `dataclasses` imports `inspect` (≈ 7 ms of a start that should take 20)."""

    __slots__ = ()

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en


NARRATIVE_FIELDS: tuple[NarrativeField, ...] = (
    NarrativeField("introduction", "Introduction", "Introduction", False),
    NarrativeField("executive_summary", "Synthèse", "Executive summary", False),
    NarrativeField("key_messages", "Messages clés", "Key messages", True),
    NarrativeField("next_steps", "Prochaines étapes", "Next steps", True),
)
FIELD_KEYS = tuple(f.key for f in NARRATIVE_FIELDS)


def setting_key(kind: str, lang: str) -> str:
    """The workspace setting holding the narrative of `kind` in `lang`."""
    if kind not in NARRATIVE_KINDS:
        raise ValueError(f"unknown deliverable {kind!r}; choose one of {', '.join(NARRATIVE_KINDS)}")
    if lang not in NARRATIVE_LANGS:
        raise ValueError(f"unknown language {lang!r}; choose fr or en")
    return f"narrative.{kind}.{lang}"


def clean_narrative(value: object) -> dict[str, str]:
    """A stored narrative as field → text, whatever an older or hand-edited file holds."""
    if not isinstance(value, dict):
        return {}
    return {k: str(v) for k, v in value.items() if k in FIELD_KEYS and isinstance(v, str) and v.strip()}


def items(text: str | None) -> list[str]:
    """The lines of a listed field, without bullets typed by hand or blank lines."""
    out = []
    for line in (text or "").splitlines():
        line = line.strip().lstrip("•-*–·").strip()
        if line:
            out.append(line)
    return out
