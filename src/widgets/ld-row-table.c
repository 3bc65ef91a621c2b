/* ld-row-table.c — a sortable GtkColumnView over an LdRowModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ld-a11y.h"
#include "ld-chart-format.h"
#include "ld-describe.h"
#include "ld-row-table.h"

const char *
ld_row_item_get_display_name (LdRowItem *item,
                              gboolean  *placeholder)
{
  /* The cards' charts and exports name rows the same way (ld-describe.h). */
  switch (ld_row_item_get_kind (item))
    {
    case LD_ROW_KIND_PRODUCTS:
      return ld_describe_product (ld_row_item_get_product (item), placeholder);
    case LD_ROW_KIND_CUSTOMERS:
      return ld_describe_customer (ld_row_item_get_customer (item), placeholder);
    case LD_ROW_KIND_ADOPTION:
      return ld_describe_adoption (ld_row_item_get_adoption (item), placeholder);
    case LD_ROW_KIND_COUNTRIES:
    default:
      return ld_describe_country (ld_row_item_get_country (item), placeholder);
    }
}

static const char *
item_code (LdRowItem *item)
{
  const char *code = NULL;

  if (ld_row_item_get_kind (item) == LD_ROW_KIND_CUSTOMERS)
    code = ld_row_item_get_customer (item)->country_code;
  else if (ld_row_item_get_kind (item) == LD_ROW_KIND_COUNTRIES)
    code = ld_row_item_get_country (item)->code;
  else if (ld_row_item_get_kind (item) == LD_ROW_KIND_ADOPTION)
    code = ld_row_item_get_adoption (item)->country_code;

  return code != NULL ? code : "";
}

gboolean
ld_row_table_open_customer (GtkWidget *widget,
                            LdRowItem *item)
{
  guint32 id;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (LD_IS_ROW_ITEM (item), FALSE);

  if (ld_row_item_get_kind (item) != LD_ROW_KIND_CUSTOMERS && ld_row_item_get_kind (item) != LD_ROW_KIND_ADOPTION)
    return FALSE;
  id = ld_row_item_get_id (item);
  if (id == G_MAXUINT32)
    return FALSE;

  return gtk_widget_activate_action (widget, "win.show-customer", "u", id);
}

static void
on_open_clicked (GtkButton *button)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "ld-list-item");
  LdRowItem *item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;

  if (item != NULL)
    ld_row_table_open_customer (GTK_WIDGET (button), item);
}

/* A share of nothing, or a rate of a row with nothing provisioned, has no value:
 * "—", not "0.00%". */
static char *
format_share (LdRowItem *item)
{
  if (ld_row_item_get_total (item) == 0)
    return g_strdup (C_("no rate", "—"));
  return ld_chart_format_rate (ld_row_item_get_share (item));
}

static char *
format_rate (LdRowItem *item)
{
  if (ld_row_item_get_provisioned (item) == 0)
    return g_strdup (C_("no rate", "—"));
  return ld_chart_format_rate (ld_row_item_get_rate (item));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  LdRowColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label;

  if (column == LD_ROW_COLUMN_OPEN)
    {
      /* One Tab stop a row is enough: Enter on the row opens the page too, so the
       * button is for the pointer and for screen readers. */
      GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "ld-row-open");
      gtk_widget_set_focusable (button, FALSE);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open the customer’s page"));
      g_object_set_data (G_OBJECT (button), "ld-list-item", list_item);
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked), NULL);
      gtk_list_item_set_child (list_item, button);
      return;
    }

  label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  if (column == LD_ROW_COLUMN_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *subtitle = gtk_label_new (NULL);

      /* In a row taller than its text (an open button beside it), centred as the numbers are. */
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      /* Names that share a start ("Vereinigte Staaten", "Vereinigtes Königreich",
       * one offer's plans) differ further on: cut them in the middle, and the
       * tooltip has the whole text. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_MIDDLE);
      /* On a narrow window a name keeps some 12 characters (the figures scroll
       * sideways) rather than shrink to "Conto…mizer". */
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_set_visible (subtitle, FALSE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), subtitle);
      g_object_set_data (G_OBJECT (box), "ld-label", label);
      g_object_set_data (G_OBJECT (box), "ld-subtitle", subtitle);
      gtk_list_item_set_child (list_item, box);
      return;
    }

  if (column == LD_ROW_COLUMN_CODE)
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  g_object_set_data (G_OBJECT (label), "ld-label", label);
  gtk_list_item_set_child (list_item, label);
}

