"""An article's byline, outlet and date, read from its units and the metadata its format states."""

from __future__ import annotations

import datetime as dt

from .draft import Draft, Known
from .lines import BULLET
from .outlets import BYLINE, DATELINE, OUTLET_ALIASES, outlet_from_copyright, outlet_from_credit
from .published import find_dates, infer_date, parse_date_value, resolve_relative
from .units import Unit


def first_byline(units: list[Unit]) -> str | None:
    for unit in units:
        match = BYLINE.match(BULLET.sub("", unit.text)) if unit.role == "byline" else None
        if match:
            return match["name"]
    return None


def outlet_in(units: list[Unit]) -> str | None:
    """Outlet named by the text: a copyright line, a '(Reuters) -' dateline, an agency credit."""
    for unit in units:
        if unit.role == "copyright" and (outlet := outlet_from_copyright(unit.text)):
            return outlet
    body = [u for u in units if u.role == "body"]
    dateline = DATELINE.match(body[0].text) if body else None
    if dateline:
        return OUTLET_ALIASES[dateline["agency"].lower()]
    for unit in units:
        if unit.role in ("credit", "byline"):
            bare = BULLET.sub("", unit.text)
            byline = BYLINE.match(bare)
            credit = outlet_from_credit(byline["rest"] or "") if byline else None
            if outlet := credit or outlet_from_credit(bare):
                return outlet
    return None


def set_date(draft: Draft, units: list[Unit], known: Known, today: dt.date) -> None:
    """Stated date first (metadata, a date line), then a relative one ('2 days ago', resolved
    against `today`), then one inferred from the story; the last two are approximate."""
    date, approximate = parse_date_value(known.date, today)
    for unit in units:
        if date:
            break
        bare = BULLET.sub("", unit.text).strip()
        if unit.role in ("date", "byline") and (found := find_dates(bare)):
            date, approximate = found[0][2], False
    for unit in units:
        if date:
            break
        if unit.role == "relative_date":
            date, approximate = resolve_relative(BULLET.sub("", unit.text).strip(), today), True
    if not date:
        context = "\n".join(u.text for u in units)
        date = infer_date("\n".join(draft.paragraphs), context, today)
        approximate = date is not None
    draft.published, draft.date_approximate = date, approximate
