/* ld-customer-view.c — a customer's own page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ld-a11y.h"
#include "ld-card-export.h"
#include "ld-chart-format.h"
#include "ld-country-codes.h"
#include "ld-customer-card.h"
#include "ld-customer-view.h"
#include "ld-describe.h"
#include "ld-file-chooser.h"
#include "ld-file-save.h"

struct _LdCustomerView
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkWidget      *scroller;
  GtkWidget      *back_button;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkWidget      *overview_card;
  GtkWidget      *trend_card;
  GtkWidget      *states_card;
  GtkWidget      *products_card;

  LdCustomerPage *page;
  /* Who is shown, to count again when the window's query changes. */
  guint32         customer;
  char           *name;
  char           *country_code;

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (LdCustomerView, ld_customer_view, GTK_TYPE_WIDGET)

static GtkWidget *
card_of (LdCustomerView    *self,
         LdCustomerSection  section)
{
  switch (section)
    {
    case LD_CUSTOMER_SECTION_OVERVIEW: return self->overview_card;
    case LD_CUSTOMER_SECTION_TREND: return self->trend_card;
    case LD_CUSTOMER_SECTION_PRODUCTS: return self->products_card;
    case LD_CUSTOMER_SECTION_STATES: return self->states_card;
    case LD_CUSTOMER_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "Germany · Jun 2026 – Nov 2026 · Offer name: Sales Hub": where the customer is,
 * and what its figures count. */
static char *
describe_page (LdCustomerView *self)
{
  LdResult *result = ld_customer_page_get_result (self->page);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *filters = ld_describe_filters (ld_customer_page_get_query (self->page), 2);
  guint64 customers = ld_result_get_customers (result);

  if (self->customer == G_MAXUINT32 && customers > 1)
    {
      g_autofree char *count = ld_chart_format_count (customers);

      /* TRANSLATORS: the page of a Customer name filter's value that several
       * customers (tenants, or countries) share, "2 customers by this name". */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s customer by this name",
                                                            "%s customers by this name", customers),
                                               count));
    }
  else if (self->country_code != NULL && self->country_code[0] != '\0')
    {
      const char *country = ld_country_codes_display_name (self->country_code, NULL);

      g_ptr_array_add (parts, g_strdup (country != NULL ? country : self->country_code));
    }

  g_ptr_array_add (parts, ld_describe_range (ld_result_get_from_month (result),
                                             ld_result_get_to_month (result)));
  /* The months its changes are against (SPEC §3), or that there are none. */
  if (ld_result_has_previous (result))
    {
      g_autofree char *previous = ld_describe_range (ld_result_get_previous_from_month (result),
                                                     ld_result_get_previous_to_month (result));

      /* TRANSLATORS: on a customer's page, the previous period its figures are compared with. */
      g_ptr_array_add (parts, g_strdup_printf (_("compared with %s"), previous));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("no previous period in the data")));
  if (filters[0] != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&filters));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_page (LdCustomerView *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  for (guint i = 0; i < LD_CUSTOMER_N_SECTIONS; i++)
    ld_customer_card_set_page (LD_CUSTOMER_CARD (card_of (self, i)), self->page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save-pdf", self->page != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save-tables", self->page != NULL);

  if (self->page == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      return;
    }

  subtitle = describe_page (self);
  gtk_label_set_label (self->title_label, ld_customer_page_get_title (self->page));
  gtk_label_set_label (self->subtitle_label, subtitle);

  /* TRANSLATORS: the name of a customer's page for screen readers, "Customer page: Contoso (DE)". */
  accessible = g_strdup_printf (_("Customer page: %s"), ld_customer_page_get_label (self->page));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

void
ld_customer_view_show (LdCustomerView *self,
                       LdQuery        *query,
                       guint32         customer,
                       const char     *name,
                       const char     *country_code)
{
  g_return_if_fail (LD_IS_CUSTOMER_VIEW (self));
  g_return_if_fail (LD_IS_QUERY (query));
  g_return_if_fail (name != NULL);

  self->customer = customer;
  g_free (self->name);
  self->name = g_strdup (name);
  g_free (self->country_code);
  self->country_code = g_strdup (country_code);

  ld_customer_view_update (self, query);
  /* A new customer starts at the top of its page. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

void
ld_customer_view_update (LdCustomerView *self,
                         LdQuery        *query)
{
  LdCustomerPage *old;

  g_return_if_fail (LD_IS_CUSTOMER_VIEW (self));
  g_return_if_fail (query == NULL || LD_IS_QUERY (query));

  /* The cards let go of the old page before it goes. */
  old = g_steal_pointer (&self->page);
  if (query != NULL && self->name != NULL)
    self->page = ld_customer_page_new (query, self->customer, self->name, self->country_code);
  show_page (self);
  ld_customer_page_free (old);
}

void
ld_customer_view_clear (LdCustomerView *self)
{
  g_return_if_fail (LD_IS_CUSTOMER_VIEW (self));

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->country_code, g_free);
  self->customer = G_MAXUINT32;
  ld_customer_view_update (self, NULL);
}

LdCustomerPage *
ld_customer_view_get_page (LdCustomerView *self)
{
  g_return_val_if_fail (LD_IS_CUSTOMER_VIEW (self), NULL);

  return self->page;
}

