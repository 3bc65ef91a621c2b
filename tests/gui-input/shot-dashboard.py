#!/usr/bin/env python3
"""Saves the whole dashboard page of the sample at 1600, 1024 and 360 px wide in
docs/screenshots (dashboard-WIDTH-light.png / -dark.png). Not a test; run it through the
display harness, once light and once dark:

    LD_TEST_SCREEN=1600x6000x24 tests/gui-run.sh python3 tests/gui-input/shot-dashboard.py docs/screenshots -light
    ADW_DEBUG_COLOR_SCHEME=prefer-dark LD_TEST_SCREEN=1600x6000x24 \\
        tests/gui-run.sh python3 tests/gui-input/shot-dashboard.py docs/screenshots -dark

No window manager runs under Xvfb, so the window is as tall as asked: the page whole,
every card at once. Each picture is the screen cut to the window. The program's stderr
is printed after each size (it should be silent: no allocation warnings at 360 px).

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402

folder = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
suffix = sys.argv[2] if len(sys.argv) > 2 else "-light"
sizes = [int(w) for w in sys.argv[3:]] or [1600, 1024, 360]
HEIGHTS = {1600: 3300, 1024: 4700, 360: 5500}

for width in sizes:
    # A translated window names its map in its language: LD_SHOT_READY gives that name.
    with ldinput.App(ready_name=os.environ.get("LD_SHOT_READY", "World map of provisioned licenses")) as app:
        height = HEIGHTS.get(width, 4000)
        ldinput.xdotool("windowsize", "--sync", app.xid, width, height)
        time.sleep(2.0)
        x0, y0 = app.window_origin()
        ldinput.move(x0 + width - 2, y0 + height - 2)
        time.sleep(2.0)
        path = os.path.join(folder, f"dashboard-{width}{suffix}.png")
        if not ldinput.screenshot(path):
            sys.exit("ImageMagick's import is needed for the screenshots")
        subprocess.run(["convert", path, "-crop", f"{width}x{height}+{x0}+{y0}", "+repage", path],
                       check=True)
        print(path)
        out = app.output().strip()
        print(f"stderr at {width} px: {out or '(silent)'}")
