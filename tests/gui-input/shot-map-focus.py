#!/usr/bin/env python3
"""Saves docs/screenshots/map-focus.png: the map with the keyboard focus ring, the pointer
resting on Germany. Not a test; run it through the same display harness:

    tests/gui-run.sh python3 tests/gui-input/shot-map-focus.py docs/screenshots/map-focus.png

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
import ldmap  # noqa: E402

out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "map-focus.png")
with ldinput.App() as app:
    m = ldmap.Map(app)
    # A click on the sea gives the map the focus; Tab to its Reset view button and
    # Shift+Tab back moves it by keyboard, which shows the ring (GTK shows it once the
    # keyboard moved the focus); the pointer rests on Germany for its tooltip.
    ldinput.click(*m.sea(0))
    ldinput.wait_for(lambda: ldinput.has_state(m.view, ldinput.State.FOCUSED), "the map's focus")
    ldinput.key("Tab", "shift+Tab")
    ldinput.wait_for(lambda: ldinput.has_state(m.view, ldinput.State.FOCUSED), "the map's focus")
    m.hover_country(*m.point("DE"), "DE")
    ldinput.time.sleep(0.5)
    if not ldinput.screenshot(out):
        sys.exit("ImageMagick's import is needed for the screenshot")
    # The window only, not the empty screen around it.
    x, y = app.window_origin()
    e = app.window.get_extents(ldinput.Atspi.CoordType.WINDOW)
    subprocess.run(["convert", out, "-crop", f"{e.width}x{e.height}+{x}+{y}", "+repage", out],
                   check=True)
    print(out)
