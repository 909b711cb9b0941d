/* onloop-cli-spec.c: export-spec, import-spec, publish, diff-spec
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "onloop-cli.h"
#include "onloop-store-spec.h"

int
onloop_cli_export_spec (OnloopCliGlobals *globals,
                        int               argc,
                        char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(OnloopSpec) spec = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  int version = 0;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_("A published version (default: the draft)"), "N" },
    { NULL }
  };

  if (!onloop_cli_parse ("export-spec", "[--version N]", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc > 1)
    return onloop_cli_usage_error ("export-spec", _("unexpected argument “%s”"), argv[1]);
  if (version < 0)
    return onloop_cli_usage_error ("export-spec", _("--version must be a number ≥ 1"));

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  if (version > 0)
    spec = onloop_store_load_version (store, version, &error);
  else
    spec = onloop_store_load_draft (store, &error);
  if (spec == NULL)
    return onloop_cli_fail (error);

  json = onloop_spec_to_json (spec);
  fputs (json, stdout);
  if (fflush (stdout) != 0)
    return ONLOOP_CLI_BAD_INPUT;

  return ONLOOP_CLI_OK;
}

int
onloop_cli_import_spec (OnloopCliGlobals *globals,
                        int               argc,
                        char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(OnloopSpec) spec = NULL;
  g_autoptr(GError) error = NULL;

  if (!onloop_cli_parse ("import-spec", "FILE", NULL, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc < 2)
    return onloop_cli_usage_error ("import-spec", _("needs the spec file to import"));
  if (argc > 2)
    return onloop_cli_usage_error ("import-spec", _("unexpected argument “%s”"), argv[2]);

  /* Parse before opening, so a bad file never touches the workspace. */
  spec = onloop_spec_load_file (argv[1], &error);
  if (spec == NULL)
    return onloop_cli_fail (error);

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  if (!onloop_store_set_draft (store, spec, &error))
    return onloop_cli_fail (error);

  g_print ("decisions: %u\n", spec->decisions->len);
  g_print ("triggers: %u\n", spec->triggers->len);
  return ONLOOP_CLI_OK;
}

int
onloop_cli_publish (OnloopCliGlobals *globals,
                    int               argc,
                    char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  int version = 0;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What changed and why (required)"), "TEXT" },
    { NULL }
  };

  if (!onloop_cli_parse ("publish", "--note TEXT", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc > 1)
    return onloop_cli_usage_error ("publish", _("unexpected argument “%s”"), argv[1]);
  if (note == NULL)
    return onloop_cli_usage_error ("publish", _("needs --note TEXT"));

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  if (!onloop_store_publish (store, note, &version, &error))
    return onloop_cli_fail (error);

  g_print ("%d\n", version);
  return ONLOOP_CLI_OK;
}

int
onloop_cli_diff_spec (OnloopCliGlobals *globals,
                      int               argc,
                      char            **argv)
{
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(OnloopSpec) from = NULL;
  g_autoptr(OnloopSpec) to = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  if (!onloop_cli_parse ("diff-spec", "A B", NULL, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc != 3)
    return onloop_cli_usage_error ("diff-spec",
                                   _("needs two specs: version numbers, “latest” or “draft”"));

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  from = onloop_store_load_spec_named (store, argv[1], &error);
  if (from == NULL)
    return onloop_cli_fail (error);
  to = onloop_store_load_spec_named (store, argv[2], &error);
  if (to == NULL)
    return onloop_cli_fail (error);

  changes = onloop_spec_diff (from, to);
  for (guint i = 0; i < changes->len; i++)
    {
      OnloopSpecChange *change = g_ptr_array_index (changes, i);
      g_print ("%s\n", change->text);
    }

  return ONLOOP_CLI_OK;
}
