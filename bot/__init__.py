"""Faro: a multilingual information assistant for people on the move."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