static void
render_cell (GtkListItem *list_item,
             LdRowColumn  column)
{
  LdRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkLabel *label = g_object_get_data (G_OBJECT (child), "ld-label");
  g_autofree char *text = NULL;

  switch (column)
    {
    case LD_ROW_COLUMN_OPEN:
      {
        /* TRANSLATORS: a table's button for screen readers, "Open the page of Contoso". */
        g_autofree char *name = g_strdup_printf (_("Open the page of %s"),
                                                 ld_row_item_get_display_name (item, NULL));

        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      }
      return;
    case LD_ROW_COLUMN_UNASSIGNED:
      text = ld_chart_format_count (ld_row_item_get_unassigned (item));
      break;
    case LD_ROW_COLUMN_NAME:
      {
        GtkWidget *subtitle = g_object_get_data (G_OBJECT (child), "ld-subtitle");
        gboolean placeholder = FALSE;
        const LdProductRow *product = ld_row_item_get_product (item);

        gtk_label_set_label (label, ld_row_item_get_display_name (item, &placeholder));
        if (placeholder)
          gtk_widget_add_css_class (GTK_WIDGET (label), "ld-placeholder");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (label), "ld-placeholder");

        if (product != NULL)
          {
            g_autofree char *full = ld_describe_product_plan (product);

            gtk_widget_set_tooltip_text (child, full);
            /* TRANSLATORS: under an offer's name in the Analysis table: plan · offer type. */
            g_autofree char *line = g_strdup_printf (_("%s · %s"),
                                                     product->plan_name != NULL ? product->plan_name : "",
                                                     product->offer_type != NULL ? product->offer_type : "");
            gtk_label_set_label (GTK_LABEL (subtitle), line);
            gtk_widget_set_visible (subtitle, TRUE);
          }
        else
          {
            gtk_widget_set_visible (subtitle, FALSE);
            gtk_widget_set_tooltip_text (child, gtk_label_get_label (label));
          }
      }
      return;
    case LD_ROW_COLUMN_CODE:
      {
        const char *code = item_code (item);
        gtk_label_set_label (label, code[0] != '\0' ? code : "—");
      }
      return;
    case LD_ROW_COLUMN_COUNT:
      text = ld_chart_format_count (ld_row_item_get_count (item));
      break;
    case LD_ROW_COLUMN_PROVISIONED:
      text = ld_chart_format_count (ld_row_item_get_provisioned (item));
      break;
    case LD_ROW_COLUMN_ASSIGNED:
      text = ld_chart_format_count (ld_row_item_get_assigned (item));
      break;
    case LD_ROW_COLUMN_SHARE:
      text = format_share (item);
      break;
    case LD_ROW_COLUMN_RATE:
      text = format_rate (item);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (label, text);
}

/* What a screen reader says of a row: GTK 4.8 names a column view's row after its
 * class ("GtkListItemWidget"). The row names its item and the figures its cells show. */
static char *
describe_row (LdRowItem *item)
{
  g_autofree char *provisioned = ld_chart_format_count (ld_row_item_get_provisioned (item));
  g_autofree char *assigned = ld_chart_format_count (ld_row_item_get_assigned (item));
  g_autofree char *share = format_share (item);
  g_autofree char *count = ld_chart_format_count (ld_row_item_get_count (item));
  g_autofree char *name = NULL;
  const LdProductRow *product = ld_row_item_get_product (item);

  if (product != NULL)
    name = ld_describe_product_plan (product);
  else
    name = g_strdup (ld_row_item_get_display_name (item, NULL));

  switch (ld_row_item_get_kind (item))
    {
    case LD_ROW_KIND_PRODUCTS:
      {
        g_autofree char *rate = format_rate (item);

        /* TRANSLATORS: a row of the Analysis table as a screen reader says it:
         * "Contoso Sales · Gold: 120 customers, 2,400 provisioned (12.5%), 1,800 assigned (75.00%)". */
        return g_strdup_printf (_("%s: %s customers, %s provisioned (%s), %s assigned (%s)"),
                                name, count, provisioned, share, assigned, rate);
      }
    case LD_ROW_KIND_CUSTOMERS:
      {
        g_autofree char *rate = format_rate (item);

        /* TRANSLATORS: a customer's row as a screen reader says it:
         * "Contoso (DE): 3 products, 2,400 provisioned (12.5%), 1,800 assigned (75.00%)". */
        return g_strdup_printf (_("%s (%s): %s products, %s provisioned (%s), %s assigned (%s)"),
                                name, item_code (item), count, provisioned, share, assigned, rate);
      }
    case LD_ROW_KIND_COUNTRIES:
    default:
      /* TRANSLATORS: a country's row as a screen reader says it:
       * "Germany (DE): 120 customers, 2,400 provisioned (12.5%), 1,800 assigned". */
      return g_strdup_printf (_("%s (%s): %s customers, %s provisioned (%s), %s assigned"),
                              name, item_code (item), count, provisioned, share, assigned);
    }
}

