"""The Odoo source lookup of architecture §2: ODOO_SRC, then /opt/odoo/18.0, then a clone."""

import subprocess

from setup_helpers import run_lib


def _lookup(tmp_path, **env):
    base = {"MENTORSHIP_HOME": str(tmp_path / "home"), "ODOO_SRC": ""}
    base.update(env)
    return run_lib('find_odoo && echo "FOUND=$ODOO_DIR ADDONS=$ODOO_ADDONS"', env=base, check=False)


def _fake_odoo(path):
    (path / "odoo").mkdir(parents=True)
    (path / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    (path / "odoo" / "release.py").write_text("version_info = (18, 0, 0, 'final', 0, '')\n")
    return path


def test_default_dir_is_used(tmp_path):
    fake = _fake_odoo(tmp_path / "opt18")
    result = _lookup(tmp_path, ODOO_DEFAULT_DIR=str(fake))
    assert result.returncode == 0, result.stderr
    assert f"FOUND={fake} " in result.stdout
    assert f"ADDONS={fake}/odoo/addons" in result.stdout


def test_odoo_src_wins_and_must_be_odoo_18(tmp_path):
    fake = _fake_odoo(tmp_path / "src18")
    other = _fake_odoo(tmp_path / "opt18")
    result = _lookup(tmp_path, ODOO_SRC=str(fake), ODOO_DEFAULT_DIR=str(other))
    assert f"FOUND={fake} " in result.stdout

    (tmp_path / "odoo17" / "odoo").mkdir(parents=True)
    (tmp_path / "odoo17" / "odoo-bin").write_text("")
    (tmp_path / "odoo17" / "odoo" / "release.py").write_text("version_info = (17, 0, 0, 'final', 0, '')\n")
    result = _lookup(tmp_path, ODOO_SRC=str(tmp_path / "odoo17"))
    assert result.returncode != 0
    assert "is not an Odoo 18.0 source tree" in result.stderr


def test_clone_when_nothing_else(tmp_path):
    # A local git repository stands in for github.com/odoo/odoo (no network here).
    upstream = _fake_odoo(tmp_path / "upstream")
    subprocess.run(["git", "init", "-q", "-b", "18.0", str(upstream)], check=True)
    subprocess.run(["git", "-C", str(upstream), "add", "-A"], check=True)
    subprocess.run(
        ["git", "-C", str(upstream), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "odoo"],
        check=True,
    )
    result = _lookup(tmp_path, ODOO_DEFAULT_DIR=str(tmp_path / "none"), ODOO_CLONE_URL=f"file://{upstream}")
    assert result.returncode == 0, result.stderr
    assert f"FOUND={tmp_path}/home/odoo-18.0 " in result.stdout
    # The clone is reused on the next run instead of cloning again.
    result = _lookup(tmp_path, ODOO_DEFAULT_DIR=str(tmp_path / "none"), ODOO_CLONE_URL="file:///nowhere")
    assert f"FOUND={tmp_path}/home/odoo-18.0 " in result.stdout


def test_message_names_all_three_places(tmp_path):
    result = _lookup(tmp_path, ODOO_DEFAULT_DIR=str(tmp_path / "none"), ODOO_CLONE_URL="file:///nowhere/odoo")
    assert result.returncode == 1
    assert "ODOO_SRC" in result.stderr
    assert str(tmp_path / "none") in result.stderr
    assert "git clone --depth 1 --branch 18.0 file:///nowhere/odoo" in result.stderr
