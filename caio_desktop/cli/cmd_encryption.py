"""Encryption commands: `caio encrypt`, `caio rekey`, `caio decrypt`.

Passphrases are read from files (`--passphrase-file`, `--new-passphrase-file`), never taken on the
command line, where other users of the machine could read them in the process list.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from caio_desktop.cli.common import fail, passphrase, read_passphrase_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("encrypt", help="encrypt a workspace (and its snapshots) with a passphrase")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_encrypt)  # --passphrase-file (required here) is added to every command

    p = sub.add_parser("rekey", help="change the passphrase of an encrypted workspace")
    p.add_argument("file", type=Path)
    p.add_argument("--new-passphrase-file", type=Path, required=True, metavar="FILE",
                   help="file holding the new passphrase")
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("decrypt", help="write a plain (unencrypted) copy of an encrypted workspace")
    p.add_argument("file", type=Path)
    p.add_argument("out", type=Path, metavar="OUT.caio")
    p.set_defaults(func=cmd_decrypt)


def _given() -> str:
    given = passphrase()
    if given is None:
        raise fail("give the passphrase with --passphrase-file FILE (never on the command line)")
    return given


def cmd_encrypt(args: argparse.Namespace) -> int:
    from caio_desktop.workspace.encryption import encrypt_workspace

    encrypt_workspace(args.file, _given())
    print(f"encrypted {args.file}; keep the passphrase safe: without it the file cannot be opened")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    from caio_desktop.workspace.encryption import change_passphrase

    change_passphrase(args.file, old=_given(), new=read_passphrase_file(args.new_passphrase_file))
    print(f"passphrase of {args.file} changed")
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    from caio_desktop.workspace.encryption import decrypt_workspace

    if args.out.suffix != ".caio":
        raise fail(f"{args.out}: a workspace file name must end in .caio")
    decrypt_workspace(args.file, args.out, passphrase=_given())
    print(f"wrote the decrypted copy {args.out}; it is not protected by the passphrase")
    return 0
