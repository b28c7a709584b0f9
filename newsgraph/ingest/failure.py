"""The record of an input that could not be processed: every reader yields these, never raises."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Failure"]


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, and why (the run goes on without it)."""

    input: str
    reason: str
