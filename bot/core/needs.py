"""Several needs in one message: its parts, each read by the model on its own.

"Quiero saber sobre asilo y también sobre trabajo en Tijuana" holds two questions; the
model, reading the whole, gives one of them most of its score. Split where people join
their questions (a full stop, a comma, "y también", "and", "epi"...), each part gets a
ranking of its own, and what the parts are clearly about are the message's needs.
"""

from __future__ import annotations

import re
import unicodedata

# Where one question ends and another starts, in the five languages (folded: no accents).
_JOINS = (
    r"y tambien|y ademas|ademas|tambien|y otra cosa|otra cosa|otra pregunta|pero"
    r"|and also|also|and|plus|another question|but"
    r"|et aussi|aussi|et|mais|autre question|puis"
    r"|epi tou|epi|tou|men|lot kesyon|e tou|ak tou"
    r"|e tambem|tambem|alem disso|e|mas|outra pergunta|outra coisa"
    r"|y"
)
_SPLIT = re.compile(rf"[.!?;:\n]+|,|\s(?:{_JOINS})\s", re.IGNORECASE)
# A part needs this many words to be read on its own ("y tambien trabajo" has one left).
MIN_PART_WORDS = 1
MAX_PARTS = 5
MAX_PART_CHARS = 300


def parts_of(text: str) -> list[str]:
    """The parts of a message that may each hold a need; [] when it is one part."""
    folded = _fold_keeping_length(text)
    pieces: list[str] = []
    start = 0
    for match in _SPLIT.finditer(folded):
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    kept = [" ".join(piece.split()) for piece in pieces]
    kept = [piece[:MAX_PART_CHARS] for piece in kept if len(piece.split()) >= MIN_PART_WORDS]
    kept = [piece for piece in kept if any(ch.isalpha() for ch in piece)]
    if len(kept) < 2:
        return []
    if len(kept) > MAX_PARTS:
        # The tail of a long story is joined back: the first parts hold the questions often
        # enough, and each part costs a model call.
        kept = [*kept[: MAX_PARTS - 1], " ".join(kept[MAX_PARTS - 1 :])]
    return kept


def _fold_keeping_length(text: str) -> str:
    """Lower case without accents, one character for one, so match offsets fit `text`."""
    out = []
    for ch in text:
        low = ch.lower()
        low = low if len(low) == 1 else ch
        base = unicodedata.normalize("NFKD", low)[:1] or low
        out.append(base)
    return "".join(out)
