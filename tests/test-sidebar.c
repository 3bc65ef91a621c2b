/* test-sidebar.c — the filter sidebar and the date range control, in process
 * (suite "gui": needs a display, e.g. xvfb-run)
 *
 * The widgets only activate win.* actions; this test plays the window: a
 * GSimpleActionGroup inserted as "win" records each activation, applies it to a
 * real LdQuery over a report loaded from CSV text, re-runs it and updates the
 * widgets, as LdWindow does.
 *
 * Set LD_SCREENSHOT_DIR to a folder to get PNGs of the sidebar in light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ld-loader.h"
#include "ld-date-range-button.h"
#include "ld-filter-sidebar.h"

#define HEADER "CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate,ProductDisplayName," \
               "ProductId,PlanName,ServiceId,LicenseState,LicensesAssigned,LicensesProvisioned,OfferType\n"

/* Twelve named customers and one that did not share its name, in three countries;
 * the 2025 row lies outside "Last 6 months" (Jun–Nov 2026). */
static const char fixture_csv[] =
  HEADER
  "Germany,DE,Contoso GmbH,2026-06-03,Fabrikam Sales,prod-a,Pro,Fab.pro,Active,8,10,Dynamics 365 apps\n"
  "Germany,DE,Northwind,2026-07-11,Fabrikam Sales,prod-a,Basic,Fab.basic,Active,3,5,Dynamics 365 apps\n"
  "France,FR,Tailspin,2026-08-01,Fabrikam Sales,prod-a,Pro,Fab.pro,Active,20,25,Dynamics 365 apps\n"
  "France,FR,Adatum,2026-08-15,Contoso Maps,prod-b,Visual,Con.vis,Active,1,1,Power BI visual\n"
  "United States,US,Litware,2026-09-02,Contoso Maps,prod-b,Visual,Con.vis,Inactive,0,4,Power BI visual\n"
  "United States,US,Proseware,2026-09-20,Fabrikam Sales,prod-a,Pro,Fab.pro,Active,40,50,Dynamics 365 apps\n"
  "United States,US,Woodgrove,2026-10-05,Fabrikam Sales,prod-a,Basic,Fab.basic,Active,2,2,Dynamics 365 apps\n"
  "Germany,DE,Fourth Coffee,2026-10-09,Contoso Maps,prod-b,Visual,Con.vis,Active,6,6,Power BI visual\n"
  "France,FR,Alpine Ski,2026-10-30,Fabrikam Sales,prod-a,Pro,Fab.pro,Suspended,0,7,Dynamics 365 apps\n"
  "Germany,DE,Blue Yonder,2026-11-02,Fabrikam Sales,prod-a,Pro,Fab.pro,Active,9,9,Dynamics 365 apps\n"
  "United States,US,Coho Winery,2026-11-12,Contoso Maps,prod-b,Visual,Con.vis,Active,3,3,Power BI visual\n"
  "France,FR,Lamna,2026-11-20,Fabrikam Sales,prod-a,Basic,Fab.basic,Active,11,12,Dynamics 365 apps\n"
  "Germany,DE,,2026-11-27,Fabrikam Sales,prod-a,Pro,Fab.pro,Active,1,2,Dynamics 365 apps\n"
  "Germany,DE,Old Customer,2025-01-15,Fabrikam Sales,prod-a,Pro,Fab.pro,Active,100,100,Dynamics 365 apps\n";

typedef struct {
  GtkWindow         *window;
  LdFilterSidebar   *sidebar;
  LdDateRangeButton *range_button;
  LdReport          *report;
  LdQuery           *query;
  LdResult          *result;
  GPtrArray         *log;     /* "toggle-filter customer=Contoso", … */
  gint64             last_update_usec;
  gint64             last_facet_usec;
} Fixture;

static GPtrArray *kept_items;

static void
fixture_refresh (Fixture *f)
{
  gint64 start;

  g_clear_pointer (&f->result, ld_result_unref);
  if (f->query != NULL)
    f->result = ld_query_run (f->query);

  /* The engine sorts the facets on first use; time that apart from the widgets. */
  start = g_get_monotonic_time ();
  for (guint d = 0; d < LD_N_DIMS && f->result != NULL; d++)
    ld_result_get_facet (f->result, d, NULL);
  f->last_facet_usec = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  ld_filter_sidebar_update (f->sidebar, f->query, f->result);
  f->last_update_usec = g_get_monotonic_time () - start;
  ld_date_range_button_update (f->range_button, f->query);
}

