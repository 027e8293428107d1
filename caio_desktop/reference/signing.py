"""Publisher signatures of reference data packs: Ed25519 over the bytes of ``manifest.json``.

The manifest lists each file's SHA-256, so a signature over the manifest's exact bytes covers every
file of the pack. A pack carries the signature as ``manifest.sig``:

```json
{"algorithm": "ed25519", "key_id": "3f2a…", "signature": "<base64 of 64 bytes>"}
```

It is verified against the **trusted publishers**, a list of public keys read from two files (the union):

- ``caio_desktop/resources/reference/publishers.json``, shipped with the application (empty in this
  release: the project's own signing key is not published yet, see docs/reference-content.md);
- the user's ``publishers.json``: ``<user config>/caio-desktop/publishers.json``, or the file the
  environment variable ``CAIO_PUBLISHERS_FILE`` names (tests, portable installs). A firm adds its own
  publisher key there, with ``caio reference trust KEY.publisher.json`` or by dropping the file in.

Both files read ``{"publishers": [{"key_id": "…", "name": "…", "public_key": "<base64 of 32 bytes>"}]}``.
A pack that is unsigned, whose signature does not verify, or whose key id is not trusted is refused
(``SignatureError``, one sentence). There is no switch that skips the check.

The cryptography itself is the ``cryptography`` package's Ed25519 (no hand-written crypto); it is imported
where it is used, so that ``caio --help`` does not load it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caio_desktop.reference.loader import RESOURCE_PACKAGE

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SIGNATURE = "manifest.sig"
ALGORITHM = "ed25519"
PUBLISHERS_FILE = "publishers.json"
#: Environment variable naming the user's trusted-publishers file instead of the one in the config dir.
PUBLISHERS_FILE_VARIABLE = "CAIO_PUBLISHERS_FILE"


class SignatureError(ValueError):
    """A pack's signature is missing, does not verify, or names a publisher that is not trusted."""


@dataclass(frozen=True)
class Publisher:
    """A trusted publisher: the key id a signature names, a display name and the raw Ed25519 public key."""

    key_id: str
    name: str
    public_key: bytes  # 32 bytes

    def to_dict(self) -> dict[str, str]:
        """The ``publishers.json`` entry."""
        return {"key_id": self.key_id, "name": self.name,
                "public_key": base64.b64encode(self.public_key).decode("ascii")}


def key_id_of(public_key: bytes) -> str:
    """The key id of a raw public key: the first 16 hex digits of its SHA-256 (what ``keygen`` writes)."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def user_publishers_file() -> Path:
    """The user's trusted-publishers file (``CAIO_PUBLISHERS_FILE``, else in the user's config dir)."""
    configured = os.environ.get(PUBLISHERS_FILE_VARIABLE)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_config_dir("caio-desktop", appauthor=False)) / PUBLISHERS_FILE


def parse_publishers(raw: Any, origin: str) -> list[Publisher]:
    """The publishers of a ``publishers.json`` mapping; ``SignatureError`` naming ``origin`` if malformed."""
    entries = raw.get("publishers") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise SignatureError(f"{origin}: not a trusted-publishers file (expected a 'publishers' list)")
    publishers = []
    for entry in entries:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry.get(k)
                                                  for k in ("key_id", "name", "public_key")):
            raise SignatureError(f"{origin}: every publisher needs a key_id, a name and a public_key")
        try:
            key = base64.b64decode(entry["public_key"], validate=True)
        except (binascii.Error, ValueError):
            raise SignatureError(f"{origin}: the public key of {entry['key_id']} is not base64") from None
        if len(key) != 32:
            raise SignatureError(f"{origin}: the public key of {entry['key_id']} is not an Ed25519 key "
                                 "(32 bytes)")
        publishers.append(Publisher(key_id=entry["key_id"], name=entry["name"], public_key=key))
    return publishers


def read_publishers(path: Path) -> list[Publisher]:
    """The publishers listed in ``path`` (none when it does not exist)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise SignatureError(f"{path}: cannot read the trusted publishers ({exc.strerror or exc})") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError:
        raise SignatureError(f"{path}: the trusted-publishers file is not valid JSON") from None
    return parse_publishers(raw, str(path))


