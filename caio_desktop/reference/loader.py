"""Shared loading and validation of reference data files.

Every reference file under ``caio_desktop/resources/reference`` is a YAML mapping that starts with the
same metadata header (``id``, ``version``, ``source``, ``as_of``, ``licence``) and stores every label
as a ``{fr: ..., en: ...}`` mapping. This module reads a file, checks that header, and offers small
helpers (``Text``, ``require``, ``text_of``) that the per-file loaders use so that a malformed file
always fails with a message naming the file and the offending key, not with a bare ``KeyError``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from caio_desktop.reference.verification import Verification

#: Package holding the data files; resources live inside the package so they ship in wheels.
RESOURCE_PACKAGE = "caio_desktop.resources.reference"

#: Languages every label must exist in.
LANGUAGES: tuple[str, ...] = ("fr", "en")

#: Language used when a requested language is missing or unknown.
FALLBACK_LANGUAGE = "en"

_REQUIRED_HEADER = ("id", "version", "source", "as_of", "licence", "verification")


class ReferenceDataError(ValueError):
    """A reference data file is missing, unreadable or does not have the expected shape."""


@dataclass(frozen=True)
class Text:
    """A label or description available in French and English."""

    fr: str
    en: str

    def get(self, lang: str) -> str:
        """Return the text in ``lang`` ("fr" or "en"), falling back to English."""
        if lang.lower().startswith("fr") and self.fr:
            return self.fr
        return self.en or self.fr

    def __str__(self) -> str:  # Handy in logs and f-strings; the UI always calls get(lang).
        return self.en



class Described:
    """Base of reference entries that have a `name` and a `summary` (both FR/EN): what people see of
    them, in either language."""

    name: Text
    summary: Text

    def label(self, lang: str) -> str:
        """Display name in ``lang``."""
        return self.name.get(lang)

    def description(self, lang: str) -> str:
        """What the entry says or covers, in ``lang``."""
        return self.summary.get(lang)

@dataclass(frozen=True)
class ReferenceMeta:
    """The metadata header of one reference file: where the content comes from and how fresh it is."""

    id: str
    version: str
    source_title: str
    source_url: str | None
    source_reference: str | None
    as_of: dt.date
    licence: str
    file_name: str
    # How far the file's citations were checked against the primary text (entries may say more).
    verification: Verification


@dataclass(frozen=True)
class ReferenceFile:
    """A parsed reference file: its validated metadata and the raw mapping for a specific loader."""

    meta: ReferenceMeta
    data: dict[str, Any]


#: Environment variable naming the folder where reference data packs are installed (tests, portable use).
PACK_DIR_VARIABLE = "CAIO_REFERENCE_DIR"

# While a data pack is checked, its staging folder is read instead of the installed content.
_staging_root: Path | None = None


def pack_root() -> Path:
    """The folder holding the installed reference data pack (``current/``) and the previous one."""
    configured = os.environ.get(PACK_DIR_VARIABLE)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_data_dir("caio-desktop", appauthor=False)) / "reference"


def installed_pack_dir() -> Path | None:
    """The installed pack's folder when a pack is installed (or being checked), else None."""
    if _staging_root is not None:
        return _staging_root
    current = pack_root() / "current"
    return current if (current / "manifest.json").is_file() else None


