#!/usr/bin/env python3
"""The dashboard's tables in the page (issue 12 item 7): the wheel over a table scrolls
the page, not the table, and the button under a table shows all its rows in place, by
pointer and by keyboard. The real program, real X input, read back through AT-SPI.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role  # noqa: E402


def rows(app, table):
    """The table's rows of data, named "Germany (DE): 154 customers, …"; GTK 4.8 names
    the header row after its class."""
    return [r for r in app.find_all(table, role=Role.TABLE_ROW) if ": " in (r.get_name() or "")]


def test_wheel_over_table_scrolls_page(app):
    """Turning the wheel with the pointer on the Products table moves the whole page: the
    table goes up the screen, and its first row stays its first row (nothing scrolled
    inside it)."""
    table = app.find(role=Role.TREE_TABLE, name="Products table")
    first = rows(app, table)[0]
    app.scroll_into_view(first)
    time.sleep(0.5)
    tx, ty, tw, th = app.extents(table)
    fx, fy, fw, fh = app.extents(first)
    assert fy - ty < 80, f"the first row is not at the top of its table ({fy - ty} px below)"

    ldinput.scroll(tx + tw // 2, fy + fh // 2, down=True, clicks=3)
    ldinput.wait_for(lambda: app.extents(table)[1] < ty - 20 or None,
                     "the page to scroll under the wheel")
    # The three clicks arrive one by one: read the table and its row only once the page
    # has come to rest (the same place twice, half a second apart).
    last = [None]

    def at_rest():
        now = (app.extents(table)[1], app.extents(first)[1])
        settled = now if now == last[0] else None
        last[0] = now
        time.sleep(0.5)
        return settled

    moved, fy2 = ldinput.wait_for(at_rest, "the page to come to rest")
    assert ty - moved == fy - fy2, (
        f"the table moved {ty - moved} px but its first row {fy - fy2} px: it scrolled inside")
    print(f"# three wheel clicks over the table moved the page {ty - moved} px", flush=True)


def test_show_all_in_place(app):
    """The Countries table shows 8 of the sample's 30 countries; a click on "Show All"
    shows all 30 in place, and Space on the same (focused) button shows 8 again."""
    table = app.find(role=Role.TREE_TABLE, name="Countries table")
    assert len(rows(app, table)) == 8, f"{[r.get_name() for r in rows(app, table)]} before Show All"
    button = app.find(role=Role.PUSH_BUTTON, name="Show All, Countries table")
    app.scroll_into_view(button)
    ldinput.click(*app.center(button))
    ldinput.wait_for(lambda: len(rows(app, table)) == 30 or None, "all 30 countries")
    fewer = app.find(role=Role.PUSH_BUTTON, name="Show Fewer, Countries table")
    assert ldinput.has_state(fewer, ldinput.State.FOCUSED), "the button lost the focus"
    ldinput.key("space")
    ldinput.wait_for(lambda: len(rows(app, table)) == 8 or None, "8 countries again")


if __name__ == "__main__":
    ldinput.main([
        test_wheel_over_table_scrolls_page,
        test_show_all_in_place,
    ])
