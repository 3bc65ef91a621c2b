/* ld-map-chart.h — a world map of countries shaded by provisioned licences
 *
 * Plain cairo: the Geographical spread card's map layer, the PNG/PDF export and
 * the tests all paint through ld_map_chart_draw(), so an export matches the
 * screen. Web Mercator, with zoom levels as libshumate counts them (the world
 * is 256 × 2^zoom pixels wide), so a ShumateViewport converts one to one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ld-chart-theme.h"

G_BEGIN_DECLS

#define LD_MAP_CHART_TILE_SIZE 256.0
#define LD_MAP_CHART_MAX_LATITUDE 85.0511287798
#define LD_MAP_CHART_MAX_BINS 6

/* Longitude/latitude in degrees → the unit square, x east from 180°W, y south
 * from 85.05°N; latitudes beyond ±85.05° are clamped. */
void     ld_map_chart_project          (double  lon,
                                        double  lat,
                                        double *x,
                                        double *y);
void     ld_map_chart_unproject        (double  x,
                                        double  y,
                                        double *lon,
                                        double *lat);

/* What part of the world a map of a given size shows. */
typedef struct
{
  double lon;      /* centre */
  double lat;
  double zoom;     /* libshumate's zoom level; below 0 for maps under 256 px */
  double rotation; /* radians, clockwise, about the centre (ShumateViewport's) */
} LdMapChartView;

/* The view that shows the inhabited world (Antarctica cropped) as large as
 * it fits in @width × @height. */
void     ld_map_chart_view_fit_world   (LdMapChartView *view,
                                        double          width,
                                        double          height);
/* The view centred on the largest part of @alpha2 (mainland France, not
 * Réunion), zoomed so it fills about half of the map; FALSE without a shape. */
gboolean ld_map_chart_view_fit_country (LdMapChartView *view,
                                        double          width,
                                        double          height,
                                        const char     *alpha2);
void     ld_map_chart_view_to_widget   (const LdMapChartView *view,
                                        double                width,
                                        double                height,
                                        double                lon,
                                        double                lat,
                                        double               *x,
                                        double               *y);
void     ld_map_chart_view_from_widget (const LdMapChartView *view,
                                        double                width,
                                        double                height,
                                        double                x,
                                        double                y,
                                        double               *lon,
                                        double               *lat);

typedef struct
{
  const char *code;        /* ISO 3166-1 alpha-2 as the report has it */
  const char *name;        /* the report's name, used when iso-codes has none; may be NULL */
  guint64     provisioned; /* what the map is shaded by */
  guint64     customers;
  guint64     assigned;
} LdMapChartItem;

typedef struct
{
  const LdMapChartItem *items;    /* borrowed; codes need not be unique (summed) */
  guint                 n_items;
  guint64               total;    /* shares are of this; 0: the sum of provisioned */
  const char *const    *selected; /* NULL-terminated codes outlined as filtered, or NULL */
  const char           *hover;    /* code drawn highlighted, or NULL */
  LdMapChartView        view;     /* what to show, unless fit_world */
  gboolean              fit_world; /* show ld_map_chart_view_fit_world() instead of view */
  /* With fit_world, the world at the top of a map taller than it rather than in the
   * middle: the sea left below is one band, where the legend goes (the exports,
   * whose height ld_map_chart_get_preferred_height() makes room for it). */
  gboolean              align_top;
  gboolean              base_map; /* paint sea and land; FALSE over online map tiles */
  gboolean              show_legend;
} LdMapChartData;

/* Zero-fills @data, then sets fit_world, base_map and show_legend. */
void     ld_map_chart_data_init        (LdMapChartData *data);

/* Quantile bins over the provisioned values of countries on the map, upper
 * bounds inclusive and rounded to two significant digits: fewer bins than
 * LD_MAP_CHART_MAX_BINS when there are fewer distinct values. */
typedef struct
{
  guint   n_bins;
  guint64 upper[LD_MAP_CHART_MAX_BINS];
} LdMapChartBins;

void     ld_map_chart_compute_bins     (const LdMapChartData *data,
                                        LdMapChartBins       *bins);
/* The bin of @value (> 0), or -1 for none. */
int      ld_map_chart_bins_find        (const LdMapChartBins *bins,
                                        guint64               value);

/* Colours, so callers and tests agree with the drawing. */
void     ld_map_chart_get_sea_color    (const LdChartTheme *theme,
                                        LdChartColor       *color);
void     ld_map_chart_get_land_color   (const LdChartTheme *theme,
                                        LdChartColor       *color);
