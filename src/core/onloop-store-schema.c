/* onloop-store-schema.c: the numbered migrations of the workspace schema
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "onloop-store-schema.h"
#include "onloop-store.h"

const char * const onloop_store_migrations[] = {
  /* 1: the decision map and workspace settings */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO settings (key, value) VALUES"
  "  ('diagnosis.too_loose', '0.05'),"
  "  ('diagnosis.target_low', '0.10'),"
  "  ('diagnosis.target_high', '0.15'),"
  "  ('diagnosis.in_the_loop', '0.20'),"
  "  ('diagnosis.override_min', '0.30'),"
  "  ('map.share_low', '0.60'),"
  "  ('map.share_high', '0.70'),"
  "  ('currency', 'USD');"
  "CREATE TABLE workflows ("
  "  name           TEXT PRIMARY KEY CHECK (length (name) > 0),"
  "  phase          TEXT NOT NULL DEFAULT 'shadow'"
  "                 CHECK (phase IN ('shadow', 'exception-only', 'steady')),"
  "  review_cadence TEXT NOT NULL DEFAULT 'weekly'"
  "                 CHECK (review_cadence IN ('daily', 'weekly', 'biweekly', 'monthly')),"
  "  position       INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE decisions ("
  "  id                 INTEGER PRIMARY KEY,"
  "  key                TEXT NOT NULL UNIQUE CHECK (length (key) > 0),"
  "  title              TEXT NOT NULL,"
  "  description        TEXT NOT NULL DEFAULT '',"
  "  workflow           TEXT REFERENCES workflows (name) ON UPDATE CASCADE ON DELETE SET NULL,"
  "  category           TEXT NOT NULL DEFAULT 'unsorted'"
  "                     CHECK (category IN ('unsorted', 'execution', 'judgment')),"
  "  position           INTEGER NOT NULL DEFAULT 0,"
  /* The four criteria: 1 yes, 0 no, NULL not answered yet. */
  "  routine            INTEGER CHECK (routine IN (0, 1)),"
  "  low_stakes         INTEGER CHECK (low_stakes IN (0, 1)),"
  "  reversible         INTEGER CHECK (reversible IN (0, 1)),"
  "  ethically_neutral  INTEGER CHECK (ethically_neutral IN (0, 1)),"
  "  frequency_per_week REAL NOT NULL DEFAULT 0 CHECK (frequency_per_week >= 0),"
  "  notes              TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX decisions_by_column ON decisions (category, position);",

  /* 2: the System Boundary Spec: draft boundaries, triggers, versions */
  "CREATE TABLE boundary_items ("
  "  id       INTEGER PRIMARY KEY,"
  "  decision TEXT NOT NULL REFERENCES decisions (key) ON UPDATE CASCADE ON DELETE CASCADE,"
  "  kind     TEXT NOT NULL CHECK (kind IN ('may', 'uses', 'must_not')),"
  "  item     TEXT NOT NULL CHECK (length (item) > 0),"
  "  label    TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (decision, kind, item)"
  ");"
  "CREATE TABLE triggers ("
  "  id       TEXT PRIMARY KEY CHECK (length (id) > 0),"
  "  kind     TEXT NOT NULL CHECK (kind IN ('deal_size', 'sentiment', 'first_time',"
  "                                         'conflicting_signals', 'ethical')),"
  "  enabled  INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
  "  params   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (params)),"
  "  scope    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (scope)),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"
  "CREATE TABLE spec_versions ("
  "  version      INTEGER PRIMARY KEY CHECK (version > 0),"
  "  published_at TEXT NOT NULL,"
  "  published_us INTEGER NOT NULL,"
  "  note         TEXT NOT NULL CHECK (length (note) > 0),"
  "  spec         TEXT NOT NULL CHECK (json_valid (spec))"
  ");",

  /* 3: the decision log, spot checks, manager time */
  "CREATE TABLE events ("
  "  seq              INTEGER PRIMARY KEY,"
  "  id               TEXT NOT NULL UNIQUE,"
  "  at               INTEGER NOT NULL," /* microseconds since 1970-01-01 UTC */
  "  at_text          TEXT NOT NULL,"    /* as the log wrote it */
  "  decision         TEXT NOT NULL,"
  "  action           TEXT NOT NULL,"
  "  deal_arr         REAL,"
  "  sentiment        REAL,"
  "  industry         TEXT,"
  "  persona          TEXT,"
  "  objection        TEXT,"
  "  engagement       REAL,"
  "  stage_progressed INTEGER,"
  "  days_in_stage    INTEGER,"
  "  tags             TEXT," /* JSON array */
  "  rec_escalated    INTEGER," /* outcome.escalated; NULL when the log did not say */
  "  reviewed         INTEGER NOT NULL DEFAULT 0,"
  "  overridden       INTEGER NOT NULL DEFAULT 0,"
  "  quality_issue    INTEGER NOT NULL DEFAULT 0,"
  "  review_minutes   REAL,"
  "  extra            TEXT," /* unknown fields, as one JSON object */
  /* Derived, kept up to date by the engine: the evaluation under the spec in
   * force at the event's time, and the escalation the metrics count. */
  "  eval_version     INTEGER,"
  "  eval_escalated   INTEGER,"
  "  eval_reasons     INTEGER,"
  "  escalated        INTEGER"
  ");"
  "CREATE INDEX events_by_time ON events (at, id);"
  "CREATE TABLE spot_checks ("
  "  event      TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,"
  "  verdict    TEXT NOT NULL CHECK (verdict IN ('ok', 'quality-issue')),"
  "  note       TEXT NOT NULL DEFAULT '',"
  "  checked_at TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE time_entries ("
  "  week                TEXT NOT NULL,"
  "  manager             TEXT NOT NULL CHECK (length (manager) > 0),"
  "  execution_oversight REAL NOT NULL DEFAULT 0 CHECK (execution_oversight >= 0),"
  "  exception_handling  REAL NOT NULL DEFAULT 0 CHECK (exception_handling >= 0),"
  "  strategy            REAL NOT NULL DEFAULT 0 CHECK (strategy >= 0),"
  "  coaching            REAL NOT NULL DEFAULT 0 CHECK (coaching >= 0),"
  "  relationship_repair REAL NOT NULL DEFAULT 0 CHECK (relationship_repair >= 0),"
  "  other               REAL NOT NULL DEFAULT 0 CHECK (other >= 0),"
  "  PRIMARY KEY (week, manager)"
  ") WITHOUT ROWID;"
  /* Weekly aggregates of the log, rebuilt by the engine whenever events,
   * published versions or spot checks change, so reading metrics is cheap. */
  "CREATE TABLE weekly ("
  "  week            TEXT PRIMARY KEY," /* ISO week, 2026-W45 */
  "  starts_at       INTEGER NOT NULL,"
  "  events          INTEGER NOT NULL,"
  "  escalated       INTEGER NOT NULL,"
  "  interventions   INTEGER NOT NULL,"
  "  overrides       INTEGER NOT NULL,"
  "  false_negatives INTEGER NOT NULL,"
  "  drift           INTEGER NOT NULL"
  ") WITHOUT ROWID;",

  /* 4: the engine keeps per-event evaluations in memory, not in events;
   * it caches the log's columns (one blob per column, rebuilt when the
   * events change) so a calibration does not re-read a million rows. */
  "ALTER TABLE events DROP COLUMN eval_version;"
  "ALTER TABLE events DROP COLUMN eval_escalated;"
  "ALTER TABLE events DROP COLUMN eval_reasons;"
  "ALTER TABLE events DROP COLUMN escalated;"
  "CREATE TABLE log_columns ("
  "  name TEXT PRIMARY KEY,"
  "  data BLOB NOT NULL"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (onloop_store_migrations) == ONLOOP_STORE_SCHEMA_VERSION);
