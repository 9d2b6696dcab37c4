"""Danger first: which messages reach a protective answer, whatever else they say.

A net of multilingual patterns (`danger_patterns`) sits in front of the model and catches
clear phrasings of danger, also when the model is unsure or down; then the model's own
scores decide. The thresholds were chosen on development sets from their own writers
(nlu/protective/dev*_*.yml); the final blind set measures the result, in
nlu/reports/protective.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.content import PROTECTIVE_TOPICS
from bot.core.danger_patterns import LAUGHING, LAUGHING_EMOJI, danger_by_pattern
from bot.core.keywords import fold
from bot.core.understanding import Parse

# The general emergency answer is a menu topic, and protective too.
PROTECTIVE_INTENTS: frozenset[str] = frozenset(PROTECTIVE_TOPICS) | {"emergency"}

# A protective intent on top wins from this confidence on. Chosen on the development sets
# (`python nlu/tools/protective.py --tune`): recall does not move between 0.15 and 0.50,
# so 0.40 keeps it a clear lead.
TOP_THRESHOLD = 0.40
# Or when the protective intents together hold this much of the probability, even if an
# ordinary topic is on top ("tengo hambre y estoy en el albergue" splits its score).
# On the development sets with the round-11 model: 0.30 gives worst-language recall 0.996
# with 2.2% false alarms, 0.35 gives 0.984 with 1.4%. A missed cry costs more than an
# extra safety answer.
COMBINED_THRESHOLD = 0.30


def protective_topic(parse: Parse | None) -> str | None:
    """The protective answer a message should get, or None when it signals no danger."""
    if parse is None:
        return None
    if parse.intent in PROTECTIVE_INTENTS and parse.confidence >= TOP_THRESHOLD:
        return parse.intent
    protective = [(name, score) for name, score in parse.ranking if name in PROTECTIVE_INTENTS]
    if not protective:
        return None
    combined = sum(score for _, score in protective)
    if combined >= COMBINED_THRESHOLD:
        return max(protective, key=lambda item: item[1])[0]
    return None


# A part of a message is short and read out of its context: only a protective intent
# the model is this sure of on top counts, and only when the whole message gives it some
# weight too ("la mara me amenazaba, eso me sirve para pedir asilo?" is a question about
# asylum). Chosen on the development sets (`python nlu/tools/protective.py --parts`), the
# look-alikes of blind6-8 and the development half of the multi-need sets: it finds the
# danger in 37 of 37 of those messages (36 without parts) and adds no false alarm.
PART_TOP_THRESHOLD = 0.85
PART_WHOLE_SUPPORT = 0.10


def _clear_in_part(part: Parse, whole: Parse | None) -> str | None:
    if part.intent not in PROTECTIVE_INTENTS or part.confidence < PART_TOP_THRESHOLD:
        return None
    if whole is None:
        return part.intent  # the whole could not be read: the part is all there is
    support = next((score for name, score in whole.ranking if name == part.intent), 0.0)
    return part.intent if support >= PART_WHOLE_SUPPORT else None


# A laugh or a grin turns "im starving lol", "ce soleil va me tuer 🥵" into a figure of
# speech. It silences the model's hunger, threat, body-in-danger and cry-for-help answers,
# as it silences those patterns; never a wish to die, violence, a kidnapping or a child
# alone, which people also mask with a laugh.
FIGURATIVE_EMOJI = re.compile("[\U0001f604\U0001f601\U0001f643\U0001f92a\U0001f975]")
FIGURATIVE_TOPICS = frozenset({"food", "threat", "medical_emergency", "emergency"})


def is_figurative(text: str) -> bool:
    """Whether the message laughs or grins (lol, jaja, kkk, mdr, 😂, 🥵)."""
    return bool(
        LAUGHING.search(fold(text)) or LAUGHING_EMOJI.search(text) or FIGURATIVE_EMOJI.search(text)
    )


def danger_of(parse: Parse | None, text: str, parts: Sequence[Parse] = ()) -> str | None:
    """The protective answer for a message: the model's, else the patterns', else None.

    `parts` are the model's readings of the message's parts ("quiero asilo, y los mareros
    me quieren matar"): a cry in one part is danger, though the whole reads as asylum.
    """
    found = [
        protective_topic(parse),
        danger_by_pattern(text),
        *(_clear_in_part(part, parse) for part in parts),
    ]
    if any(topic in FIGURATIVE_TOPICS for topic in found) and is_figurative(text[:1000]):
        found = [topic for topic in found if topic not in FIGURATIVE_TOPICS]
    return next((topic for topic in found if topic is not None), None)
