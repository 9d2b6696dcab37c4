"""Place extraction keeps its memory bounded however many distinct words it sees."""

from __future__ import annotations

import gc
import random
import string
import threading
from collections.abc import Iterator

import psutil

from bot.nlp.places import REBUILD_AFTER_NEW_STRINGS, PlaceExtractor

# Before the fix this many messages of new words grew the process by about 60 MB.
MESSAGES = 30_000
WARM_UP = 5_000
ALLOWED_GROWTH_MB = 6.0


def _messages(seed: int, count: int) -> Iterator[tuple[str, str]]:
    """Messages of random never-seen words around one place name, with that place."""
    rng = random.Random(seed)
    places = [("en tijuna", "tijuana"), ("desde honduras", "HN"), ("m nan Tapachula", "tapachula")]
    for _ in range(count):
        words = [
            "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 10))) for _ in range(8)
        ]
        mention, value = rng.choice(places)
        words.insert(rng.randrange(len(words) + 1), mention)
        yield " ".join(words), value


def _rss_mb() -> float:
    gc.collect()
    return float(psutil.Process().memory_info().rss) / 1e6


def test_memory_does_not_grow_with_distinct_words() -> None:
    places = PlaceExtractor()
    baseline_strings = places.vocabulary_size
    for text, value in _messages(1, WARM_UP):
        assert value in [e.value for e in places.extract(text)], text
    warm_rss = _rss_mb()
    peak_rss = warm_rss
    largest_vocabulary = 0
    rebuilds_before = places.rebuilds
    for i, (text, value) in enumerate(_messages(2, MESSAGES)):
        assert value in [e.value for e in places.extract(text)], text
        largest_vocabulary = max(largest_vocabulary, places.vocabulary_size)
        if i % 1_000 == 0:
            peak_rss = max(peak_rss, _rss_mb())
    peak_rss = max(peak_rss, _rss_mb())
    # One message's words at most beyond the bound; rebuilt along the way, still right.
    assert largest_vocabulary <= baseline_strings + REBUILD_AFTER_NEW_STRINGS + 100
    assert places.rebuilds >= rebuilds_before + 10
    assert [(e.entity, e.value) for e in places.extract("Tecún Umán guatemala")] == [
        ("city", "tecun_uman"),
        ("country", "GT"),
    ]
    assert peak_rss - warm_rss < ALLOWED_GROWTH_MB, (warm_rss, peak_rss)


def test_threads_share_one_extractor_across_rebuilds() -> None:
    places = PlaceExtractor(rebuild_after=2_000)
    failures: list[str] = []

    def work(seed: int) -> None:
        for text, value in _messages(seed, 1_500):
            if value not in [e.value for e in places.extract(text)]:
                failures.append(text)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert places.rebuilds >= 5
