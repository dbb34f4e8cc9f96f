"""`python -m align models status|install`: which translation engines and embedding models are here, and installing argos."""

from __future__ import annotations

import sys
from pathlib import Path

from align import settings
from align.aligner.embedding import describe_models
from align.mt.apertium import apertium_info
from align.mt.cache import CACHE_FILE
from align.mt.engines import resolve_engine
from align.mt.packages import argos_packages_dir, find_fr_en_package, install, installed_packages


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def human_size(size: int) -> str:
    """Bytes as `12.3 MB`."""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"


def _describe_item(item: object) -> str:
    """One line for an embedding model described by `align.aligner.embedding.describe_models()` (a dict or a string)."""
    if not isinstance(item, dict):
        return str(item)
    item = dict(item)
    location = Path(str(item.get("location") or ""))
    if item.get("location") and location.exists() and "size" not in item:
        item["size"] = human_size(_size(location))
        if "version" not in item and "site-packages" in location.parts:
            from importlib import metadata

            top = location.parts[location.parts.index("site-packages") + 1] if location.parts[-1] != "site-packages" else ""
            distributions = metadata.packages_distributions().get(top, [])
            if distributions:
                item["version"] = f"{distributions[0]} {metadata.version(distributions[0])}"
    head = " ".join(str(item[key]) for key in ("name", "role") if item.get(key))
    rest = ", ".join(f"{key} {value}" for key, value in item.items() if key not in ("name", "role") and value not in ("", None))
    return f"{head}: {rest}" if rest else head


def _embedding_lines() -> list[str]:
    try:
        described = describe_models()
    except Exception as error:  # a broken embedding set-up must not hide the translation status
        return [f"  could not describe the embedding models: {error}"]
    return [f"  {_describe_item(item)}" for item in described]


def status_lines() -> list[str]:
    """What `models status` prints: translation engines, the translation cache, embedding models."""
    folder = argos_packages_dir()
    lines = ["Machine translation"]
    package = find_fr_en_package(folder)
    if package is None:
        lines.append(f"  argos fr→en (neural): not installed (packages directory {folder}); run `python -m align models install`")
    else:
        lines.append(f"  argos fr→en (neural): {package.label}, {human_size(_size(package.path))}, in {package.path}")
    others = [p for p in installed_packages(folder) if package is None or p.path != package.path]
    for other in others:
        lines.append(f"  other argos package: {other.name} {other.version} ({other.from_code}→{other.to_code}), in {other.path}")
    info = apertium_info()
    if info is None:
        lines.append("  apertium fr→es→en (rule-based, rough): not installed (Debian packages apertium, apertium-fr-es, apertium-eng-spa)")
    else:
        lines.append(f"  apertium fr→es→en (rule-based, rough): {info.label} ({info.executable})")
    lines.append(f"  engine used by --mt-engine auto: {resolve_engine('auto')}")
    cache = settings.cache_dir() / CACHE_FILE
    lines.append(f"  translation cache: {cache}" + (f" ({human_size(cache.stat().st_size)})" if cache.exists() else " (empty)"))
    lines.append("Embedding models")
    lines += _embedding_lines()
    return lines


def command_status() -> int:
    """`models status`: print the installed models."""
    print("\n".join(status_lines()))
    return 0


def command_install(from_file: str | None, allow_download: bool = True) -> int:
    """`models install`: exit 0 when installed or when nothing could be obtained (one warning on stderr)."""
    package, message = install(from_file, allow_download=allow_download)
    print(message, file=sys.stdout if package is not None else sys.stderr)
    return 0
