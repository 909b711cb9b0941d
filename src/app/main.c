/* main.c: the Onloop application
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "onloop-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(OnloopApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* ONLOOP_LOCALEDIR: the translations of an uninstalled build (BUILD/po),
   * for the tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ONLOOP_LOCALEDIR") != NULL
                                   ? g_getenv ("ONLOOP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Onloop"));

  app = onloop_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
