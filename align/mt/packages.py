"""Model management: `python -m align models status|install`.

The French→English argos package is a zip (`.argosmodel`) holding `metadata.json`, a
CTranslate2 model folder `model/` and `sentencepiece.model`. It is installed into the normal
argos packages directory so that other argos tools see it too.

argostranslate resolves its packages directory (`ARGOS_PACKAGES_DIR`, `XDG_DATA_HOME`,
settings.json) once, when `argostranslate.settings` is first imported, and importing it creates
folders in the user's home. We resolve the same directory with the same rules at call time
instead, so that a changed environment (tests, `--packages-dir`) is honoured and nothing is
created just by looking. Installing is also done here rather than with
`argostranslate.package.install_from_path`, because that one extracts any zip without checking
it and writes in place; here the file is verified first and extracted into a temporary folder
that is renamed into place, so an interrupted install never leaves half a package.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.request
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from align import settings
from align.errors import InputError
from align.settings import PROJECT_MODEL_DIR

PACKAGE_GLOB = "translate-fr_en*.argosmodel"
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
DOWNLOAD_TIMEOUT = 20


@dataclass(frozen=True)
class ArgosPackage:
    """An installed argos translation package."""

    path: Path
    name: str
    version: str
    from_code: str
    to_code: str
    target_prefix: str = ""
    standin: bool = False

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece_model(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def label(self) -> str:
        """Name and version as shown in outputs, e.g. `translate-fr_en 1.9`."""
        return f"{self.name} {self.version}" + (" STAND-IN with random weights" if self.standin else "")


def _argos_setting(key: str) -> str | None:
    """An argos setting: environment first, then argos' settings.json (same rules as argostranslate.settings)."""
    if os.environ.get(key):
        return os.environ[key]
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    settings_file = config_home / "argos-translate" / "settings.json"
    try:
        value = json.loads(settings_file.read_text(encoding="utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None
    return str(value) if value else None


def argos_packages_dir() -> Path:
    """The argos packages directory: `ARGOS_PACKAGES_DIR`, else `$XDG_DATA_HOME/argos-translate/packages`."""
    configured = _argos_setting("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured)
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "argos-translate" / "packages"


def _version_key(version: str) -> tuple:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def _read_package(path: Path) -> ArgosPackage | None:
    try:
        metadata = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(metadata, dict):
        return None
    return ArgosPackage(
        path=path,
        name=path.name,
        version=str(metadata.get("package_version", "")),
        from_code=str(metadata.get("from_code", "")),
        to_code=str(metadata.get("to_code", "")),
        target_prefix=str(metadata.get("target_prefix", "") or ""),
        standin=bool(metadata.get("standin", False)),
    )


def installed_packages(packages_dir: Path | None = None) -> list[ArgosPackage]:
    """All installed argos packages with readable metadata."""
    folder = packages_dir or argos_packages_dir()
    if not folder.is_dir():
        return []
    found = [_read_package(path) for path in sorted(folder.iterdir()) if path.is_dir()]
    return [package for package in found if package is not None]


def find_fr_en_package(packages_dir: Path | None = None) -> ArgosPackage | None:
    """The usable French→English package with the highest version, or None."""
    candidates = [
        package for package in installed_packages(packages_dir)
        if package.from_code == "fr" and package.to_code == "en"
        and (package.model_dir / "model.bin").is_file() and package.sentencepiece_model.is_file()
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda package: (not package.standin, _version_key(package.version)))


def verify_package_file(path: str | Path) -> tuple[dict, str]:
    """Check that a file is a French→English argos package; return (metadata, top folder in the zip).

    Raises InputError naming the file and the problem (not a zip, corrupt, wrong languages...).
    """
    file = Path(path)
    if not file.is_file():
        raise InputError(file, "no such file")
    if not zipfile.is_zipfile(file):
        raise InputError(file, "not an argos package: not a zip archive")
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            _refuse_bomb(file, archive.infolist())
            for name in names:
                parts = PurePosixPath(name).parts
                if name.startswith("/") or ".." in parts or "\\" in name:
                    raise InputError(file, f"unsafe path in archive: {name!r}")
            metadata_names = [name for name in names if PurePosixPath(name).name == "metadata.json" and len(PurePosixPath(name).parts) <= 2]
            if not metadata_names:
                raise InputError(file, "not an argos package: no metadata.json")
            metadata_name = min(metadata_names, key=len)
            top = str(PurePosixPath(metadata_name).parent) if "/" in metadata_name else ""
            bad = archive.testzip()
            if bad is not None:
                raise InputError(file, f"corrupt archive (bad CRC in {bad})")
            try:
                metadata = json.loads(archive.read(metadata_name).decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as error:
                raise InputError(file, f"metadata.json is not valid JSON: {error}") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
        raise InputError(file, f"corrupt archive: {error}") from None
    if not isinstance(metadata, dict):
        raise InputError(file, "metadata.json is not a JSON object")
    if metadata.get("from_code") != "fr" or metadata.get("to_code") != "en":
        raise InputError(file, f"not a French→English package (from_code {metadata.get('from_code')!r}, to_code {metadata.get('to_code')!r})")
    prefix = f"{top}/" if top else ""
    for required in ("model/model.bin", "sentencepiece.model"):
        if prefix + required not in names:
            raise InputError(file, f"not a usable argos package: {required} missing")
    return metadata, top


MAX_UNPACKED_BYTES = 4_000_000_000
"""An argos fr→en package unpacks to a few hundred MB; more is not a package (a zip bomb would fill the disk)."""
MAX_RATIO = 200
"""Model weights barely compress (ratio about 1.1); a member expanding more than this is a decompression bomb."""
MAX_MEMBERS = 10_000


def _refuse_bomb(file: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse an archive that would unpack to far more than a package (sizes are those the archive declares,
    which `zipfile` enforces while extracting)."""
    if len(members) > MAX_MEMBERS:
        raise InputError(file, f"not an argos package: {len(members):,} files in the archive (at most {MAX_MEMBERS:,})")
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(file, f"refused: the archive would unpack to {total:,} bytes (at most {MAX_UNPACKED_BYTES:,})")
    for member in members:
        if member.file_size > 1_000_000 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise InputError(file, f"refused: {member.filename!r} expands {member.file_size // max(member.compress_size, 1):,} times "
                                   f"(a decompression bomb; at most {MAX_RATIO} times)")


def install_package_file(path: str | Path, packages_dir: Path | None = None) -> ArgosPackage:
    """Verify and install a `.argosmodel` file; an existing package of the same name is replaced."""
    file = Path(path)
    metadata, top = verify_package_file(file)
    folder = packages_dir or argos_packages_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = PurePosixPath(top).name if top else file.name.removesuffix(".argosmodel")
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=folder))
    try:
        with zipfile.ZipFile(file) as archive:
            archive.extractall(staging)
        extracted = staging / top if top else staging
        target = folder / name
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{name}.old.", dir=folder))
            os.replace(target, old / name)
            os.replace(extracted, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(extracted, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    package = _read_package(target)
    assert package is not None, metadata
    return package


def find_package_file() -> Path | None:
    """The newest `translate-fr_en*.argosmodel` in `$ALIGN_MODEL_DIR`, else in the project's `models/` folder."""
    for folder in settings.model_dirs():
        files = sorted(folder.glob(PACKAGE_GLOB)) if folder.is_dir() else []
        if files:
            return files[-1]
    return None


def download_from_index(destination: Path, timeout: float = DOWNLOAD_TIMEOUT) -> Path:
    """Download the French→English package named in the argos package index into `destination`.

    The index is `$ARGOS_PACKAGE_INDEX/index.json` (argos' default index otherwise). Raises
    OSError (or ValueError for a bad index) when it cannot be fetched.
    """
    base = _argos_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    index_url = base if base.endswith(".json") else base.rstrip("/") + "/index.json"
    with urllib.request.urlopen(index_url, timeout=timeout) as response:  # noqa: S310 - the argos index URL is http(s) or a local file
        index = json.loads(response.read().decode("utf-8"))
    entries = [entry for entry in index if isinstance(entry, dict) and entry.get("from_code") == "fr" and entry.get("to_code") == "en"
               and entry.get("type", "translate") == "translate"]
    if not entries:
        raise ValueError(f"{index_url} lists no French→English package")
    entry = max(entries, key=lambda item: _version_key(str(item.get("package_version", ""))))
    errors = []
    for link in entry.get("links", []):
        target = destination / f"translate-fr_en-{entry.get('package_version', '')}.argosmodel".replace("-.", ".")
        try:
            with urllib.request.urlopen(link, timeout=timeout) as response, open(target, "wb") as out:  # noqa: S310
                shutil.copyfileobj(response, out, length=1 << 20)
            return target
        except OSError as error:
            errors.append(f"{link}: {error}")
    raise OSError("could not download the French→English package: " + ("; ".join(errors) or "no download link"))


def install(from_file: str | Path | None = None, *, allow_download: bool = True, packages_dir: Path | None = None) -> tuple[ArgosPackage | None, str]:
    """Install the French→English argos package; return (package or None, message for the user).

    Source order: `from_file`; a file found by `find_package_file`; the argos package index.
    A bad file raises InputError. When nothing can be obtained, returns (None, warning).
    """
    folder = packages_dir or argos_packages_dir()
    if from_file is not None:
        package = install_package_file(from_file, folder)
        return package, f"installed {package.label} from {from_file} into {package.path}"
    found = find_package_file()
    if found is not None:
        metadata, top = verify_package_file(found)
        current = find_fr_en_package(folder)
        if current is not None and current.name == PurePosixPath(top).name and current.version == str(metadata.get("package_version", "")):
            return current, f"{current.label} is already installed in {current.path}"
        package = install_package_file(found, folder)
        return package, f"installed {package.label} from {found} into {package.path}"
    existing = find_fr_en_package(folder)
    if existing is not None and not existing.standin:
        return existing, f"{existing.label} is already installed in {existing.path}"
    if allow_download:
        with tempfile.TemporaryDirectory(prefix="align-download-") as tmp:
            try:
                downloaded = download_from_index(Path(tmp))
            except (OSError, ValueError) as error:
                reason = f"the argos package index could not be reached ({error})"
            else:
                package = install_package_file(downloaded, folder)
                return package, f"installed {package.label} from the argos package index into {package.path}"
    else:
        reason = "downloading was disabled"
    fallback = "Apertium's rule-based fr→es→en" if _apertium_usable() else "no machine translation (install Apertium or the argos package)"
    return None, (
        f"warning: no argos French→English package installed: none given with --from, none in $ALIGN_MODEL_DIR or {PROJECT_MODEL_DIR}, and "
        f"{reason}. Machine translation will use {fallback}. Put translate-fr_en-*.argosmodel in {PROJECT_MODEL_DIR} and run "
        "`python -m align models install` to use argos."
    )


def _apertium_usable() -> bool:
    from align.mt.apertium import apertium_info

    return apertium_info() is not None
