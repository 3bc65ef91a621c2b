/* ld-table.c — the export tables of SPEC §5, as rows of typed cells
 *
 * A table is a thin view: it keeps a reference on the result (or, for the data
 * table, on the report and the list of passing rows) and turns row @i into cells
 * when asked, so no table is ever copied out, least of all the data table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-table.h"
#include "ld-report-private.h"

struct _LdTable
{
  LdWidgetId  widget;
  LdResult   *result;     /* every widget but data */
  LdReport   *report;
  guint       n_columns;
  const char *const *names;   /* static for the aggregates; the report's own for data */
  gsize       n_rows;

  /* The rows behind the widgets that have them, borrowed from the result. */
  const LdProductRow  *products;
  const LdCustomerRow *customers;
  const LdCountryRow  *countries;
  const LdAdoptionRow *adoption;
  guint                n_states;    /* states: rows are month × state */

  /* LD_WIDGET_DATA: storage rows in file order, and the header as the file has it. */
  guint32    *rows;
  char      **data_names;
};

static const char *const summary_columns[] = {
  "Customers", "LicensesProvisioned", "LicensesAssigned", "AssignmentRate",
  "From", "To", "Rows", "RowsSkipped",
  "PreviousFrom", "PreviousTo", "PreviousCustomers", "PreviousLicensesProvisioned",
  "PreviousLicensesAssigned", "PreviousAssignmentRate", NULL,
};
static const char *const customers_columns[] = {
  "Month", "ActiveCustomers", "NewCustomers", "ReturningCustomers", "CumulativeCustomers", NULL,
};
static const char *const licenses_columns[] = {
  "Month", "LicensesProvisioned", "LicensesAssigned", NULL,
};
static const char *const products_columns[] = {
  "OfferType", "ProductId", "ProductDisplayName", "PlanName", "Customers",
  "LicensesProvisioned", "LicensesAssigned", "ProvisionedShare", "AssignmentRate", NULL,
};
static const char *const customers_table_columns[] = {
  "CustomerName", "CustomerCountryCode", "Products", "LicensesProvisioned",
  "LicensesAssigned", "ProvisionedShare", "AssignmentRate", NULL,
};
static const char *const geo_columns[] = {
  "CustomerCountryCode", "CustomerCountry", "Customers", "LicensesProvisioned",
  "LicensesAssigned", "ProvisionedShare", NULL,
};
static const char *const adoption_columns[] = {
  "CustomerName", "CustomerCountryCode", "LicensesProvisioned", "LicensesAssigned",
  "LicensesUnassigned", "AssignmentRate", NULL,
};
static const char *const states_columns[] = {
  "Month", "LicenseState", "Customers", "LicensesProvisioned", "LicensesAssigned", NULL,
};

LdTable *
ld_table_new_for_result (LdResult   *result,
                         LdWidgetId  widget)
{
  LdTable *self;
  guint n = 0;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (widget < LD_N_WIDGETS && widget != LD_WIDGET_DATA, NULL);

  self = g_new0 (LdTable, 1);
  self->widget = widget;
  self->result = ld_result_ref (result);
  self->report = g_object_ref (ld_result_get_report (result));

  switch (widget)
    {
    case LD_WIDGET_SUMMARY:
      self->names = summary_columns;
      self->n_rows = 1;
      break;

    case LD_WIDGET_CUSTOMERS:
      self->names = customers_columns;
      self->n_rows = ld_result_get_n_months (result);
      break;

    case LD_WIDGET_LICENSES:
      self->names = licenses_columns;
      self->n_rows = ld_result_get_n_months (result);
      break;

    case LD_WIDGET_ANALYSIS_PRODUCTS:
      self->names = products_columns;
      self->products = ld_result_get_products (result, &n);
      self->n_rows = n;
      break;

    case LD_WIDGET_ANALYSIS_CUSTOMERS:
      self->names = customers_table_columns;
      self->customers = ld_result_get_customers_table (result, &n);
      self->n_rows = n;
      break;

    case LD_WIDGET_GEO:
      self->names = geo_columns;
      self->countries = ld_result_get_countries (result, &n);
      self->n_rows = n;
      break;

    case LD_WIDGET_ADOPTION:
      self->names = adoption_columns;
      self->adoption = ld_result_get_adoption (result, &n);
      self->n_rows = n;
      break;

    case LD_WIDGET_STATES:
      self->names = states_columns;
      self->n_states = ld_result_get_n_states (result);
      self->n_rows = (gsize) ld_result_get_n_months (result) * self->n_states;
      break;

    case LD_WIDGET_DATA:
    case LD_N_WIDGETS:
    default:
      g_assert_not_reached ();
    }

  self->n_columns = g_strv_length ((char **) self->names);

  return self;
}

