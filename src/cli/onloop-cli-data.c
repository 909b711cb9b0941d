/* onloop-cli-data.c: onloop-cli import-map, export-map, import-time, mark,
 * export-marks
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "onloop-cli.h"
#include "onloop-demo.h"
#include "onloop-map-io.h"
#include "onloop-store-review.h"
#include "onloop-store-time-entry.h"

/* Writes @text to stdout and reports a failed write (a full disk, a closed
 * pipe) as bad output rather than pretending it worked. */
static int
print_document (const char *text)
{
  if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    {
      g_printerr (_("onloop-cli: could not write the output\n"));
      return ONLOOP_CLI_BAD_INPUT;
    }
  return ONLOOP_CLI_OK;
}

/* Parses --format for the exports: json (the default) or csv. */
static gboolean
parse_format (const char      *command,
              const char      *text,
              OnloopMapFormat *format)
{
  if (text == NULL)
    {
      *format = ONLOOP_MAP_FORMAT_JSON;
      return TRUE;
    }
  if (onloop_map_format_from_string (text, format))
    return TRUE;

  onloop_cli_usage_error (command, _("--format must be json or csv, not “%s”"), text);
  return FALSE;
}

int
onloop_cli_import_map (OnloopCliGlobals *globals,
                       int               argc,
                       char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OnloopMapImportStats stats = { 0 };

  if (!onloop_cli_parse ("import-map", "FILE", NULL, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc < 2)
    return onloop_cli_usage_error ("import-map", _("needs the map file to import (JSON or CSV)"));
  if (argc > 2)
    return onloop_cli_usage_error ("import-map", _("unexpected argument “%s”"), argv[2]);

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  if (!onloop_map_import_file (store, argv[1], &stats, &error))
    return onloop_cli_fail (error);

  g_print ("added: %u\n", stats.added);
  g_print ("updated: %u\n", stats.updated);
  g_print ("unchanged: %u\n", stats.unchanged);

  return ONLOOP_CLI_OK;
}

int
onloop_cli_export_map (OnloopCliGlobals *globals,
                       int               argc,
                       char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *text = NULL;
  OnloopMapFormat format;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("json (default) or csv"), "F" },
    { NULL }
  };

  if (!onloop_cli_parse ("export-map", "[--format json|csv]", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc > 1)
    return onloop_cli_usage_error ("export-map", _("unexpected argument “%s”"), argv[1]);
  if (!parse_format ("export-map", format_text, &format))
    return ONLOOP_CLI_USAGE;

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  text = onloop_map_export (store, format, &error);
  if (text == NULL)
    return onloop_cli_fail (error);

  return print_document (text);
}

int
onloop_cli_import_time (OnloopCliGlobals *globals,
                        int               argc,
                        char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!onloop_cli_parse ("import-time", "FILE.json", NULL, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc < 2)
    return onloop_cli_usage_error ("import-time", _("needs the time-entry file to import"));
  if (argc > 2)
    return onloop_cli_usage_error ("import-time", _("unexpected argument “%s”"), argv[2]);

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  if (!onloop_store_import_time_file (store, argv[1], &n, &error))
    return onloop_cli_fail (error);

  g_print ("time entries: %u\n", n);
  return ONLOOP_CLI_OK;
}

int
onloop_cli_mark (OnloopCliGlobals *globals,
                 int               argc,
                 char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  OnloopSpotVerdict verdict = ONLOOP_SPOT_CHECK_OK;
  gboolean clear = FALSE;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the reviewer saw"), "TEXT" },
    { NULL }
  };

  if (!onloop_cli_parse ("mark", "EVENT-ID ok|quality-issue|clear [--note TEXT]", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc < 3)
    return onloop_cli_usage_error ("mark", _("needs an event id and ok, quality-issue or clear"));
  if (argc > 3)
    return onloop_cli_usage_error ("mark", _("unexpected argument “%s”"), argv[3]);

  if (g_str_equal (argv[2], "clear"))
    clear = TRUE;
  else if (!onloop_spot_verdict_from_string (argv[2], &verdict))
    return onloop_cli_usage_error ("mark", _("the mark is ok, quality-issue or clear, not “%s”"), argv[2]);
  if (clear && note != NULL)
    return onloop_cli_usage_error ("mark", _("--note goes with ok or quality-issue, not clear"));

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  if (clear)
    {
      if (!onloop_store_clear_spot_check (store, argv[1], &error))
        return onloop_cli_fail (error);
    }
  else if (!onloop_store_set_spot_check (store, argv[1], verdict, note, &error))
    return onloop_cli_fail (error);

  return ONLOOP_CLI_OK;
}

int
onloop_cli_export_marks (OnloopCliGlobals *globals,
                         int               argc,
                         char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *text = NULL;
  OnloopMapFormat format;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("json (default) or csv"), "F" },
    { NULL }
  };

  if (!onloop_cli_parse ("export-marks", "[--format json|csv]", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc > 1)
    return onloop_cli_usage_error ("export-marks", _("unexpected argument “%s”"), argv[1]);
  if (!parse_format ("export-marks", format_text, &format))
    return ONLOOP_CLI_USAGE;

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  checks = onloop_store_list_spot_checks (store, NULL, &error);
  if (checks == NULL)
    return onloop_cli_fail (error);

  if (format == ONLOOP_MAP_FORMAT_CSV)
    text = onloop_spot_checks_to_csv (checks);
  else
    text = onloop_spot_checks_to_json (checks);

  return print_document (text);
}

int
onloop_cli_demo (OnloopCliGlobals *globals,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;

  if (!onloop_cli_parse ("demo", "", NULL, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc > 1)
    return onloop_cli_usage_error ("demo", _("unexpected argument “%s”"), argv[1]);

  if (!onloop_demo_create (globals->db_path, &error))
    return onloop_cli_fail (error);

  return ONLOOP_CLI_OK;
}
