"""A live Faro server on loopback and headless Chromium, for the web pages."""

from __future__ import annotations

import os
import subprocess
from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from playwright.async_api import Browser, async_playwright

from bot import PROJECT_ROOT
from bot.service import Service
from bot.web.app import create_app
from tests.fakes.loopback import LoopbackServer

# Flags that keep Chromium from reaching out to the network (there is none here).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    """The Debian Chromium the Makefile installs (or FARO_CHROMIUM)."""
    result = subprocess.run(
        [str(PROJECT_ROOT / "scripts" / "ensure-chromium.sh")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ},
    )
    if result.returncode != 0:
        pytest.fail(f"Chromium is needed for the browser tests: {result.stderr.strip()}")
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """One headless Chromium for the session."""
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS
        )
        yield launched
        await launched.close()


class LiveServer(LoopbackServer):
    """The whole Faro app (lifespan included) served on loopback."""

    def __init__(self, service: Service) -> None:
        super().__init__(create_app(service), lifespan="on", name="live Faro server")


@pytest.fixture
def live_server() -> Iterator[Callable[[Service], LiveServer]]:
    """Start live servers for services; stop them after the test."""
    started: list[LiveServer] = []

    def start(service: Service) -> LiveServer:
        server = LiveServer(service)
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
