/* main.c: onloop-cli, the workspace from scripts and from the AI runtime
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "onloop-cli.h"

static int
cmd_check (OnloopCliGlobals *globals,
           int               argc,
           char            **argv)
{
  g_autoptr(GError) error = NULL;

  if (!onloop_cli_parse ("check", "", NULL, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc != 1)
    return onloop_cli_usage_error ("check", _("unexpected argument “%s”"), argv[1]);

  if (!onloop_store_check_file (globals->db_path, &error))
    return onloop_cli_fail (error);

  g_print ("%s: %s\n", globals->db_path, _("an Onloop workspace this version can open"));
  return ONLOOP_CLI_OK;
}

static int
cmd_init (OnloopCliGlobals *globals,
          int               argc,
          char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!onloop_cli_parse ("init", "", NULL, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc != 1)
    return onloop_cli_usage_error ("init", _("unexpected argument “%s”"), argv[1]);

  if (g_file_test (globals->db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("onloop-cli: %s already exists; init never overwrites a file\n"), globals->db_path);
      return ONLOOP_CLI_BAD_INPUT;
    }

  store = onloop_cli_open_store (globals, TRUE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  return ONLOOP_CLI_OK;
}

const OnloopCliCommand onloop_cli_commands[] = {
  { "init", "", N_("Creates an empty workspace"), TRUE, cmd_init },
  { "check", "", N_("Tells whether a file is a workspace this version can open"), TRUE, cmd_check },
  { "demo", "", N_("Creates a demo workspace: a worked map, three spec versions, 12 weeks of log"), TRUE, onloop_cli_demo },
  { "import-log", "FILE.jsonl", N_("Imports a decision log (JSON Lines)"), TRUE, onloop_cli_import_log },
  { "evaluate", "--spec FILE", N_("Evaluates events from stdin, one verdict per line"), FALSE, onloop_cli_evaluate },
  { "metrics", "[--from D] [--to D] [--format F]", N_("Weekly metrics and diagnosis"), TRUE, onloop_cli_metrics },
  { "calibrate", "--trigger ID --target RATE", N_("The threshold closest to a target exception rate"), TRUE, onloop_cli_calibrate },
  { "sample", "--size N --seed S", N_("A reproducible spot-check sample (JSON Lines)"), TRUE, onloop_cli_sample },
  { "import-map", "FILE", N_("Imports a decision map (JSON or CSV), upserting by key"), TRUE, onloop_cli_import_map },
  { "export-map", "[--format json|csv]", N_("Writes the decision map (CSV is spreadsheet-safe)"), TRUE, onloop_cli_export_map },
  { "import-time", "FILE.json", N_("Imports manager time entries"), TRUE, onloop_cli_import_time },
  { "mark", "EVENT-ID ok|quality-issue|clear", N_("Marks a spot-checked event"), TRUE, onloop_cli_mark },
  { "export-marks", "[--format json|csv]", N_("Writes the spot-check marks"), TRUE, onloop_cli_export_marks },
  { "export-spec", "[--version N]", N_("Writes the draft or a published version as JSON"), TRUE, onloop_cli_export_spec },
  { "import-spec", "FILE", N_("Replaces the draft with a spec file"), TRUE, onloop_cli_import_spec },
  { "publish", "--note TEXT", N_("Publishes the draft as the next version"), TRUE, onloop_cli_publish },
  { "diff-spec", "A B", N_("What changed between two versions (or draft)"), TRUE, onloop_cli_diff_spec },
  { NULL }
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: onloop-cli [--db WORKSPACE] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (const OnloopCliCommand *c = onloop_cli_commands; c->name != NULL; c++)
    fprintf (out, "  %-12s %-40s %s\n", c->name, c->synopsis, _(c->summary));
  fprintf (out, "\n%s\n", _("Run “onloop-cli COMMAND --help” for a command’s options."));
}

gboolean
onloop_cli_parse (const char          *command,
                  const char          *parameter_string,
                  const GOptionEntry  *entries,
                  int                 *argc,
                  char              ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_strdup_printf ("%s %s", command, parameter_string);

  context = g_option_context_new (summary);
  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, FALSE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      onloop_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

int
onloop_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("onloop-cli %s: %s\n", command, message);
  g_printerr (_("Run “onloop-cli %s --help” for its options.\n"), command);
  return ONLOOP_CLI_USAGE;
}

int
onloop_cli_fail (const GError *error)
{
  g_printerr ("onloop-cli: %s\n", error->message);
  return ONLOOP_CLI_BAD_INPUT;
}

OnloopStore *
onloop_cli_open_store (OnloopCliGlobals  *globals,
                       gboolean           create,
                       GError           **error)
{
  return onloop_store_open (globals->db_path,
                            create ? ONLOOP_STORE_OPEN_CREATE : ONLOOP_STORE_OPEN_NONE,
                            error);
}

static gboolean
asks_for_help (int    argc,
               char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") ||
          g_str_equal (argv[i], "-?"))
        return TRUE;
    }
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  OnloopCliGlobals globals = { NULL };
  int i;

  setlocale (LC_ALL, "");
  /* GOption names the program in --help; without this it would take the
   * command's name ("import-log [OPTION…] import-log FILE"). */
  g_set_prgname ("onloop-cli");
  /* ONLOOP_LOCALEDIR: the translations of an uninstalled build (BUILD/po),
   * for the tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ONLOOP_LOCALEDIR") != NULL
                                   ? g_getenv ("ONLOOP_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command: --db FILE, --db=FILE. */
  for (i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        globals.db_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--db="))
        globals.db_path = argv[i] + strlen ("--db=");
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          return ONLOOP_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("onloop-cli %s\n", PACKAGE_VERSION);
          return ONLOOP_CLI_OK;
        }
      else if (argv[i][0] == '-')
        {
          g_printerr (_("onloop-cli: unknown option “%s”\n"), argv[i]);
          print_help (stderr);
          return ONLOOP_CLI_USAGE;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_help (stderr);
      return ONLOOP_CLI_USAGE;
    }

  for (const OnloopCliCommand *c = onloop_cli_commands; c->name != NULL; c++)
    {
      if (!g_str_equal (c->name, argv[i]))
        continue;

      /* "onloop-cli import-log --help" answers without a workspace. */
      if (c->needs_db && globals.db_path == NULL && !asks_for_help (argc - i, argv + i))
        return onloop_cli_usage_error (c->name, _("needs --db WORKSPACE before the command"));

      return c->func (&globals, argc - i, argv + i);
    }

  g_printerr (_("onloop-cli: unknown command “%s”\n"), argv[i]);
  print_help (stderr);
  return ONLOOP_CLI_USAGE;
}
