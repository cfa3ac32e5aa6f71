"""The settings object of the whole product (it lives in `index`, the lowest layer)."""

from __future__ import annotations

from index.settings import Settings

__all__ = ["Settings"]
