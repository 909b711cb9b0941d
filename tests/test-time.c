/* test-time.c: RFC 3339 timestamps and ISO weeks
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-time.h"

static void
test_parse_valid (void)
{
  const struct { const char *text; const char *utc; } cases[] = {
    { "2026-11-02T09:00:00Z", "2026-11-02T09:00:00Z" },
    { "2026-11-02T10:30:00+01:30", "2026-11-02T09:00:00Z" },
    { "2026-11-02T04:00:00-05:00", "2026-11-02T09:00:00Z" },
    { "2026-11-02t09:00:00.25z", "2026-11-02T09:00:00.250000Z" },
    { "2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z" },
    { "1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = NULL;
      gint64 usec = 0;

      g_assert_true (onloop_time_parse_rfc3339 (cases[i].text, strlen (cases[i].text), &usec));
      formatted = onloop_time_format_rfc3339 (usec);
      g_assert_cmpstr (formatted, ==, cases[i].utc);
    }
}

static void
test_parse_invalid (void)
{
  const char *cases[] = {
    "2026-11-02T09:00:00",        /* no offset */
    "2026-11-02",                 /* no time */
    "2026-02-29T09:00:00Z",       /* not a leap year */
    "2026-13-01T09:00:00Z",
    "2026-11-02T24:00:00Z",
    "2026-11-02T09:00:00+0100",
    "2026-11-02T09:00:00Zjunk",
    "2026-11-02T09:00:00.Z",
    "yesterday",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 usec;
      if (onloop_time_parse_rfc3339 (cases[i], strlen (cases[i]), &usec))
        g_error ("“%s” was accepted", cases[i]);
    }
}

static void
test_iso_weeks (void)
{
  const struct { const char *at; const char *week; } cases[] = {
    { "2026-11-02T00:00:00Z", "2026-W45" },   /* a Monday */
    { "2026-11-08T23:59:59Z", "2026-W45" },   /* the Sunday after */
    { "2026-11-09T00:00:00Z", "2026-W46" },
    { "2026-11-08T23:30:00-01:00", "2026-W46" }, /* bucketed in UTC */
    { "2021-01-03T12:00:00Z", "2020-W53" },   /* belongs to the previous ISO year */
    { "2024-12-30T12:00:00Z", "2025-W01" },   /* belongs to the next ISO year */
    { "2027-01-01T00:00:00Z", "2026-W53" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      OnloopWeek week, parsed;
      gint64 usec;

      g_assert_true (onloop_time_parse_rfc3339 (cases[i].at, strlen (cases[i].at), &usec));
      week = onloop_week_from_usec (usec);
      text = onloop_week_format (week);
      g_assert_cmpstr (text, ==, cases[i].week);

      g_assert_true (onloop_week_parse (text, &parsed));
      g_assert_cmpint (parsed, ==, week);
      g_assert_cmpint (onloop_week_from_usec (onloop_week_start_usec (week)), ==, week);
      g_assert_cmpint (onloop_week_start_usec (week), <=, usec);
      g_assert_cmpint (usec, <, onloop_week_start_usec (week) + ONLOOP_USEC_PER_WEEK);
    }

  g_assert_cmpint (onloop_week_next (202652), ==, 202653);
  g_assert_cmpint (onloop_week_next (202653), ==, 202701);
}

static void
test_week_parse_invalid (void)
{
  OnloopWeek week;

  g_assert_false (onloop_week_parse ("2025-W53", &week));   /* 2025 has 52 weeks */
  g_assert_false (onloop_week_parse ("2026-W00", &week));
  g_assert_false (onloop_week_parse ("2026-45", &week));
  g_assert_true (onloop_week_parse ("2026-W53", &week));
}

static void
test_parse_date (void)
{
  gint64 usec;
  g_autofree char *text = NULL;

  g_assert_true (onloop_time_parse_date ("2026-11-02", &usec));
  text = onloop_time_format_rfc3339 (usec);
  g_assert_cmpstr (text, ==, "2026-11-02T00:00:00Z");
  g_assert_false (onloop_time_parse_date ("2026-11-31", &usec));
  g_assert_false (onloop_time_parse_date ("11/02/2026", &usec));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/rfc3339/parses-offsets-and-fractions", test_parse_valid);
  g_test_add_func ("/time/rfc3339/rejects-malformed", test_parse_invalid);
  g_test_add_func ("/time/week/iso-8601-in-utc", test_iso_weeks);
  g_test_add_func ("/time/week/rejects-impossible-weeks", test_week_parse_invalid);
  g_test_add_func ("/time/date/midnight-utc", test_parse_date);

  return g_test_run ();
}
