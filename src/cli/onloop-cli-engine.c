/* onloop-cli-engine.c: onloop-cli evaluate, metrics, calibrate, sample
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "onloop-calibration.h"
#include "onloop-cli.h"
#include "onloop-engine.h"
#include "onloop-evaluator.h"
#include "onloop-log-parser.h"
#include "onloop-store-spec.h"

/* The shortest text that reads back as @value, locale-independent; "null"
 * for NAN. */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    {
      g_string_append (out, "null");
      return;
    }
  /* Whole numbers without an exponent: 61250, not 6.125e+04. */
  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  /* %g drops trailing zeros, so the first precision that reads back is
   * the shortest text: 15 digits almost always do. */
  for (int precision = 15; precision <= 17; precision++)
    {
      static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

      g_ascii_formatd (buf, sizeof buf, formats[precision - 15], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_c (out, '\\'), g_string_append_c (out, (char) c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static gboolean
write_all (const char *data,
           gsize       len)
{
  return len == 0 || fwrite (data, 1, len, stdout) == len;
}

/* ---- evaluate ------------------------------------------------------------ */

typedef struct
{
  OnloopLogParser        *parser;
  OnloopEvaluator        *evaluator;
  OnloopFirstTimeHistory *history;
  OnloopEvent             event;
  GString                *out;
  guint64                 line_no;
} Evaluate;

static gboolean
evaluate_line (Evaluate    *ev,
               const char  *line,
               gsize        len,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  OnloopReasons reasons;
  guint first;

  if (onloop_log_line_is_blank (line, len))
    return TRUE;

  if (!onloop_log_parser_parse (ev->parser, line, len, &ev->event, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "<stdin>:%" G_GUINT64_FORMAT ": %s", ev->line_no, local_error->message);
      return FALSE;
    }

  first = onloop_first_time_history_check_and_add (ev->history, &ev->event);
  reasons = onloop_evaluator_reasons (ev->evaluator, &ev->event, first);
  onloop_evaluator_append_verdict (ev->evaluator, ev->out, ev->event.id, reasons);
  g_string_append_c (ev->out, '\n');
  return TRUE;
}

/* Reads stdin in blocks; verdicts are written as lines are read and
 * flushed whenever reading would wait, so a runtime piping one event at a
 * time gets each verdict at once and a big file streams at full speed. */
static gboolean
evaluate_stream (Evaluate  *ev,
                 GError   **error)
{
  gsize cap = 256 * 1024;
  g_autofree char *buf = g_malloc (cap);
  gsize len = 0;
  gboolean eof = FALSE;

  while (!eof)
    {
      gsize start = 0;
      gssize n;

      if (ev->out->len > 0)
        {
          if (!write_all (ev->out->str, ev->out->len) || fflush (stdout) != 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the verdicts: %s"),
                           g_strerror (errno));
              return FALSE;
            }
          g_string_truncate (ev->out, 0);
        }

      if (len == cap)
        {
          if (cap > ONLOOP_LOG_MAX_LINE_LENGTH + 2)
            {
              g_set_error (error, ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_TOO_LONG,
                           _("<stdin>:%" PRIu64 ": line longer than %d bytes"),
                           ev->line_no + 1, ONLOOP_LOG_MAX_LINE_LENGTH);
              return FALSE;
            }
          cap *= 2;
          buf = g_realloc (buf, cap);
        }

      do
        n = read (STDIN_FILENO, buf + len, cap - len);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Could not read the events: %s"), g_strerror (errno));
          return FALSE;
        }
      if (n == 0)
        eof = TRUE;
      len += n;

      for (;;)
        {
          char *nl = memchr (buf + start, '\n', len - start);
          gsize line_len;

          if (nl == NULL)
            {
              if (!eof || start == len)
                break;
              nl = buf + len;   /* the last line has no line end */
            }
          line_len = nl - (buf + start);
          ev->line_no++;
          if (line_len > ONLOOP_LOG_MAX_LINE_LENGTH + 1)
            {
              g_set_error (error, ONLOOP_LOG_ERROR, ONLOOP_LOG_ERROR_TOO_LONG,
                           _("<stdin>:%" PRIu64 ": line longer than %d bytes"),
                           ev->line_no, ONLOOP_LOG_MAX_LINE_LENGTH);
              return FALSE;
            }
          if (!evaluate_line (ev, buf + start, line_len, error))
            {
              write_all (ev->out->str, ev->out->len);
              fflush (stdout);
              return FALSE;
            }
          start = (nl - buf) + (nl < buf + len ? 1 : 0);
          if (start >= len)
            break;
        }

      memmove (buf, buf + start, len - start);
      len -= start;
    }

  if (ev->out->len > 0)
    {
      write_all (ev->out->str, ev->out->len);
      g_string_truncate (ev->out, 0);
    }
  fflush (stdout);
  return TRUE;
}

int
onloop_cli_evaluate (OnloopCliGlobals *globals,
                     int               argc,
                     char            **argv)
{
  g_autofree char *spec_path = NULL;
  g_autoptr(OnloopSpec) spec = NULL;
  g_autoptr(GError) error = NULL;
  Evaluate ev = { 0 };
  gboolean ok;
  const GOptionEntry entries[] = {
    { "spec", 0, 0, G_OPTION_ARG_FILENAME, &spec_path, N_("The spec to evaluate against (JSON)"), N_("FILE") },
    { NULL }
  };

  if (!onloop_cli_parse ("evaluate", "", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc != 1)
    return onloop_cli_usage_error ("evaluate", _("unexpected argument “%s”"), argv[1]);
  if (spec_path == NULL)
    return onloop_cli_usage_error ("evaluate", _("needs --spec FILE"));

  spec = onloop_spec_load_file (spec_path, &error);
  if (spec == NULL)
    return onloop_cli_fail (error);

  ev.history = onloop_first_time_history_new ();
  if (globals->db_path != NULL)
    {
      g_autoptr(OnloopStore) store = onloop_cli_open_store (globals, FALSE, &error);

      if (store == NULL || !onloop_first_time_history_add_store (ev.history, store, &error))
        {
          onloop_first_time_history_free (ev.history);
          return onloop_cli_fail (error);
        }
    }

  ev.parser = onloop_log_parser_new ();
  ev.evaluator = onloop_evaluator_new (spec, NULL);
  ev.out = g_string_sized_new (64 * 1024);

  ok = evaluate_stream (&ev, &error);

  onloop_event_clear (&ev.event);
  g_string_free (ev.out, TRUE);
  onloop_evaluator_free (ev.evaluator);
  onloop_log_parser_free (ev.parser);
  onloop_first_time_history_free (ev.history);

  return ok ? ONLOOP_CLI_OK : onloop_cli_fail (error);
}

/* ---- metrics ------------------------------------------------------------- */

static gboolean
parse_format (const char *command,
              const char *format,
              gboolean   *json)
{
  if (format == NULL || g_str_equal (format, "json"))
    *json = TRUE;
  else if (g_str_equal (format, "table"))
    *json = FALSE;
  else
    {
      onloop_cli_usage_error (command, _("--format must be json or table, not “%s”"), format);
      return FALSE;
    }
  return TRUE;
}

static void
append_week_json (GString                 *out,
                  const OnloopWeekMetrics *m)
{
  g_autofree char *week = onloop_week_format (m->week);
  gboolean first = TRUE;

  g_string_append (out, "{\"week\": ");
  append_json_string (out, week);
  g_string_append_printf (out, ", \"events\": %u, \"escalated\": %u, \"exception_rate\": ", m->events, m->escalated);
  append_number (out, m->exception_rate);
  g_string_append_printf (out, ", \"interventions\": %u, \"overrides\": %u, \"override_rate\": ",
                          m->interventions, m->overrides);
  append_number (out, m->override_rate);
  g_string_append_printf (out, ", \"autonomous\": %u, \"false_negatives\": %u, \"false_negative_rate\": ",
                          m->autonomous, m->false_negatives);
  append_number (out, m->false_negative_rate);
  g_string_append_printf (out, ", \"drift\": %u, \"hours\": {", m->drift);
  for (guint h = 0; h < ONLOOP_N_HOURS; h++)
    {
      g_string_append_printf (out, "%s\"%s\": ", h > 0 ? ", " : "", onloop_hours_to_string (h));
      append_number (out, m->hours[h]);
    }
  g_string_append (out, "}, \"judgment_share\": ");
  append_number (out, m->judgment_share);
  g_string_append (out, ", \"verdicts\": [");
  for (guint v = 0; v < ONLOOP_N_VERDICTS; v++)
    if (m->verdicts & (1u << v))
      {
        g_string_append_printf (out, "%s\"%s\"", first ? "" : ", ", onloop_verdict_id (1u << v));
        first = FALSE;
      }
  g_string_append (out, "]}");
}

static char *
percent (double rate)
{
  return isnan (rate) ? g_strdup ("—") : g_strdup_printf ("%.1f %%", rate * 100.0);
}

static void
append_weeks_table (GString                 *out,
                    const OnloopWeekMetrics *weeks,
                    guint                    n)
{
  g_string_append_printf (out, "%-9s %7s %9s %9s %9s %6s %6s %6s %8s  %s\n",
                          _("Week"), _("Events"), _("Escalated"), _("Exception"), _("Override"),
                          _("Missed"), _("Drift"), _("Hours"), _("Judgment"), _("Diagnosis"));
  for (guint i = 0; i < n; i++)
    {
      const OnloopWeekMetrics *m = &weeks[i];
      g_autofree char *week = onloop_week_format (m->week);
      g_autofree char *rate = percent (m->exception_rate);
      g_autofree char *override = percent (m->override_rate);
      g_autofree char *share = percent (m->judgment_share);
      g_autoptr(GString) diagnosis = g_string_new (NULL);

      for (guint v = 0; v < ONLOOP_N_VERDICTS; v++)
        if (m->verdicts & (1u << v))
          {
            if (diagnosis->len > 0)
              g_string_append (diagnosis, "; ");
            g_string_append (diagnosis, onloop_verdict_message (1u << v));
          }
      if (m->events == 0)
        g_string_append (diagnosis, _("no events"));

      g_string_append_printf (out, "%-9s %7u %9u %9s %9s %6u %6u %6.1f %8s  %s\n",
                              week, m->events, m->escalated, rate, override, m->false_negatives,
                              m->drift, m->hours_total, share, diagnosis->str);
    }
}

/* The trigger gaps of the range: each autonomous event with a quality
 * issue, with its decision and action (loads the log). */
static gboolean
append_gaps (GString      *out,
             OnloopStore  *store,
             OnloopRange   range,
             GError      **error)
{
  g_autoptr(OnloopEngine) engine = NULL;
  g_autoptr(GArray) misses = NULL;
  OnloopLog *log;

  if (!onloop_engine_refresh (store, &engine, NULL, error))
    return FALSE;
  misses = onloop_engine_false_negatives (engine, range);
  log = onloop_engine_get_log (engine);

  g_string_append_printf (out, "\n%s\n", misses->len == 0
                          ? _("No trigger gaps: no autonomous event had a quality issue.")
                          : _("Trigger gaps — autonomous events with a quality issue:"));
  for (guint i = 0; i < misses->len; i++)
    {
      guint index = g_array_index (misses, guint, i);
      g_autofree char *week = onloop_week_format (log->week[index]);
      g_autofree char *json = onloop_engine_event_json (engine, store, index, error);
      g_autoptr(JsonNode) node = NULL;

      if (json == NULL)
        return FALSE;
      node = json_from_string (json, NULL);
      g_string_append_printf (out, "  %s  %-24s %-28s %s\n", week,
                              node != NULL ? json_object_get_string_member (json_node_get_object (node), "id") : "?",
                              (const char *) g_ptr_array_index (log->decisions, log->decision[index]),
                              (const char *) g_ptr_array_index (log->actions, log->action[index]));
    }
  return TRUE;
}

int
onloop_cli_metrics (OnloopCliGlobals *globals,
                    int               argc,
                    char            **argv)
{
  g_autofree char *from = NULL, *to = NULL, *format = NULL;
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  OnloopRange range;
  gboolean json, gaps = FALSE;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (2026-11-02) or time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day, included, or time"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json (default) or table"), N_("FORMAT") },
    { "gaps", 0, 0, G_OPTION_ARG_NONE, &gaps, N_("With the table, list the false negatives (trigger gaps)"), NULL },
    { NULL }
  };

  if (!onloop_cli_parse ("metrics", "", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc != 1)
    return onloop_cli_usage_error ("metrics", _("unexpected argument “%s”"), argv[1]);
  if (!parse_format ("metrics", format, &json))
    return ONLOOP_CLI_USAGE;
  if (gaps && json)
    return onloop_cli_usage_error ("metrics", _("--gaps needs --format table"));
  if (!onloop_range_parse (from, to, &range, &error))
    return onloop_cli_usage_error ("metrics", "%s", error->message);

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);

  weeks = onloop_engine_read_metrics (store, range, NULL, &error);
  if (weeks == NULL)
    return onloop_cli_fail (error);

  if (json)
    {
      g_string_append (out, "{\"weeks\": [");
      for (guint i = 0; i < weeks->len; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_week_json (out, &g_array_index (weeks, OnloopWeekMetrics, i));
        }
      g_string_append (out, "]}\n");
    }
  else if (weeks->len == 0)
    g_string_append_printf (out, "%s\n", _("No events and no time entries in this range."));
  else
    {
      OnloopThresholds thresholds;
      OnloopWeekMetrics sum;

      onloop_thresholds_load (&thresholds, store);
      append_weeks_table (out, (OnloopWeekMetrics *) (gpointer) weeks->data, weeks->len);
      onloop_week_metrics_sum ((OnloopWeekMetrics *) (gpointer) weeks->data, weeks->len, &thresholds, &sum);
      {
        g_autofree char *rate = percent (sum.exception_rate);
        g_autofree char *override = percent (sum.override_rate);

        g_string_append_printf (out, "\n%s %u %s, %u %s (%s), %s %s, %u %s, %u %s.\n",
                                _("All weeks:"), sum.events, _("events"), sum.escalated, _("escalated"), rate,
                                _("override rate"), override, sum.false_negatives, _("missed (false negatives)"),
                                sum.drift, _("drift"));
        g_string_append_printf (out, "%s %.0f–%.0f %%.\n", _("Target exception rate:"),
                                thresholds.target_low * 100, thresholds.target_high * 100);
      }
      if (gaps && !append_gaps (out, store, range, &error))
        return onloop_cli_fail (error);
    }

  write_all (out->str, out->len);
  return ONLOOP_CLI_OK;
}

