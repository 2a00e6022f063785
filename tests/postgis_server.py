"""A throwaway PostgreSQL/PostGIS server for the tests: the session fixture :func:`postgis`.

``initdb`` (Debian's ``/usr/lib/postgresql/<version>/bin``, installed by ``make setup``) creates a cluster in a
temporary folder; the server listens on a free port of 127.0.0.1 (password authentication, so that credentials
really matter) and on a unix socket in that folder (no password, for the set-up done here with ``psql``); the
database ``qm`` has the ``postgis`` extension. PostgreSQL refuses to run as root: under root the cluster belongs
to the unprivileged user ``nobody`` and its commands run through ``runuser``. Everything is removed afterwards.

Nothing here imports qgis.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile

import pytest

DBNAME = "qm"
USER = "qm_owner"
PASSWORD = "qm-secret-pw"
SUPERUSER = "postgres"


def _bin_dir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if not found:
        raise RuntimeError("PostgreSQL is not installed (initdb not found in /usr/lib/postgresql/*/bin): run "
                           "`make setup`, which installs the Debian packages postgresql and postgresql-postgis.")
    return os.path.dirname(found[-1])


def free_port():
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgisServer:
    """A running throwaway server: ``host``, ``port``, ``dbname``, ``user``, ``password``; :meth:`sql` runs SQL
    as the superuser through the unix socket; :meth:`uri` gives a QGIS ``postgres`` layer URI."""

    def __init__(self, folder, bin_dir):
        self.folder, self.bin_dir = folder, bin_dir
        self.data = os.path.join(folder, "data")
        self.socket_dir = folder
        self.host, self.port = "127.0.0.1", free_port()
        self.dbname, self.user, self.password = DBNAME, USER, PASSWORD
        self.as_user = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []

    def _run(self, args, **kwargs):
        return subprocess.run(self.as_user + args, check=True, cwd=self.folder, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, **kwargs)

    def start(self):
        if self.as_user:
            shutil.chown(self.folder, "nobody")
        pwfile = os.path.join(self.folder, "pw")
        with open(pwfile, "w") as handle:
            handle.write(PASSWORD + "\n")
        if self.as_user:
            shutil.chown(pwfile, "nobody")
        self._run([os.path.join(self.bin_dir, "initdb"), "-D", self.data, "-U", SUPERUSER, "-E", "UTF8",
                   "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile", pwfile])
        options = "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " \
                  "-c full_page_writes=off".format(self.port, self.socket_dir)
        self._run([os.path.join(self.bin_dir, "pg_ctl"), "-D", self.data, "-o", options, "-l",
                   os.path.join(self.folder, "server.log"), "-w", "-t", "60", "start"])
        self.sql("CREATE ROLE {} LOGIN PASSWORD '{}'".format(USER, PASSWORD), dbname="postgres")
        self.sql("CREATE DATABASE {} OWNER {}".format(DBNAME, USER), dbname="postgres")
        self.sql("CREATE EXTENSION postgis")

    def stop(self):
        try:
            self._run([os.path.join(self.bin_dir, "pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop"])
        except subprocess.CalledProcessError:
            pass

    def sql(self, text, dbname=None, user=SUPERUSER):
        """Run ``text`` (one or more statements) with psql through the unix socket; returns psql's output
        (unaligned, tuples only, ``|`` between columns)."""
        result = subprocess.run(
            [os.path.join(self.bin_dir, "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
             self.socket_dir, "-p", str(self.port), "-U", user, "-d", dbname or self.dbname, "-c", text],
            check=False, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError("psql failed: {}\n{}".format(text[:200], result.stderr))
        return result.stdout.strip()

    def connection(self, password=True):
        """The connection part of a QGIS URI (host, port, dbname, user and, with ``password``, the password)."""
        text = "dbname='{}' host={} port={} user='{}'".format(self.dbname, self.host, self.port, self.user)
        if password:
            text += " password='{}'".format(self.password)
        return text + " sslmode=disable"

    def uri(self, table, schema="public", geometry="geom", key="fid", password=True, extra=""):
        """A QGIS ``postgres`` layer URI of ``schema.table`` (``geometry`` None: a table without geometry)."""
        text = self.connection(password)
        if key:
            text += " key='{}'".format(key)
        if extra:
            text += " " + extra
        text += ' table="{}"."{}"'.format(schema, table)
        if geometry:
            text += " ({})".format(geometry)
        return text

    def destination(self, table, schema="public", geometry="geom"):
        """A Processing output destination ``postgres://…`` as QGIS's "Save to Database Table" writes it."""
        return "postgres://" + self.uri(table, schema, geometry, key="fid")


@pytest.fixture(scope="session")
def postgis():
    """A running throwaway PostGIS server (:class:`PostgisServer`) for the whole session."""
    folder = tempfile.mkdtemp(prefix="qm-pg-")
    server = PostgisServer(folder, _bin_dir())
    try:
        server.start()
    except subprocess.CalledProcessError as err:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError("Could not start the test PostgreSQL server: {}".format(err.output)) from err
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