def version_key(version: str) -> tuple:
    """A content version as something that compares: "1.10.0" > "1.9.2"; non-numeric parts compare as text."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"[.\-+]", str(version)))


def list_data_files() -> list[str]:
    """Names of every ``*.yaml`` file shipped in the reference resource package, sorted."""
    root = resources.files(RESOURCE_PACKAGE)
    return sorted(p.name for p in root.iterdir() if p.name.endswith((".yaml", ".yml")))


def _parse_text(raw_text: str, file_name: str) -> ReferenceFile:
    try:
        data = yaml.safe_load(raw_text)
    except yaml.YAMLError as exc:
        raise ReferenceDataError(f"{file_name}: invalid YAML: {exc}") from exc
    return parse_reference_data(data, file_name)


def read_reference_file(file_name: str) -> ReferenceFile:
    """Read ``file_name`` and validate its metadata header: the shipped file, or the installed data
    pack's when it is newer (a pack updates content without a release; a later release may ship a newer
    file than an old pack, and then the shipped one wins).

    Raises ``ReferenceDataError`` naming the file when it is missing, not valid YAML, not a mapping,
    or when a header field is missing or malformed.
    """
    pack = installed_pack_dir()
    packed = pack / file_name if pack is not None else None
    if packed is not None and packed.is_file():
        updated = _parse_text(packed.read_text(encoding="utf-8"), file_name)
        if _staging_root is not None:
            return updated  # a pack being checked is read as it is
        shipped = _read_shipped(file_name)
        return updated if version_key(updated.meta.version) >= version_key(shipped.meta.version) else shipped
    return _read_shipped(file_name)


def _read_shipped(file_name: str) -> ReferenceFile:
    resource = resources.files(RESOURCE_PACKAGE).joinpath(file_name)
    try:
        raw_text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ReferenceDataError(f"{file_name}: reference file not found") from exc
    return _parse_text(raw_text, file_name)


def parse_reference_data(data: Any, file_name: str) -> ReferenceFile:
    """Validate the metadata header of already-parsed ``data`` (exposed for tests)."""
    if not isinstance(data, dict):
        raise ReferenceDataError(f"{file_name}: top level must be a mapping, got {type(data).__name__}")
    missing = [key for key in _REQUIRED_HEADER if key not in data]
    if missing:
        raise ReferenceDataError(f"{file_name}: missing metadata field(s): {', '.join(missing)}")
    source = data["source"]
    if not isinstance(source, dict) or not source.get("title"):
        raise ReferenceDataError(f"{file_name}: 'source' must be a mapping with a non-empty 'title'")
    if not (source.get("url") or source.get("reference")):
        raise ReferenceDataError(f"{file_name}: 'source' needs a 'url' or a legal 'reference'")
    as_of = data["as_of"]
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of)
        except ValueError as exc:
            raise ReferenceDataError(f"{file_name}: 'as_of' is not an ISO date: {as_of!r}") from exc
    if not isinstance(as_of, dt.date):
        raise ReferenceDataError(f"{file_name}: 'as_of' must be an ISO date (YYYY-MM-DD)")
    for key in ("id", "version", "licence"):
        if not isinstance(data[key], (str, int, float)) or str(data[key]).strip() == "":
            raise ReferenceDataError(f"{file_name}: metadata field '{key}' must be a non-empty string")
    from caio_desktop.reference.verification import parse_verification  # it imports this module

    verification = parse_verification(data["verification"], f"{file_name}: header")
    meta = ReferenceMeta(
        id=str(data["id"]),
        version=str(data["version"]),
        source_title=str(source["title"]),
        source_url=str(source["url"]) if source.get("url") else None,
        source_reference=str(source["reference"]) if source.get("reference") else None,
        as_of=as_of,
        licence=str(data["licence"]),
        file_name=file_name,
        verification=verification,
    )
    return ReferenceFile(meta=meta, data=data)


def require(mapping: Any, key: str, where: str) -> Any:
    """Return ``mapping[key]`` or raise ``ReferenceDataError`` saying where it was expected."""
    if not isinstance(mapping, dict):
        raise ReferenceDataError(f"{where}: expected a mapping, got {type(mapping).__name__}")
    if key not in mapping:
        raise ReferenceDataError(f"{where}: missing key '{key}'")
    return mapping[key]


def text_of(value: Any, where: str) -> Text:
    """Turn a ``{fr: ..., en: ...}`` mapping into ``Text``; both languages must be non-empty."""
    if not isinstance(value, dict):
        raise ReferenceDataError(f"{where}: expected a {{fr, en}} mapping, got {value!r}")
    for lang in LANGUAGES:
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            raise ReferenceDataError(f"{where}: missing or empty '{lang}' text")
    return Text(fr=value["fr"].strip(), en=value["en"].strip())


def texts_of(value: Any, where: str) -> tuple[Text, ...]:
    """Turn a list of ``{fr, en}`` mappings into a tuple of ``Text``."""
    if not isinstance(value, list):
        raise ReferenceDataError(f"{where}: expected a list")
    return tuple(text_of(item, f"{where}[{i}]") for i, item in enumerate(value))


def optional_text(mapping: dict[str, Any], key: str, where: str) -> Text | None:
    """Like ``text_of(mapping[key])`` but returns None when the key is absent."""
    if key not in mapping or mapping[key] is None:
        return None
    return text_of(mapping[key], f"{where}.{key}")
