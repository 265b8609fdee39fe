"""The checked-in type stub python/presslens/_core.pyi matches the compiled module."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_core_stub_has_not_drifted():
    pytest.importorskip("pybind11_stubgen")
    out = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "generate_stubs.py"), "--check"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]


def test_package_is_typed():
    import presslens

    pkg = Path(presslens.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_core.pyi").exists()