/* ---- calibrate ------------------------------------------------------------ */

int
onloop_cli_calibrate (OnloopCliGlobals *globals,
                      int               argc,
                      char            **argv)
{
  g_autofree char *trigger = NULL, *target_text = NULL, *from = NULL, *to = NULL, *format = NULL;
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(OnloopSpec) draft = NULL;
  g_autoptr(OnloopLog) log = NULL;
  g_autoptr(OnloopCalibration) calibration = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean curve = FALSE, json;
  OnloopCalibrationPoint best;
  OnloopRange range;
  double target;
  char *end = NULL;
  const GOptionEntry entries[] = {
    { "trigger", 0, 0, G_OPTION_ARG_STRING, &trigger, N_("The trigger to calibrate"), N_("ID") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target_text, N_("Exception rate to aim at, 0–1"), N_("RATE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (2026-11-02) or time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day, included, or time"), N_("DATE") },
    { "curve", 0, 0, G_OPTION_ARG_NONE, &curve, N_("Also give the rate at every distinct cut"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json (default) or table"), N_("FORMAT") },
    { NULL }
  };

  if (!onloop_cli_parse ("calibrate", "", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc != 1)
    return onloop_cli_usage_error ("calibrate", _("unexpected argument “%s”"), argv[1]);
  if (trigger == NULL || target_text == NULL)
    return onloop_cli_usage_error ("calibrate", _("needs --trigger ID and --target RATE"));
  target = g_ascii_strtod (target_text, &end);
  if (end == target_text || *end != '\0' || !(target >= 0 && target <= 1))
    return onloop_cli_usage_error ("calibrate", _("--target must be a rate between 0 and 1, not “%s”"),
                                   target_text);
  if (!parse_format ("calibrate", format, &json))
    return ONLOOP_CLI_USAGE;
  if (!onloop_range_parse (from, to, &range, &error))
    return onloop_cli_usage_error ("calibrate", "%s", error->message);

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);
  draft = onloop_store_load_draft (store, &error);
  if (draft == NULL)
    return onloop_cli_fail (error);
  if (onloop_spec_find_trigger (draft, trigger) == NULL)
    {
      g_printerr (_("onloop-cli: the draft has no trigger “%s”\n"), trigger);
      return ONLOOP_CLI_BAD_INPUT;
    }
  log = onloop_log_load (store, NULL, &error);
  if (log == NULL)
    return onloop_cli_fail (error);
  calibration = onloop_calibration_new (log, draft, trigger, range, NULL, &error);
  if (calibration == NULL)
    return onloop_cli_fail (error);

  onloop_calibration_best (calibration, target, &best);

  if (json)
    {
      g_string_append (out, "{\"trigger\": ");
      append_json_string (out, trigger);
      g_string_append (out, ", \"threshold\": ");
      append_number (out, best.threshold);
      g_string_append (out, ", \"exception_rate\": ");
      append_number (out, best.exception_rate);
      if (curve)
        {
          g_autoptr(GArray) points = onloop_calibration_curve (calibration);

          g_string_append (out, ", \"curve\": [");
          for (guint i = 0; i < points->len; i++)
            {
              OnloopCalibrationPoint *p = &g_array_index (points, OnloopCalibrationPoint, i);

              g_string_append (out, i > 0 ? ", {\"threshold\": " : "{\"threshold\": ");
              append_number (out, p->threshold);
              g_string_append (out, ", \"exception_rate\": ");
              append_number (out, p->exception_rate);
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, "}\n");
    }
  else
    {
      const char *parameter = onloop_calibration_get_parameter (calibration);
      guint n = onloop_calibration_get_n_events (calibration);

      g_string_append_printf (out, _("Trigger %s (%s), %u events in range, %u escalated by the other rules.\n"),
                              trigger, parameter, n, onloop_calibration_get_n_base (calibration));
      {
        g_autoptr(GString) now = g_string_new (NULL);
        g_autoptr(GString) then = g_string_new (NULL);
        double current = onloop_calibration_get_current (calibration);

        append_number (now, current);
        append_number (then, best.threshold);
        g_string_append_printf (out, _("Now:       %s = %s → %.2f %% escalated\n"), parameter, now->str,
                                100.0 * onloop_calibration_rate_at (calibration, current));
        g_string_append_printf (out, _("Closest to %.2f %%: %s = %s → %.2f %% escalated (%u of %u)\n"),
                                target * 100, parameter, then->str, best.exception_rate * 100, best.escalated, n);
      }
      if (curve)
        {
          g_autoptr(GArray) points = onloop_calibration_curve (calibration);

          g_string_append_printf (out, "\n%16s %12s %10s\n", parameter, _("escalated"), _("rate"));
          for (guint i = 0; i < points->len; i++)
            {
              OnloopCalibrationPoint *p = &g_array_index (points, OnloopCalibrationPoint, i);
              g_autoptr(GString) value = g_string_new (NULL);

              append_number (value, p->threshold);
              g_string_append_printf (out, "%16s %12u %9.2f%%\n", value->str, p->escalated, p->exception_rate * 100);
            }
        }
    }

  write_all (out->str, out->len);
  return ONLOOP_CLI_OK;
}

/* ---- sample ------------------------------------------------------------- */

int
onloop_cli_sample (OnloopCliGlobals *globals,
                   int               argc,
                   char            **argv)
{
  g_autofree char *from = NULL, *to = NULL, *seed_text = NULL;
  g_autoptr(OnloopStore) store = NULL;
  g_autoptr(OnloopEngine) engine = NULL;
  g_autoptr(GArray) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  OnloopRange range;
  guint64 seed;
  int size = -1;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT, &size, N_("How many events to draw"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("The seed: the same seed draws the same events"), N_("S") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (2026-11-02) or time"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day, included, or time"), N_("DATE") },
    { NULL }
  };

  if (!onloop_cli_parse ("sample", "", entries, &argc, &argv))
    return ONLOOP_CLI_USAGE;
  if (argc != 1)
    return onloop_cli_usage_error ("sample", _("unexpected argument “%s”"), argv[1]);
  if (size < 0 || seed_text == NULL)
    return onloop_cli_usage_error ("sample", _("needs --size N (0 or more) and --seed S"));
  if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    return onloop_cli_usage_error ("sample", _("--seed must be a whole number ≥ 0, not “%s”"), seed_text);
  if (!onloop_range_parse (from, to, &range, &error))
    return onloop_cli_usage_error ("sample", "%s", error->message);

  store = onloop_cli_open_store (globals, FALSE, &error);
  if (store == NULL)
    return onloop_cli_fail (error);
  if (!onloop_engine_refresh (store, &engine, NULL, &error))
    return onloop_cli_fail (error);

  sample = onloop_engine_sample (engine, (guint) size, seed, range);
  for (guint i = 0; i < sample->len; i++)
    {
      g_autofree char *json = onloop_engine_event_json (engine, store, g_array_index (sample, guint, i), &error);

      if (json == NULL)
        return onloop_cli_fail (error);
      g_string_append (out, json);
      g_string_append_c (out, '\n');
    }

  write_all (out->str, out->len);
  return ONLOOP_CLI_OK;
}