static void
on_toggle_filter (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *f = user_data;
  const char *name;
  const char *value;
  LdDimension dim;

  g_variant_get (parameter, "(&s&s)", &name, &value);
  g_ptr_array_add (f->log, g_strdup_printf ("toggle-filter %s=%s", name, value));
  g_assert_true (ld_dimension_from_cli_name (name, &dim));
  if (ld_query_has_filter_value (f->query, dim, value))
    ld_query_remove_filter_value (f->query, dim, value);
  else
    ld_query_add_filter_value (f->query, dim, value);
  fixture_refresh (f);
}

static void
on_clear_filter (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  Fixture *f = user_data;
  LdDimension dim;

  g_ptr_array_add (f->log, g_strdup_printf ("clear-filter %s", g_variant_get_string (parameter, NULL)));
  g_assert_true (ld_dimension_from_cli_name (g_variant_get_string (parameter, NULL), &dim));
  ld_query_clear_filter (f->query, dim);
  fixture_refresh (f);
}

static void
on_clear_filters (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->log, g_strdup ("clear-filters"));
  ld_query_clear_all_filters (f->query);
  fixture_refresh (f);
}

static void
on_range (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  Fixture *f = user_data;
  const char *name = g_variant_get_string (parameter, NULL);
  LdRangePreset preset;
  int from, to;

  g_ptr_array_add (f->log, g_strdup_printf ("range %s", name));
  g_assert_true (ld_range_parse (name, &preset, &from, &to));
  ld_query_set_range_preset (f->query, preset);
  g_simple_action_set_state (action, parameter);
  fixture_refresh (f);
}

static void
on_custom_range (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  Fixture *f = user_data;
  int from, to;

  g_variant_get (parameter, "(ii)", &from, &to);
  g_ptr_array_add (f->log, g_strdup_printf ("custom-range %d:%d", from, to));
  ld_query_set_custom_range (f->query, from, to);
  fixture_refresh (f);
}

static void
on_toast (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->log, g_strdup_printf ("toast %s", g_variant_get_string (parameter, NULL)));
}

static const GActionEntry win_actions[] = {
  { "toast", on_toast, "s" },
  { "toggle-filter", on_toggle_filter, "(ss)" },
  { "clear-filter", on_clear_filter, "s" },
  { "clear-filters", on_clear_filters },
  { "range", on_range, "s", "'last-6'" },
  { "custom-range", on_custom_range, "(ii)" },
};

static void
drain_main_loop (void)
{
  gint64 until = g_get_monotonic_time () + 100 * 1000;

  /* Let the list views build their rows over a few frames. */
  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static void
fixture_set_report (Fixture    *f,
                    const char *csv,
                    gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->query);
  g_clear_object (&f->report);
  f->report = ld_loader_load_data (csv, len, "test.csv", &error);
  g_assert_no_error (error);
  f->query = ld_query_new (f->report);
  fixture_refresh (f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *box;
  GtkWidget *header;

  f->log = g_ptr_array_new_with_free_func (g_free);
  kept_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_action_map_add_action_entries (G_ACTION_MAP (group), win_actions, G_N_ELEMENTS (win_actions), f);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 1000);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));

  header = gtk_header_bar_new ();
  f->range_button = LD_DATE_RANGE_BUTTON (ld_date_range_button_new ());
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), GTK_WIDGET (f->range_button));
  gtk_window_set_titlebar (f->window, header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  f->sidebar = LD_FILTER_SIDEBAR (ld_filter_sidebar_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (f->sidebar), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->sidebar));
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);

  fixture_set_report (f, fixture_csv, strlen (fixture_csv));
  drain_main_loop ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_pointer (&f->result, ld_result_unref);
  g_clear_object (&f->query);
  g_clear_object (&f->report);
  g_ptr_array_unref (f->log);
  g_clear_pointer (&kept_items, g_ptr_array_unref);
  drain_main_loop ();
}

static GObject *
group_child (LdFilterGroup *group,
             const char    *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (group), LD_TYPE_FILTER_GROUP, id);

  g_assert_nonnull (child);
  return child;
}

static GObject *
sidebar_child (LdFilterSidebar *sidebar,
               const char      *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (sidebar), LD_TYPE_FILTER_SIDEBAR, id);

  g_assert_nonnull (child);
  return child;
}

static const char *
last_log (Fixture *f)
{
  g_assert_cmpuint (f->log->len, >, 0);
  return g_ptr_array_index (f->log, f->log->len - 1);
}