LdTable *
ld_table_new_data (LdQuery *query)
{
  LdTable *self;
  LdReport *report;
  gsize n_rows = 0;

  g_return_val_if_fail (LD_IS_QUERY (query), NULL);

  report = ld_query_get_report (query);

  self = g_new0 (LdTable, 1);
  self->widget = LD_WIDGET_DATA;
  self->report = g_object_ref (report);
  self->rows = ld_query_collect_rows (query, &n_rows);
  self->n_rows = n_rows;
  self->n_columns = report->n_columns;

  /* A private copy of the header keeps names valid for as long as the table, with
   * the same lifetime rules as the aggregate tables' static names. */
  self->data_names = g_new0 (char *, report->n_columns + 1);
  for (guint c = 0; c < report->n_columns; c++)
    self->data_names[c] = g_strdup (report->columns[c].name != NULL ? report->columns[c].name : "");
  self->names = (const char *const *) self->data_names;

  return self;
}

LdTable *
ld_table_new (LdQuery    *query,
              LdResult   *result,
              LdWidgetId  widget)
{
  g_autoptr(LdResult) own_result = NULL;

  g_return_val_if_fail (widget < LD_N_WIDGETS, NULL);

  if (widget == LD_WIDGET_DATA)
    {
      g_return_val_if_fail (LD_IS_QUERY (query), NULL);
      return ld_table_new_data (query);
    }

  /* A caller with only a query (the command line) gets the result run for it. */
  if (result == NULL)
    {
      g_return_val_if_fail (LD_IS_QUERY (query), NULL);
      own_result = ld_query_run (query);
      result = own_result;
    }

  return ld_table_new_for_result (result, widget);
}

void
ld_table_free (LdTable *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->result, ld_result_unref);
  g_clear_object (&self->report);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->data_names, g_strfreev);
  g_free (self);
}

LdWidgetId
ld_table_get_widget (LdTable *self)
{
  g_return_val_if_fail (self != NULL, LD_WIDGET_SUMMARY);
  return self->widget;
}

