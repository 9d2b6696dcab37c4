"""ASGI entry point for uvicorn worker processes (`python -m bot serve --workers N`)."""

from __future__ import annotations

import sys

from fastapi import FastAPI

from bot.cli import configure_logging
from bot.service import build_service
from bot.settings import get_settings
from bot.web.app import create_app


def app_from_environment() -> FastAPI:
    """Build one worker's app (the parent migrated, and set FARO_NLU_URL if Rasa is needed)."""
    configure_logging()
    sys.setswitchinterval(0.0005)  # as in `serve`: see bot/cli.py
    return create_app(build_service(get_settings()), close_service_on_shutdown=True)