static LdFacetItem *
model_item (LdFilterGroup *group,
            guint          position)
{
  LdFacetItem *item = g_list_model_get_item (G_LIST_MODEL (ld_filter_group_get_model (group)), position);

  g_assert_nonnull (item);
  /* Items off screen live only as long as someone holds them: the test keeps its
   * own until the fixture goes. */
  g_ptr_array_add (kept_items, item);
  return item;
}

/* The check buttons a list view currently shows, in widget order. */
static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_CHECK_BUTTON (child) && gtk_widget_has_css_class (child, "ld-filter-option"))
        g_ptr_array_add (checks, child);
      else
        collect_checks (child, checks);
    }
}

static GtkCheckButton *
find_check (LdFilterGroup *group,
            const char    *label)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  collect_checks (GTK_WIDGET (group_child (group, "list_view")), checks);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *box = gtk_check_button_get_child (checks->pdata[i]);
      GtkWidget *value_label = gtk_widget_get_first_child (box);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (value_label)), label) == 0 &&
          gtk_widget_get_mapped (checks->pdata[i]))
        return checks->pdata[i];
    }
  return NULL;
}

static void
test_sidebar_update (Fixture       *f,
                     gconstpointer  data)
{
  for (guint d = 0; d < LD_N_DIMS; d++)
    {
      LdFilterGroup *group = ld_filter_sidebar_get_group (f->sidebar, d);
      LdFacetModel *model = ld_filter_group_get_model (group);
      guint n_options;
      const LdFacetOption *options = ld_result_get_facet (f->result, d, &n_options);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_options);
      g_assert_cmpuint (ld_facet_model_get_n_options (model), ==, n_options);
      g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == LD_TYPE_FACET_ITEM);
      for (guint i = 0; i < n_options; i++)
        {
          LdFacetItem *item = model_item (group, i);

          g_assert_cmpstr (ld_facet_item_get_value (item), ==, options[i].value);
          g_assert_cmpuint (ld_facet_item_get_provisioned (item), ==, options[i].provisioned);
          g_assert_false (ld_facet_item_get_selected (item));
          g_assert_true (ld_facet_item_get_present (item));
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n_options));
      g_assert_cmpuint (ld_filter_group_get_n_selected (group), ==, 0);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group_child (group, "badge"))));
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group_child (group, "clear_button"))));
    }

  /* Last 6 months: 13 customers (12 named and one blank); "Old Customer" is out of range. */
  {
    LdFilterGroup *customers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER);
    LdFacetModel *model = ld_filter_group_get_model (customers);
    gboolean found_blank = FALSE;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 13);
    /* Provisioned descending: Proseware (50) first. */
    g_assert_cmpstr (ld_facet_item_get_value (model_item (customers, 0)), ==, "Proseware");
    g_assert_cmpuint (ld_facet_item_get_provisioned (model_item (customers, 0)), ==, 50);
    for (guint i = 0; i < 13; i++)
      {
        LdFacetItem *item = model_item (customers, i);

        g_assert_cmpstr (ld_facet_item_get_value (item), !=, "Old Customer");
        if (ld_facet_item_get_value (item)[0] == '\0')
          {
            found_blank = TRUE;
            g_assert_true (ld_facet_item_get_placeholder (item));
            g_assert_cmpstr (ld_facet_item_get_label (item), ==, "Name not shared");
          }
      }
    g_assert_true (found_blank);
  }

  /* Countries show the report's name with the code. */
  {
    LdFilterGroup *countries = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_COUNTRY);
    LdFacetItem *first = model_item (countries, 0);

    g_assert_cmpstr (ld_facet_item_get_value (first), ==, "US");
    g_assert_cmpstr (ld_facet_item_get_label (first), ==, "United States (US)");
  }

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sidebar_child (f->sidebar, "clear_all_button"))));
  g_assert_cmpuint (ld_filter_sidebar_get_n_active (f->sidebar), ==, 0);

  /* No report: empty groups, nothing to clear. */
  ld_filter_sidebar_update (f->sidebar, NULL, NULL);
  for (guint d = 0; d < LD_N_DIMS; d++)
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ld_filter_group_get_model (ld_filter_sidebar_get_group (f->sidebar, d)))), ==, 0);
  g_assert_cmpuint (f->log->len, ==, 0);
}

