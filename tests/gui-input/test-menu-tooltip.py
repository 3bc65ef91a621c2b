#!/usr/bin/env python3
"""A card's menu button hides its tooltip while its menu is open (issue 12, item 14): the
pointer rests on the button it clicked, and GTK 4.8 showed "Card Menu" over the menu.
Driven with the real pointer, the tooltip read back through AT-SPI.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role  # noqa: E402


def test_card_menu_tooltip(app):
    """Hovering shows "Card Menu"; with the menu open no tooltip shows while the pointer
    stays and moves on the button; closed again, the tooltip comes back."""
    button = app.find(role=Role.PUSH_BUTTON, name="Licenses menu")
    app.scroll_into_view(button)
    x, y = app.center(button)
    assert app.hover(x, y, want=lambda t: t == "Card Menu", what="the Card Menu tooltip") == "Card Menu"

    ldinput.click(x, y)
    app.find(role=Role.MENU_ITEM, name_prefix="Copy Image")
    # The pointer goes on resting and moving on the button: no tooltip over the menu.
    end = time.monotonic() + 3
    while time.monotonic() < end:
        ldinput.move(x + 2, y + 1)
        ldinput.move(x, y)
        text = app.tooltip()
        assert text is None, f"a tooltip over the open menu: {text!r}"
        time.sleep(ldinput.POLL)

    ldinput.key("Escape")
    ldinput.wait_for(lambda: not app.find_all(role=Role.MENU_ITEM, name_prefix="Copy Image"),
                     "the menu to close")
    ldinput.move(x - 40, y + 40)
    assert app.hover(x, y, want=lambda t: t == "Card Menu", what="the tooltip back") == "Card Menu"


if __name__ == "__main__":
    ldinput.main([test_card_menu_tooltip])
