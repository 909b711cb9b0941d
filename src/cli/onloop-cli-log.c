/* onloop-cli-log.c: onloop-cli import-log
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "onloop-cli.h"
#include "onloop-store-log.h"

int
onloop_cli_import_log (OnloopCliGlobals *globals,
                       int               argc,
                       char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OnloopImportCounts counts = { 0 };

  if (!onloop_cli_parse ("import-log", "FILE.jsonl", NULL, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc < 2)
    return onloop_cli_usage_error ("import-log", _("needs the log file to import"));
  if (argc > 2)
    return onloop_cli_usage_error ("import-log", _("unexpected argument “%s”"), argv[2]);

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  if (!onloop_store_import_log (store, argv[1], NULL, NULL, NULL, &counts, &error))
    return onloop_cli_fail (error);

  g_print ("imported: %" G_GUINT64_FORMAT "\n", counts.imported);
  g_print ("already present: %" G_GUINT64_FORMAT "\n", counts.already_present);
  g_print ("unmapped: %" G_GUINT64_FORMAT "\n", counts.unmapped);

  return ONLOOP_CLI_OK;
}