static void
test_sidebar_toggle (Fixture       *f,
                     gconstpointer  data)
{
  LdFilterGroup *customers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER);
  LdFilterGroup *countries = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_COUNTRY);
  GtkListView *list_view = GTK_LIST_VIEW (group_child (customers, "list_view"));
  g_autoptr(LdFacetItem) tailspin = NULL;
  GtkCheckButton *check;
  guint position = G_MAXUINT;
  guint n_items;

  ld_filter_group_set_expanded (customers, TRUE);
  ld_filter_group_set_expanded (countries, TRUE);
  drain_main_loop ();

  n_items = g_list_model_get_n_items (G_LIST_MODEL (ld_filter_group_get_model (customers)));
  for (guint i = 0; i < n_items; i++)
    if (g_strcmp0 (ld_facet_item_get_value (model_item (customers, i)), "Tailspin") == 0)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  tailspin = g_list_model_get_item (G_LIST_MODEL (ld_filter_group_get_model (customers)), position);

  /* Enter on a row (the list view's "activate") toggles it. */
  g_signal_emit_by_name (list_view, "activate", position);
  g_assert_cmpstr (last_log (f), ==, "toggle-filter customer=Tailspin");
  g_assert_true (ld_query_has_filter_value (f->query, LD_DIM_CUSTOMER, "Tailspin"));
  /* The same item, updated in place, so its row keeps its focus and place. */
  g_assert_true (model_item (customers, position) == tailspin);
  g_assert_true (ld_facet_item_get_selected (tailspin));
  g_assert_cmpuint (ld_filter_group_get_n_selected (customers), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group_child (customers, "badge"))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (group_child (customers, "badge"))), ==, "1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group_child (customers, "clear_button"))));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sidebar_child (f->sidebar, "clear_all_button"))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (sidebar_child (f->sidebar, "summary_label"))), ==,
                   "1 filter active");

  /* The other groups' totals follow (SPEC §3: values of the range, totals given the
   * other filters): Tailspin's 25 are all in FR, the other countries drop to 0. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ld_filter_group_get_model (countries))), ==, 3);
  g_assert_cmpstr (ld_facet_item_get_value (model_item (countries, 0)), ==, "FR");
  g_assert_cmpuint (ld_facet_item_get_provisioned (model_item (countries, 0)), ==, 25);
  g_assert_cmpuint (ld_facet_item_get_provisioned (model_item (countries, 1)), ==, 0);

  drain_main_loop ();
  /* The row's check box shows it, and clicking it (Space does the same) unselects. */
  check = find_check (customers, "Tailspin");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (check)));
  gtk_widget_activate (GTK_WIDGET (check));
  g_assert_cmpstr (last_log (f), ==, "toggle-filter customer=Tailspin");
  g_assert_false (ld_query_has_filter_value (f->query, LD_DIM_CUSTOMER, "Tailspin"));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpuint (f->log->len, ==, 2);

  /* A country goes by its code. */
  drain_main_loop ();
  check = find_check (countries, "Germany (DE)");
  g_assert_nonnull (check);
  gtk_widget_activate (GTK_WIDGET (check));
  g_assert_cmpstr (last_log (f), ==, "toggle-filter country=DE");
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_cmpuint (f->log->len, ==, 3);

  /* Its chip names the country, as a customer's chip names the customer (it said
   * "DE"), and its close button says what it removes. */
  {
    GtkFlowBox *chips = GTK_FLOW_BOX (sidebar_child (f->sidebar, "chips"));
    GtkWidget *chip = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (chips, 0));
    GtkWidget *label = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (chip)));

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Germany");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==, "Remove Country/region: Germany");
  }
}

