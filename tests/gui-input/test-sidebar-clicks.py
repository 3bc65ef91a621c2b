#!/usr/bin/env python3
"""Nothing moves under the pointer (issue 10): two clicks aimed at two options, both
aimed before the first lands, tick both — in one filter group, and across two groups
whose totals (and so whose order) the first click changes.

Every point is taken from the accessibility tree before any click, as a hand moving
from one option to the next would; real clicks go through the X server (xdotool); the
ticked options are read back from the sidebar's check boxes.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role, State  # noqa: E402


def options(app, title):
    """The check boxes of the open filter group @title, top to bottom."""
    values = app.find(role=Role.LIST, name=title + " values")
    boxes = ldinput.wait_for(lambda: app.find_all(values, role=Role.CHECK_BOX),
                             f"the {title} options")
    return sorted(boxes, key=lambda b: app.extents(b)[1])


def label(box):
    return box.get_name().rsplit(", ", 1)[0]


def expect_checked(app, title, wanted):
    ldinput.wait_for(lambda: app.checked_options(title) == sorted(wanted),
                     f"{title} to have exactly {sorted(wanted)} ticked "
                     f"(it has {app.checked_options(title)})")


def test_two_options_of_one_group(app):
    """The two offer types, aimed at first, then clicked one after the other."""
    boxes = options(app, "Offer type")
    assert len(boxes) >= 2, "the sample has two offer types"
    points = [app.center(b) for b in boxes[:2]]
    names = [label(b) for b in boxes[:2]]
    for x, y in points:
        ldinput.click(x, y)
    expect_checked(app, "Offer type", names)


def test_options_of_two_groups(app):
    """An offer type, then the offer listed second: the first click changes every
    offer's total (given the other filters), which would re-sort the offers; with the
    pointer over the sidebar they stay where they were, so the second click ticks the
    offer it was aimed at. Then the chips and the summary line appear below the
    groups, and the next option is still where it was too."""
    types = options(app, "Offer type")
    offers = options(app, "Offer name")
    power_bi = next(b for b in types if label(b) == "Power BI visual")
    aimed = [(app.center(power_bi), "Offer type", label(power_bi)),
             (app.center(offers[1]), "Offer name", label(offers[1])),
             (app.center(offers[3]), "Offer name", label(offers[3]))]
    for (x, y), _, _ in aimed:
        ldinput.click(x, y)
    expect_checked(app, "Offer type", ["Power BI visual"])
    expect_checked(app, "Offer name", [aimed[1][2], aimed[2][2]])
    # Ticked while the pointer stayed: the groups kept their order (the second offer is
    # still second), and take their new order only once the pointer has left.
    assert label(options(app, "Offer name")[1]) == aimed[1][2]


def test_ctrl_f_searches_every_group(app):
    """Ctrl+F, then "germ" typed: Germany among the countries (the search used to be the
    Customer name group's alone), ticked with the keyboard from the search."""
    ldinput.key("ctrl+f")
    entry = app.find(role=Role.ENTRY, name="Search the filters")
    ldinput.wait_for(lambda: ldinput.has_state(entry, State.FOCUSED), "the filters' search to have the focus")
    ldinput.xdotool("type", "--delay", 60, "germ")
    germany = app.find(role=Role.CHECK_BOX, name_prefix="Germany (DE), ")
    # The offers, plans and states have nothing called "germ": they step aside.
    ldinput.wait_for(lambda: not app.find_all(role=Role.PUSH_BUTTON, name_prefix="Offer name"),
                     "the Offer name group to step aside")
    ldinput.click(*app.center(germany))
    ldinput.wait_for(lambda: app.n_selected("Country/region") == 1, "Germany to be ticked")
    # Back to the search and Escape: the search is cleared.
    ldinput.key("ctrl+f")
    ldinput.wait_for(lambda: ldinput.has_state(entry, State.FOCUSED), "the filters' search to have the focus")
    ldinput.key("Escape")
    ldinput.wait_for(lambda: app.find_all(role=Role.PUSH_BUTTON, name_prefix="Offer name"),
                     "every group back once the search is cleared")


if __name__ == "__main__":
    ldinput.main([
        test_two_options_of_one_group,
        test_options_of_two_groups,
        test_ctrl_f_searches_every_group,
    ])
