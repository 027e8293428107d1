"""A throw-away PostgreSQL server for the tests and the benches (issue 19): `initdb` into a temporary
folder, started on 127.0.0.1 on a free port, removed when stopped.

    server = ThrowAwayServer.start()      # ServerUnavailable(reason) when it cannot be
    server.url("mission-a")              # postgresql://caio@127.0.0.1:PORT/caio?engagement=mission-a
    server.stop()                        # (also at exit)

Made for speed, not for keeping data: `fsync=off`, no full-page writes, the unix socket in the temporary
folder. The superuser `caio` logs in without a password (trust) from this machine, and so do the roles
created without one (members of `caio_trusted`); a role created with a password must give it
(scram-sha-256), which is how the password prompt is tested. initdb refuses to run as root: as root the
server runs as the `postgres` user, its folder given to it.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "caio"
DATABASE = "caio"
TRUSTED_GROUP = "caio_trusted"
HOST = "127.0.0.1"
_SERVER_USER = "postgres"  # the Debian package's own account: who runs the server when we are root


_PREFIX = "caio-pg-"
_OWNER = "owner.pid"  # the process that started the server: once it is gone, so should the server be


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reap_orphans(bin_dir: Path, as_user: str | None) -> None:
    """Stop and remove the throw-away servers whose starting process died without stopping them (killed
    with SIGKILL: no atexit ran). Only our own folders, only when their owner process is gone."""
    for folder in Path(tempfile.gettempdir()).glob(_PREFIX + "*"):
        try:
            owner = int((folder / _OWNER).read_text())
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        ThrowAwayServer(folder, bin_dir, 0, as_user).stop()


class ServerUnavailable(RuntimeError):
    """The throw-away server cannot be installed or started here; the message says why."""


def find_bin_dir() -> Path:
    """The folder of `initdb` and `pg_ctl`: CAIO_PG_BIN, then PATH, then Debian's newest
    /usr/lib/postgresql/N/bin (Debian keeps them off PATH)."""
    wanted = os.environ.get("CAIO_PG_BIN")
    candidates = [Path(wanted)] if wanted else []
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).parent)
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                      if Path(p).parent.name.isdigit() else 0, reverse=True)
    candidates += [Path(p) for p in versions]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ServerUnavailable("initdb and pg_ctl were not found (run tools/ensure-postgres.sh, or set CAIO_PG_BIN)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class ThrowAwayServer:
    """One running throw-away server: its port, its folder, and the SQL a test needs to set up roles."""

    def __init__(self, root: Path, bin_dir: Path, port: int, as_user: str | None) -> None:
        self.root = root
        self.bin_dir = bin_dir
        self.port = port
        self._as_user = as_user
        self.stopped = False

    # --- lifecycle -----------------------------------------------------------------------------------
    @classmethod
    def start(cls, *, settings: dict[str, str] | None = None) -> ThrowAwayServer:
        """initdb, then start the server and create the `caio` database; ServerUnavailable otherwise."""
        bin_dir = find_bin_dir()
        as_user = None
        if os.geteuid() == 0:
            try:
                import pwd

                pwd.getpwnam(_SERVER_USER)
            except KeyError:
                raise ServerUnavailable(f"running as root and there is no {_SERVER_USER} user to run "
                                        "the server as (initdb refuses root)") from None
            as_user = _SERVER_USER
        _reap_orphans(bin_dir, as_user)
        root = Path(tempfile.mkdtemp(prefix=_PREFIX))
        (root / _OWNER).write_text(str(os.getpid()))
        server = cls(root, bin_dir, free_port(), as_user)
        try:
            server._init()
            server._launch(settings or {})
            server._create_database()
        except BaseException:
            server.stop()
            raise
        atexit.register(server.stop)
        return server

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_user:
            command = ["runuser", "-u", self._as_user, "--", *command]
        # A session of its own: a Ctrl-C at the terminal reaches the tests (which stop the server in
        # order), not the server behind their back.
        done = subprocess.run(command, capture_output=True, text=True, start_new_session=True, timeout=120)
        if check and done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise ServerUnavailable(f"{args[0]} failed: {detail[-1] if detail else done.returncode}")
        return done

    def _init(self) -> None:
        for folder in (self.data_dir, self.socket_dir):
            folder.mkdir(mode=0o700)
        if self._as_user:
            import pwd

            entry = pwd.getpwnam(self._as_user)
            for path in (self.root, self.data_dir, self.socket_dir):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run("initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        (self.data_dir / "pg_hba.conf").write_text(
            "# throw-away server: the superuser and the trusted test roles without a password,\n"
            "# every other role with its password (the prompt is tested with one)\n"
            f"local all all trust\n"
            f"host all {SUPERUSER},+{TRUSTED_GROUP} {HOST}/32 trust\n"
            f"host all all {HOST}/32 scram-sha-256\n", encoding="utf-8")

    def _launch(self, settings: dict[str, str]) -> None:
        options = {"listen_addresses": HOST, "port": str(self.port), "unix_socket_directories": str(self.socket_dir),
                   "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
                   "max_connections": "60", "shared_buffers": "64MB",
                   "shared_preload_libraries": "pg_stat_statements", **settings}
        flags = " ".join(f"-c {key}={value}" for key, value in options.items())
        log = self.root / "server.log"
        if self._as_user:
            log.touch()
            import pwd

            entry = pwd.getpwnam(self._as_user)
            os.chown(log, entry.pw_uid, entry.pw_gid)
        done = self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(log), "-o", flags, "-w", "-t", "60",
                         "start", check=False)
        if done.returncode != 0:
            tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
            raise ServerUnavailable("the server did not start: " + (" | ".join(tail) or done.stderr.strip()))

    def _create_database(self) -> None:
        self.execute(f"CREATE DATABASE {DATABASE}", database="postgres")
        self.execute(f"CREATE ROLE {TRUSTED_GROUP} NOLOGIN")
        self.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")

    def stop(self) -> None:
        """Stop the server (immediately: nothing in it is kept) and remove its folder."""
        if self.stopped:
            return
        self.stopped = True
        if (self.data_dir / "postmaster.pid").exists():
            with contextlib.suppress(Exception):
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop", check=False)
        # (the server may still be releasing its files for a moment)
        for _ in range(3):
            shutil.rmtree(self.root, ignore_errors=True)
            if not self.root.exists():
                break
            time.sleep(0.2)

    # --- addresses -----------------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def admin_url(self) -> str:
        """The superuser's URL of the `caio` database (no engagement)."""
        return f"postgresql://{SUPERUSER}@{HOST}:{self.port}/{DATABASE}"

    def url(self, key: str, *, user: str = SUPERUSER, password: str | None = None) -> str:
        """The URL of engagement `key` on this server, as `user`."""
        credentials = user if password is None else f"{user}:{password}"
        return f"postgresql://{credentials}@{HOST}:{self.port}/{DATABASE}?engagement={key}"

    # --- administration ------------------------------------------------------------------------------
    def execute(self, sql: str, *, database: str = DATABASE) -> list[tuple]:
        """Run `sql` as the superuser (autocommit) and return its rows, if any."""
        import psycopg

        with psycopg.connect(host=HOST, port=self.port, user=SUPERUSER, dbname=database,
                             autocommit=True) as conn:
            cursor = conn.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def engagement_schemas(self) -> list[str]:
        return [name for (name,) in self.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'caio\\_%' ORDER BY nspname")]

    def create_role(self, name: str, *, password: str | None = None, can_write: bool) -> None:
        """A login role with access to every engagement on the server now (`grant` gives one later):
        reading, and writing with `can_write`. Without a password it logs in as the superuser does."""
        role = _quote_ident(name)
        if password is None:
            self.execute(f"CREATE ROLE {role} LOGIN IN ROLE {TRUSTED_GROUP}")
        else:
            self.execute(f"CREATE ROLE {role} LOGIN PASSWORD {_quote_literal(password)}")
        self.execute(f"GRANT CONNECT ON DATABASE {DATABASE} TO {role}")
        for schema in self.engagement_schemas():
            self._grant_schema(name, schema, can_write)

    def grant(self, role: str, key: str, can_write: bool) -> None:
        """Give `role` engagement `key`: reading, and writing with `can_write` (the GRANTs of
        docs/team-mode.md)."""
        from caio_desktop.team.address import schema_name

        self._grant_schema(role, schema_name(key), can_write)

    def revoke(self, role: str, key: str) -> None:
        """Take engagement `key` away from `role` altogether (no USAGE on its schema)."""
        from caio_desktop.team.address import schema_name

        schema, who = _quote_ident(schema_name(key)), _quote_ident(role)
        self.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {who}; "
                     f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {who}; "
                     f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON TABLES FROM {who}; "
                     f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON SEQUENCES FROM {who}; "
                     f"REVOKE ALL ON SCHEMA {schema} FROM {who}")

    def _grant_schema(self, role: str, schema: str, can_write: bool) -> None:
        from caio_desktop.team.roles import grant_statements

        for statement in grant_statements(schema, role, can_write=can_write):
            self.execute(statement)
