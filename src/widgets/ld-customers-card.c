/* ld-customers-card.c — customers: how many, how many new, and the monthly trend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-chart-format.h"
#include "ld-chart-view.h"
#include "ld-customers-card.h"

struct _LdCustomersCard
{
  LdCard     parent_instance;

  GtkWidget *chart;
  guint      customers_figure;
  guint      month_figure;
};

G_DEFINE_FINAL_TYPE (LdCustomersCard, ld_customers_card, LD_TYPE_CARD)

static void
ld_customers_card_update (LdCard   *card,
                          LdQuery  *query,
                          LdResult *result)
{
  LdCustomersCard *self = LD_CUSTOMERS_CARD (card);
  guint n_months = result != NULL ? ld_result_get_n_months (result) : 0;
  g_autofree char *customers = NULL;
  g_autofree char *month_count = NULL;
  g_autofree char *month_caption = NULL;
  g_autofree char *joined_text = NULL;
  g_autofree char *month_change = NULL;
  LdTrendChartData data;

  ld_trend_chart_data_init (&data);

  customers = ld_card_format_count (result != NULL ? ld_result_get_customers (result) : 0);
  if (n_months == 0)
    {
      ld_card_set_figure (card, self->customers_figure, customers, NULL, NULL, LD_CARD_TREND_NONE);
      ld_card_set_figure (card, self->month_figure, month_count = ld_card_format_count (0),
                          _("New in the last month"), NULL, LD_CARD_TREND_NONE);
      ld_chart_view_set_trend (LD_CHART_VIEW (self->chart), &data);
      return;
    }

  {
    int from = ld_result_get_from_month (result);
    int to = ld_result_get_to_month (result);
    const guint64 *new_customers = ld_result_get_new_customers (result);
    const guint64 *cumulative = ld_result_get_cumulative_customers (result);
    g_autofree char *first_name = ld_chart_format_month (from, TRUE);
    g_autofree char *last_name = ld_chart_format_month (to, TRUE);
    /* "New since the first month" are the customers whose first row in the range
     * is activated after the range's first month: the cumulative count at the
     * last month less the one at the first. */
    guint64 joined = cumulative[n_months - 1] - cumulative[0];
    LdCardTrend joined_trend = joined > 0 ? LD_CARD_TREND_UP : LD_CARD_TREND_NONE;
    LdCardTrend month_trend;

    if (joined > 0)
      {
        g_autofree char *count = ld_card_format_count (joined);
        /* TRANSLATORS: customers first seen after the range's first month,
         * "12 new since Jan 2026". */
        joined_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s new since %s",
                                                    "%s new since %s", joined),
                                       count, first_name);
      }
    else
      /* TRANSLATORS: no customer was first seen after the range's first month. */
      joined_text = g_strdup_printf (_("None new since %s"), first_name);
    ld_card_set_figure (card, self->customers_figure, customers, NULL, joined_text, joined_trend);

    /* The last month's new customers (SPEC §3: distinct customers with a row
     * activated in the month), against the first month's. */
    month_count = ld_card_format_count (new_customers[n_months - 1]);
    /* TRANSLATORS: the caption of the new customers in the range's last month, "New in Nov 2026". */
    month_caption = g_strdup_printf (_("New in %s"), last_name);
    month_change = n_months > 1 ? ld_card_format_change (new_customers[0], new_customers[n_months - 1],
                                                         from, &month_trend)
                                : NULL;
    ld_card_set_figure (card, self->month_figure, month_count, month_caption, month_change,
                        n_months > 1 ? month_trend : LD_CARD_TREND_NONE);

    data.first_month = from;
    data.n_months = n_months;
    data.n_series = 2;
    data.series[0] = (LdTrendSeries) { _("New customers"), LD_TREND_SERIES_BARS,
                                       new_customers, LD_CHART_COLOR_PRIMARY };
    data.series[1] = (LdTrendSeries) { _("Cumulative customers"), LD_TREND_SERIES_LINE,
                                       cumulative, LD_CHART_COLOR_SECONDARY };
    ld_chart_view_set_trend (LD_CHART_VIEW (self->chart), &data);
  }
}

static void
ld_customers_card_draw_chart (LdCard             *card,
                              cairo_t            *cr,
                              double              width,
                              double              height,
                              const LdChartTheme *theme)
{
  LdCustomersCard *self = LD_CUSTOMERS_CARD (card);

  ld_chart_view_draw (LD_CHART_VIEW (self->chart), cr, width, height, theme);
}

static LdWidgetId
ld_customers_card_get_widget_id (LdCard *card)
{
  return LD_WIDGET_CUSTOMERS;
}

static void
ld_customers_card_class_init (LdCustomersCardClass *klass)
{
  LdCardClass *card_class = LD_CARD_CLASS (klass);

  card_class->update = ld_customers_card_update;
  card_class->draw_chart = ld_customers_card_draw_chart;
  card_class->get_widget_id = ld_customers_card_get_widget_id;
}

static void
ld_customers_card_init (LdCustomersCard *self)
{
  LdCard *card = LD_CARD (self);

  ld_card_set_title (card, _("Customers"));
  self->customers_figure = ld_card_add_figure (card, _("Customers"));
  self->month_figure = ld_card_add_figure (card, _("New in the last month"));

  self->chart = ld_chart_view_new (_("New and cumulative customers per month"));
  /* A card stretched to its neighbour's height gives the room to the chart. */
  gtk_widget_set_vexpand (self->chart, TRUE);
  ld_card_append (card, self->chart);

  ld_card_update (card, NULL, NULL);
}

GtkWidget *
ld_customers_card_new (void)
{
  return g_object_new (LD_TYPE_CUSTOMERS_CARD, NULL);
}

GtkWidget *
ld_customers_card_get_chart (LdCustomersCard *self)
{
  g_return_val_if_fail (LD_IS_CUSTOMERS_CARD (self), NULL);

  return self->chart;
}