static void
test_sidebar_clear (Fixture       *f,
                    gconstpointer  data)
{
  LdFilterGroup *customers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER);
  LdFilterGroup *states = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_STATE);
  GtkWidget *clear_all = GTK_WIDGET (sidebar_child (f->sidebar, "clear_all_button"));
  GtkFlowBox *chips = GTK_FLOW_BOX (sidebar_child (f->sidebar, "chips"));

  g_assert_true (ld_filter_group_toggle_value (customers, "Proseware"));
  g_assert_true (ld_filter_group_toggle_value (customers, "Lamna"));
  g_assert_true (ld_filter_group_toggle_value (states, "Active"));
  g_assert_cmpuint (ld_filter_sidebar_get_n_active (f->sidebar), ==, 3);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (group_child (customers, "badge"))), ==, "2");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (sidebar_child (f->sidebar, "summary_label"))), ==,
                   "3 filters active");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chips)));
  g_assert_nonnull (gtk_flow_box_get_child_at_index (chips, 2));
  g_assert_null (gtk_flow_box_get_child_at_index (chips, 3));

  /* A selected value missing from the facets still lists, flagged absent, so it
   * can be unselected. */
  g_assert_true (ld_filter_group_toggle_value (customers, "Nobody"));
  {
    LdFacetModel *model = ld_filter_group_get_model (customers);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
      {
        LdFacetItem *item = model_item (customers, i);

        if (g_strcmp0 (ld_facet_item_get_value (item), "Nobody") == 0)
          {
            found = TRUE;
            g_assert_true (ld_facet_item_get_selected (item));
            g_assert_false (ld_facet_item_get_present (item));
          }
      }
    g_assert_true (found);
  }

  /* The group's clear button. (GtkButton's "activate" clicks only after a short
   * visual delay, so the test emits "clicked".) */
  g_signal_emit_by_name (group_child (customers, "clear_button"), "clicked");
  g_assert_cmpstr (last_log (f), ==, "clear-filter customer");
  g_assert_cmpuint (ld_filter_group_get_n_selected (customers), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group_child (customers, "badge"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group_child (customers, "clear_button"))));
  g_assert_true (gtk_widget_get_sensitive (clear_all));

  /* A chip's button removes its value. */
  g_signal_emit_by_name (gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (chips, 0)), "clicked");
  g_assert_cmpstr (last_log (f), ==, "toggle-filter state=Active");
  g_assert_false (gtk_widget_get_sensitive (clear_all));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chips)));

  /* Clear all. */
  ld_filter_group_toggle_value (states, "Inactive");
  g_assert_true (gtk_widget_get_sensitive (clear_all));
  g_signal_emit_by_name (clear_all, "clicked");
  g_assert_cmpstr (last_log (f), ==, "clear-filters");
  g_assert_false (gtk_widget_get_sensitive (clear_all));
  g_assert_cmpuint (ld_filter_sidebar_get_n_active (f->sidebar), ==, 0);
}

static void
test_sidebar_search (Fixture       *f,
                     gconstpointer  data)
{
  LdFilterGroup *customers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER);
  LdFilterGroup *plans = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_PLAN);
  LdFilterGroup *countries = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_COUNTRY);
  LdFacetModel *model = ld_filter_group_get_model (customers);
  GtkEditable *entry = GTK_EDITABLE (group_child (customers, "search_entry"));

  /* Thirteen customers offer a search; three plans do not. */
  g_assert_true (ld_filter_group_has_search (customers));
  g_assert_false (ld_filter_group_has_search (plans));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group_child (plans, "search_entry"))));

  /* Case-insensitive substring: "co" is in Contoso, Fourth Coffee, Coho Winery. */
  ld_facet_model_set_search (model, "CO");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  ld_facet_model_set_search (model, "winery");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpstr (ld_facet_item_get_value (model_item (customers, 0)), ==, "Coho Winery");
  /* The placeholder label is searchable too. */
  ld_facet_model_set_search (model, "not shared");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  ld_facet_model_set_search (model, "zzz");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  ld_facet_model_set_search (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 13);

  /* Typing in the entry filters after GtkSearchEntry's short delay. */
  gtk_editable_set_text (entry, "tail");
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (G_LIST_MODEL (model)) != 1)
      {
        g_main_context_iteration (NULL, TRUE);
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      }
  }
  /* The search survives a query update. */
  ld_filter_group_toggle_value (plans, "Pro");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (ld_facet_model_get_n_options (model), ==, 13);

  /* Country search matches the name as well as the code. */
  ld_facet_model_set_search (ld_filter_group_get_model (countries), "germ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ld_filter_group_get_model (countries))), ==, 1);

  /* Unicode case folding. */
  {
    static const char csv[] = HEADER
      "Germany,DE,ÉCOLE Straße,2026-06-03,A,p,P,s,Active,1,1,T\n"
      "Germany,DE,école,2026-06-04,A,p,P,s,Active,1,1,T\n"
      "Germany,DE,Ecole,2026-06-05,A,p,P,s,Active,1,1,T\n";

    fixture_set_report (f, csv, strlen (csv));
    ld_facet_model_set_search (model, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
    ld_facet_model_set_search (model, "éco");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
    ld_facet_model_set_search (model, "STRASSE");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    ld_facet_model_set_search (model, "cole");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  }
}

/* Types into a search entry and lets its "search-changed" come: GtkSearchEntry waits
 * 150 ms after the last key, and the main loop runs well past that (no duration is
 * asserted: the loop simply runs until then). */
static void
type_search (GtkWidget  *entry,
             const char *text)
{
  gint64 until;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  until = g_get_monotonic_time () + 400 * 1000;
  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

/* Ctrl+F (ld_filter_sidebar_focus_search) is one search across every group's options
 * (issue 12: it used to focus the Customer name group's entry only, so "germ" found
 * nothing). Groups with matches open, the others step aside, and the search cleared
 * leaves every group as it was. */
static void
test_sidebar_focus_search (Fixture       *f,
                           gconstpointer  data)
{
  LdFilterGroup *customers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER);
  LdFilterGroup *countries = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_COUNTRY);
  LdFilterGroup *offers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_OFFER);
  LdFilterGroup *states = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_STATE);
  GtkWidget *entry = GTK_WIDGET (sidebar_child (f->sidebar, "search_entry"));
  GtkWidget *no_match = GTK_WIDGET (sidebar_child (f->sidebar, "no_match_label"));
  gboolean offers_open = ld_filter_group_get_expanded (offers);

  g_assert_false (ld_filter_group_get_expanded (countries));
  ld_filter_sidebar_focus_search (f->sidebar);
  drain_main_loop ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == entry ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));

  /* "germ": Germany among the countries, and no customer, offer or state. */
  type_search (entry, "germ");
  g_assert_cmpuint (ld_filter_group_get_n_matches (countries), ==, 1);
  g_assert_cmpstr (ld_facet_item_get_value (model_item (countries, 0)), ==, "DE");
  g_assert_true (ld_filter_group_get_expanded (countries));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (countries)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (customers)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (offers)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (states)));
  g_assert_false (gtk_widget_get_visible (no_match));

  /* "co": customers (Contoso GmbH, Fourth Coffee, Coho Winery) and an offer (Contoso Maps). */
  type_search (entry, "co");
  g_assert_cmpuint (ld_filter_group_get_n_matches (customers), ==, 3);
  g_assert_cmpuint (ld_filter_group_get_n_matches (offers), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (customers)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (countries)));

  /* Nothing anywhere: say so. */
  type_search (entry, "zzz");
  g_assert_true (gtk_widget_get_visible (no_match));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (no_match)), "zzz"));

  /* Cleared: every group back, open or closed as before the search. */
  type_search (entry, "");
  for (guint d = 0; d < LD_N_DIMS; d++)
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ld_filter_sidebar_get_group (f->sidebar, d))));
  g_assert_false (ld_filter_group_get_expanded (countries));
  g_assert_cmpint (ld_filter_group_get_expanded (offers), ==, offers_open);
  g_assert_cmpuint (ld_filter_group_get_n_matches (customers), ==, 13);
  g_assert_false (gtk_widget_get_visible (no_match));
}

