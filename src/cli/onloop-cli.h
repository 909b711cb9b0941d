/* onloop-cli.h: what the command files of onloop-cli share
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "onloop-store.h"

G_BEGIN_DECLS

/* Exit statuses, as PRODUCT.md §5 fixes them. */
#define ONLOOP_CLI_OK          0
#define ONLOOP_CLI_BAD_INPUT   1
#define ONLOOP_CLI_USAGE       2

typedef struct
{
  const char *db_path;      /* --db, or NULL */
} OnloopCliGlobals;

/* One subcommand: argv[0] is the command's name; parse the rest with
 * onloop_cli_parse(). Return one of the exit statuses above. */
typedef int (*OnloopCliCommandFunc) (OnloopCliGlobals *globals,
                                     int               argc,
                                     char            **argv);

typedef struct
{
  const char           *name;
  const char           *synopsis;    /* the arguments after the name */
  const char           *summary;
  gboolean              needs_db;
  OnloopCliCommandFunc  func;
} OnloopCliCommand;

/* Parses the options of a command with GOptionContext; on a usage error it
 * prints the message and returns FALSE (exit with ONLOOP_CLI_USAGE). */
gboolean     onloop_cli_parse        (const char        *command,
                                      const char        *parameter_string,
                                      const GOptionEntry *entries,
                                      int               *argc,
                                      char            ***argv);
int          onloop_cli_usage_error  (const char        *command,
                                      const char        *format,
                                      ...) G_GNUC_PRINTF (2, 3);
/* Prints "onloop-cli: MESSAGE" on stderr and returns ONLOOP_CLI_BAD_INPUT. */
int          onloop_cli_fail         (const GError      *error);
/* Opens --db; with @create a missing file becomes a new workspace. */
OnloopStore *onloop_cli_open_store   (OnloopCliGlobals  *globals,
                                      gboolean           create,
                                      GError           **error);

extern const OnloopCliCommand onloop_cli_commands[];

int          onloop_cli_import_log   (OnloopCliGlobals  *globals,
                                      int                argc,
                                      char             **argv);
int          onloop_cli_evaluate     (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_metrics      (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_calibrate    (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_sample       (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_import_map   (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_export_map   (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_import_time  (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_mark         (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_export_marks (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_demo         (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_export_spec  (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_import_spec  (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_publish      (OnloopCliGlobals *globals, int argc, char **argv);
int          onloop_cli_diff_spec    (OnloopCliGlobals *globals, int argc, char **argv);

G_END_DECLS
