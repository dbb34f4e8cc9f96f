"""`python -m align models status|install` with the STAND-IN argos package, in temporary argos folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from align.settings import PROJECT_MODEL_DIR
from bench.standin import PACKAGE_NAME, build_standin_package

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def standin_file(tmp_path_factory) -> Path:
    return build_standin_package(tmp_path_factory.mktemp("standin"))


@pytest.fixture()
def env(tmp_path) -> dict[str, str]:
    """A private argos world: packages, config and data dirs under tmp_path; the index unreachable."""
    values = {**os.environ}
    for key in ("ARGOS_PACKAGES_DIR", "ALIGN_MODEL_DIR"):
        values.pop(key, None)
    values.update({
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "ALIGN_CACHE_DIR": str(tmp_path / "cache"),
        "ARGOS_PACKAGE_INDEX": (tmp_path / "no-index").as_uri() + "/",
    })
    return values


def models(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", "models", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def packages_dir(env: dict[str, str]) -> Path:
    return Path(env["XDG_DATA_HOME"]) / "argos-translate" / "packages"


def test_install_from_file_then_status_shows_it_and_argos_sees_it(env, standin_file) -> None:
    result = models(env, "install", "--from", str(standin_file))
    assert result.returncode == 0, result.stderr
    assert (packages_dir(env) / PACKAGE_NAME / "model" / "model.bin").is_file()
    status = models(env, "status")
    assert status.returncode == 0, status.stderr
    line = next(line for line in status.stdout.splitlines() if "argos fr→en" in line)
    assert "translate-fr_en-standin 0.0-standin" in line and "kB" in line and str(packages_dir(env)) in line
    assert "engine used by --mt-engine auto: argos" in status.stdout
    assert "Embedding models" in status.stdout
    # argostranslate itself finds the package in the same folder
    script = "from argostranslate import package; print([(p.from_code, p.to_code) for p in package.get_installed_packages()])"
    seen = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert "('fr', 'en')" in seen.stdout, seen.stderr


def test_status_without_argos_package_says_how_to_install(env) -> None:
    status = models(env, "status")
    assert status.returncode == 0, status.stderr
    assert "not installed" in status.stdout and "models install" in status.stdout


def test_install_finds_the_package_in_align_model_dir(env, standin_file) -> None:
    result = models({**env, "ALIGN_MODEL_DIR": str(standin_file.parent)}, "install")
    assert result.returncode == 0, result.stderr
    assert "installed" in result.stdout and (packages_dir(env) / PACKAGE_NAME).is_dir()
    again = models({**env, "ALIGN_MODEL_DIR": str(standin_file.parent)}, "install")
    assert "already installed" in again.stdout
    assert sorted(path.name for path in packages_dir(env).iterdir()) == [PACKAGE_NAME]


def test_install_from_the_package_index(env, standin_file, tmp_path) -> None:
    index = tmp_path / "index"
    index.mkdir()
    (index / "index.json").write_text(json.dumps([
        {"code": "translate-en_fr", "from_code": "en", "to_code": "fr", "package_version": "9.9", "links": ["file:///nowhere"]},
        {"code": "translate-fr_en", "from_code": "fr", "to_code": "en", "package_version": "0.0", "links": [standin_file.as_uri()]},
    ]), encoding="utf-8")
    result = models({**env, "ARGOS_PACKAGE_INDEX": index.as_uri() + "/"}, "install")
    assert result.returncode == 0, result.stderr
    assert "from the argos package index" in result.stdout and (packages_dir(env) / PACKAGE_NAME).is_dir()


@pytest.mark.skipif(any(PROJECT_MODEL_DIR.glob("translate-fr_en*.argosmodel")), reason="a real package sits in models/")
def test_install_with_nothing_obtainable_warns_once_and_succeeds(env) -> None:
    result = models(env, "install")
    assert result.returncode == 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("warning: no argos French→English package")
    assert not packages_dir(env).exists() or not any(packages_dir(env).iterdir())


def _rewrite(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for item in original.infolist():
            data = change(item.filename, original.read(item.filename))
            if data is not None:
                copy.writestr(item, data)
    return target


def _wrong_languages(name: str, data: bytes) -> bytes:
    if name.endswith("metadata.json"):
        metadata = json.loads(data)
        metadata.update(from_code="en", to_code="fr")
        return json.dumps(metadata).encode()
    return data


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda source, target: target.write_bytes(b"not a zip at all") and target, "not a zip archive"),
        (lambda source, target: target.write_bytes(source.read_bytes()[: source.stat().st_size // 2]) and target, "not a zip archive"),
        (lambda source, target: _rewrite(source, target, _wrong_languages), "not a French→English package"),
        (lambda source, target: _rewrite(source, target, lambda name, data: None if name.endswith("metadata.json") else data), "no metadata.json"),
        (lambda source, target: _rewrite(source, target, lambda name, data: None if name.endswith("model.bin") else data), "model/model.bin missing"),
    ],
    ids=["not-zip", "truncated", "wrong-languages", "no-metadata", "no-model"],
)
def test_bad_package_file_is_a_clear_error(env, standin_file, tmp_path, make, problem) -> None:
    bad = make(standin_file, tmp_path / "translate-fr_en-bad.argosmodel")
    result = models(env, "install", "--from", str(bad))
    assert result.returncode == 2
    assert problem in result.stderr and str(bad) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not packages_dir(env).exists() or not any(packages_dir(env).iterdir())


def test_corrupt_member_is_detected(env, standin_file, tmp_path) -> None:
    data = bytearray(standin_file.read_bytes())
    with zipfile.ZipFile(standin_file) as archive:
        info = archive.getinfo(f"{PACKAGE_NAME}/model/model.bin")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle] ^= 0xFF
    bad = tmp_path / "translate-fr_en-corrupt.argosmodel"
    bad.write_bytes(bytes(data))
    result = models(env, "install", "--from", str(bad))
    assert result.returncode == 2 and "corrupt" in result.stderr and str(bad) in result.stderr
