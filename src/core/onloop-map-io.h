/* onloop-map-io.h: the decision map as a JSON or CSV file (PRODUCT.md §5)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing takes bytes and gives entries or an error naming the file and the
 * line (CSV) or the JSON path; it never touches the store, so it can be
 * fuzzed. Importing applies parsed entries to a workspace in one
 * transaction. docs/map.md describes the formats and the choices.
 */

#pragma once

#include "onloop-decision.h"
#include "onloop-store.h"

G_BEGIN_DECLS

#define ONLOOP_MAP_IO_ERROR (onloop_map_io_error_quark ())

typedef enum
{
  ONLOOP_MAP_IO_ERROR_SYNTAX,   /* not JSON / not CSV */
  ONLOOP_MAP_IO_ERROR_INVALID,  /* readable, but a value is wrong */
} OnloopMapIoError;

typedef enum
{
  ONLOOP_MAP_FORMAT_JSON,
  ONLOOP_MAP_FORMAT_CSV,
} OnloopMapFormat;

/* The fields a file gave for a decision. Key and title are always given;
 * a field the file leaves out keeps its value when the decision exists. */
typedef enum
{
  ONLOOP_MAP_FIELD_CATEGORY    = 1 << 0,
  ONLOOP_MAP_FIELD_WORKFLOW    = 1 << 1,
  ONLOOP_MAP_FIELD_DESCRIPTION = 1 << 2,
  ONLOOP_MAP_FIELD_FREQUENCY   = 1 << 3,
} OnloopMapField;

typedef struct
{
  OnloopDecision *decision;  /* the file's values; fields not given are defaults */
  guint           fields;    /* OnloopMapField */
  guint           line;      /* CSV: the line of the record; JSON: 1 + index */
} OnloopMapEntry;

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
} OnloopMapImportStats;

GQuark          onloop_map_io_error_quark  (void);

void            onloop_map_entry_free      (OnloopMapEntry *entry);

const char     *onloop_map_format_to_string   (OnloopMapFormat  format);
gboolean        onloop_map_format_from_string (const char      *text,
                                               OnloopMapFormat *format);

/* @name names the input in messages ("map.csv:4: …", "map.json: decisions[2].key: …").
 * (element-type OnloopMapEntry) */
GPtrArray      *onloop_map_parse_json      (const char   *data,
                                            gsize         len,
                                            const char   *name,
                                            GError      **error);
GPtrArray      *onloop_map_parse_csv       (const char   *data,
                                            gsize         len,
                                            const char   *name,
                                            GError      **error);
/* JSON when the first character (after a byte-order mark and white space)
 * is '{', else CSV. */
GPtrArray      *onloop_map_parse           (const char   *data,
                                            gsize         len,
                                            const char   *name,
                                            GError      **error);

/* @decisions: (element-type OnloopDecision), in map order. */
char           *onloop_map_to_json         (GPtrArray    *decisions);
char           *onloop_map_to_csv          (GPtrArray    *decisions);

/* Upserts @entries by key in one transaction: an existing decision gets the
 * fields the file gives (and moves to the end of its new column when the
 * category changes); a new one is appended to its column. Decisions the
 * file does not name are kept. On error nothing is changed. */
gboolean        onloop_map_import          (OnloopStore          *store,
                                            GPtrArray            *entries,
                                            OnloopMapImportStats *stats,
                                            GError              **error);
/* Reads, parses and imports @path. */
gboolean        onloop_map_import_file     (OnloopStore          *store,
                                            const char           *path,
                                            OnloopMapImportStats *stats,
                                            GError              **error);
char           *onloop_map_export          (OnloopStore          *store,
                                            OnloopMapFormat       format,
                                            GError              **error);

G_END_DECLS
