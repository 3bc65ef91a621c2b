#!/usr/bin/env python3
"""The world map answers a real pointer (issue 10).

The program runs as a user starts it (--sample) on its own X display; the pointer moves
and clicks through the X server (xdotool), and what happened is read back from the
accessibility tree: the tooltip GTK shows, and the sidebar's Country/region options.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
import ldmap  # noqa: E402
from ldinput import Role  # noqa: E402


def table_row(app, code):
    """The cells of the Countries table's row for @code, as texts: code, country,
    customers, provisioned, assigned, share."""
    table = app.find(role=Role.TREE_TABLE, name="Countries table")
    for row in app.find_all(table, role=Role.TABLE_ROW):
        cells = [c for c in ldinput.children(row) if c.get_role() == Role.TABLE_CELL]
        texts = []
        for cell in cells:
            labels = [a.get_name() for a in ldinput.walk(cell) if a.get_role() == Role.LABEL]
            texts.append(labels[0] if labels else "")
        if texts and texts[0] == code:
            return texts
    raise ldinput.InputError(f"no row {code} in the Countries table")


def test_hover_shows_country(app):
    """Hovering a country shows its name, customers, licences and share; the sea shows
    nothing. The figures are the Countries table's for the same country."""
    m = ldmap.Map(app)
    for code in ("DE", "US", "AU"):
        text = m.hover_country(*m.point(code), code)
        _, name, customers, provisioned, assigned, _ = table_row(app, code)
        lines = text.split("\n")
        assert lines[0] == name, text
        assert f"Customers: {customers}" in lines, text
        assert any(line.startswith(f"Provisioned: {provisioned} (") and line.endswith("%)")
                   for line in lines), text
        assert f"Assigned: {assigned}" in lines, text
    m.hover_nothing(*m.sea(0))
    # Back on land after the sea, the tooltip comes back.
    m.hover_country(*m.point("BR"), "BR")


def test_click_ticks_country(app):
    """A click on a country ticks exactly that country; a second click on another ticks
    both; clicking the first again unticks it; a click on the sea changes nothing."""
    m = ldmap.Map(app)
    ldmap.expect_filter(app, [])

    ldinput.click(*m.point("DE"))
    ldmap.expect_filter(app, ["DE"])

    # The dashboard re-lays out under the new filter: find the map again each time.
    m = ldmap.Map(app)
    ldinput.click(*m.point("BR"))
    ldmap.expect_filter(app, ["BR", "DE"])

    m = ldmap.Map(app)
    ldinput.click(*m.point("DE"))
    ldmap.expect_filter(app, ["BR"])

    m = ldmap.Map(app)
    ldinput.click(*m.sea(1))
    # Nothing to wait for but the absence of a change: the hover over the sea also
    # proves the click was delivered and handled before we read the filter back.
    m.hover_nothing(*m.sea(1))
    ldmap.expect_filter(app, ["BR"])


def test_drag_pans_ticks_nothing(app):
    """A drag that starts on a country pans the map, carrying the country with the
    pointer, and ticks nothing."""
    m = ldmap.Map(app)
    x0, y0 = m.point("US")
    # Further than the United States are wide on the fitted world (some 85 pixels).
    dx, dy = 160, 20
    ldinput.drag(x0, y0, x0 + dx, y0 + dy)
    # The country moved with the pointer: the United States is now under the release
    # point, and where they were lies what was 160 pixels west of them: the Pacific.
    m.hover_country(x0 + dx, y0 + dy, "US")
    m.hover_nothing(x0, y0)
    ldmap.expect_filter(app, [])


def test_slow_click_ticks(app):
    """A press held for a second before its release, with no move, is still a click
    (GtkGestureClick gives up on it once a double click's time has passed)."""
    m = ldmap.Map(app)
    ldinput.move(*m.point("IN"))
    ldinput.xdotool("mousedown", 1)
    ldinput.time.sleep(1.0)
    ldinput.xdotool("mouseup", 1)
    ldmap.expect_filter(app, ["IN"])


def test_double_click_toggles_once(app):
    """Two quick clicks on one country tick it once (the second press of a double click
    toggles nothing) and do not zoom the map."""
    m = ldmap.Map(app)
    x, y = m.point("AU")
    ldinput.move(x, y)
    ldinput.xdotool("click", "--repeat", 2, "--delay", 80, 1)
    ldmap.expect_filter(app, ["AU"])
    # Not zoomed: the other countries are where the fitted world has them.
    m = ldmap.Map(app)
    m.hover_country(*m.point("US"), "US")
    m.hover_country(*m.point("IN"), "IN")


if __name__ == "__main__":
    ldinput.main([
        test_hover_shows_country,
        test_click_ticks_country,
        test_drag_pans_ticks_nothing,
        test_slow_click_ticks,
        test_double_click_toggles_once,
    ])