static void
name_row (GtkListItem *list_item)
{
  LdRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  /* The row is the cell's first ancestor with the row role. */
  while (row != NULL && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) != GTK_ACCESSIBLE_ROLE_ROW)
    row = gtk_widget_get_parent (row);
  if (row == NULL || item == NULL)
    return;
  text = describe_row (item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
on_item_changed (LdRowItem   *item,
                 GtkListItem *list_item)
{
  render_cell (list_item, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_item), "ld-column")));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  LdRowItem *item = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (list_item), "ld-column", user_data);
  g_signal_connect (item, "changed", G_CALLBACK (on_item_changed), list_item);
  render_cell (list_item, GPOINTER_TO_UINT (user_data));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  LdRowItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_changed, list_item);
}

/* The name cell names the whole row, when bound and whenever its item changes. */
static void
bind_name_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  bind_cell (factory, list_item, user_data);
  name_row (list_item);
  g_signal_connect_swapped (gtk_list_item_get_item (list_item), "changed",
                            G_CALLBACK (name_row), list_item);
}

static void
unbind_name_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  LdRowItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, name_row, list_item);
  unbind_cell (factory, list_item, user_data);
}



/* Text sorts by its UTF-8 bytes, as the exports do, so the table and a saved CSV
 * agree in every locale. */
static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  LdRowItem *x = (LdRowItem *) a;
  LdRowItem *y = (LdRowItem *) b;
  int c = strcmp (ld_row_item_get_name (x), ld_row_item_get_name (y));

  if (c == 0 && ld_row_item_get_kind (x) == LD_ROW_KIND_PRODUCTS)
    c = g_strcmp0 (ld_row_item_get_product (x)->plan_name, ld_row_item_get_product (y)->plan_name);
  if (c == 0)
    c = strcmp (item_code (x), item_code (y));

  return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int c = strcmp (item_code ((LdRowItem *) a), item_code ((LdRowItem *) b));

  return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static guint64
get_count (LdRowItem *item)
{
  return ld_row_item_get_count (item);
}

static guint64
get_provisioned (LdRowItem *item)
{
  return ld_row_item_get_provisioned (item);
}

static guint64
get_assigned (LdRowItem *item)
{
  return ld_row_item_get_assigned (item);
}

static guint64
get_unassigned (LdRowItem *item)
{
  return ld_row_item_get_unassigned (item);
}

static gint64
get_rate (LdRowItem *item)
{
  return ld_row_item_get_rate (item);
}

static GtkSorter *
create_sorter (LdRowColumn column)
{
  GCallback callback = NULL;
  GType type = G_TYPE_UINT64;

  switch (column)
    {
    case LD_ROW_COLUMN_NAME:
      return GTK_SORTER (gtk_custom_sorter_new (compare_names, NULL, NULL));
    case LD_ROW_COLUMN_CODE:
      return GTK_SORTER (gtk_custom_sorter_new (compare_codes, NULL, NULL));
    case LD_ROW_COLUMN_COUNT:
      callback = G_CALLBACK (get_count);
      break;
    case LD_ROW_COLUMN_PROVISIONED:
    case LD_ROW_COLUMN_SHARE:
      /* The share is of one total, so it orders as provisioned does. */
      callback = G_CALLBACK (get_provisioned);
      break;
    case LD_ROW_COLUMN_ASSIGNED:
      callback = G_CALLBACK (get_assigned);
      break;
    case LD_ROW_COLUMN_UNASSIGNED:
      callback = G_CALLBACK (get_unassigned);
      break;
    case LD_ROW_COLUMN_OPEN:
      return NULL;
    case LD_ROW_COLUMN_RATE:
      callback = G_CALLBACK (get_rate);
      type = G_TYPE_INT64;
      break;
    default:
      g_assert_not_reached ();
    }

  /* A numeric sorter keeps only the numbers as sort keys, not the items. */
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (type, NULL, 0, NULL,
                                                                          callback, NULL, NULL)));
}

