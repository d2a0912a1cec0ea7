"""Helpers for the set-up checks."""

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_lib(snippet, env=None, check=True, timeout=1800):
    """Run ``snippet`` in bash after sourcing scripts/lib.sh; return the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    result = subprocess.run(
        ["bash", "-c", f'source "{REPO}/scripts/lib.sh"\n{snippet}'],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if check and result.returncode:
        raise AssertionError(f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return result


def psql(db, sql):
    user = os.environ.get("MENTORSHIP_DB_USER", "mentorship")
    out = subprocess.run(
        ["psql", "-U", user, "-d", db, "-tAc", sql], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("|") for line in out.strip().splitlines() if line]


def drop_db(name):
    user = os.environ.get("MENTORSHIP_DB_USER", "mentorship")
    subprocess.run(["dropdb", "-U", user, "--if-exists", name], check=False, capture_output=True)
