"""A live Faro server on loopback and headless Chromium, for the web pages."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
import uvicorn
from playwright.async_api import Browser, async_playwright

from bot import PROJECT_ROOT
from bot.nlp.rasa import free_port
from bot.service import Service
from bot.web.app import create_app

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


class LiveServer:
    """uvicorn serving the app in a background thread."""

    def __init__(self, service: Service) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(service), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/healthz", timeout=2)
                return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("the live server did not start")

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server() -> Iterator[Callable[[Service], LiveServer]]:
    """Start live servers for services; stop them after the test."""
    started: list[LiveServer] = []

    def start(service: Service) -> LiveServer:
        server = LiveServer(service).__enter__()
        started.append(server)
        return server

    yield start
    for server in started:
        server.__exit__(None, None, None)
