"""Files written so that no reader ever sees half of one: into a temporary file beside, then renamed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def store_pickle(path: Path, value: object) -> None:
    """Keep value in path (our own cache files: read back with pickle.loads)."""
    write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