/* ---- the top rows, and "Show All" -------------------------------------------------
 *
 * The table shows its first rows in the page, with no scroller of its own (the
 * page scrolls as one), and a button shows the rest in place. The caller's
 * selection is over every row; the view selects over the rows it shows, at the
 * same positions (the slice starts at 0), and the two follow each other. */

typedef struct
{
  GtkSingleSelection *all;      /* the caller's, over the sorted rows */
  GtkSingleSelection *shown;    /* the view's, over the slice */
  GtkSliceListModel  *slice;
  GtkWidget          *button;
  GtkWidget          *note;     /* "The first 200 of 1,234 rows …" */
  char               *name;     /* the table's, "Countries table" */
  gboolean            expanded;
  gboolean            syncing;
} Expander;

static void
expander_free (gpointer data)
{
  Expander *e = data;

  g_clear_object (&e->slice);
  g_clear_object (&e->shown);
  g_free (e->name);
  g_free (e);
}

static void
expander_update (Expander *e)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (e->all));
  guint size = e->expanded ? LD_ROW_TABLE_MAX_ROWS : LD_ROW_TABLE_TOP_ROWS;
  g_autofree char *count = ld_chart_format_count (n);
  g_autofree char *description = NULL;

  if (gtk_slice_list_model_get_size (e->slice) != size)
    gtk_slice_list_model_set_size (e->slice, size);
  if (e->button == NULL)
    return;

  gtk_widget_set_visible (e->button, n > LD_ROW_TABLE_TOP_ROWS);
  if (e->expanded)
    {
      gtk_button_set_label (GTK_BUTTON (e->button), _("Show Fewer"));
      /* TRANSLATORS: what "Show Fewer" does, for screen readers; %u is 8. */
      description = g_strdup_printf (_("Shows only the top %u rows"), LD_ROW_TABLE_TOP_ROWS);
    }
  else if (n <= LD_ROW_TABLE_MAX_ROWS)
    {
      gtk_button_set_label (GTK_BUTTON (e->button), _("Show All"));
      /* TRANSLATORS: what "Show All" does, for screen readers: "Shows all 45 rows". */
      description = g_strdup_printf (_("Shows all %s rows"), count);
    }
  else
    {
      g_autofree char *label = NULL;

      /* TRANSLATORS: a button under a long table: "Show the Top 200". */
      label = g_strdup_printf (_("Show the Top %u"), LD_ROW_TABLE_MAX_ROWS);
      gtk_button_set_label (GTK_BUTTON (e->button), label);
      /* TRANSLATORS: for screen readers: "Shows the top 200 of 1,234 rows". */
      description = g_strdup_printf (_("Shows the top %u of %s rows"), LD_ROW_TABLE_MAX_ROWS, count);
    }
  /* One name (GTK 4.8 would add its label child's again) that says which table:
   * several show "Show All" at once. */
  {
    /* TRANSLATORS: a table's "Show All" button for screen readers: "Show All, Countries table". */
    g_autofree char *name = g_strdup_printf (_("%s, %s"), gtk_button_get_label (GTK_BUTTON (e->button)), e->name);

    gtk_accessible_update_property (GTK_ACCESSIBLE (e->button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  }
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (e->button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  if (e->expanded && n > LD_ROW_TABLE_MAX_ROWS)
    {
      /* TRANSLATORS: under a long table: "The top 200 of 1,234 rows. Sort, filter, or
       * save the table as CSV for the others." */
      g_autofree char *note = g_strdup_printf (_("The top %u of %s rows. Sort, filter, or save the table as CSV for the others."),
                                               LD_ROW_TABLE_MAX_ROWS, count);

      gtk_label_set_label (GTK_LABEL (e->note), note);
      gtk_widget_set_visible (e->note, TRUE);
    }
  else
    gtk_widget_set_visible (e->note, FALSE);
}

static void
on_shown_selected (GtkSingleSelection *shown,
                   GParamSpec         *pspec,
                   Expander           *e)
{
  guint position = gtk_single_selection_get_selected (shown);

  if (e->syncing)
    return;
  /* A row out of view stays selected when the view just has nothing selected. */
  if (position == GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (e->all) >= g_list_model_get_n_items (G_LIST_MODEL (e->slice)))
    return;
  if (gtk_single_selection_get_selected (e->all) == position)
    return;
  e->syncing = TRUE;
  gtk_single_selection_set_selected (e->all, position);
  e->syncing = FALSE;
}

static void
on_all_selected (GtkSingleSelection *all,
                 GParamSpec         *pspec,
                 Expander           *e)
{
  guint position = gtk_single_selection_get_selected (all);

  if (e->syncing)
    return;
  /* A row selected elsewhere (a country on the map) beyond the top rows: show it. */
  if (position != GTK_INVALID_LIST_POSITION && position >= LD_ROW_TABLE_TOP_ROWS &&
      position < LD_ROW_TABLE_MAX_ROWS && !e->expanded)
    {
      e->expanded = TRUE;
      expander_update (e);
    }
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (e->slice)))
    position = GTK_INVALID_LIST_POSITION;
  if (gtk_single_selection_get_selected (e->shown) == position)
    return;
  e->syncing = TRUE;
  gtk_single_selection_set_selected (e->shown, position);
  e->syncing = FALSE;
}

