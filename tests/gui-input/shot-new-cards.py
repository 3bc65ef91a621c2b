#!/usr/bin/env python3
"""Saves the screenshots of the Adoption and License states cards and of a customer's page
in docs/screenshots, light and dark. Not a test; run it through the display harness, twice:

    LD_TEST_SCREEN=1600x3400x24 tests/gui-run.sh python3 tests/gui-input/shot-new-cards.py docs/screenshots
    ADW_DEBUG_COLOR_SCHEME=prefer-dark LD_TEST_SCREEN=1600x3400x24 \\
        tests/gui-run.sh python3 tests/gui-input/shot-new-cards.py docs/screenshots -dark

The window is made as tall as the page (no window manager under Xvfb says otherwise), so
every card is on the screen at once and each picture is the screen cut to one card.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role  # noqa: E402

folder = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
suffix = sys.argv[2] if len(sys.argv) > 2 else ""


def shoot(app, acc, name, margin=12, bottom_of=None):
    """The screen, cut to @acc with a margin around it (down to the bottom of @bottom_of
    when given: a page is as tall as the window, its cards may end sooner)."""
    path = os.path.join(folder, f"{name}{suffix}.png")
    # No tooltip in the picture: the pointer rests in the window's corner.
    x0, y0 = app.window_origin()
    ldinput.move(x0 + 2, y0 + 60)
    time.sleep(0.8)
    if not ldinput.screenshot(path):
        sys.exit("ImageMagick's import is needed for the screenshots")
    x, y, w, h = app.extents(acc)
    if bottom_of is not None:
        bx, by, bw, bh = app.extents(bottom_of)
        h = min(h, by + bh + 24 - y)
    subprocess.run(["convert", path, "-crop",
                    f"{w + 2 * margin}x{h + 2 * margin}+{x - margin}+{y - margin}", "+repage", path],
                   check=True)
    print(path)


with ldinput.App() as app:
    ldinput.xdotool("windowsize", "--sync", app.xid, 1480, 3300)
    ldinput.wait_for(lambda: app.window.get_extents(ldinput.Atspi.CoordType.WINDOW).height > 3000,
                     "the window to grow")

    shoot(app, app.find(name="Adoption", role=Role.PANEL), "adoption")
    shoot(app, app.find(name="License states", role=Role.PANEL), "license-states")

    # A customer's page, opened as a person would: Analysis › Customers, the first row's button.
    # GTK 4.8 names the toggle "Customers Customers" (its label twice); the card's menu
    # button is "Customers menu".
    switch = ldinput.wait_for(lambda: [b for b in app.find_all(role=Role.PUSH_BUTTON, name_prefix="Customers")
                                       if not b.get_name().endswith(" menu")], "the Customers view switch")
    ldinput.click(*app.center(switch[0]))
    table = app.find(name="Customers table")
    button = app.find(root=table, role=Role.PUSH_BUTTON, name_prefix="Open the page of ")
    ldinput.click(*app.center(button))
    page = app.find(role=Role.PANEL, name_prefix="Customer page: ")
    ldinput.xdotool("windowsize", "--sync", app.xid, 1480, 1900)
    time.sleep(0.5)
    shoot(app, page, "customer-page", margin=0,
          bottom_of=app.find(root=page, role=Role.PANEL, name="Offers and plans"))
