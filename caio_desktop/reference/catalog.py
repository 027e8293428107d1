"""Catalogue of the shipped reference files, for ``caio reference list`` and the About dialog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from caio_desktop.reference.loader import list_data_files, read_reference_file


@dataclass(frozen=True)
class ReferenceInfo:
    """Provenance of one reference file: what it is, where it comes from, how fresh it is."""

    id: str
    version: str
    source_title: str
    source_url: str | None
    source_reference: str | None
    as_of: dt.date
    licence: str
    file_name: str
    verification: str = "unverified"  # verified | unverified | original, for the whole file
    verification_checked_on: dt.date | None = None

    def to_dict(self) -> dict[str, str | None]:
        """JSON-able form (dates as ISO strings)."""
        return {
            "id": self.id,
            "version": self.version,
            "source_title": self.source_title,
            "source_url": self.source_url,
            "source_reference": self.source_reference,
            "as_of": self.as_of.isoformat(),
            "licence": self.licence,
            "file_name": self.file_name,
            "verification": self.verification,
            "verification_checked_on": (self.verification_checked_on.isoformat()
                                        if self.verification_checked_on else None),
        }


def list_reference_files() -> list[ReferenceInfo]:
    """Every reference file shipped in the package, sorted by id; raises if one is malformed."""
    infos = []
    for name in list_data_files():
        meta = read_reference_file(name).meta
        infos.append(
            ReferenceInfo(
                id=meta.id,
                version=meta.version,
                source_title=meta.source_title,
                source_url=meta.source_url,
                source_reference=meta.source_reference,
                as_of=meta.as_of,
                licence=meta.licence,
                file_name=meta.file_name,
                verification=meta.verification.status,
                verification_checked_on=meta.verification.checked_on,
            )
        )
    return sorted(infos, key=lambda info: info.id)
