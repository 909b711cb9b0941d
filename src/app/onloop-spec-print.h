/* onloop-spec-print.h: the spec as a printed document
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "onloop-spec.h"

G_BEGIN_DECLS

#define ONLOOP_TYPE_SPEC_PRINT (onloop_spec_print_get_type ())

G_DECLARE_FINAL_TYPE (OnloopSpecPrint, onloop_spec_print, ONLOOP, SPEC_PRINT, GObject)

/* @title names the workspace in the running header; @currency is the
 * workspace's ("USD"). */
OnloopSpecPrint *onloop_spec_print_new (OnloopSpec  *spec,
                                        const char  *title,
                                        const char  *currency);
/* Runs the print operation: GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for
 * the print dialog (which offers "Print to File" as PDF), or
 * GTK_PRINT_OPERATION_ACTION_EXPORT with @export_path to write a PDF. */
gboolean         onloop_spec_print_run (OnloopSpecPrint          *self,
                                        GtkWindow                *parent,
                                        GtkPrintOperationAction   action,
                                        const char               *export_path,
                                        GError                  **error);
/* Pages of the last run. */
int              onloop_spec_print_get_n_pages (OnloopSpecPrint *self);

/* "Deal ARR ≥ USD 50,000": what a trigger fires on, in words. */
char            *onloop_trigger_describe (const OnloopTrigger *trigger,
                                          const char          *currency);

G_END_DECLS
