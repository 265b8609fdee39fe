"""Rich notebook display of documents."""
from __future__ import annotations

import html


def document_html(doc) -> str:
    """HTML for a notebook: paragraphs with headings in bold and sentence boundaries marked."""
    parts = ['<div class="presslens-doc" style="font-family: sans-serif; line-height: 1.5">']
    meta = ", ".join(f"{html.escape(str(k))}={html.escape(str(v))}" for k, v in doc.metadata.items())
    parts.append(
        f'<div style="color:#666;font-size:90%">{len(doc.tokens)} tokens · {len(doc.sentences)} sentences · '
        f"{len(doc.paragraphs)} paragraphs{(' · ' + meta) if meta else ''}</div>"
    )
    for para in doc.paragraphs:
        body = " ".join(
            f'<span title="sentence {s.i}" style="border-bottom:1px dotted #bbb">{html.escape(s.text)}</span>'
            for s in para.sentences
        )
        if para.is_heading:
            parts.append(f"<h4 style='margin:0.6em 0 0.2em'>{body}</h4>")
        else:
            parts.append(f"<p style='margin:0.3em 0'>{body}</p>")
    parts.append("</div>")
    return "".join(parts)
