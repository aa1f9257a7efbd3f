"""The types of the command line's options: each refuses a value it cannot use, saying what it wants
(argparse prints it as ``error: argument --top: '-5' is not a number of candidates (1 or more)``, exit 2)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def port(value: str) -> int:
    number = int(value) if value.isdigit() else -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number (0 to 65535; 0 picks a free one)")
    return number


def at_least_one(what: str = "whole number") -> Callable[[str], int]:
    """An argparse type: a whole number of 1 or more, refused with what the number counts."""
    def convert(value: str) -> int:
        if not value.strip().isdigit() or int(value) < 1:
            raise argparse.ArgumentTypeError(f"'{value}' is not a {what} (1 or more)")
        return int(value)
    return convert


jobs = at_least_one("number of worker processes")


def numbers_at_least_one(parser: argparse.ArgumentParser) -> None:
    """Every whole-number option of every command (the quote command's too) counts something, so none takes
    a value below 1 (`names --top -5` would otherwise list nothing and say that all is well)."""
    for action in parser._actions:
        if action.type is int:
            action.type = at_least_one()
        for sub in (action.choices or {}).values() if isinstance(action, argparse._SubParsersAction) else ():
            numbers_at_least_one(sub)