void     ld_map_chart_get_bin_color    (const LdChartTheme *theme,
                                        guint               n_bins,
                                        guint               bin,
                                        LdChartColor       *color);

void     ld_map_chart_draw             (cairo_t              *cr,
                                        double                width,
                                        double                height,
                                        const LdMapChartData *data,
                                        const LdChartTheme   *theme);

/* The height the map wants at @width on a card or a page: the inhabited world in
 * Web Mercator is about 0.62 as high as wide, and with align_top a band of sea below
 * it as high as the legend laid out across it. */
double   ld_map_chart_get_preferred_height (const LdMapChartData *data,
                                            const LdChartTheme   *theme,
                                            double                width);

/* What ld_map_chart_draw_parts() paints, so a widget can cache the slow
 * part (the countries) and repaint the hover and the legend every frame. */
typedef enum
{
  LD_MAP_CHART_PART_COUNTRIES = 1 << 0, /* sea, land, fills, borders, selection */
  LD_MAP_CHART_PART_HOVER     = 1 << 1, /* the country under the pointer */
  LD_MAP_CHART_PART_LEGEND    = 1 << 2, /* if data->show_legend */
  LD_MAP_CHART_PART_ALL       = 0x7,
} LdMapChartParts;

void     ld_map_chart_draw_parts       (cairo_t              *cr,
                                        double                width,
                                        double                height,
                                        const LdMapChartData *data,
                                        const LdChartTheme   *theme,
                                        LdMapChartParts       parts);

/* The countries' outlines projected for one view and size, and their borders
 * rendered once: what a repaint of the map at the same view reuses. A change
 * of the data (the shades, the selection) then fills the countries again from
 * the kept paths and lays the kept borders over them; a pan, a zoom or a new
 * size projects the outlines again. For a widget that repaints on every
 * filter click; the exports draw with ld_map_chart_draw(). */
typedef struct _LdMapChartCache LdMapChartCache;

LdMapChartCache *ld_map_chart_cache_new  (void);
void             ld_map_chart_cache_free (LdMapChartCache *cache);

/* Paints LD_MAP_CHART_PART_COUNTRIES as ld_map_chart_draw_parts() does onto @cr,
 * an image surface's context scaled by @scale (its device pixels per unit). */
void     ld_map_chart_cache_draw_countries (LdMapChartCache      *cache,
                                            cairo_t              *cr,
                                            double                width,
                                            double                height,
                                            int                   scale,
                                            const LdMapChartData *data,
                                            const LdChartTheme   *theme);
/* How often the cache projected the outlines again, and rendered the borders again
 * (for the benchmark and the tests). */
guint    ld_map_chart_cache_get_n_projections (const LdMapChartCache *cache);
guint    ld_map_chart_cache_get_n_border_renders (const LdMapChartCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdMapChartCache, ld_map_chart_cache_free)

/* The country under (@x, @y) — its alpha-2 code, static — or NULL for sea,
 * land of no country and the legend. Small countries drawn as dots count. */
const char *ld_map_chart_country_at    (const LdMapChartData *data,
                                        const LdChartTheme   *theme,
                                        double                width,
                                        double                height,
                                        double                x,
                                        double                y);

/* Where the legend is drawn on a map of @width × @height: where it covers no land
 * for the whole world fitted to that size (a column near a corner, else rows across
 * a band of sea), else where it covers the least licensed land. FALSE when the map
 * shows none (show_legend off, or too small a map). */
gboolean ld_map_chart_get_legend_area  (const LdMapChartData *data,
                                        const LdChartTheme   *theme,
                                        double                width,
                                        double                height,
                                        cairo_rectangle_t    *area);

/* Whether the map can show @alpha2; the caller marks the others in its table. */
gboolean ld_map_chart_has_shape        (const char *alpha2);

/* The country's name in the user's language: iso-codes, else the shapes'
 * English name, else @fallback (the report's), else the code. */
const char *ld_map_chart_get_country_name (const char *alpha2,
                                           const char *fallback);

/* The tooltip of @alpha2: its name, then customers, provisioned (share) and
 * assigned, or "No licences"; NULL when @alpha2 is NULL. */
char    *ld_map_chart_get_country_summary (const LdMapChartData *data,
                                           const char           *alpha2);

/* A translated summary for screen readers: the leading countries, how many
 * have licences and which the map cannot show. */
char    *ld_map_chart_get_text_alternative (const LdMapChartData *data);

G_END_DECLS