gboolean
ld_customer_view_focus (LdCustomerView *self)
{
  g_return_val_if_fail (LD_IS_CUSTOMER_VIEW (self), FALSE);

  return gtk_widget_grab_focus (self->back_button);
}

GtkWidget *
ld_customer_view_get_card (LdCustomerView    *self,
                           LdCustomerSection  section)
{
  g_return_val_if_fail (LD_IS_CUSTOMER_VIEW (self), NULL);

  return card_of (self, section);
}

/* ---- the page's menu ------------------------------------------------------------- */

gboolean
ld_customer_view_save_pdf (LdCustomerView  *self,
                           GFile           *file,
                           GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (LD_IS_CUSTOMER_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->page != NULL, FALSE);

  bytes = ld_customer_page_pdf (self->page, error);
  return bytes != NULL && ld_file_save_bytes (file, bytes, NULL, error);
}

gboolean
ld_customer_view_save_tables (LdCustomerView  *self,
                              GFile           *folder,
                              GError         **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (LD_IS_CUSTOMER_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (self->page != NULL, FALSE);

  names = ld_customer_page_save_tables (self->page, folder, error);
  return names != NULL;
}

static void
save_response_cb (LdCustomerView       *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  gboolean tables = g_object_get_data (G_OBJECT (chooser), "ld-tables") != NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || self->page == NULL)
    return;

  if (tables ? !ld_customer_view_save_tables (self, file, &error)
             : !ld_customer_view_save_pdf (self, file, &error))
    {
      ld_card_export_toast (GTK_WIDGET (self), error->message);
      return;
    }

  ld_file_chooser_remember (file);
  if (tables)
    {
      g_autofree char *folder = g_file_get_basename (file);

      /* TRANSLATORS: a toast after the customer's tables were saved, "Saved 5 tables in Reports". */
      message = g_strdup_printf (_("Saved the customer’s tables in %s"), folder);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      message = g_strdup_printf (_("Saved %s"), name);
    }
  ld_card_export_toast_saved (GTK_WIDGET (self), message, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdCustomerView *self = LD_CUSTOMER_VIEW (widget);
  gboolean tables = g_str_equal (action_name, "customer.save-tables");
  LdResult *result;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->page == NULL)
    return;

  result = ld_customer_page_get_result (self->page);
  stem = ld_customer_page_get_file_stem (self->page);
  name = ld_file_chooser_suggest_name (stem, ld_result_get_from_month (result),
                                       ld_result_get_to_month (result), "pdf");

  g_clear_object (&self->chooser);
  if (tables)
    self->chooser = ld_file_chooser_new (widget, _("Save the Customer’s Tables in a Folder"),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Save"), NULL);
  else
    {
      g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

      gtk_file_filter_set_name (pdf, _("PDF documents"));
      gtk_file_filter_add_mime_type (pdf, "application/pdf");
      gtk_file_filter_add_suffix (pdf, "pdf");
      self->chooser = ld_file_chooser_new (widget, _("Save Page as PDF"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Save"), name);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (tables)
    g_object_set_data (G_OBJECT (self->chooser), "ld-tables", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- GObject --------------------------------------------------------------------- */

static void
ld_customer_view_dispose (GObject *object)
{
  LdCustomerView *self = LD_CUSTOMER_VIEW (object);

  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_CUSTOMER_VIEW);
  g_clear_pointer (&self->page, ld_customer_page_free);

  G_OBJECT_CLASS (ld_customer_view_parent_class)->dispose (object);
}

static void
ld_customer_view_finalize (GObject *object)
{
  LdCustomerView *self = LD_CUSTOMER_VIEW (object);

  g_free (self->name);
  g_free (self->country_code);

  G_OBJECT_CLASS (ld_customer_view_parent_class)->finalize (object);
}

static void
ld_customer_view_class_init (LdCustomerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ld_customer_view_dispose;
  object_class->finalize = ld_customer_view_finalize;

  gtk_widget_class_install_action (widget_class, "customer.save-pdf", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.save-tables", NULL, save_action);

  g_type_ensure (LD_TYPE_CUSTOMER_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licensedashboard/LicenseDashboard/ui/ld-customer-view.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, LdCustomerView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LdCustomerView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LdCustomerView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LdCustomerView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LdCustomerView, overview_card);
  gtk_widget_class_bind_template_child (widget_class, LdCustomerView, trend_card);
  gtk_widget_class_bind_template_child (widget_class, LdCustomerView, states_card);
  gtk_widget_class_bind_template_child (widget_class, LdCustomerView, products_card);

  gtk_widget_class_set_css_name (widget_class, "ldcustomerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ld_customer_view_init (LdCustomerView *self)
{
  self->customer = G_MAXUINT32;
  gtk_widget_init_template (GTK_WIDGET (self));
  ld_a11y_hide_tooltip_while_open (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                                   LD_TYPE_CUSTOMER_VIEW,
                                                                                   "menu_button")));
  show_page (self);
}

GtkWidget *
ld_customer_view_new (void)
{
  return g_object_new (LD_TYPE_CUSTOMER_VIEW, NULL);
}
