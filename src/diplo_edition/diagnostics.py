"""Problems found in the input, reported as ``file:line[:column]: severity: message``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    """One problem in an input file, with where it is and what to do about it."""

    file: str
    line: int | None
    message: str
    severity: Severity = Severity.ERROR
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity.value}: {self.message}"


class InputError(Exception):
    """Raised when the input cannot be built; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))


class UsageError(Exception):
    """The command was used wrongly (an unknown document id, an output directory that must not be
    replaced): reported as one line, with exit code 2."""


def count(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings) among diagnostics."""
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    return errors, len(diagnostics) - errors


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(diagnostics: list[Diagnostic]) -> str:
    """'2 errors, 1 warning'."""
    errors, warnings = count(diagnostics)
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
