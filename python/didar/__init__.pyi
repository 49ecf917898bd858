from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

DEFAULT_ID: str

Item = Union[str, Tuple[Union[str, int], str], Mapping[str, Any]]

def analyze(text: str, id: Optional[Union[str, int]] = None) -> Dict[str, Any]:
    """The meetings Didar reads in one article: exactly the object `didar extract` prints."""

def analyze_batch(items: Iterable[Item]) -> List[Dict[str, Any]]:
    """The analyses of many articles, in order, computed without holding the GIL."""

def merge(analyses: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """The merged timeline of analyses: exactly what `didar timeline` prints."""
