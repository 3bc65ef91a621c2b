/* main.c — License Dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ld-application.h"
#include "ld-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(LdApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* LICENSE_DASHBOARD_LOCALEDIR lets a build tree run translated before it is
   * installed (the .mo files are in build/po/<lang>/LC_MESSAGES). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LICENSE_DASHBOARD_LOCALEDIR") != NULL
                                   ? g_getenv ("LICENSE_DASHBOARD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Scheduled reports run where there is no display: --export never touches GTK. */
  if (ld_cli_wants_export (argc, argv))
    return ld_cli_main (argc, argv);

  app = ld_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