guint
ld_table_get_n_columns (LdTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

const char *
ld_table_get_column_name (LdTable *self,
                          guint    column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->names[column];
}

gsize
ld_table_get_n_rows (LdTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

static inline void
set_text (LdCell     *cell,
          const char *text)
{
  cell->kind = LD_CELL_TEXT;
  cell->text = text != NULL ? text : "";
  cell->len = strlen (cell->text);
  cell->value = 0;
}

static inline void
set_value (LdCell     *cell,
           LdCellKind  kind,
           gint64      value)
{
  cell->kind = kind;
  cell->text = NULL;
  cell->len = 0;
  cell->value = value;
}

static inline void
set_empty (LdCell *cell)
{
  set_value (cell, LD_CELL_EMPTY, 0);
}

/* A month, or an empty cell for none (-1: the range of an empty report). */
static inline void
set_month (LdCell *cell,
           int     month)
{
  if (month < 0)
    set_empty (cell);
  else
    set_value (cell, LD_CELL_MONTH, month);
}

/* Counts are 64-bit sums of 31-bit values; a gint64 holds any real file's total. */
static inline gint64
count (guint64 v)
{
  return (gint64) MIN (v, (guint64) G_MAXINT64);
}

static void
get_data_row (LdTable *self,
              gsize    row,
              LdCell  *cells)
{
  LdReport *report = self->report;
  guint32 r = self->rows[row];

  for (guint c = 0; c < report->n_columns; c++)
    {
      const LdColumn *col = &report->columns[c];

      if (col->dict != NULL)
        {
          guint32 id = ld_ids_get (&col->ids, r);

          cells[c].kind = LD_CELL_TEXT;
          cells[c].text = ld_dict_get (col->dict, id);
          cells[c].len = ld_dict_get_length (col->dict, id);
          cells[c].value = 0;
        }
      else if (col->field == LD_FIELD_ACTIVATION_DATE)
        set_value (&cells[c], LD_CELL_DATE, ld_report_row_date (report, r));
      else if (col->field == LD_FIELD_LICENSES_PROVISIONED)
        set_value (&cells[c], LD_CELL_INT, ld_ids_get (&report->provisioned, r));
      else if (col->field == LD_FIELD_LICENSES_ASSIGNED)
        set_value (&cells[c], LD_CELL_INT, ld_ids_get (&report->assigned, r));
      else
        set_text (&cells[c], "");
    }
}

void
ld_table_get_row (LdTable *self,
                  gsize    row,
                  LdCell  *cells)
{
  LdResult *result = self->result;
  guint64 total;

  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->n_rows);
  g_return_if_fail (cells != NULL);

  switch (self->widget)
    {
    case LD_WIDGET_SUMMARY:
      set_value (&cells[0], LD_CELL_INT, count (ld_result_get_customers (result)));
      set_value (&cells[1], LD_CELL_INT, count (ld_result_get_provisioned (result)));
      set_value (&cells[2], LD_CELL_INT, count (ld_result_get_assigned (result)));
      set_value (&cells[3], LD_CELL_PERCENT, ld_result_get_assignment_rate (result));
      set_month (&cells[4], ld_result_get_from_month (result));
      set_month (&cells[5], ld_result_get_to_month (result));
      set_value (&cells[6], LD_CELL_INT, count (ld_result_get_rows (result)));
      set_value (&cells[7], LD_CELL_INT, count (ld_report_get_rows_skipped (self->report)));
      if (ld_result_has_previous (result))
        {
          set_month (&cells[8], ld_result_get_previous_from_month (result));
          set_month (&cells[9], ld_result_get_previous_to_month (result));
          set_value (&cells[10], LD_CELL_INT, count (ld_result_get_previous_customers (result)));
          set_value (&cells[11], LD_CELL_INT, count (ld_result_get_previous_provisioned (result)));
          set_value (&cells[12], LD_CELL_INT, count (ld_result_get_previous_assigned (result)));
          set_value (&cells[13], LD_CELL_PERCENT, ld_result_get_previous_assignment_rate (result));
        }
      else
        for (guint c = 8; c < 14; c++)
          set_empty (&cells[c]);
      break;

    case LD_WIDGET_CUSTOMERS:
      set_value (&cells[0], LD_CELL_MONTH, ld_result_get_from_month (result) + (gint64) row);
      set_value (&cells[1], LD_CELL_INT, count (ld_result_get_active_customers (result)[row]));
      set_value (&cells[2], LD_CELL_INT, count (ld_result_get_new_customers (result)[row]));
      set_value (&cells[3], LD_CELL_INT, count (ld_result_get_returning_customers (result)[row]));
      set_value (&cells[4], LD_CELL_INT, count (ld_result_get_cumulative_customers (result)[row]));
      break;

    case LD_WIDGET_LICENSES:
      set_value (&cells[0], LD_CELL_MONTH, ld_result_get_from_month (result) + (gint64) row);
      set_value (&cells[1], LD_CELL_INT, count (ld_result_get_month_provisioned (result)[row]));
      set_value (&cells[2], LD_CELL_INT, count (ld_result_get_month_assigned (result)[row]));
      break;

    case LD_WIDGET_ANALYSIS_PRODUCTS:
      {
        const LdProductRow *p = &self->products[row];

        total = ld_result_get_provisioned (result);
        set_text (&cells[0], p->offer_type);
        set_text (&cells[1], p->product_id);
        set_text (&cells[2], p->product_name);
        set_text (&cells[3], p->plan_name);
        set_value (&cells[4], LD_CELL_INT, count (p->customers));
        set_value (&cells[5], LD_CELL_INT, count (p->provisioned));
        set_value (&cells[6], LD_CELL_INT, count (p->assigned));
        set_value (&cells[7], LD_CELL_PERCENT, ld_percent_hundredths (p->provisioned, total));
        set_value (&cells[8], LD_CELL_PERCENT, ld_percent_hundredths (p->assigned, p->provisioned));
      }
      break;

    case LD_WIDGET_ANALYSIS_CUSTOMERS:
      {
        const LdCustomerRow *cu = &self->customers[row];

        total = ld_result_get_provisioned (result);
        /* The name stays blank as in the file (the UI shows "Name not shared"):
         * a placeholder would be indistinguishable from a customer of that name. */
        set_text (&cells[0], cu->name);
        set_text (&cells[1], cu->country_code);
        set_value (&cells[2], LD_CELL_INT, count (cu->products));
        set_value (&cells[3], LD_CELL_INT, count (cu->provisioned));
        set_value (&cells[4], LD_CELL_INT, count (cu->assigned));
        set_value (&cells[5], LD_CELL_PERCENT, ld_percent_hundredths (cu->provisioned, total));
        set_value (&cells[6], LD_CELL_PERCENT, ld_percent_hundredths (cu->assigned, cu->provisioned));
      }
      break;

    case LD_WIDGET_GEO:
      {
        const LdCountryRow *co = &self->countries[row];

        total = ld_result_get_provisioned (result);
        set_text (&cells[0], co->code);
        set_text (&cells[1], co->name);
        set_value (&cells[2], LD_CELL_INT, count (co->customers));
        set_value (&cells[3], LD_CELL_INT, count (co->provisioned));
        set_value (&cells[4], LD_CELL_INT, count (co->assigned));
        set_value (&cells[5], LD_CELL_PERCENT, ld_percent_hundredths (co->provisioned, total));
      }
      break;

    case LD_WIDGET_ADOPTION:
      {
        const LdAdoptionRow *ad = &self->adoption[row];

        /* Blank names stay blank, as in analysis-customers. */
        set_text (&cells[0], ad->name);
        set_text (&cells[1], ad->country_code);
        set_value (&cells[2], LD_CELL_INT, count (ad->provisioned));
        set_value (&cells[3], LD_CELL_INT, count (ad->assigned));
        set_value (&cells[4], LD_CELL_INT, count (ad->unassigned));
        set_value (&cells[5], LD_CELL_PERCENT, ld_percent_hundredths (ad->assigned, ad->provisioned));
      }
      break;

    case LD_WIDGET_STATES:
      {
        guint month_index = (guint) (row / self->n_states);
        guint state = (guint) (row % self->n_states);
        LdStateFigures figures;

        ld_result_get_state_figures (result, state, month_index, &figures);
        set_value (&cells[0], LD_CELL_MONTH, ld_result_get_from_month (result) + (gint64) month_index);
        /* A blank LicenseState is a state of its own, written blank. */
        set_text (&cells[1], ld_result_get_state (result, state));
        set_value (&cells[2], LD_CELL_INT, count (figures.customers));
        set_value (&cells[3], LD_CELL_INT, count (figures.provisioned));
        set_value (&cells[4], LD_CELL_INT, count (figures.assigned));
      }
      break;

    case LD_WIDGET_DATA:
      get_data_row (self, row, cells);
      break;

    case LD_N_WIDGETS:
    default:
      g_assert_not_reached ();
    }
}
