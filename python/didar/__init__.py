"""Didar: diplomatic meetings in Arabic, Persian, Urdu and English news.

The functions here call Didar's Rust core (the same code as the ``didar``
command line and the web app) and return exactly what the command line prints,
as Python dicts and lists:

- :func:`analyze` -- one text, as ``didar extract`` prints it;
- :func:`analyze_batch` -- many texts, computed without holding the GIL;
- :func:`merge` -- the merged timeline of analyses, as ``didar timeline`` prints it.

``python -m didar.spark INPUT OUTPUT`` runs the same over an archive with Spark.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, Sequence, Tuple, Union

from . import _core

__all__ = ["analyze", "analyze_batch", "merge", "DEFAULT_ID"]

#: The id of a text given without one: the id ``didar extract -`` gives a text
#: read from standard input.
DEFAULT_ID = "stdin"

Item = Union[str, Tuple[str, str], Mapping[str, Any]]


def _id_of(value: Any, position: int) -> str:
    if value is None:
        return str(position)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"item {position}: id must be a str or an int, not {type(value).__name__}")
    return str(value)


def analyze(text: str, id: str | None = None) -> Dict[str, Any]:
    """The meetings Didar reads in one article.

    Returns ``{"id", "lang", "published", "meetings": [...]}``: exactly the object
    ``didar extract`` prints for the same text (see the README for the fields).
    Evidence offsets count Unicode code points of ``text`` as given (unlike the
    command line, a leading byte-order mark is not removed). ``id`` defaults to
    ``"stdin"``, the id the command line gives standard input.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return json.loads(_core.analyze_json(text, DEFAULT_ID if id is None else _id_of(id, 0)))


def _pairs(items: Iterable[Item]) -> List[Tuple[str, str]]:
    pairs = []
    for i, item in enumerate(items, start=1):
        if isinstance(item, str):
            pairs.append((str(i), item))
        elif isinstance(item, Mapping):
            text = item.get("text")
            if not isinstance(text, str):
                raise TypeError(f"item {i}: a mapping needs a str 'text'")
            pairs.append((_id_of(item.get("id"), i), text))
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
            pairs.append((_id_of(item[0], i), item[1]))
        else:
            raise TypeError(f"item {i}: expected a str, an (id, text) pair or a mapping with 'text'")
    return pairs


def analyze_batch(items: Iterable[Item]) -> List[Dict[str, Any]]:
    """The analyses of many articles, in order; the GIL is released while Didar works.

    Each item is a text (its id is then its position, counted from 1, as
    ``didar extract --jsonl`` numbers lines without an id), an ``(id, text)``
    pair, or a mapping with ``"text"`` and an optional ``"id"`` (str or int).
    Each result equals :func:`analyze` of that text and id.
    """
    return [json.loads(line) for line in _core.analyze_batch_json(_pairs(items))]


def merge(analyses: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """The timeline of analyses: ``{"entries": [{"meeting", "sources"}, ...]}``.

    Reports of the same meeting (the same parties and mode, dates that agree,
    no conflicting names) become one entry that keeps every source, in date
    order, undated last: exactly what ``didar timeline`` prints for the same
    articles in the same order (the order matters: the first report of a
    meeting gives its entry). Each analysis is a dict as :func:`analyze`
    returns it; a malformed one raises ``ValueError``.
    """
    texts = []
    for i, a in enumerate(analyses):
        if not isinstance(a, Mapping):
            raise TypeError(f"analysis {i}: expected a dict from didar.analyze, not {type(a).__name__}")
        texts.append(json.dumps(a, ensure_ascii=False))
    return json.loads(_core.merge_json(texts))
