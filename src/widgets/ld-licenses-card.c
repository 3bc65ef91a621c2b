/* ld-licenses-card.c — provisioned and assigned licences and the assignment rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ld-chart-format.h"
#include "ld-chart-view.h"
#include "ld-licenses-card.h"

struct _LdLicensesCard
{
  LdCard     parent_instance;

  GtkWidget *chart;
  guint      provisioned_figure;
  guint      assigned_figure;
  guint      rate_figure;
};

G_DEFINE_FINAL_TYPE (LdLicensesCard, ld_licenses_card, LD_TYPE_CARD)

/* The change of the monthly assignment rate, in percentage points, from the first
 * month of the range to the last. */
static char *
format_rate_change (gint64       first,
                    gint64       last,
                    int          first_month,
                    LdCardTrend *trend)
{
  g_autofree char *since = ld_chart_format_month (first_month, TRUE);
  g_autofree char *points = NULL;

  if (first == last)
    {
      *trend = LD_CARD_TREND_NONE;
      return g_strdup_printf (_("No change since %s"), since);
    }

  *trend = last > first ? LD_CARD_TREND_UP : LD_CARD_TREND_DOWN;
  points = g_strdup_printf ("%.1f", llabs (last - first) / 100.0);
  /* TRANSLATORS: the change of the assignment rate in percentage points,
   * "4.5 pts since Jan 2026". */
  return g_strdup_printf (_("%s pts since %s"), points, since);
}

static void
ld_licenses_card_update (LdCard   *card,
                         LdQuery  *query,
                         LdResult *result)
{
  LdLicensesCard *self = LD_LICENSES_CARD (card);
  guint n_months = result != NULL ? ld_result_get_n_months (result) : 0;
  guint64 provisioned = result != NULL ? ld_result_get_provisioned (result) : 0;
  guint64 assigned = result != NULL ? ld_result_get_assigned (result) : 0;
  gint64 rate = result != NULL ? ld_result_get_assignment_rate (result) : 0;
  g_autofree char *provisioned_text = ld_card_format_count (provisioned);
  g_autofree char *assigned_text = ld_card_format_count (assigned);
  g_autofree char *rate_text = ld_card_format_rate (rate);
  g_autofree char *provisioned_change = NULL;
  g_autofree char *assigned_change = NULL;
  g_autofree char *rate_change = NULL;
  LdCardTrend provisioned_trend = LD_CARD_TREND_NONE;
  LdCardTrend assigned_trend = LD_CARD_TREND_NONE;
  LdCardTrend rate_trend = LD_CARD_TREND_NONE;
  LdTrendChartData data;

  ld_trend_chart_data_init (&data);

  if (n_months > 1)
    {
      int from = ld_result_get_from_month (result);
      const guint64 *month_provisioned = ld_result_get_month_provisioned (result);
      const guint64 *month_assigned = ld_result_get_month_assigned (result);
      guint last = n_months - 1;

      provisioned_change = ld_card_format_change (month_provisioned[0], month_provisioned[last],
                                                  from, &provisioned_trend);
      assigned_change = ld_card_format_change (month_assigned[0], month_assigned[last],
                                               from, &assigned_trend);
      rate_change = format_rate_change (ld_percent_hundredths (month_assigned[0], month_provisioned[0]),
                                        ld_percent_hundredths (month_assigned[last], month_provisioned[last]),
                                        from, &rate_trend);
    }

  ld_card_set_figure (card, self->provisioned_figure, provisioned_text, NULL,
                      provisioned_change, provisioned_trend);
  ld_card_set_figure (card, self->assigned_figure, assigned_text, NULL,
                      assigned_change, assigned_trend);
  ld_card_set_figure (card, self->rate_figure, rate_text, NULL, rate_change, rate_trend);

  if (n_months > 0)
    {
      data.first_month = ld_result_get_from_month (result);
      data.n_months = n_months;
      data.n_series = 2;
      data.bar_layout = LD_TREND_BARS_NESTED;
      data.series[0] = (LdTrendSeries) { _("Provisioned"), LD_TREND_SERIES_BARS,
                                         ld_result_get_month_provisioned (result),
                                         LD_CHART_COLOR_PRIMARY };
      data.series[1] = (LdTrendSeries) { _("Assigned"), LD_TREND_SERIES_BARS,
                                         ld_result_get_month_assigned (result),
                                         LD_CHART_COLOR_SECONDARY };
    }
  ld_chart_view_set_trend (LD_CHART_VIEW (self->chart), &data);
}

static void
ld_licenses_card_draw_chart (LdCard             *card,
                             cairo_t            *cr,
                             double              width,
                             double              height,
                             const LdChartTheme *theme)
{
  LdLicensesCard *self = LD_LICENSES_CARD (card);

  ld_chart_view_draw (LD_CHART_VIEW (self->chart), cr, width, height, theme);
}

static LdWidgetId
ld_licenses_card_get_widget_id (LdCard *card)
{
  return LD_WIDGET_LICENSES;
}

static void
ld_licenses_card_class_init (LdLicensesCardClass *klass)
{
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  card_class->update = ld_licenses_card_update;
  card_class->draw_chart = ld_licenses_card_draw_chart;
  card_class->get_widget_id = ld_licenses_card_get_widget_id;
}

static void
ld_licenses_card_init (LdLicensesCard *self)
{
  LdCard *card = LD_CARD (self);

  ld_card_set_title (card, _("Licenses"));
  self->provisioned_figure = ld_card_add_figure (card, _("Provisioned"));
  self->assigned_figure = ld_card_add_figure (card, _("Assigned"));
  self->rate_figure = ld_card_add_figure (card, _("Assignment rate"));

  self->chart = ld_chart_view_new (_("Provisioned and assigned licenses per month"));
  /* A card stretched to its neighbour's height gives the room to the chart. */
  gtk_widget_set_vexpand (self->chart, TRUE);
  ld_card_append (card, self->chart);

  ld_card_update (card, NULL, NULL);
}

GtkWidget *
ld_licenses_card_new (void)
{
  return g_object_new (LD_TYPE_LICENSES_CARD, NULL);
}

GtkWidget *
ld_licenses_card_get_chart (LdLicensesCard *self)
{
  g_return_val_if_fail (LD_IS_LICENSES_CARD (self), NULL);

  return self->chart;
}
