"""pint's disk cache: this environment's own folder, and any cache failure falls back to no cache.

Each hostile case is first shown to break a plain ``pint.UnitRegistry`` with the same cache folder
(so the test proves the hazard exists), then ``spendcalc.units.build_registry`` must still give a
working registry with the package's units.
"""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pint
import pytest

from spendcalc import units

PINT_DIR = Path(pint.__file__).resolve().parent


def assert_works(reg: pint.UnitRegistry) -> None:
    q = reg.Quantity
    assert q(11, "trillion_JPY").to("JPY").magnitude == pytest.approx(11e12)
    assert q(2, "percent").to("fraction").magnitude == pytest.approx(0.02)
    assert q(3, "billion_USD").to("USD").magnitude == pytest.approx(3e9)


def filled_cache(folder: Path) -> list[Path]:
    """Fill ``folder`` with pint's cache entries by building a registry there."""
    assert_works(units.build_registry(folder))
    entries = sorted(folder.glob("*.pickle"))
    assert entries, "pint wrote no cache entries"
    return entries


def test_registry_cache_belongs_to_this_environment():
    folder = units.pint_cache_folder()
    assert folder.is_relative_to(sys.prefix)
    assert f"pint-{pint.__version__}-" in folder.name
    reg = units.registry()
    # the working registry uses that folder (writable in the test environment), never pint's
    # shared ':auto:' user cache folder
    assert reg.cache_folder == folder
    assert_works(reg)


def test_pints_application_registry_is_left_alone():
    reg = units.registry()
    assert pint.get_application_registry().get() is not reg


def test_cache_fills_and_is_reused(tmp_path):
    folder = tmp_path / "cache"
    filled_cache(folder)
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    reg = units.build_registry(folder)
    assert reg.cache_folder == folder
    assert_works(reg)
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before  # read, not rewritten


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_corrupt_cache_falls_back(tmp_path, damage):
    folder = tmp_path / "cache"
    entries = filled_cache(folder)
    for p in entries:
        data = p.read_bytes()
        p.write_bytes({"garbage": b"not a pickle at all", "truncated": data[: len(data) // 2],
                       "empty": b""}[damage])
    with pytest.raises((EOFError, pickle.UnpicklingError)):
        pint.UnitRegistry(cache_folder=folder)
    assert_works(units.build_registry(folder))
    assert not list(folder.glob("*.pickle"))  # the broken entries were removed ...
    reg = units.build_registry(folder)  # ... so the next build fills the cache again and uses it
    assert reg.cache_folder == folder
    assert_works(reg)
    assert len(list(folder.glob("*.pickle"))) == len(entries)
    pint.UnitRegistry(cache_folder=folder)  # and plain pint reads it again


def test_unwritable_cache_folder_falls_back(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file, so no folder can be made under it", encoding="utf-8")
    folder = blocker / "cache"
    with pytest.raises(OSError):
        pint.UnitRegistry(cache_folder=folder)
    reg = units.build_registry(folder)
    assert reg.cache_folder is None
    assert_works(reg)
    assert blocker.is_file()


def test_stale_entries_of_a_deleted_environment_fall_back(tmp_path):
    """pint issue 1572: entries hold absolute paths of the environment that wrote them."""
    old_env = tmp_path / "deleted-env"
    old_env.mkdir()
    for name in ("default_en.txt", "constants_en.txt"):
        shutil.copy(PINT_DIR / name, old_env / name)
    folder = tmp_path / "shared-cache"
    pint.UnitRegistry(str(old_env / "default_en.txt"), cache_folder=folder)
    shutil.rmtree(old_env)
    with pytest.raises(FileNotFoundError, match="constants_en.txt"):
        pint.UnitRegistry(cache_folder=folder)  # what ':auto:' did to every other environment
    reg = units.build_registry(folder)
    assert_works(reg)
    assert_works(units.build_registry(folder))  # the stale entries are gone; the cache is rebuilt


def test_a_registry_failing_its_sanity_check_is_rebuilt_without_cache(tmp_path, monkeypatch):
    """A cache that loads but yields wrong definitions must not be used either."""
    tampered = tmp_path / "tampered"
    tampered.mkdir()
    text = (PINT_DIR / "default_en.txt").read_text(encoding="utf-8")
    assert "\npercent = 0.01 = %\n" in text
    (tampered / "default_en.txt").write_text(text.replace("\npercent = 0.01 = %\n",
                                                          "\npercent = 0.1 = %\n"), encoding="utf-8")
    shutil.copy(PINT_DIR / "constants_en.txt", tampered / "constants_en.txt")
    built = []
    real = pint.UnitRegistry

    def as_if_cached(*args, cache_folder=None, **kwargs):  # the cached build reads the tampered definitions
        built.append(cache_folder)
        if cache_folder is None:
            return real(*args, **kwargs)
        return real(str(tampered / "default_en.txt"), *args, **kwargs)

    monkeypatch.setattr(pint, "UnitRegistry", as_if_cached)
    reg = units.build_registry(tmp_path / "cache")
    assert built == [tmp_path / "cache", None]
    assert_works(reg)


def test_cache_failure_of_the_package_registry_falls_back(tmp_path, monkeypatch):
    """``registry()`` itself, with its folder pointed under a regular file."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(units, "pint_cache_folder", lambda: blocker / "cache")
    reg = units.registry.__wrapped__()  # the uncached body: the process's registry stays as it is
    assert reg.cache_folder is None
    assert_works(reg)


@pytest.mark.slow
def test_import_spendcalc_does_not_import_pint():
    """pint (~0.15 s) is imported with the first registry, not with the package."""
    code = ("import sys, spendcalc; from spendcalc.units import parse_quantity; "
            "parse_quantity('3.5 %', field='x', unit='fraction', allowed='a share'); "
            "before = 'pint' in sys.modules; spendcalc.Q_(1, 'trillion_JPY'); "
            "print(before, 'pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split()
    assert out == ["False", "True"]
