"""Unanswered questions, grouped so an editor reads a pattern rather than a pile.

Questions of one language go in one group when they share most of their words (Jaccard
similarity of their folded words); the group is named by its most frequent question. A
greedy pass is enough for the few hundred a month a service gets; no model is needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.keywords import fold
from bot.storage.unanswered import Unanswered

SIMILAR = 0.5


@dataclass(slots=True)
class QuestionGroup:
    """Questions of one language that say much the same."""

    lang: str
    questions: list[Unanswered] = field(default_factory=list)
    words: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        """The most frequent wording (the newest among equals)."""
        counts = Counter(q.text for q in self.questions)
        return counts.most_common(1)[0][0]

    @property
    def ids(self) -> list[int]:
        """The ids of every question in the group."""
        return [q.id for q in self.questions]


def _words(text: str) -> set[str]:
    return {word for word in fold(text).split() if len(word) > 1}


def group_questions(questions: Sequence[Unanswered]) -> list[QuestionGroup]:
    """Groups by language and similarity, the largest first."""
    groups: list[QuestionGroup] = []
    for question in questions:
        words = _words(question.text)
        best, best_score = None, 0.0
        for group in groups:
            if group.lang != question.lang:
                continue
            union = words | group.words
            score = len(words & group.words) / len(union) if union else 1.0
            if score > best_score:
                best, best_score = group, score
        if best is not None and best_score >= SIMILAR:
            best.questions.append(question)
            best.words |= words
        else:
            groups.append(QuestionGroup(question.lang, [question], set(words)))
    return sorted(groups, key=lambda g: (-len(g.questions), g.lang, g.label))
