"""Small hand-written NLU fakes for unit tests (integration tests use the real Rasa server)."""

from __future__ import annotations

from bot.core.understanding import NluUnavailableError, Parse

FALLBACK = "nlu_fallback"


class KeywordParser:
    """Parses by keyword: the first keyword found in the text decides the intent."""

    def __init__(self, rules: dict[str, str], confidence: float = 0.95) -> None:
        self.rules = rules
        self.confidence = confidence
        self.calls: list[str] = []

    def parse(self, text: str) -> Parse:
        """Return the intent of the first matching keyword, else a low-confidence fallback."""
        self.calls.append(text)
        lowered = text.lower()
        for keyword, intent in self.rules.items():
            if keyword in lowered:
                return Parse(intent, self.confidence, ((intent, self.confidence),))
        return Parse(FALLBACK, 0.2, (("shelter", 0.2), ("health", 0.15), ("asylum", 0.1)))


class DownParser:
    """An NLU server that never answers."""

    def __init__(self) -> None:
        self.calls = 0

    def parse(self, text: str) -> Parse:
        """Always fail as an unreachable server would."""
        self.calls += 1
        raise NluUnavailableError("ConnectError")


DEFAULT_RULES = {
    "dormir": "shelter",
    "sleep": "shelter",
    "albergue": "shelter",
    "doctor": "health",
    "asilo": "asylum",
    "asylum": "asylum",
    "regresar": "voluntary_return_request",
    "go home": "voluntary_return_request",
    "como funciona el retorno": "voluntary_return_info",
    "persona": "talk_to_human",
    "hola": "greet",
    "hello": "greet",
    "adios": "goodbye",
    "gracias": "thanks",
    "si ": "affirm",
    "yes": "affirm",
    "nope": "deny",
    "menu": "menu",
    "idioma": "change_language",
    "futbol": "out_of_scope",
}
