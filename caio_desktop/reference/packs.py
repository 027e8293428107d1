"""Reference data packs: updating the reference content without a release.

A pack is a zip of reference YAML files with a ``manifest.json`` at its root:

```json
{"format": "caio-reference-pack", "schema": 1, "id": "caio-reference", "version": "2026.12.1",
 "date": "2026-12-03",
 "files": [{"name": "ai_act.yaml", "id": "eu_ai_act", "version": "1.3.0", "sha256": "…"}]}
```

A pack is signed: ``manifest.sig`` holds a publisher's Ed25519 signature over the manifest's exact bytes
(``reference.signing``), and the manifest lists each file's SHA-256, so the signature covers every file.

``install_pack(path)`` checks everything before anything changes, and refuses with ``PackError`` (one
clear sentence) a pack that is not a zip, is unsigned, has a bad signature or one by a key that is not a
trusted publisher's, has no or a malformed manifest, an unknown format or schema, a
file not listed or listed but missing, a bad checksum, a file this version of CAIO Desktop does not know,
a header that disagrees with the manifest, an older pack or an older file than the content in use, or
content its loader rejects. An accepted pack is unpacked into ``pack_root()/current`` (the replaced one is
kept as ``previous``) through a staging folder and one rename, and the loaders' caches are cleared so the
app reads the new content at once. ``build_pack(files, out, sign_key=…)`` makes a signed pack (tests, and
whoever publishes updates).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import pkgutil
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from caio_desktop.reference import loader
from caio_desktop.reference.loader import (
    ReferenceDataError,
    installed_pack_dir,
    list_data_files,
    pack_root,
    read_reference_file,
    version_key,
)
from caio_desktop.reference.signing import (
    SIGNATURE,
    Publisher,
    SignatureError,
    sign_manifest,
    verify_manifest,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PACK_FORMAT = "caio-reference-pack"
SUPPORTED_SCHEMAS = frozenset({1})
MANIFEST = "manifest.json"
MAX_FILES = 64
MAX_FILE_BYTES = 8 * 1024 * 1024  # the largest shipped file is ~100 kB: anything near this is not ours


class PackError(ValueError):
    """A data pack was refused; the message says why in one sentence."""


@dataclass(frozen=True)
class PackFile:
    """One file of a pack, as its manifest lists it."""

    name: str
    id: str
    version: str
    sha256: str


@dataclass(frozen=True)
class PackManifest:
    """What a pack says it holds."""

    id: str
    version: str
    date: dt.date
    schema: int
    files: tuple[PackFile, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form written to ``manifest.json``."""
        return {"format": PACK_FORMAT, "schema": self.schema, "id": self.id, "version": self.version,
                "date": self.date.isoformat(),
                "files": [{"name": f.name, "id": f.id, "version": f.version, "sha256": f.sha256}
                          for f in self.files]}


