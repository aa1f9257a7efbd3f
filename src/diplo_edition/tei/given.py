"""A document given as TEI (``role: tei``): a file of the project's TEI subset, corrected by hand, published
as it is once it is well-formed, valid against the subset schema and names the document it is."""

from __future__ import annotations

from lxml import etree

from ..diagnostics import Diagnostic
from ..editions import SourceRef
from .validate import SAFE_PARSER, subset_schema

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def read_given_tei(ref: SourceRef, doc_id: str) -> tuple[bytes, list[Diagnostic]]:
    """The file's bytes, and every problem that keeps it from being published."""
    data = ref.path.read_bytes()
    try:
        root = etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        return data, [Diagnostic(ref.rel, exc.lineno, f"not well-formed XML: {exc.msg}; fix the file")]
    if root.get(XML_ID) != doc_id:
        found = f"'{root.get(XML_ID)}'" if root.get(XML_ID) else "none"
        message = (f"the TEI element's xml:id must be the document's id '{doc_id}', found {found}; "
                   "change xml:id or the edition file's id")
        return data, [Diagnostic(ref.rel, root.sourceline, message)]
    schema = subset_schema()
    if schema.validate(root):
        return data, []
    return data, [
        Diagnostic(ref.rel, err.line, "not valid against the TEI subset that diplo-edition publishes: "
                   f"{err.message}; fix the file (docs/TEI-ENCODING.md lists the elements)")
        for err in schema.error_log
    ]
