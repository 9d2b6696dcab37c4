"""ASGI entry point for uvicorn worker processes (`python -m bot serve --workers N`)."""

from __future__ import annotations

import sys

from fastapi import FastAPI

from bot.cli import configure_logging
from bot.service import build_service
from bot.settings import get_settings
from bot.web.app import create_app


def app_from_environment() -> FastAPI:
    """Build one worker's app; the parent process has set FARO_NLU_URL and migrated."""
    configure_logging()
    sys.setswitchinterval(0.0005)  # as in `serve`: see bot/cli.py
    settings = get_settings()
    if not settings.faro_nlu_url:
        raise RuntimeError("workers need FARO_NLU_URL; start them with `python -m bot serve`")
    return create_app(build_service(settings), close_service_on_shutdown=True)
