"""ldmap — where a country lies on the Geographical spread card's map, on the screen.

Until the user moves it, the map shows the inhabited world fitted to its size
(ld_map_chart_view_fit_world() in src/charts/ld-map-chart.c): Web Mercator, the world
256 × 2^zoom pixels wide as libshumate counts zoom, latitudes 83.7° N to 57° S fitted
to the height or the world's width fitted to the width, whichever is smaller, centred
on longitude 0. So a longitude and latitude give a pixel of the map's accessible
extents, with no hook in the program. Tests then aim the pointer at a country's
interior, a point chosen well inside it.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import math

import ldinput
from ldinput import Role

MAP_NAME = "World map of provisioned licenses"
MAX_LATITUDE = 85.0511287798
FIT_NORTH = 83.7
FIT_SOUTH = -57.0

# Points well inside countries, (longitude, latitude), and the names the program gives
# them (iso-codes, English). All but Egypt have licences in the sample report; Egypt
# lies near the middle of the fitted world, where zooming keeps it on the map.
POINTS = {
    "US": (-98.0, 39.0, "United States"),
    "BR": (-50.0, -10.0, "Brazil"),
    "AU": (134.0, -25.0, "Australia"),
    "DE": (10.4, 51.1, "Germany"),
    "IN": (78.0, 22.0, "India"),
    "EG": (29.5, 26.5, "Egypt"),
}
# Open sea: the middle of the North Atlantic and of the South Pacific.
SEA = [(-40.0, 35.0), (-120.0, -35.0)]


def project(lon, lat):
    """Longitude, latitude → the unit square, x east from 180° W, y south from the top."""
    lat = max(min(lat, MAX_LATITUDE), -MAX_LATITUDE)
    r = math.radians(lat)
    return (lon + 180) / 360, (1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2


def fitted_point(extents, lon, lat):
    """The screen point of (lon, lat) on a map of @extents showing the fitted world."""
    x0, y0, width, height = extents
    top, bottom = project(0, FIT_NORTH)[1], project(0, FIT_SOUTH)[1]
    # libshumate's zoom stops at 0: the world is never narrower than 256 pixels.
    size = max(256, min(width, height / (bottom - top)))
    px, py = project(lon, lat)
    return x0 + width / 2 + (px - 0.5) * size, y0 + height / 2 + (py - (top + bottom) / 2) * size


class Map:
    """The map of a running App, scrolled into view."""

    def __init__(self, app):
        self.app = app
        self.view = app.find(name=MAP_NAME)
        app.scroll_into_view(self.view)
        # The layer (an image) covers the ShumateMap exactly; the view around it has a border.
        self.layer = app.find(root=self.view, role=Role.IMAGE)

    def extents(self):
        return self.app.extents(self.layer)

    def point(self, code):
        """Where country @code lies while the map shows the fitted world."""
        lon, lat, _ = POINTS[code]
        return fitted_point(self.extents(), lon, lat)

    def sea(self, index=0):
        return fitted_point(self.extents(), *SEA[index])

    def center(self):
        x, y, w, h = self.extents()
        return x + w / 2, y + h / 2

    def hover_country(self, x, y, code):
        """Hovers (x, y) until the tooltip names country @code; returns the tooltip."""
        name = POINTS[code][2]
        return self.app.hover(x, y, lambda t: t is not None and t.split("\n")[0] == name,
                              f"the tooltip of {name}")

    def hover_nothing(self, x, y):
        """Hovers (x, y) until no tooltip shows (sea, or land of no country)."""
        self.app.hover(x, y, lambda t: t is None, "no tooltip")


def country_label(code):
    """The sidebar's label of a country option: "Germany (DE)"."""
    return f"{POINTS[code][2]} ({code})"


def expect_filter(app, codes):
    """Waits until the Country/region filter has exactly @codes ticked (read back from
    the sidebar's options), and says what it has when it does not."""
    want = sorted(country_label(c) for c in codes)
    seen = []

    def check():
        if app.n_selected("Country/region") != len(codes):
            return False
        seen[:] = app.checked_options("Country/region")
        return seen == want
    try:
        ldinput.wait_for(check, f"the Country/region filter to be {want}")
    except ldinput.InputError as e:
        raise ldinput.InputError(f"{e}; ticked: {seen or app.n_selected('Country/region')}") from None