static void
test_sidebar_keyboard (Fixture       *f,
                       gconstpointer  data)
{
  LdFilterGroup *customers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER);
  GtkWidget *entry = GTK_WIDGET (group_child (customers, "search_entry"));
  GtkWidget *expander = GTK_WIDGET (group_child (customers, "expander_button"));
  gboolean reached_expander = FALSE;
  gboolean reached_entry = FALSE;
  guint reached_checks = 0;

  ld_filter_group_set_expanded (customers, TRUE);
  drain_main_loop ();

  /* Tab from the top reaches the group's header, its search and its options. */
  gtk_widget_grab_focus (GTK_WIDGET (f->range_button));
  for (int i = 0; i < 80; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      if (focus == NULL)
        continue;
      if (g_test_verbose ())
        g_test_message ("tab %d: %s", i, G_OBJECT_TYPE_NAME (focus));
      if (focus == expander)
        reached_expander = TRUE;
      if (focus == entry || gtk_widget_is_ancestor (focus, entry))
        reached_entry = TRUE;
      if (GTK_IS_CHECK_BUTTON (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (customers)))
        reached_checks++;
    }
  g_assert_true (reached_expander);
  g_assert_true (reached_entry);
  g_assert_cmpuint (reached_checks, >, 0);
}

static char *
make_big_report (guint n_customers,
                 gsize *len)
{
  static const char *const codes[] = { "US", "DE", "FR", "GB", "JP", "NL", "BR", "IN" };
  GString *csv = g_string_sized_new (n_customers * 120);

  g_string_append (csv, HEADER);
  for (guint i = 0; i < n_customers; i++)
    g_string_append_printf (csv, "Somewhere,%s,Customer %06u,2026-%02u-%02u,Offer %u,p%u,Plan %u,s,Active,%u,%u,T\n",
                            codes[i % G_N_ELEMENTS (codes)], i, 6 + i % 6, 1 + i % 28,
                            i % 5, i % 5, i % 7, i % 13, 1 + i % 97);
  *len = csv->len;
  return g_string_free (csv, FALSE);
}