static void
on_all_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Expander   *e)
{
  expander_update (e);
}

static void
on_expander_clicked (GtkButton *button,
                     Expander  *e)
{
  e->expanded = !e->expanded;
  expander_update (e);
}

/* A GtkScrolledWindow (GTK 4.8) that can scroll sideways takes every wheel turn,
 * even one it cannot use: up and down over a table would stop the page. The
 * table's pane hands vertical turns to the page's scroller, as GTK would scroll it. */
static gboolean
on_table_scroll (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 GtkWidget                *scroller)
{
  GtkWidget *page = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *adj;
  double step = dy;

  if (page == NULL || dy == 0 || dx != 0 || (state & GDK_SHIFT_MASK) != 0)
    return FALSE;

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = dy * pow (gtk_adjustment_get_page_size (adj), 2.0 / 3.0);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + step);

  return TRUE;
}

GtkWidget *
ld_row_table_wrap (GtkWidget  *table,
                   const char *name)
{
  Expander *e;
  GtkWidget *box, *scroller, *footer;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (table), NULL);
  e = g_object_get_data (G_OBJECT (table), "ld-row-table-expander");
  g_return_val_if_fail (e != NULL && e->button == NULL, NULL);
  e->name = g_strdup (name);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Wide columns scroll sideways on a narrow window; up and down is the page's. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), table);
  gtk_box_append (GTK_BOX (box), scroller);
  {
    GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

    gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
    g_signal_connect (wheel, "scroll", G_CALLBACK (on_table_scroll), scroller);
    gtk_widget_add_controller (scroller, wheel);
  }

  footer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (footer, "ld-row-table-footer");
  e->note = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (e->note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (e->note), 0);
  gtk_widget_add_css_class (e->note, "caption");
  gtk_widget_add_css_class (e->note, "dim-label");
  gtk_widget_set_margin_start (e->note, 12);
  gtk_widget_set_margin_end (e->note, 12);
  gtk_box_append (GTK_BOX (footer), e->note);

  /* No mnemonic: several tables show one at a time. */
  e->button = gtk_button_new_with_label (_("Show All"));
  gtk_widget_add_css_class (e->button, "flat");
  gtk_widget_add_css_class (e->button, "ld-row-table-more");
  gtk_widget_set_halign (e->button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (e->button, 3);
  gtk_widget_set_margin_bottom (e->button, 6);
  g_signal_connect (e->button, "clicked", G_CALLBACK (on_expander_clicked), e);
  gtk_box_append (GTK_BOX (footer), e->button);
  gtk_box_append (GTK_BOX (box), footer);

  expander_update (e);

  return box;
}

