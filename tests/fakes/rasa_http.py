"""A tiny fake of Rasa's HTTP API (`POST /model/parse`), on loopback, for FARO_NLU_URL.

It parses by keyword (the rules of `tests.fakes.nlu`) and answers in Rasa's shape:
`{"text", "intent": {"name", "confidence"}, "intent_ranking": [...], "entities": []}`.
A test can take it down (HTTP 500) or make it hang, as a dying Rasa server does.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.loopback import LoopbackServer
from tests.fakes.nlu import DEFAULT_RULES, FALLBACK


class FakeRasaServer:
    """Rasa's `/model/parse` by keyword; `down` answers 500, `hang_seconds` delays answers."""

    def __init__(self, rules: dict[str, str] | None = None) -> None:
        self.rules = dict(DEFAULT_RULES if rules is None else rules)
        self.down = False
        self.hang_seconds = 0.0
        self.parses = 0
        self._lock = threading.Lock()
        self._server: LoopbackServer | None = None

    @property
    def url(self) -> str:
        """The value for FARO_NLU_URL."""
        if self._server is None:
            raise RuntimeError("start() the fake Rasa server first")
        return self._server.url

    def start(self) -> None:
        """Serve on a free loopback port in a background thread."""
        app = Starlette(
            routes=[
                Route("/model/parse", self._parse, methods=["POST"]),
                Route("/status", self._status, methods=["GET"]),
                Route("/", self._hello, methods=["GET"]),
            ]
        )
        self._server = LoopbackServer(app, name="fake Rasa server")
        self._server.start()

    def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.stop()

    def parse(self, text: str) -> dict[str, Any]:
        """The body Rasa answers for `text`."""
        lowered = text.lower()
        for keyword, intent in self.rules.items():
            if keyword in lowered:
                ranking = [{"name": intent, "confidence": 0.95}]
                ranking += [
                    {"name": other, "confidence": 0.01}
                    for other in ("shelter", "health", "asylum")
                    if other != intent
                ]
                return _body(text, intent, 0.95, ranking)
        ranking = [
            {"name": "shelter", "confidence": 0.2},
            {"name": "health", "confidence": 0.15},
            {"name": "asylum", "confidence": 0.1},
        ]
        return _body(text, FALLBACK, 0.3, ranking)

    async def _parse(self, request: Request) -> Response:
        with self._lock:
            self.parses += 1
        if self.hang_seconds:
            await asyncio.sleep(self.hang_seconds)
        if self.down:
            return JSONResponse({"status": "failure", "code": 500}, status_code=500)
        try:
            data = await request.json()
        except ValueError:
            return JSONResponse({"status": "failure", "code": 400}, status_code=400)
        text = data.get("text") if isinstance(data, dict) else None
        return JSONResponse(self.parse(text if isinstance(text, str) else ""))

    async def _status(self, _request: Request) -> Response:
        return JSONResponse(
            {"model_file": "fake.tar.gz", "model_id": "fake", "num_active_training_jobs": 0}
        )

    async def _hello(self, _request: Request) -> Response:
        return Response("Hello from Rasa: 3.6.21")


def _body(
    text: str, intent: str, confidence: float, ranking: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": ranking,
        "entities": [],
    }
