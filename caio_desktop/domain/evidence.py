"""Evidence files as the consultant sees them: which registers take attachments, and the clean name a
file is written out under whatever name it arrived with.

No Qt, no SQLAlchemy: used by the storage, the CLI, the audit pack and the forms alike.
"""

from __future__ import annotations

import re
import unicodedata

# The registers whose rows carry evidence (issue 18): what an auditor asks proof of.
EVIDENCE_MODULES: tuple[str, ...] = (
    "compliance", "risks", "risk_actions", "decisions", "ai_systems", "trainings", "deliverables", "actions",
)

DEFAULT_LIMIT_MB = 100  # per file; the workspace setting `evidence_limit_mb` overrides it
LIMIT_SETTING = "evidence_limit_mb"

_MAX_NAME_BYTES = 200  # under every file system's 255, with room for a " (2)" suffix and a folder
_STORED_NAME_CHARS = 1000  # what we keep of a name as given: enough to recognise it, bounded
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')  # separators, Windows' reserved, control characters
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def stored_name(name: str) -> str:
    """`name` as kept in the workspace: valid text (a file name of undecodable bytes, which Python
    carries as surrogates, would not store), no NULs, bounded. Path separators stay: the name is only
    ever a label until `clean_name` makes a file name of it."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace").replace("\x00", "")
    return text[:_STORED_NAME_CHARS] or "attachment"


def clean_name(name: str, *, fallback: str = "attachment") -> str:
    """A file name safe to write on any system: the last path component only (no `..`, no folder),
    no separators or control characters, no leading dots (hidden files, `..`), no Windows device
    names, at most 200 UTF-8 bytes with the extension kept."""
    text = unicodedata.normalize("NFC", stored_name(name))
    text = re.split(r"[/\\]", text)[-1]
    text = _UNSAFE.sub("_", text).strip(" .")
    if not text:
        text = fallback
    stem, dot, ext = text.rpartition(".")
    if not dot or not stem or len(ext) > 16:
        stem, ext = text, ""
    if stem.lower() in _WINDOWS_DEVICES:
        stem = f"_{stem}"
    suffix = f".{ext}" if ext else ""
    room = _MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    stem = stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .") or fallback
    return stem + suffix


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name (2)`, `name (3)`… the first not in `taken` (compared case-blind, as Windows and
    macOS do); adds it to `taken`."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem} ({n})" + (f".{ext}" if ext else "")
    taken.add(candidate.lower())
    return candidate


def human_size(size: int | None) -> str:
    """1 234 567 → "1.2 MB" (decimal units, as file managers show them)."""
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"  # (unreachable)
