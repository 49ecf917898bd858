from typing import List, Optional, Tuple

def analyze_json(text: str, id: str) -> str:
    """The analysis of one text as the JSON line `didar extract` prints for it."""

def analyze_batch_json(articles: List[Tuple[str, str]]) -> List[str]:
    """The analyses of (id, text) pairs as JSON lines, computed without the GIL."""

def merge_json(analyses: List[str]) -> str:
    """The timeline of analyses given as JSON objects, as `didar timeline` prints it (compact)."""

def parse_date(date: str) -> Optional[Tuple[int, Optional[int], Optional[int]]]:
    """A meeting date as the timeline reads it, or None when the timeline counts it undated."""