def shipped_publishers() -> list[Publisher]:
    """The publishers the application ships as trusted (``resources/reference/publishers.json``)."""
    text = resources.files(RESOURCE_PACKAGE).joinpath(PUBLISHERS_FILE).read_text(encoding="utf-8")
    return parse_publishers(json.loads(text), PUBLISHERS_FILE)


def trusted_publishers() -> dict[str, Publisher]:
    """Key id → publisher, for every key the application ships and the user added."""
    found = {p.key_id: p for p in shipped_publishers()}
    found.update((p.key_id, p) for p in read_publishers(user_publishers_file()))
    return found


def add_trusted_publishers(publishers: Iterable[Publisher], path: Path | None = None) -> Path:
    """Add (or replace, by key id) publishers in the user's trusted-publishers file; returns the file."""
    path = path or user_publishers_file()
    merged = {p.key_id: p for p in read_publishers(path)}
    merged.update((p.key_id, p) for p in publishers)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps({"publishers": [p.to_dict() for p in merged.values()]}, indent=2) + "\n",
                   encoding="utf-8")
    tmp.replace(path)
    return path


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """An Ed25519 private key from a PEM file (PKCS#8, unencrypted) or the base64 of its 32-byte seed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SignatureError(f"{path}: cannot read the signing key ({exc.strerror or exc})") from None
    if b"-----BEGIN" in data:
        try:
            key = load_pem_private_key(data, password=None)
        except (ValueError, TypeError):
            raise SignatureError(f"{path}: not an unencrypted PEM private key") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise SignatureError(f"{path}: not an Ed25519 private key")
        return key
    try:
        seed = base64.b64decode(data.strip(), validate=True)
    except (binascii.Error, ValueError):
        seed = b""
    if len(seed) != 32:
        raise SignatureError(f"{path}: not an Ed25519 private key (PEM, or the base64 of 32 bytes)")
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_bytes(private_key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte public key of ``private_key``."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def generate_key(out: Path, name: str) -> Publisher:
    """Write a new Ed25519 private key to ``out`` (PEM, owner-only) and return its publisher entry."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    from caio_desktop.workspace.files import create_owner_only

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    create_owner_only(out)  # 0600 from the start: the key never sits readable by others
    out.write_bytes(pem)
    public = public_bytes(key)
    return Publisher(key_id=key_id_of(public), name=name, public_key=public)


def sign_manifest(manifest: bytes, private_key: Ed25519PrivateKey) -> bytes:
    """The ``manifest.sig`` content for the exact bytes ``manifest``."""
    signature = private_key.sign(manifest)
    return json.dumps({"algorithm": ALGORITHM, "key_id": key_id_of(public_bytes(private_key)),
                       "signature": base64.b64encode(signature).decode("ascii")}, indent=2).encode("utf-8")


def verify_manifest(manifest: bytes, signature: bytes | None,
                    trusted: Mapping[str, Publisher] | None = None) -> Publisher:
    """The publisher whose key signed ``manifest``; ``SignatureError`` when the signature is missing, names
    an untrusted key or does not verify. ``trusted`` defaults to ``trusted_publishers()``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if signature is None:
        raise SignatureError(f"unsigned pack (no {SIGNATURE}): only packs signed by a trusted publisher "
                             "are installed")
    try:
        raw = json.loads(signature.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SignatureError(f"{SIGNATURE} is not valid JSON") from None
    if not isinstance(raw, dict) or raw.get("algorithm") != ALGORITHM or not isinstance(raw.get("key_id"), str):
        raise SignatureError(f"{SIGNATURE} is not an {ALGORITHM} signature with a key id")
    try:
        value = base64.b64decode(str(raw.get("signature", "")), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(f"{SIGNATURE}: the signature is not base64") from None
    trusted = trusted_publishers() if trusted is None else trusted
    publisher = trusted.get(raw["key_id"])
    if publisher is None:
        raise SignatureError(f"signed with unknown key {raw['key_id']}: it is not a trusted publisher's (add "
                             f"the publisher's key to {user_publishers_file()} if you trust it)")
    try:
        Ed25519PublicKey.from_public_bytes(publisher.public_key).verify(value, manifest)
    except InvalidSignature:
        raise SignatureError(f"bad signature: the manifest was altered after {publisher.name} "
                             f"({publisher.key_id}) signed it, or another key signed it") from None
    return publisher
