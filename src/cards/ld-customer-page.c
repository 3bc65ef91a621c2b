/* ld-customer-page.c — one customer's own page, worked out without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ld-customer-page.h"
#include "ld-dashboard-report.h"
#include "ld-describe.h"
#include "ld-table.h"
#include "ld-writer.h"

struct _LdCustomerPage
{
  LdQuery  *query;
  LdResult *result;
  guint32   customer;
  char     *name;
  char     *title;
  char     *label;
};

static const LdWidgetId section_widgets[LD_CUSTOMER_N_SECTIONS] = {
  [LD_CUSTOMER_SECTION_OVERVIEW] = LD_WIDGET_SUMMARY,
  [LD_CUSTOMER_SECTION_TREND] = LD_WIDGET_LICENSES,
  [LD_CUSTOMER_SECTION_PRODUCTS] = LD_WIDGET_ANALYSIS_PRODUCTS,
  [LD_CUSTOMER_SECTION_STATES] = LD_WIDGET_STATES,
};

LdCustomerPage *
ld_customer_page_new (LdQuery    *query,
                      guint32     customer,
                      const char *name,
                      const char *country_code)
{
  LdCustomerPage *self;

  g_return_val_if_fail (LD_IS_QUERY (query), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_new0 (LdCustomerPage, 1);
  self->customer = customer;
  self->name = g_strdup (name);
  /* TRANSLATORS: the title of the page of customers who share no name. */
  self->title = g_strdup (name[0] != '\0' ? name : _("Name not shared"));
  if (country_code != NULL && country_code[0] != '\0')
    /* TRANSLATORS: a customer and its country's code, "Contoso (DE)". */
    self->label = g_strdup_printf (_("%s (%s)"), self->title, country_code);
  else
    self->label = g_strdup (self->title);

  /* The page's customer takes the place of the Customer name filter: its page is
   * about it whichever names the dashboard is filtered to. The page's query is kept on
   * the window's, which the page is counted again with on every refresh. */
  self->query = g_object_ref (ld_card_model_scratch_query (query, "ld-customer-page"));
  ld_query_clear_filter (self->query, LD_DIM_CUSTOMER);
  if (customer != G_MAXUINT32)
    ld_query_set_customer_only (self->query, customer);
  else
    ld_query_add_filter_value (self->query, LD_DIM_CUSTOMER, name);
  self->result = ld_query_run (self->query);

  return self;
}

void
ld_customer_page_free (LdCustomerPage *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->result, ld_result_unref);
  g_clear_object (&self->query);
  g_free (self->name);
  g_free (self->title);
  g_free (self->label);
  g_free (self);
}

guint32
ld_customer_page_get_customer (LdCustomerPage *self)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT32);
  return self->customer;
}

const char *
ld_customer_page_get_name (LdCustomerPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

const char *
ld_customer_page_get_title (LdCustomerPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
ld_customer_page_get_label (LdCustomerPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

LdQuery *
ld_customer_page_get_query (LdCustomerPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->query;
}

LdResult *
ld_customer_page_get_result (LdCustomerPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->result;
}

LdWidgetId
ld_customer_section_get_widget (LdCustomerSection section)
{
  g_return_val_if_fail (section < LD_CUSTOMER_N_SECTIONS, LD_WIDGET_SUMMARY);
  return section_widgets[section];
}

LdCardModel *
ld_customer_page_create_model (LdCustomerPage    *self,
                               LdCustomerSection  section)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (section < LD_CUSTOMER_N_SECTIONS, NULL);

  return ld_card_model_new_for_customer (self->query, self->result, section_widgets[section],
                                         self->label);
}

char *
ld_customer_page_get_file_stem (LdCustomerPage *self)
{
  g_autoptr(GString) stem = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  /* Letters and digits, the rest a single dash: a name any file system takes. */
  ascii = g_str_to_ascii (self->name, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (stem, g_ascii_tolower (*p));
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len > 48)
    g_string_truncate (stem, 48);

  return stem->len > 0 ? g_string_free (g_steal_pointer (&stem), FALSE) : g_strdup ("customer");
}

GBytes *
ld_customer_page_pdf (LdCustomerPage  *self,
                      GError         **error)
{
  g_autoptr(LdDashboardReport) report = NULL;
  LdCardModel *cards[LD_CUSTOMER_N_SECTIONS];

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < LD_CUSTOMER_N_SECTIONS; i++)
    cards[i] = ld_customer_page_create_model (self, i);
  /* TRANSLATORS: the kicker above a customer's name on its page as a PDF. */
  report = ld_dashboard_report_new_for_cards (self->query, self->result, _("Customer report"),
                                              self->label, cards, LD_CUSTOMER_N_SECTIONS);

  return ld_dashboard_report_pdf (report, error);
}

char **
ld_customer_page_save_tables (LdCustomerPage  *self,
                              GFile           *folder,
                              GError         **error)
{
  static const LdWidgetId widgets[] = {
    LD_WIDGET_SUMMARY, LD_WIDGET_LICENSES, LD_WIDGET_ANALYSIS_PRODUCTS, LD_WIDGET_STATES,
    LD_WIDGET_DATA,
  };
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (G_N_ELEMENTS (widgets), g_free, TRUE);
  g_autofree char *stem = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  stem = ld_customer_page_get_file_stem (self);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_autoptr(LdTable) table = ld_table_new (self->query, self->result, widgets[i]);
      char *name = g_strdup_printf ("%s-%s.csv", stem, ld_widget_id_to_string (widgets[i]));
      g_autoptr(GFile) file = g_file_get_child (folder, name);

      g_ptr_array_add (names, name);
      if (!ld_table_save (table, LD_FORMAT_CSV, file, NULL, error))
        return NULL;
    }

  return (char **) g_ptr_array_steal (names, NULL);
}
