"""A sentence as HTML with its flags' spans marked, for the review app's table and QA view."""

from __future__ import annotations

import html
from collections.abc import Iterable

from align.model import Flag, severity_rank


def highlight_html(text: str, flags: Iterable[Flag]) -> str:
    """`text` as HTML with each flag's span wrapped in `<mark class="sev-SEVERITY" title="message">`.

    The text is escaped before marks are inserted. Overlapping flags are resolved by cutting
    the text at every flag boundary; each piece takes the worst severity covering it and the
    messages of all of them. Offsets outside the text are clipped.
    """
    spans = [(max(0, min(len(text), flag.start)), max(0, min(len(text), flag.end)), flag) for flag in flags]
    spans = [(start, end, flag) for start, end, flag in spans if end > start]
    if not spans:
        return html.escape(text)
    cuts = sorted({0, len(text), *(start for start, _, _ in spans), *(end for _, end, _ in spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [flag for s, e, flag in spans if s <= start and end <= e]
        piece = html.escape(text[start:end])
        if covering:
            worst = min(covering, key=lambda flag: severity_rank(flag.severity)).severity
            tip = " | ".join(_flag_tip(flag) for flag in covering)
            kinds = " ".join(sorted({flag.kind for flag in covering}))
            # Focusable, and the severity in words for screen readers (the colour alone says nothing to them).
            piece = (f'<mark class="sev-{html.escape(worst)}" data-kind="{html.escape(kinds)}" title="{html.escape(tip)}" tabindex="0">{piece}'
                     f'<span class="sr-only"> ({html.escape(worst)}: {html.escape(kinds)})</span></mark>')
        pieces.append(piece)
    return "".join(pieces)


def _flag_tip(flag: Flag) -> str:
    tip = f"{flag.severity} · {flag.kind}: {flag.message}"
    return tip + (f" → suggestion: {flag.suggestion}" if flag.suggestion else "")
