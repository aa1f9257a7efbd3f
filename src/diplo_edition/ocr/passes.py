"""The first pass: every raw source of a document read, decoded and split into lines."""

from __future__ import annotations

from ..model.document import Document
from ..model.lines import Line, count_letters
from ..model.passes import Pass
from .read import read_decoded, split_lines


class ReadSources(Pass):
    """Each raw file decoded (a conversion from another encoding is a warning and noted in the TEI header)
    and split into numbered lines; the letters of every file counted for the letter balance."""

    name = "read"
    priority = 100
    stage = "read"
    adds = ("sources", "encodings", "raw_letters", "raw_bytes", "lines", "diagnostics")
    required = True

    def apply(self, doc: Document) -> None:
        for ref in doc.edition.sources:
            decoded = read_decoded(ref.path, ref.rel, doc.collection.max_source_megabytes)
            doc.diagnostics.extend(decoded.warnings)
            if decoded.converted:
                doc.encodings[ref.rel] = decoded.encoding
            lines = [Line(raw.text, ref.rel, raw.number) for raw in split_lines(decoded.text)]
            doc.sources[ref.rel] = lines
            for line in lines:
                doc.raw_letters.update(count_letters(line.text))
            doc.raw_bytes += ref.path.stat().st_size
        doc.lines = doc.lines_of("body")
