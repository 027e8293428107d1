"""Verification status of legal citations in the reference files: checked against the primary text, or not.

A wrong Official Journal number in a client deliverable is worse than none, so every reference file says
how far its citations can be trusted, and any entry inside a file may say more precisely:

```yaml
verification:
  status: unverified            # verified | unverified | original (our own content, nothing to check)
  checked_on: "2026-12-03"      # when the status was last set
  primary: "…"                  # verified: the primary text read, and where (required for verified)
  sources: "…"                  # unverified: the secondary sources the content rests on (required)
  note: {fr: "…", en: "…"}      # optional: what exactly is uncertain
```

An entry without its own ``verification`` inherits its file's. ``unverified_items()`` lists every file and
entry whose status is ``unverified``, for ``caio reference list --unverified``; the app and deliverables
show such citations with a mark and "to be confirmed against the Official Journal".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from caio_desktop.reference.loader import ReferenceDataError, Text, optional_text

VERIFIED = "verified"
UNVERIFIED = "unverified"
ORIGINAL = "original"
STATUSES: tuple[str, ...] = (VERIFIED, UNVERIFIED, ORIGINAL)

#: The mark put after an unverified citation wherever it is shown (app cells, dialog, deliverables).
UNVERIFIED_MARK = "†"

#: What a reader is told about an unverified citation (the deliverables' footnote says the same).
TO_BE_CONFIRMED = Text(
    fr="à confirmer au Journal officiel de l'Union européenne",
    en="to be confirmed against the Official Journal",
)


@dataclass(frozen=True)
class Verification:
    """How far one file's or entry's citations were checked."""

    status: str
    checked_on: dt.date | None = None
    primary: str | None = None
    sources: str | None = None
    note: Text | None = None

    @property
    def unverified(self) -> bool:
        """True when the citation rests on secondary sources only."""
        return self.status == UNVERIFIED

    def explanation(self, lang: str) -> str:
        """One or two sentences for a tooltip or a listing: status, what it rests on, what is uncertain."""
        fr = lang.startswith("fr")
        if self.status == VERIFIED:
            text = (f"Vérifié sur le texte primaire : {self.primary}" if fr
                    else f"Verified against the primary text: {self.primary}")
            if self.checked_on:
                text += f" ({self.checked_on.isoformat()})."
            return text
        if self.status == ORIGINAL:
            return ("Contenu propre à CAIO Desktop : pas de citation juridique à vérifier." if fr
                    else "CAIO Desktop's own content: no legal citation to verify.")
        text = (f"Non vérifié ({TO_BE_CONFIRMED.fr}) : repose sur des sources secondaires — {self.sources}"
                if fr else f"Unverified ({TO_BE_CONFIRMED.en}): rests on secondary sources — {self.sources}")
        if self.note is not None:
            text += " " + self.note.get(lang)
        return text


def parse_verification(value: Any, where: str, inherited: Verification | None = None) -> Verification:
    """Read a ``verification`` mapping; missing fields come from ``inherited`` (the file's status).

    Raises ``ReferenceDataError`` naming ``where`` when the status is missing or unknown, when a verified
    entry does not say which primary text was read, or when an unverified one names no source.
    """
    if not isinstance(value, dict):
        raise ReferenceDataError(f"{where}: 'verification' must be a mapping with a 'status'")
    status = value.get("status")
    if status not in STATUSES:
        raise ReferenceDataError(f"{where}: verification status {status!r} not in {list(STATUSES)}")
    checked_on = value.get("checked_on", inherited.checked_on if inherited else None)
    if isinstance(checked_on, str):
        try:
            checked_on = dt.date.fromisoformat(checked_on)
        except ValueError as exc:
            raise ReferenceDataError(f"{where}: verification 'checked_on' is not an ISO date") from exc
    primary = value.get("primary")
    sources = value.get("sources") or (inherited.sources if inherited and status == UNVERIFIED else None)
    if status == VERIFIED and not primary:
        raise ReferenceDataError(f"{where}: a verified citation must name the primary text read ('primary')")
    if status == UNVERIFIED and not sources:
        raise ReferenceDataError(f"{where}: an unverified citation must name its sources ('sources')")
    return Verification(
        status=status,
        checked_on=checked_on if isinstance(checked_on, dt.date) else None,
        primary=str(primary) if primary else None,
        sources=str(sources) if sources else None,
        note=optional_text(value, "note", f"{where}.verification"),
    )


def entry_verification(raw: Any, where: str, inherited: Verification) -> Verification:
    """The status of one entry of a file: its own ``verification`` if any, else the file's."""
    if isinstance(raw, dict) and raw.get("verification") is not None:
        return parse_verification(raw["verification"], where, inherited)
    return inherited


@dataclass(frozen=True)
class UnverifiedItem:
    """One file or entry whose citation is not verified, as ``caio reference list --unverified`` lists it."""

    file_id: str
    file_name: str
    path: str  # "" for the file itself, else e.g. "amendments[digital_omnibus_ai]"
    citation: str
    verification: Verification

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        v = self.verification
        return {
            "file_id": self.file_id,
            "file_name": self.file_name,
            "path": self.path,
            "citation": self.citation,
            "status": v.status,
            "checked_on": v.checked_on.isoformat() if v.checked_on else None,
            "sources": v.sources,
            "note": {"fr": v.note.fr, "en": v.note.en} if v.note else None,
        }


_CITATION_KEYS = ("reference", "article", "legal_basis", "title", "key", "id")


def _citation(node: dict[str, Any]) -> str:
    parts = [str(node[k]) for k in ("reference", "article", "legal_basis") if node.get(k)]
    if node.get("date"):
        parts.append(str(node["date"]))
    if not parts:
        parts = [str(node[k]) for k in _CITATION_KEYS if node.get(k)][:1]
    return ", ".join(parts)


def _walk(node: Any, path: str, file_status: Verification, where: str):  # noqa: ANN202 - a generator
    """Yield (path, node, verification) for every mapping below ``node`` that has its own status."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "verification":
                continue
            sub = f"{path}.{key}" if path else str(key)
            if isinstance(value, dict) and value.get("verification") is not None:
                yield sub, value, parse_verification(value["verification"], f"{where} {sub}", file_status)
            yield from _walk(value, sub, file_status, where)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            label = value.get("key") or value.get("id") if isinstance(value, dict) else None
            sub = f"{path}[{label if label is not None else i}]"
            if isinstance(value, dict) and value.get("verification") is not None:
                yield sub, value, parse_verification(value["verification"], f"{where} {sub}", file_status)
            yield from _walk(value, sub, file_status, where)


def verification_entries(file_name: str) -> list[tuple[str, str, Verification]]:
    """(path, citation, status) of the file itself (path "") and of every entry with its own status."""
    from caio_desktop.reference.loader import read_reference_file

    ref = read_reference_file(file_name)
    file_status = ref.meta.verification
    entries = [("", ref.meta.source_reference or ref.meta.source_title, file_status)]
    for path, node, status in _walk(ref.data, "", file_status, file_name):
        entries.append((path, _citation(node), status))
    return entries


def unverified_items() -> list[UnverifiedItem]:
    """Every file and entry of the reference content (shipped or updated) whose status is unverified."""
    from caio_desktop.reference.loader import list_data_files, read_reference_file

    items = []
    for name in list_data_files():
        file_id = read_reference_file(name).meta.id
        for path, citation, status in verification_entries(name):
            if status.unverified:
                items.append(UnverifiedItem(file_id, name, path, citation, status))
    return sorted(items, key=lambda i: (i.file_id, i.path))
