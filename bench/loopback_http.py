"""A minimal HTTP/1.1 client for loopback load: keep-alive connections, nothing else.

httpx costs about 1.7 ms of CPU per request here; on a two-core machine that is CPU the
service under test no longer has. This client costs a small fraction of that, which
keeps the benchmark's own share of the machine small. It speaks only what the bench
needs: POST with a body, a response with Content-Length or chunked encoding.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from dataclasses import dataclass

# Servers close idle keep-alive connections after about 5 s (uvicorn, Sanic); a
# connection idle for longer than this is not reused, to avoid racing that close.
MAX_IDLE = 2.0
MAX_HEADER_LINES = 100


class HttpError(Exception):
    """No HTTP answer: connection refused or reset, timeout, malformed response."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(slots=True, eq=False)  # eq=False: hashable by identity, kept in a set
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    idle_since: float = 0.0
    used: bool = False

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()


class _StaleConnectionError(Exception):
    """A reused connection was closed by the server before it answered."""


class HttpPool:
    """Keep-alive connections to one loopback host and port."""

    def __init__(self, host: str, port: int, *, max_connections: int, timeout: float) -> None:
        self._host = host
        self._port = port
        self._timeout = timeout
        self._idle: deque[_Connection] = deque()
        self._slots = asyncio.Semaphore(max_connections)
        self._open: set[_Connection] = set()

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        """POST `body` to `path`; return (status, response body). HttpError on failure."""
        head = [f"POST {path} HTTP/1.1", f"Host: {self._host}:{self._port}"]
        head += [f"{name}: {value}" for name, value in headers.items()]
        head.append(f"Content-Length: {len(body)}")
        request = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
        async with self._slots:
            try:
                async with asyncio.timeout(self._timeout):
                    # One retry, only when a reused connection turned out to be closed
                    # before any byte of an answer: the server never saw the request.
                    for _ in range(2):
                        connection = await self._acquire()
                        try:
                            status, payload, keep = await self._exchange(connection, request)
                        except _StaleConnectionError:
                            self._discard(connection)
                            continue
                        except BaseException:
                            self._discard(connection)
                            raise
                        self._release(connection, keep)
                        return status, payload
                    raise HttpError("StaleConnection")
            except TimeoutError:
                raise HttpError("Timeout") from None
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                raise HttpError(type(exc).__name__) from None

    async def close(self) -> None:
        """Close every connection."""
        for connection in list(self._open):
            self._discard(connection)

    async def _acquire(self) -> _Connection:
        now = time.monotonic()
        while self._idle:
            connection = self._idle.pop()  # the most recently used is the least likely stale
            if now - connection.idle_since <= MAX_IDLE:
                return connection
            self._discard(connection)
        reader, writer = await asyncio.open_connection(self._host, self._port)
        connection = _Connection(reader, writer)
        self._open.add(connection)
        return connection

    def _release(self, connection: _Connection, keep: bool) -> None:
        if not keep:
            self._discard(connection)
            return
        connection.idle_since = time.monotonic()
        connection.used = True
        self._idle.append(connection)

    def _discard(self, connection: _Connection) -> None:
        self._open.discard(connection)
        with contextlib.suppress(ValueError):
            self._idle.remove(connection)
        connection.close()

    async def _exchange(self, connection: _Connection, request: bytes) -> tuple[int, bytes, bool]:
        reader, writer = connection.reader, connection.writer
        writer.write(request)
        await writer.drain()
        status_line = await reader.readline()
        if not status_line:
            if connection.used:
                raise _StaleConnectionError
            raise HttpError("ConnectionClosed")
        parts = status_line.split(None, 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            raise HttpError("MalformedResponse")
        status = int(parts[1])
        length: int | None = None
        chunked = False
        keep = parts[0] == b"HTTP/1.1"
        for _ in range(MAX_HEADER_LINES):
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            value = value.strip()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection":
                keep = value.lower() == b"keep-alive" or (keep and value.lower() != b"close")
        if chunked:
            payload = await _read_chunked(reader)
        elif length is not None:
            payload = await reader.readexactly(length)
        else:
            payload = await reader.read()  # delimited by the server closing
            keep = False
        return status, payload, keep


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    chunks: list[bytes] = []
    while True:
        size_line = await reader.readline()
        size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            # Trailers, if any, end with an empty line.
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(chunks)
        chunks.append(await reader.readexactly(size))
        await reader.readexactly(2)
