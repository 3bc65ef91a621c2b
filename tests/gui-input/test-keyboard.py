#!/usr/bin/env python3
"""The whole dashboard by keyboard (issue 10): Tab and Shift+Tab walk every part of the
window in reading order and wrap around, no control holds the focus, and F6 moves between
the header bar, the filters and the dashboard.

Keys go through the X server (xdotool); which control has the focus is read back from the
accessibility tree after every press, as a screen reader follows it.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role  # noqa: E402

# The stops a keyboard must reach, by role and name (a name ending in "…" is a prefix):
# the header bar, the filters, and every card's own controls.
REQUIRED = [
    (Role.PUSH_BUTTON, "Show Filters"),
    (Role.PUSH_BUTTON, "Open"),
    (Role.PUSH_BUTTON, "Date Range"),
    (Role.PUSH_BUTTON, "Download Data"),
    (Role.PUSH_BUTTON, "Main Menu"),
    (Role.ENTRY, "Search the filters"),
    (Role.PUSH_BUTTON, "Offer type"),
    (Role.PUSH_BUTTON, "Offer name"),
    (Role.PUSH_BUTTON, "Offer plan name"),
    (Role.PUSH_BUTTON, "Customer name"),
    (Role.PUSH_BUTTON, "Country/region"),
    (Role.PUSH_BUTTON, "License state"),
    (Role.PUSH_BUTTON, "Customers menu"),
    (Role.PUSH_BUTTON, "Licenses menu"),
    (Role.PUSH_BUTTON, "Products"),
    (Role.PUSH_BUTTON, "Customers"),
    (Role.PUSH_BUTTON, "Analysis menu"),
    (Role.TABLE_ROW, "Contoso Field Service Optimizer · Basic: …"),
    # The tables show their top rows in the page; the button under each shows the rest
    # (issue 12 item 7): one more stop a table.
    (Role.PUSH_BUTTON, "Show All, Products table"),
    (Role.PUSH_BUTTON, "Adoption menu"),
    (Role.PUSH_BUTTON, "Show the Top 200, Adoption table"),
    (Role.PUSH_BUTTON, "License states menu"),
    (Role.PUSH_BUTTON, "Geographical spread menu"),
    (Role.FILLER, "World map of provisioned licenses"),
    (Role.PUSH_BUTTON, "Reset view"),
    (Role.TABLE_ROW, "United States (US): …"),
    (Role.PUSH_BUTTON, "Show All, Countries table"),
]

# A walk longer than this has met a trap or a table walked row by row.
MAX_STOPS = 60


def stop_of(acc):
    return (acc.get_role(), acc.get_name() or "")


def matches(stop, wanted):
    role, name = stop
    want_role, want_name = wanted
    if role != want_role:
        return False
    if want_name.endswith("…"):
        return name.startswith(want_name[:-1])
    return name == want_name


def press_and_read(app, key, previous):
    """Presses @key and returns the stop that has the focus once it moved (or, after a
    generous wait, the one that kept it: a trap shows as the same stop twice)."""
    ldinput.key(key)
    end = time.monotonic() + 5
    while True:
        focused = app.focused()
        if focused is not None:
            stop = stop_of(focused)
            if stop != previous or time.monotonic() > end:
                return stop
        elif time.monotonic() > end:
            return None
        time.sleep(0.1)


def walk(app, key):
    """Presses @key until the focus comes back to where the walk started; returns the
    stops in the order met. Fails on a stop met twice before the cycle closes (a trap)."""
    first = press_and_read(app, key, None)
    assert first is not None, f"{key} gave no control the focus"
    stops = [first]
    while True:
        stop = press_and_read(app, key, stops[-1])
        assert stop is not None, f"{key} after {stops[-1][1]!r} gave no control the focus"
        if stop == first:
            return stops
        assert stop not in stops, (
            f"{key} came back to {stop[1]!r} before the walk wrapped around "
            f"(a trap): {[s[1] for s in stops]}")
        stops.append(stop)
        assert len(stops) <= MAX_STOPS, f"no wrap after {MAX_STOPS} presses of {key}: {[s[1] for s in stops]}"


def missing(stops):
    return [w[1] for w in REQUIRED if not any(matches(s, w) for s in stops)]


def test_tab_walks_everything_and_wraps(app):
    """Tab reaches the header bar, the filters and every card's controls — menus, the
    Analysis view switch and table, the map and its table — and comes back round."""
    stops = walk(app, "Tab")
    lost = missing(stops)
    assert not lost, f"Tab never reached {lost}; it walked {[s[1] for s in stops]}"
    print(f"# Tab walks the dashboard in {len(stops)} presses", flush=True)
    # Reading order: the header, then the filters, then the cards top to bottom.
    order = [next(i for i, s in enumerate(stops) if matches(s, w)) for w in REQUIRED[5:]]
    assert order == sorted(order), f"out of reading order: {[s[1] for s in stops]}"


def test_shift_tab_walks_back(app):
    """Shift+Tab meets the same stops as Tab, in the opposite order."""
    forwards = walk(app, "Tab")
    backwards = walk(app, "shift+Tab")
    assert sorted(forwards) == sorted(backwards), (
        f"Tab and Shift+Tab meet different stops: {[s[1] for s in forwards]} / "
        f"{[s[1] for s in backwards]}")
    # The same cycle turned round: from any stop, the next one back is the one before.
    n = len(forwards)
    at = forwards.index(backwards[0])
    expected = [forwards[(at - i) % n] for i in range(n)]
    assert backwards == expected, (
        f"Shift+Tab is not Tab reversed: {[s[1] for s in backwards]} / {[s[1] for s in expected]}")


def test_f6_moves_between_parts(app):
    """F6 goes header bar → filters → dashboard → header bar; Shift+F6 goes back."""
    def where(stop):
        name = stop[1]
        if name in ("Show Filters", "Open", "Date Range", "Download Data", "Main Menu"):
            return "header"
        if name in ("Clear Filters", "Search the filters", "Offer type", "Offer name", "Offer plan name", "Customer name",
                    "Country/region", "License state"):
            return "filters"
        return "dashboard"

    seen = []
    previous = None
    for key in ("F6", "F6", "F6", "F6", "shift+F6", "shift+F6"):
        previous = press_and_read(app, key, previous)
        assert previous is not None, f"{key} gave no control the focus"
        seen.append(where(previous))
    # The window starts with the focus in the header bar.
    assert seen == ["filters", "dashboard", "header", "filters", "header", "dashboard"], seen


if __name__ == "__main__":
    ldinput.main([
        test_tab_walks_everything_and_wraps,
        test_shift_tab_walks_back,
        test_f6_moves_between_parts,
    ])
