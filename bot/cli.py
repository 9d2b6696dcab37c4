"""Faro's command line: serve, train, chat, ask, content, db, users create|token|demo."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import secrets
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from pydantic import SecretStr

from bot.core.messages import LANGUAGES, Channel, Incoming, Kind, Turn
from bot.settings import Settings, get_settings

log = logging.getLogger("bot")

# uvloop's event loop and httptools' HTTP parser: the fast pair uvicorn supports.
SERVER_OPTIONS: dict[str, Any] = {"loop": "uvloop", "http": "httptools"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the whole service (web chat, webhooks, NLU)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--telegram-polling",
        action="store_true",
        help="fetch Telegram updates by long polling (no public URL needed)",
    )
    serve.add_argument(
        "--access-log", action="store_true", help="log every HTTP request (paths only)"
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="service processes sharing one NLU server (default: FARO_WORKERS or 1)",
    )

    train = commands.add_parser(
        "train", help="train the NLU model and language identifier if their data changed"
    )
    train.add_argument("--force", action="store_true", help="train even when nothing changed")

    commands.add_parser("chat", help="talk to Faro in the terminal")

    ask = commands.add_parser("ask", help="answer one message (or one per stdin line) as JSON")
    ask.add_argument("text", nargs="?", help="the message; without it, read one per line")
    ask.add_argument("--lang", choices=LANGUAGES, help="answer in this language")
    ask.add_argument("--json", action="store_true", help="print JSON (the default and only format)")

    content = commands.add_parser("content", help="check, load, export or import the content")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    validate = content_commands.add_parser("validate", help="check every file of a content folder")
    validate.add_argument("directory", nargs="?", type=Path, help="default: FARO_CONTENT_DIR")
    content_commands.add_parser(
        "load", help="load FARO_CONTENT_DIR into the database, only if it holds no content yet"
    )
    export = content_commands.add_parser("export", help="write the live content to a folder")
    export.add_argument("directory", type=Path)
    import_ = content_commands.add_parser(
        "import", help="check a content folder and make it live (changed documents only)"
    )
    import_.add_argument("directory", type=Path)
    content_commands.add_parser(
        "publish",
        help="train on the live content's examples; the model goes live only if it passes the gate",
    )
    for_translators = content_commands.add_parser(
        "translations", help="content for translators: PO files or a workbook, and back"
    )
    translations = for_translators.add_subparsers(dest="translations_command", required=True)
    out = translations.add_parser("export", help="one content-<lang>.po per language into DIR")
    out.add_argument("directory", type=Path)
    out.add_argument("--xlsx", action="store_true", help="also DIR/content.xlsx, a sheet each")
    back = translations.add_parser(
        "import", help="translated .po or .xlsx files become drafts that need review"
    )
    back.add_argument("files", type=Path, nargs="+")

    db = commands.add_parser("db", help="database schema and retention")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply migrations")
    purge = db_commands.add_parser("purge", help="delete people idle too long and old dedupe keys")
    purge.add_argument("--idle-days", type=int, default=90)
    purge.add_argument("--dedupe-days", type=int, default=8)

    users = commands.add_parser("users", help="staff accounts of the desk and the API")
    users_commands = users.add_subparsers(dest="users_command", required=True)
    create = users_commands.add_parser(
        "create", help="create an account; prints its generated password once"
    )
    create.add_argument("email")
    # The Role values, spelled out: importing accounts would load argon2 for every command.
    create.add_argument("--role", required=True, choices=["caseworker", "editor", "admin"])
    create.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin instead of generating one",
    )
    token = users_commands.add_parser("token", help="print a new API token for an account once")
    token.add_argument("email")
    users_commands.add_parser(
        "demo", help="create one demo account per role if missing; prints new passwords once"
    )
    keys = commands.add_parser("keys", help="secrets for production settings")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    keys_commands.add_parser("new", help="print a new FARO_DATA_KEY and FARO_SECRET_KEY")
    return parser


def configure_logging() -> None:
    """Log to stderr at INFO, with the libraries that put secrets in their records quieter."""
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # httpx logs full request URLs at INFO, and the Telegram token and the NLU token live
    # in URLs; keep its records out of the log altogether.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # python-telegram-bot logs request parameters (chat ids, text) at DEBUG.
    logging.getLogger("telegram").setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    args = _parser().parse_args(argv)
    configure_logging()
    handlers = {
        "serve": _serve,
        "train": _train,
        "chat": _chat,
        "ask": _ask,
        "content": _content,
        "db": _db,
        "users": _users,
        "keys": _keys,
    }
    return handlers[args.command](args)


def _keys(_args: argparse.Namespace) -> int:
    from bot.storage.secrets import new_data_key

    # Printed for the operator's secret store; never logged.
    print(f"FARO_DATA_KEY={new_data_key()}")
    print(f"FARO_SECRET_KEY={secrets.token_urlsafe(48)}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from bot.service import build_service
    from bot.web.app import create_app

    settings = get_settings()
    if args.telegram_polling and settings.telegram_webhook_secret is None:
        # Polling needs no webhook secret; a random one keeps the unused webhook closed.
        settings = settings.model_copy(
            update={"telegram_webhook_secret": SecretStr(secrets.token_urlsafe(32))}
        )
    # The event loop hands work to the core's threads and back for every message; a
    # shorter GIL switch interval than the 5 ms default keeps the loop from waiting
    # behind a busy thread (measured in bench/: about +35 % messages/s).
    sys.setswitchinterval(0.0005)
    workers = args.workers or settings.faro_workers
    if workers > 1:
        if args.telegram_polling:
            print("--telegram-polling runs in one process; drop --workers", file=sys.stderr)
            return 2
        return _serve_workers(settings, workers, args)
    service = build_service(settings)
    try:
        app = create_app(service, close_service_on_shutdown=True)
        if args.telegram_polling:
            from bot.channels.telegram import run_polling_alongside

            run_polling_alongside(app, service, host=args.host, port=args.port)
        else:
            uvicorn.run(
                app,
                host=args.host,
                port=args.port,
                log_level="info",
                access_log=args.access_log,
                **SERVER_OPTIONS,
            )
    finally:
        service.close()
    return 0


def _serve_workers(settings: Settings, workers: int, args: argparse.Namespace) -> int:
    """Several service processes behind one port.

    Each scores the model in its own process; when the model needs a Rasa server, the
    workers share one started here.
    """
    import os

    import uvicorn

    from bot.nlp.models import ReloadingParser
    from bot.nlp.rasa import ModelWatcher, RasaHttpParser
    from bot.service import prepare_database, start_nlu

    prepare_database(settings)  # once, before the workers race to migrate
    parser, server = start_nlu(settings)
    if isinstance(parser, ReloadingParser):
        parser.close()  # it only told us no Rasa server is needed; workers open their own
    watcher = None
    if server is not None and isinstance(parser, RasaHttpParser):
        watcher = ModelWatcher(parser, server.model_path)
        os.environ["FARO_NLU_URL"] = server.url
        os.environ["FARO_NLU_TOKEN"] = server.token
    if watcher is not None:
        watcher.start()
    try:
        uvicorn.run(
            "bot.web.asgi:app_from_environment",
            factory=True,
            workers=workers,
            host=args.host,
            port=args.port,
            log_level="info",
            access_log=args.access_log,
            **SERVER_OPTIONS,
        )
    finally:
        if watcher is not None:
            watcher.stop()
        if isinstance(parser, RasaHttpParser):
            parser.close()
        if server is not None:
            server.stop()
    return 0


def _train(args: argparse.Namespace) -> int:
    from bot.nlp.rasa import train

    # Also writes the in-process scorer's export and the language identifier.
    model = train(force=args.force, models_dir=get_settings().faro_models_dir)
    print(model)
    return 0


def _turn_json(text: str, turn: Turn) -> dict[str, Any]:
    buttons = [
        {"id": item.id, "title": item.title} for reply in turn.replies for item in reply.choices
    ]
    return {
        "text": text,
        "lang": turn.lang,
        "intent": turn.intent,
        "confidence": round(turn.confidence, 4),
        "entities": list(turn.entities),
        "reply": "\n\n".join(reply.text for reply in turn.replies),
        "buttons": buttons,
    }


def _ask(args: argparse.Namespace) -> int:
    from bot.service import build_service
    from bot.storage.memory import MemoryConversationStore

    # Each message is judged alone, as a first message from someone new: no state is kept.
    service = build_service(get_settings(), store=MemoryConversationStore(), confirm_language=False)
    try:
        lines: Sequence[str] = [args.text] if args.text is not None else _stdin_lines(sys.stdin)
        for line in lines:
            incoming = Incoming(
                channel=Channel.CLI,
                user_id=uuid.uuid4().hex,
                message_id=uuid.uuid4().hex,
                kind=Kind.TEXT,
                text=line,
                lang=args.lang,
            )
            turn = service.assistant.handle(incoming)
            print(json.dumps(_turn_json(line, turn), ensure_ascii=False), flush=True)
    finally:
        service.close()
    return 0


def _stdin_lines(stream: TextIO) -> list[str]:
    return [line.rstrip("\r\n") for line in stream]


def _chat(_args: argparse.Namespace) -> int:
    from bot.service import build_service
    from bot.storage.memory import MemoryConversationStore

    # A terminal conversation lives as long as the command; nothing is kept after it.
    service = build_service(get_settings(), store=MemoryConversationStore())
    user = f"terminal-{uuid.uuid4().hex[:12]}"
    try:
        incoming = Incoming(Channel.CLI, user, uuid.uuid4().hex, Kind.COMMAND, payload="start")
        while True:
            turn = service.assistant.handle(incoming)
            for reply in turn.replies:
                print(f"\nFaro: {reply.text}")
                # A terminal shows plain text: the question's choices by number, as the
                # core reads a typed number; other buttons by name, to be written out.
                if reply.numbered:
                    print("\n".join(f"  {line}" for line in reply.numbered_lines()))
                    print(f"  ({reply.choice_hint})")
                else:
                    for item in reply.choices:
                        print(f"  · {item.title}")
            try:
                line = input("\n> ")
            except (EOFError, KeyboardInterrupt):
                print()
                return 0
            incoming = Incoming(Channel.CLI, user, uuid.uuid4().hex, Kind.TEXT, text=line)
    finally:
        service.close()


def _content(args: argparse.Namespace) -> int:
    from bot.content.files import ContentError, read_bundle, write_bundle
    from bot.service import import_content_files, migrate
    from bot.storage.content import content_is_empty, live_bundle
    from bot.storage.database import make_engine, make_sessionmaker

    settings = get_settings()
    command = args.content_command
    directory: Path = getattr(args, "directory", None) or settings.faro_content_dir
    if command in ("validate", "import", "load"):
        try:
            bundle = read_bundle(directory)
        except ContentError as exc:
            for problem in exc.problems:
                print(f"{directory.name}/{problem}", file=sys.stderr)
            print(f"{len(exc.problems)} problem(s); nothing loaded.", file=sys.stderr)
            return 1
        if command == "validate":
            print(
                f"{len(bundle.topics)} topics, {len(bundle.sources)} sources, "
                f"{len(bundle.services)} services and the examples of "
                f"{len(bundle.examples)} intents are valid."
            )
            return 0
    migrate(settings)
    engine = make_engine(settings.database_url)
    try:
        sessions = make_sessionmaker(engine)
        if command == "translations":
            from bot.service import prepare_database

            prepare_database(settings)
            return _translations(args, sessions)
        if command == "publish":
            from bot.service import prepare_database

            prepare_database(settings)  # a database from before examples were content gets them
            return _publish(sessions, settings.faro_models_dir)
        if command == "export":
            with sessions() as session:
                live = live_bundle(session=session)
            write_bundle(live, directory)
            print(
                f"Exported {len(live.topics)} topics, {len(live.sources)} sources, "
                f"{len(live.services)} services and the examples of {len(live.examples)} intents."
            )
            return 0
        if command == "load":
            with sessions() as session:
                if not content_is_empty(session=session):
                    print(
                        "The database already holds content (perhaps edited in the studio); "
                        "nothing loaded. `content import DIR` replaces it.",
                    )
                    return 0
        changed = import_content_files(sessions, directory)
    finally:
        engine.dispose()
    print(f"{changed} document(s) published from {directory}/.")
    return 0


def _translations(args: argparse.Namespace, sessions: Any) -> int:
    import dataclasses

    from bot.content.files import bundle_problems
    from bot.content.translations import (
        apply_translations,
        export_po,
        export_xlsx,
        read_translations,
    )
    from bot.core.content import ServiceEntry, SourceEntry, TopicFile
    from bot.core.i18n import Translator
    from bot.storage import audit
    from bot.storage.content import bundle_with_drafts, save_draft

    with sessions() as session:
        bundle = bundle_with_drafts(session=session)
    if args.translations_command == "export":
        written = export_po(bundle, args.directory)
        if args.xlsx:
            written.append(export_xlsx(bundle, args.directory / "content.xlsx"))
        for path in written:
            print(path)
        return 0
    translator = Translator()
    saved = refused = 0
    for path in args.files:
        try:
            found = read_translations(path)
        except (ValueError, OSError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            return 1
        for lang, texts in found.items():
            try:
                applied = apply_translations(bundle, lang, texts)
            except ValueError as exc:
                print(f"{path.name}: {exc}", file=sys.stderr)
                continue
            for context in applied.unknown:
                print(f"{path.name}: {context}: not in the content; skipped", file=sys.stderr)
            for kind, key, body in applied.documents:
                # Each change must pass the same checks as an edit in the studio.
                if kind == "item":
                    topic = TopicFile.model_validate(body)
                    others = tuple(t for t in bundle.topics if t.topic != key)
                    trial = dataclasses.replace(bundle, topics=(*others, topic))
                elif kind == "service":
                    services = {**bundle.services, key: ServiceEntry.model_validate(body)}
                    trial = dataclasses.replace(bundle, services=services)
                else:
                    sources = {**bundle.sources, key: SourceEntry.model_validate(body)}
                    trial = dataclasses.replace(bundle, sources=sources)
                problems = bundle_problems(trial, translator)
                if problems:
                    refused += 1
                    for problem in problems:
                        print(f"{path.name}: {kind} {key}: {problem}", file=sys.stderr)
                    continue
                bundle = trial
                with sessions.begin() as session:
                    save_draft(session=session, kind=kind, key=key, body=body, by=None)
                    audit.record(
                        session=session,
                        staff_id=None,
                        action="translations_imported",
                        target=f"{kind}:{key}",
                        detail=lang,
                    )
                saved += 1
    print(f"{saved} document(s) saved as drafts needing review; {refused} refused.")
    return 1 if refused else 0


def _publish(sessions: Any, models_dir: Path) -> int:
    from bot.content.files import ContentError
    from bot.content.publish import PublishBusyError, Publisher

    began = time.monotonic()

    def progress(step: str) -> None:
        print(f"[{time.monotonic() - began:6.1f} s] {step}", flush=True)

    try:
        outcome = Publisher(sessions, models_dir=models_dir).publish(
            requested_by=None, progress=progress
        )
    except PublishBusyError as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except ContentError as exc:
        for problem in exc.problems:
            print(f"content: {problem}", file=sys.stderr)
        print("Nothing trained; the live model stays.", file=sys.stderr)
        return 1
    if outcome.gate is not None:
        for name, figures in (
            ("held-out", outcome.gate.heldout),
            ("danger", outcome.gate.protective),
        ):
            row = ", ".join(f"{lang} {value:.3f}" for lang, value in figures.items())
            print(f"{name}: {row}")
        for failure in outcome.gate.failures:
            print(f"below the gate: {failure}", file=sys.stderr)
    took = f"{outcome.seconds:.0f} s"
    print(f"Publish {outcome.publish_id}: {outcome.status} ({outcome.model}), {took}.")
    return 1 if outcome.status == "rejected" else 0


def _db(args: argparse.Namespace) -> int:
    from bot.service import migrate
    from bot.storage.database import make_engine, make_sessionmaker
    from bot.storage.repository import purge_expired

    settings = get_settings()
    migrate(settings)
    if args.db_command == "upgrade":
        print("Database schema is up to date.")
        return 0
    now = dt.datetime.now(dt.UTC)
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            people, keys = purge_expired(
                session=session,
                people_idle_since=now - dt.timedelta(days=args.idle_days),
                messages_before=now - dt.timedelta(days=args.dedupe_days),
            )
    finally:
        engine.dispose()
    print(f"Deleted {people} idle people and {keys} old message keys.")
    return 0


# Demo accounts for `make demo`: one per role, on a reserved domain (RFC 2606).
DEMO_ACCOUNTS = (
    ("caseworker@demo.faro.example", "caseworker"),
    ("editor@demo.faro.example", "editor"),
    ("admin@demo.faro.example", "admin"),
)


def _users(args: argparse.Namespace) -> int:
    """Staff accounts, straight on the database: no NLU, no web server."""
    from bot.service import migrate
    from bot.storage import accounts, audit
    from bot.storage.accounts import AccountError, Role
    from bot.storage.database import make_engine, make_sessionmaker

    settings = get_settings()
    migrate(settings)
    engine = make_engine(settings.database_url)
    try:
        sessions = make_sessionmaker(engine)
        if args.users_command == "create":
            if args.password_stdin:
                password = sys.stdin.readline().rstrip("\r\n")
            else:
                password = accounts.new_password()
            try:
                with sessions.begin() as session:
                    user = accounts.create_user(
                        session=session, email=args.email, role=Role(args.role), password=password
                    )
                    audit.record(
                        session=session,
                        staff_id=None,
                        action="account_create",
                        target=f"user:{user.id}",
                        detail=f"{user.role} (command line)",
                    )
            except AccountError as exc:
                print(f"Not created: {exc}.", file=sys.stderr)
                return 1
            print(f"Created {user.role} account {user.email}.", file=sys.stderr)
            if not args.password_stdin:
                print("Its password (shown once; give it to them safely):", file=sys.stderr)
                print(password)
            return 0
        if args.users_command == "token":
            with sessions.begin() as session:
                found = accounts.find_user(session=session, email=args.email)
                if found is None or not found.active:
                    print("No active account with this email.", file=sys.stderr)
                    return 1
                token = accounts.issue_api_token(session=session, user=found)
                audit.record(
                    session=session,
                    staff_id=None,
                    action="token_issued",
                    target=f"user:{found.id}",
                    detail="command line",
                )
            print("A new API token (shown once; use it as Authorization: Bearer):", file=sys.stderr)
            print(token)
            return 0
        return _demo_users(sessions)
    finally:
        engine.dispose()


def _demo_users(sessions: Any) -> int:
    from bot.storage import accounts
    from bot.storage.accounts import Role

    for email, role in DEMO_ACCOUNTS:
        with sessions.begin() as session:
            if accounts.find_user(session=session, email=email) is not None:
                print(f"{role:<10} {email}  (exists; password unchanged)")
                continue
            password = accounts.new_password()
            accounts.create_user(session=session, email=email, role=Role(role), password=password)
        print(f"{role:<10} {email}  password: {password}")
    print("Sign in at /desk/. The passwords are shown only this once.")
    return 0
