"""Validation of written TEI against the packaged RELAX NG schema of the TEI subset this tool writes."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lxml import etree

from ..diagnostics import Diagnostic

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


@lru_cache(maxsize=1)
def subset_schema() -> etree.RelaxNG:
    schema_file = resources.files("diplo_edition") / "schema" / "tei_subset.rng"
    return etree.RelaxNG(etree.fromstring(schema_file.read_bytes(), SAFE_PARSER))


def validate_tei(data: bytes, name: str) -> list[Diagnostic]:
    """Problems of one TEI file: not well-formed, or not valid against the subset schema."""
    try:
        doc = etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        return [Diagnostic(name, exc.lineno, f"the TEI written is not well-formed XML: {exc.msg}")]
    schema = subset_schema()
    if schema.validate(doc):
        return []
    return [
        Diagnostic(
            name,
            err.line,
            f"the TEI written is not valid against the TEI subset schema: {err.message}"
            " (this is a bug in diplo-edition; please report it with the source file)",
        )
        for err in schema.error_log
    ]
