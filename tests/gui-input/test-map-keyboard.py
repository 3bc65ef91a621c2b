#!/usr/bin/env python3
"""The world map takes the keyboard (issue 10): a click or Tab focuses it, arrows pan,
+ and − zoom, Home shows the world again, and the Countries table picks a country.

Keys go through the X server (xdotool); where the countries went is read back by hovering
them with the real pointer and reading the tooltip from the accessibility tree.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
import ldmap  # noqa: E402
from ldinput import Role, State  # noqa: E402


def expect_focus(acc, what):
    ldinput.wait_for(lambda: ldinput.has_state(acc, State.FOCUSED), f"{what} to have the focus")


def fitted_zoom(m):
    """The zoom level of the fitted world on this map (see ldmap.fitted_point)."""
    _, _, width, height = m.extents()
    top, bottom = ldmap.project(0, ldmap.FIT_NORTH)[1], ldmap.project(0, ldmap.FIT_SOUTH)[1]
    return math.log2(max(256, min(width, height / (bottom - top))) / 256)


def scaled(m, point, k):
    """Where @point goes when the map zooms by @k about its centre."""
    cx, cy = m.center()
    return cx + (point[0] - cx) * k, cy + (point[1] - cy) * k


def test_arrows_pan_plus_minus_zoom(app):
    """A click on the sea focuses the map; each arrow moves the view by an eighth of the
    map; + and − zoom by whole levels about the centre; Home fits the world again."""
    m = ldmap.Map(app)
    ldinput.click(*m.sea(0))
    expect_focus(m.view, "the map")
    x, y, width, height = m.extents()

    # Right twice: the view goes east, the countries go left by a quarter of the map.
    us = m.point("US")
    ldinput.key("Right", "Right")
    m.hover_country(us[0] - 2 * width / 8, us[1], "US")
    # Down once: the countries go up by an eighth.
    ldinput.key("Down")
    m.hover_country(us[0] - 2 * width / 8, us[1] - height / 8, "US")
    ldmap.expect_filter(app, [])

    # Home: the fitted world again.
    ldinput.key("Home")
    m.hover_country(*m.point("US"), "US")

    # + zooms in to the next whole level about the centre; two quick presses go two
    # levels (the second counts from where the first is going); − goes back one.
    # Egypt is far enough from the centre that each level puts it somewhere else.
    z = fitted_zoom(m)
    eg = m.point("EG")
    ldinput.key("plus", "plus")
    m.hover_country(*scaled(m, eg, 2 ** (math.floor(z) + 2 - z)), "EG")
    ldinput.key("minus")
    m.hover_country(*scaled(m, eg, 2 ** (math.floor(z) + 1 - z)), "EG")
    ldinput.key("Home")
    m.hover_country(*m.point("DE"), "DE")


def test_focus_order_inside_map(app):
    """Tab goes from the map to its Reset view button, Shift+Tab back; arrows on the
    button do not pan the map (they belong to the focus there)."""
    m = ldmap.Map(app)
    ldinput.click(*m.sea(0))
    expect_focus(m.view, "the map")
    reset = app.find(root=m.view, role=Role.PUSH_BUTTON, name="Reset view")
    ldinput.key("Tab")
    expect_focus(reset, "Reset view")
    ldinput.key("shift+Tab")
    expect_focus(m.view, "the map")
    # The button activates with the keyboard: after a pan, Tab then space fits the world.
    ldinput.key("Left", "Left")
    us = m.point("US")
    ldinput.key("Tab")
    expect_focus(reset, "Reset view")
    ldinput.key("space")
    m.hover_country(*us, "US")


def test_table_picks_country(app):
    """Selecting a row of the Countries table centres the map on the country; Enter on the
    row ticks it, as a click on the map does; a click at the map's centre unticks it."""
    table = app.find(role=Role.TREE_TABLE, name="Countries table")
    cell = None
    for row in app.find_all(table, role=Role.TABLE_ROW):
        labels = [a for a in ldinput.walk(row) if a.get_role() == Role.LABEL]
        if labels and labels[0].get_name() == "DE":
            cell = labels[0]
            break
    assert cell is not None, "no Germany row in the Countries table"
    app.scroll_into_view(cell)
    ldinput.click(*app.center(cell))

    m = ldmap.Map(app)
    m.hover_country(*m.center(), "DE")

    # The row kept the focus from the click: Enter activates it.
    ldinput.key("Return")
    ldmap.expect_filter(app, ["DE"])

    m = ldmap.Map(app)
    ldinput.click(*m.center())
    ldmap.expect_filter(app, [])


if __name__ == "__main__":
    ldinput.main([
        test_arrows_pan_plus_minus_zoom,
        test_focus_order_inside_map,
        test_table_picks_country,
    ])
