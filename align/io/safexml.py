"""Parsing XML from other tools safely: no entity expansion, no DTD loading, no network.

Two passes, both with maintained libraries: defusedxml (expat) first screens the document and
refuses any entity declaration — the billion-laughs (exponential entity expansion) and XXE
(external entity) attacks both need one — then lxml builds the tree with entity resolution,
DTD loading and network access switched off. A plain `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`,
which CAT tools write, is accepted: it is never loaded.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as defused
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from lxml import etree

from align.errors import InputError

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
MAX_XML_BYTES = 200_000_000
"""Larger TMX/TBX files are refused (a 100,000-unit memory is about 30 MB)."""


def safe_parser() -> etree.XMLParser:
    """An lxml parser that resolves no entities, loads no DTD and never touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, with a clear error when it is missing or unreadable."""
    from align.io.reading import read_limited

    return read_limited(Path(path), MAX_XML_BYTES)


def parse_xml(data: bytes, path: str | Path) -> etree._Element:
    """Parse untrusted XML bytes into an lxml element; errors name `path` and the problem."""
    if not data.strip():
        raise InputError(path, "empty file, expected XML")
    try:
        defused.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as error:
        kind = "an external entity (XXE)" if error.sysid or error.pubid else "an entity (entity expansion, e.g. billion laughs)"
        raise InputError(path, f"refused: the XML declares {kind} {error.name!r}; entity declarations are not accepted") from None
    except (ExternalReferenceForbidden, DTDForbidden) as error:
        raise InputError(path, f"refused: the XML refers to external content ({error}); it is not loaded") from None
    except DefusedXmlException as error:
        raise InputError(path, f"refused unsafe XML: {error}") from None
    except ParseError as error:
        raise InputError(path, f"malformed XML: {error}") from None
    except (LookupError, ValueError) as error:  # an unknown encoding in the XML declaration
        raise InputError(path, f"malformed XML: {error}") from None
    except RecursionError:
        raise InputError(path, "malformed XML: elements nested too deeply") from None
    try:
        return etree.fromstring(data, safe_parser())
    except (etree.XMLSyntaxError, LookupError, ValueError) as error:
        raise InputError(path, f"malformed XML: {error}") from None


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace (TBX 2019 is namespaced, MARTIF and TMX are not)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return etree.QName(tag).localname if tag[:1] == "{" else tag  # (QName costs a microsecond: a TMX's every element asks)


def language_of(element: etree._Element) -> str:
    """The `xml:lang` of an element (or the TMX 1.1 `lang` attribute), stripped; '' if none."""
    return (element.get(XML_LANG) or element.get("lang") or "").strip()


def primary_language(code: str) -> str:
    """The primary language subtag, lower-cased: 'fr-FR', 'FR_ca' and 'fr' all give 'fr'."""
    return code.replace("_", "-").split("-", 1)[0].strip().lower()
