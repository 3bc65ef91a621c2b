#!/usr/bin/env python3
"""A customer's page (issue 13), opened and closed the way a person does: from a row of
Analysis › Customers with the keyboard (Return) and with a click on the row's button, from
a value of the Customer name filter, closed with Escape and with Back. What the page shows
is read back from the accessibility tree: its name, and its figures against the command
line's table of the same report.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import csv
import io
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role, State  # noqa: E402

# Tall enough for the Analysis table without scrolling (the screen is LD_TEST_SCREEN).
WINDOW = (1480, 1500)


def expected_customers():
    """The sample's customers over the window's default range (the last six months), as the
    command line counts them with no display: name → (code, provisioned, assigned)."""
    binary = os.environ.get("LD_DASHBOARD_BIN") or os.path.join(
        os.path.dirname(__file__), "..", "..", "build", "license-dashboard")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run([binary, "--export", "analysis-customers", "--sample"], env=env,
                         capture_output=True, text=True, check=True, timeout=ldinput.DEADLINE).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    return [(r["CustomerName"], r["CustomerCountryCode"], r["LicensesProvisioned"],
             r["LicensesAssigned"]) for r in rows]


def prepare(app):
    ldinput.xdotool("windowsize", "--sync", app.xid, *WINDOW)
    ldinput.wait_for(lambda: app.window.get_extents(ldinput.Atspi.CoordType.WINDOW).height >= WINDOW[1] - 40,
                     "the window to grow")


def show_customers_view(app):
    """Analysis › Customers, by a click on the view switch. GTK 4.8 names the toggle
    "Customers Customers"; the Customers card's menu button is "Customers menu"."""
    switch = ldinput.wait_for(
        lambda: [b for b in app.find_all(role=Role.PUSH_BUTTON, name_prefix="Customers")
                 if not b.get_name().endswith(" menu")], "the Customers view switch")
    ldinput.click(*app.center(switch[0]))
    return app.find(name="Customers table")


def open_buttons(app, table):
    return ldinput.wait_for(lambda: app.find_all(root=table, role=Role.PUSH_BUTTON,
                                                 name_prefix="Open the page of "),
                            "the rows' open buttons")


def page_of(app, label):
    return app.find(role=Role.PANEL, name=f"Customer page: {label}")


def expect_no_page(app):
    ldinput.wait_for(lambda: not app.find_all(role=Role.PANEL, name_prefix="Customer page: "),
                     "the customer's page to close")


def expect_figures(app, page, provisioned, assigned):
    """The page's overview names its figures: a value labelled by its caption."""
    def figure(caption):
        found = [a.get_name() for a in app.find_all(root=page, role=Role.LABEL, name_contains=caption)]
        return [n for n in found if n.split()[0].replace(",", "").isdigit()]
    ldinput.wait_for(lambda: any(n.split()[0].replace(",", "") == provisioned for n in figure("Provisioned")),
                     f"the page's Provisioned figure {provisioned}")
    ldinput.wait_for(lambda: any(n.split()[0].replace(",", "") == assigned for n in figure("Assigned")),
                     f"the page's Assigned figure {assigned}")


def label_of(name, code):
    return f"{name or 'Name not shared'} ({code})" if code else (name or "Name not shared")


def focused_within(app, root):
    return any(ldinput.has_state(a, State.FOCUSED) for a in ldinput.walk(root))


def test_keyboard_from_analysis(app):
    """A click selects a row of Analysis › Customers; Return opens its page with the focus
    on Back; Escape returns to the table, the row still focused; Down and Return open the
    next customer's."""
    customers = expected_customers()
    prepare(app)
    table = show_customers_view(app)
    buttons = open_buttons(app, table)
    first_name = buttons[0].get_name()[len("Open the page of "):]
    assert first_name == (customers[0][0] or "Name not shared"), (first_name, customers[0])

    # A click on the first row, left of its numbers: it takes the selection and the focus.
    bx, by = app.center(buttons[0])
    tx, _, _, _ = app.extents(table)
    ldinput.click(tx + 60, by)
    ldinput.wait_for(lambda: focused_within(app, table), "the table row to have the focus")

    ldinput.key("Return")
    page = page_of(app, label_of(*customers[0][:2]))
    back = app.find(root=page, role=Role.PUSH_BUTTON, name="Back")
    ldinput.wait_for(lambda: ldinput.has_state(back, State.FOCUSED), "Back to have the focus")
    expect_figures(app, page, customers[0][2], customers[0][3])

    ldinput.key("Escape")
    expect_no_page(app)
    ldinput.wait_for(lambda: focused_within(app, table), "the focus back on the table")

    ldinput.key("Down", "Return")
    page = page_of(app, label_of(*customers[1][:2]))
    expect_figures(app, page, customers[1][2], customers[1][3])
    ldinput.key("Escape")
    expect_no_page(app)


def test_click_from_analysis(app):
    """The button at the end of a row opens that row's customer; Back returns."""
    customers = expected_customers()
    prepare(app)
    table = show_customers_view(app)
    buttons = open_buttons(app, table)
    ldinput.click(*app.center(buttons[2]))
    page = page_of(app, label_of(*customers[2][:2]))
    expect_figures(app, page, customers[2][2], customers[2][3])

    ldinput.click(*app.center(app.find(root=page, role=Role.PUSH_BUTTON, name="Back")))
    expect_no_page(app)
    app.find(name="Customers table")


def test_click_from_filter(app):
    """The button of a Customer name option opens the name's page and ticks nothing."""
    customers = expected_customers()
    prepare(app)
    group = app.filter_group("Customer name")
    ldinput.click(*app.center(group))
    ldinput.wait_for(lambda: ldinput.has_state(app.filter_group("Customer name"), State.EXPANDED),
                     "the Customer name group to open")
    values = app.find(role=Role.LIST, name="Customer name values")
    # The options are by provisioned licences, as the Analysis table: the first is the
    # top customer's name.
    name = customers[0][0]
    button = app.find(root=values, role=Role.PUSH_BUTTON, name=f"Open the page of {name}")
    ldinput.click(*app.center(button))
    page = app.find(role=Role.PANEL, name_prefix=f"Customer page: {name}")
    expect_figures(app, page, customers[0][2], customers[0][3])
    assert app.n_selected("Customer name") == 0, "opening the page ticked the value"
    assert app.checked_options("Customer name") == [], app.checked_options("Customer name")

    ldinput.key("Escape")
    expect_no_page(app)


if __name__ == "__main__":
    ldinput.main([test_keyboard_from_analysis, test_click_from_analysis, test_click_from_filter])
