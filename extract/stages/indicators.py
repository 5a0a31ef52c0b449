"""indicators stage (filled by a later capability; until then its list stays empty, never invented)."""
from __future__ import annotations

from ..state import State


def run(state: State) -> None:
    return None
