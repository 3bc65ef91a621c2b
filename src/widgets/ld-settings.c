/* ld-settings.c — the application's settings: one GSettings for the whole app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ld-settings.h"

static const char settings_key[] = "ld-settings";

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

typedef struct
{
  GSettings *settings;  /* NULL without the schema */
} Held;

static void
held_free (Held *held)
{
  g_clear_object (&held->settings);
  g_free (held);
}

GSettings *
ld_settings_get (void)
{
  static Held *without_application;
  GApplication *application = g_application_get_default ();
  Held *held;

  if (application == NULL)
    {
      if (without_application == NULL)
        {
          without_application = g_new0 (Held, 1);
          without_application->settings = settings_new ();
        }
      return without_application->settings;
    }

  held = g_object_get_data (G_OBJECT (application), settings_key);
  if (held == NULL)
    {
      held = g_new0 (Held, 1);
      held->settings = settings_new ();
      g_object_set_data_full (G_OBJECT (application), settings_key, held, (GDestroyNotify) held_free);
    }

  return held->settings;
}