GtkSingleSelection *
ld_row_table_get_selection (GtkWidget *table)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (table), NULL);

  return g_object_get_data (G_OBJECT (table), "ld-row-table-all");
}

GtkWidget *
ld_row_table_get_more_button (GtkWidget *table)
{
  Expander *e;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (table), NULL);
  e = g_object_get_data (G_OBJECT (table), "ld-row-table-expander");

  return e != NULL ? e->button : NULL;
}

GtkWidget *
ld_row_table_new (LdRowModel            *model,
                  const LdRowColumnSpec *columns,
                  guint                  n_columns,
                  GtkSingleSelection   **selection)
{
  GtkColumnView *view;
  GtkSortListModel *sorted;
  GtkSingleSelection *single;
  Expander *expander;

  g_return_val_if_fail (LD_IS_ROW_MODEL (model), NULL);
  g_return_val_if_fail (selection != NULL, NULL);

  view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (view), "ld-row-table");
  gtk_column_view_set_show_column_separators (view, FALSE);
  gtk_column_view_set_show_row_separators (view, FALSE);

  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = create_sorter (columns[i].column);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell),
                        GUINT_TO_POINTER (columns[i].column));
      g_signal_connect (factory, "bind",
                        G_CALLBACK (columns[i].column == LD_ROW_COLUMN_NAME ? bind_name_cell : bind_cell),
                        GUINT_TO_POINTER (columns[i].column));
      g_signal_connect (factory, "unbind",
                        G_CALLBACK (columns[i].column == LD_ROW_COLUMN_NAME ? unbind_name_cell : unbind_cell),
                        GUINT_TO_POINTER (columns[i].column));

      column = gtk_column_view_column_new (columns[i].title, factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, columns[i].column != LD_ROW_COLUMN_OPEN);
      if (columns[i].column == LD_ROW_COLUMN_NAME)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (view, column);
    }

  ld_a11y_make_single_tab_stop (GTK_WIDGET (view));

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (model)),
                                    g_object_ref (gtk_column_view_get_sorter (view)));
  gtk_sort_list_model_set_incremental (sorted, TRUE);

  single = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (single, FALSE);
  gtk_single_selection_set_can_unselect (single, TRUE);
  gtk_single_selection_set_selected (single, GTK_INVALID_LIST_POSITION);

  expander = g_new0 (Expander, 1);
  expander->all = single;
  expander->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (sorted)), 0,
                                              LD_ROW_TABLE_TOP_ROWS);
  expander->shown = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (expander->slice)));
  gtk_single_selection_set_autoselect (expander->shown, FALSE);
  gtk_single_selection_set_can_unselect (expander->shown, TRUE);
  gtk_single_selection_set_selected (expander->shown, GTK_INVALID_LIST_POSITION);
  g_signal_connect (expander->shown, "notify::selected", G_CALLBACK (on_shown_selected), expander);
  g_signal_connect (single, "notify::selected", G_CALLBACK (on_all_selected), expander);
  g_signal_connect (single, "items-changed", G_CALLBACK (on_all_items_changed), expander);
  /* The view holds the selections (and through them the models) and the expander. */
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (expander->shown));
  g_object_set_data_full (G_OBJECT (view), "ld-row-table-all", single, g_object_unref);
  g_object_set_data_full (G_OBJECT (view), "ld-row-table-expander", expander, expander_free);
  *selection = single;

  return GTK_WIDGET (view);
}

void
ld_row_table_set_result (GtkSingleSelection *selection,
                         LdRowModel         *model,
                         LdResult           *result)
{
  GtkSortListModel *sorted;
  GtkSorter *sorter;

  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));
  g_return_if_fail (LD_IS_ROW_MODEL (model));

  sorted = GTK_SORT_LIST_MODEL (gtk_single_selection_get_model (selection));
  sorter = gtk_sort_list_model_get_sorter (sorted);

  /* Unsorted, the rows on screen keep their widgets and only change their text
   * (a full replacement rebuilds some 200 rows of cells, ~70 ms on GTK 4.8).
   * Sorted, the sort model must see every row anew. */
  if (sorter == NULL || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    ld_row_model_refresh (model, result);
  else
    ld_row_model_set_result (model, result);
}