static void
test_sidebar_100k (Fixture       *f,
                   gconstpointer  data)
{
  LdFilterGroup *customers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER);
  LdFacetModel *model = ld_filter_group_get_model (customers);
  LdFacetItem *first;
  g_autofree char *csv = NULL;
  g_autofree char *first_label = NULL;
  gsize len;
  gint64 start;

  csv = make_big_report (100000, &len);
  fixture_set_report (f, csv, len);
  g_test_message ("update with 100,000 customer options, group closed: %.2f ms (engine's facet sort before: %.2f ms)",
                  f->last_update_usec / 1000.0, f->last_facet_usec / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  ld_filter_group_toggle_value (ld_filter_sidebar_get_group (f->sidebar, LD_DIM_STATE), "Active");
  g_test_message ("update after a state click, customer group closed: %.2f ms", f->last_update_usec / 1000.0);
  ld_filter_group_toggle_value (ld_filter_sidebar_get_group (f->sidebar, LD_DIM_STATE), "Active");

  ld_filter_group_set_expanded (customers, TRUE);
  drain_main_loop ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  drain_main_loop ();

  /* The first rows show, bound to the biggest customer. */
  first = model_item (customers, 0);
  first_label = g_strdup (ld_facet_item_get_label (first));
  g_assert_nonnull (find_check (customers, first_label));

  /* A filter click elsewhere: every facet changes, the customers' order too. */
  ld_filter_group_toggle_value (ld_filter_sidebar_get_group (f->sidebar, LD_DIM_COUNTRY), "DE");
  g_test_message ("update after a country click (12,500 of 100,000 customers left): %.2f ms (facet sort %.2f ms)",
                  f->last_update_usec / 1000.0, f->last_facet_usec / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  g_assert_cmpuint (ld_facet_item_get_provisioned (model_item (customers, 12500)), ==, 0);
  g_assert_cmpuint (ld_facet_item_get_provisioned (model_item (customers, 12499)), >, 0);
  ld_filter_group_toggle_value (ld_filter_sidebar_get_group (f->sidebar, LD_DIM_COUNTRY), "DE");
  g_test_message ("update back to 100,000 customers: %.2f ms (facet sort %.2f ms)",
                  f->last_update_usec / 1000.0, f->last_facet_usec / 1000.0);

  /* A click in the customer group itself leaves its order alone. */
  ld_filter_group_toggle_value (customers, ld_facet_item_get_value (model_item (customers, 5)));
  g_test_message ("update after a customer click: %.2f ms (facet sort %.2f ms)",
                  f->last_update_usec / 1000.0, f->last_facet_usec / 1000.0);
  g_assert_true (ld_facet_item_get_selected (model_item (customers, 5)));

  start = g_get_monotonic_time ();
  ld_facet_model_set_search (model, "r 09999");
  g_test_message ("search over 100,000 customers: %.2f ms, %u matches",
                  (g_get_monotonic_time () - start) / 1000.0,
                  g_list_model_get_n_items (G_LIST_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  drain_main_loop ();
}

static void
test_date_range (Fixture       *f,
                 gconstpointer  data)
{
  LdDateRangeButton *button = f->range_button;
  GObject *last_12 = gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "last_12_check");
  GObject *all = gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "all_check");
  GObject *custom = gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "custom_check");
  GObject *from = gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "from_dropdown");
  GObject *to = gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "to_dropdown");
  GObject *apply = gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "apply_button");
  GObject *revealer = gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "custom_revealer");
  g_autoptr(GDateTime) jun = g_date_time_new_utc (2026, 6, 1, 0, 0, 0);
  g_autoptr(GDateTime) aug = g_date_time_new_utc (2026, 8, 1, 0, 0, 0);
  g_autofree char *jun_text = g_date_time_format (jun, "%b %Y");
  g_autofree char *aug_text = g_date_time_format (aug, "%b %Y");
  g_autofree char *expected = g_strdup_printf ("%s – %s", jun_text, aug_text);

  g_assert_cmpstr (ld_date_range_button_get_label (button), ==, "Last 6 Months");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (last_12), TRUE);
  g_assert_cmpstr (last_log (f), ==, "range last-12");
  g_assert_cmpstr (ld_date_range_button_get_label (button), ==, "Last 12 Months");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (all), TRUE);
  g_assert_cmpstr (last_log (f), ==, "range all");
  g_assert_cmpstr (ld_date_range_button_get_label (button), ==, "All Time");
  g_assert_cmpuint (f->log->len, ==, 2);

  /* The pickers offer the data's months: Jan 2025 through Nov 2026. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (from))), ==, 23);

  /* "Custom…" only opens the pickers; Apply sets the range. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (custom), TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpuint (f->log->len, ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (from), LD_MONTH (2026, 6) - LD_MONTH (2025, 1));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (to), LD_MONTH (2026, 8) - LD_MONTH (2025, 1));
  g_signal_emit_by_name (apply, "clicked");
  {
    g_autofree char *log = g_strdup_printf ("custom-range %d:%d", LD_MONTH (2026, 6), LD_MONTH (2026, 8));

    g_assert_cmpstr (last_log (f), ==, log);
  }
  g_assert_cmpstr (ld_date_range_button_get_label (button), ==, expected);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (custom)));

  /* From after To is not taken silently: the popover says which months Apply will
   * count, and after Apply a toast says the range ran backwards. */
  {
    GObject *reversed = gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "reversed_label");
    g_autofree char *note = g_strdup_printf ("From is after To: Apply counts %s.", expected);
    g_autofree char *toast = g_strdup_printf ("toast The range ran backwards: counting %s.", expected);
    g_autofree char *log = g_strdup_printf ("custom-range %d:%d", LD_MONTH (2026, 6), LD_MONTH (2026, 8));
    guint n_log = f->log->len;

    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reversed)));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (from), LD_MONTH (2026, 8) - LD_MONTH (2025, 1));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (to), LD_MONTH (2026, 6) - LD_MONTH (2025, 1));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reversed)));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (reversed)), ==, note);
    g_assert_cmpuint (f->log->len, ==, n_log);
    g_signal_emit_by_name (apply, "clicked");
    g_assert_cmpuint (f->log->len, ==, n_log + 2);
    g_assert_cmpstr (g_ptr_array_index (f->log, n_log), ==, log);
    g_assert_cmpstr (last_log (f), ==, toast);
    g_assert_cmpstr (ld_date_range_button_get_label (button), ==, expected);
    /* Put in order again, the note goes. */
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reversed)));
  }

  /* The sidebar follows the range: only customers of Jun–Aug 2026. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ld_filter_group_get_model (ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER)))), ==, 4);

  ld_date_range_button_update (button, NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (button), LD_TYPE_DATE_RANGE_BUTTON, "menu_button"))));
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_sidebar_screenshot (Fixture       *f,
                         gconstpointer  data)
{
  const char *dir = g_getenv ("LD_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  LdFilterGroup *customers = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_CUSTOMER);
  LdFilterGroup *countries = ld_filter_sidebar_get_group (f->sidebar, LD_DIM_COUNTRY);

  if (dir == NULL)
    {
      g_test_skip ("set LD_SCREENSHOT_DIR to save screenshots");
      return;
    }

  {
    /* AdwApplication loads the app's stylesheet; this test has no application. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/licensedashboard/LicenseDashboard/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  ld_filter_group_set_expanded (customers, TRUE);
  ld_filter_group_set_expanded (countries, TRUE);
  ld_filter_group_toggle_value (customers, "Tailspin");
  ld_filter_group_toggle_value (customers, "Proseware");
  ld_filter_group_toggle_value (countries, "US");

  for (int dark = 0; dark < 2; dark++)
    {
      g_autofree char *path = g_build_filename (dir, dark ? "sidebar-dark.png" : "sidebar-light.png", NULL);
      g_autofree char *popover_path = g_build_filename (dir, dark ? "range-dark.png" : "range-light.png", NULL);
      GtkWidget *popover = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->range_button),
                                                                     LD_TYPE_DATE_RANGE_BUTTON, "popover"));
      GObject *custom = gtk_widget_get_template_child (GTK_WIDGET (f->range_button),
                                                       LD_TYPE_DATE_RANGE_BUTTON, "custom_check");

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      drain_main_loop ();
      g_usleep (300000);
      drain_main_loop ();
      save_png (GTK_WIDGET (f->window), path);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (custom), TRUE);
      gtk_popover_popup (GTK_POPOVER (popover));
      drain_main_loop ();
      g_usleep (400000);
      drain_main_loop ();
      save_png (popover, popover_path);
      gtk_popover_popdown (GTK_POPOVER (popover));
      drain_main_loop ();
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Revealers open at once, so rows exist right after a group expands. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sidebar/update", test_sidebar_update);
  ADD ("/sidebar/toggle", test_sidebar_toggle);
  ADD ("/sidebar/clear", test_sidebar_clear);
  ADD ("/sidebar/search", test_sidebar_search);
  ADD ("/sidebar/focus-search", test_sidebar_focus_search);
  ADD ("/sidebar/keyboard", test_sidebar_keyboard);
  ADD ("/sidebar/100k", test_sidebar_100k);
  ADD ("/sidebar/screenshot", test_sidebar_screenshot);
  ADD ("/date-range/button", test_date_range);
#undef ADD

  return g_test_run ();
}
