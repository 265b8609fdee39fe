"""The openly licensed sample articles bundled with presslens (Wikinews CC BY 2.5 and public-domain
White House transcripts; credits in ``presslens/data/samples/CREDITS.md``)."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from importlib import resources
from typing import Dict, List


@dataclass(frozen=True)
class Sample:
    """One bundled document: its id, body text and manifest row (outlet, date, title, license...)."""

    id: str
    text: str
    metadata: Dict[str, str] = field(repr=False)

    def __repr__(self) -> str:
        return f"Sample({self.id!r}, {len(self.text)} chars, outlet={self.metadata.get('outlet')!r})"


_FIELDS = ("story_id", "outlet", "genre", "title", "date", "url", "license")


def _folder():
    return resources.files("presslens") / "data" / "samples"


def load_samples(*, short_only: bool = False) -> List[Sample]:
    """Returns the bundled samples in manifest order.

    ``short_only`` keeps the 16 documents of 5,000 words or fewer (the long press conference
    transcripts otherwise dominate share-of-voice figures).
    """
    folder = _folder()
    with (folder / "manifest.csv").open("r", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        if short_only and row.get("length_class") != "short":
            continue
        text = (folder / row["file"]).read_text(encoding="utf-8")
        meta = {"doc_id": row["id"], **{k: row[k] for k in _FIELDS if k in row}}
        out.append(Sample(row["id"], text, meta))
    return out


def credits() -> str:
    """The attribution text the sample licences ask for."""
    return (_folder() / "CREDITS.md").read_text(encoding="utf-8")