@dataclass(frozen=True)
class InstallResult:
    """What an accepted pack changed: file id → (version before, version now)."""

    manifest: PackManifest
    changed: dict[str, tuple[str, str]]
    publisher: Publisher | None = None  # who signed it

    def summary(self) -> str:
        """One line per updated file, for the CLI and the Preferences message."""
        signed = f", signed by {self.publisher.name} ({self.publisher.key_id})" if self.publisher else ""
        lines = [f"reference pack {self.manifest.id} {self.manifest.version} ({self.manifest.date.isoformat()}) "
                 f"installed{signed}"]
        lines += [f"  {file_id}: {old} -> {new}" for file_id, (old, new) in sorted(self.changed.items())]
        return "\n".join(lines)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data`` (the checksum a manifest lists)."""
    return hashlib.sha256(data).hexdigest()


def reference_loaders() -> dict[str, Callable[[], Any]]:
    """File name → cached loader of every reference module (a module with ``FILE_NAME`` and a ``load_*``
    function), found by walking the package so that a new reference file needs no registration here."""
    import caio_desktop.reference as package

    found: dict[str, Callable[[], Any]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        file_name = getattr(module, "FILE_NAME", None)
        for name in dir(module):
            function = getattr(module, name)
            if file_name and name.startswith("load_") and hasattr(function, "cache_clear"):
                found[file_name] = function
    return found


def clear_caches() -> None:
    """Forget every loaded reference file, so the next read sees an installed (or removed) pack."""
    for function in reference_loaders().values():
        function.cache_clear()  # type: ignore[attr-defined]


def current_versions() -> dict[str, str]:
    """Reference id → version of the content in use (shipped or from a pack)."""
    return {read_reference_file(name).meta.id: read_reference_file(name).meta.version for name in list_data_files()}


def installed_manifest() -> PackManifest | None:
    """The manifest of the installed pack, or None when the shipped content is in use."""
    folder = installed_pack_dir()
    if folder is None:
        return None
    try:
        return _manifest(json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError, PackError):
        return None  # a damaged install reads as none; the loader then falls back to shipped files


def _manifest(raw: Any) -> PackManifest:
    if not isinstance(raw, dict):
        raise PackError("the manifest is not a JSON object")
    if raw.get("format") != PACK_FORMAT:
        raise PackError(f"unknown pack format {raw.get('format')!r} (expected {PACK_FORMAT!r})")
    if raw.get("schema") not in SUPPORTED_SCHEMAS:
        raise PackError(f"unknown pack schema {raw.get('schema')!r}: this version of CAIO Desktop reads schema "
                        f"{', '.join(str(s) for s in sorted(SUPPORTED_SCHEMAS))}; update the application")
    for key in ("id", "version", "date", "files"):
        if not raw.get(key):
            raise PackError(f"the manifest has no {key!r}")
    try:
        date = dt.date.fromisoformat(str(raw["date"]))
    except ValueError:
        raise PackError(f"the manifest's date {raw['date']!r} is not an ISO date") from None
    files = []
    if not isinstance(raw["files"], list):
        raise PackError("the manifest's 'files' is not a list")
    for entry in raw["files"]:
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("name", "id", "version", "sha256")):
            raise PackError("every file of the manifest needs a name, an id, a version and a sha256")
        files.append(PackFile(str(entry["name"]), str(entry["id"]), str(entry["version"]), str(entry["sha256"])))
    return PackManifest(id=str(raw["id"]), version=str(raw["version"]), date=date, schema=int(raw["schema"]),
                        files=tuple(files))


@dataclass(frozen=True)
class CheckedPack:
    """A pack whose signature, structure and checksums passed: what ``install_pack`` writes."""

    manifest: PackManifest
    contents: dict[str, bytes]  # file name → bytes
    manifest_bytes: bytes  # exactly as signed
    signature: bytes
    publisher: Publisher


def read_pack(path: Path, trusted: Mapping[str, Publisher] | None = None) -> CheckedPack:
    """Open a pack and check its signature, structure and checksums (not yet its content or versions).

    The signature is checked against ``trusted`` (key id → publisher; default: the trusted publishers,
    ``signing.trusted_publishers()``) before the manifest is even parsed."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError):
        raise PackError(f"{path.name}: not a reference data pack (not a zip file)") from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        names = [i.filename for i in infos]
        if MANIFEST not in names:
            raise PackError(f"{path.name}: no {MANIFEST} in the pack")
        if len(infos) > MAX_FILES + 2 or any(i.file_size > MAX_FILE_BYTES for i in infos):
            raise PackError(f"{path.name}: too many or too large files for a reference data pack")
        manifest_bytes = archive.read(MANIFEST)
        signature = archive.read(SIGNATURE) if SIGNATURE in names else None
        try:
            publisher = verify_manifest(manifest_bytes, signature, trusted)
        except SignatureError as exc:
            raise PackError(f"{path.name}: {exc}") from None
        try:
            manifest = _manifest(json.loads(manifest_bytes.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise PackError(f"{path.name}: {MANIFEST} is not valid JSON") from None
        listed = {f.name for f in manifest.files}
        for name in names:
            if name not in (MANIFEST, SIGNATURE) and name not in listed:
                raise PackError(f"{path.name}: {name} is in the pack but not in its manifest")
        contents: dict[str, bytes] = {}
        for entry in manifest.files:
            if "/" in entry.name or "\\" in entry.name or not entry.name.endswith((".yaml", ".yml")):
                raise PackError(f"{path.name}: {entry.name!r} is not a reference file name")
            if entry.name not in names:
                raise PackError(f"{path.name}: {entry.name} is listed in the manifest but missing")
            data = archive.read(entry.name)
            if sha256(data) != entry.sha256.lower():
                raise PackError(f"{path.name}: bad checksum for {entry.name}: the file is damaged or was "
                                "altered after the pack was made")
            contents[entry.name] = data
    return CheckedPack(manifest=manifest, contents=contents, manifest_bytes=manifest_bytes,
                       signature=signature or b"", publisher=publisher)


def check_pack(path: Path, trusted: Mapping[str, Publisher] | None = None) -> tuple[CheckedPack,
                                                                                     dict[str, tuple[str, str]]]:
    """Everything ``install_pack`` checks, without installing: returns the checked pack and the versions
    each file would change (file id → (in use, in the pack)). ``trusted`` as for ``read_pack``."""
    pack = read_pack(path, trusted)
    manifest, contents = pack.manifest, pack.contents
    known = set(list_data_files())
    installed = installed_manifest()
    if installed is not None:
        if version_key(manifest.version) < version_key(installed.version):
            raise PackError(f"{path.name}: older version {manifest.version} of the pack; version "
                            f"{installed.version} is installed")
        if version_key(manifest.version) == version_key(installed.version):
            raise PackError(f"{path.name}: version {manifest.version} is already installed")
    changed: dict[str, tuple[str, str]] = {}
    for entry in manifest.files:
        if entry.name not in known:
            raise PackError(f"{path.name}: unknown reference file {entry.name} (unknown schema for this "
                            "version of CAIO Desktop; update the application)")
        try:
            header = loader.parse_reference_data(yaml.safe_load(contents[entry.name].decode("utf-8")), entry.name)
        except (UnicodeDecodeError, yaml.YAMLError) as exc:
            raise PackError(f"{path.name}: {entry.name} is not valid YAML ({exc.__class__.__name__})") from None
        except ReferenceDataError as exc:
            raise PackError(f"{path.name}: {exc}") from None
        if (header.meta.id, header.meta.version) != (entry.id, entry.version):
            raise PackError(f"{path.name}: {entry.name} is {header.meta.id} {header.meta.version} but the "
                            f"manifest says {entry.id} {entry.version}")
        in_use = read_reference_file(entry.name).meta
        if in_use.id != entry.id:
            raise PackError(f"{path.name}: {entry.name} holds {entry.id}, not {in_use.id}")
        if version_key(entry.version) < version_key(in_use.version):
            raise PackError(f"{path.name}: older version of {entry.id} ({entry.version}) than the one in use "
                            f"({in_use.version})")
        if entry.version != in_use.version:
            changed[entry.id] = (in_use.version, entry.version)
    _check_content(manifest, contents, path.name)
    return pack, changed


def _check_content(manifest: PackManifest, contents: dict[str, bytes], pack_name: str) -> None:
    """Run every loader over the pack's files (with the rest of the content as in use), so that content a
    loader would reject — a missing label, an unknown date key — never gets installed."""
    with tempfile.TemporaryDirectory(prefix="caio-pack-check-") as tmp:
        staging = Path(tmp)
        for name in list_data_files():
            data = contents.get(name)
            if data is None:
                data = yaml.safe_dump(read_reference_file(name).data, allow_unicode=True).encode("utf-8")
            (staging / name).write_bytes(data)
        loaders = reference_loaders()
        previous, loader._staging_root = loader._staging_root, staging
        try:
            clear_caches()
            for name in contents:
                if name in loaders:
                    loaders[name]()
        except ReferenceDataError as exc:
            raise PackError(f"{pack_name}: {exc}") from None
        finally:
            loader._staging_root = previous
            clear_caches()


def install_pack(path: Path, trusted: Mapping[str, Publisher] | None = None) -> InstallResult:
    """Check ``path`` and install it as the reference content in use; ``PackError`` if refused.

    ``trusted`` (key id → publisher) replaces the trusted publishers for this call (tests); the signature
    is checked either way."""
    pack, changed = check_pack(path, trusted)
    manifest, contents = pack.manifest, pack.contents
    root = pack_root()
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=root))
    try:
        for name, data in contents.items():
            (staging / name).write_bytes(data)
        # The signed bytes as they came, so the installed folder can be verified again; the manifest
        # last: a folder with a manifest is a complete pack.
        (staging / SIGNATURE).write_bytes(pack.signature)
        (staging / MANIFEST).write_bytes(pack.manifest_bytes)
        current, previous = root / "current", root / "previous"
        if previous.exists():
            shutil.rmtree(previous)
        if current.exists():
            current.rename(previous)
        staging.rename(current)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PackError(f"could not install the pack in {root}: {exc.strerror or exc}") from None
    clear_caches()
    return InstallResult(manifest=manifest, changed=changed, publisher=pack.publisher)


def build_pack(files: dict[str, bytes], out: Path, *, pack_id: str = "caio-reference", version: str,
               date: dt.date | None = None, schema: int = 1,
               sign_key: Ed25519PrivateKey | None = None) -> PackManifest:
    """Write a pack of ``files`` (name → YAML bytes) to ``out``, with their checksums in the manifest,
    signed with ``sign_key`` (an unsigned pack, without one, is refused by ``install_pack``)."""
    entries = []
    for name, data in sorted(files.items()):
        header = yaml.safe_load(data.decode("utf-8"))
        entries.append(PackFile(name=name, id=str(header["id"]), version=str(header["version"]), sha256=sha256(data)))
    manifest = PackManifest(id=pack_id, version=version, date=date or dt.date.today(), schema=schema,
                            files=tuple(entries))
    manifest_bytes = json.dumps(manifest.to_dict(), indent=2).encode("utf-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        if sign_key is not None:
            archive.writestr(SIGNATURE, sign_manifest(manifest_bytes, sign_key))
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    return manifest
