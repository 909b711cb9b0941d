/* onloop-time.c: timestamps and ISO weeks, all in UTC
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "onloop-time.h"

/* Days from 1970-01-01 to @year-@month-@day (proleptic Gregorian). */
static gint64
days_from_civil (gint64 year,
                 guint  month,
                 guint  day)
{
  gint64 era;
  guint yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = (guint) (year - era * 400);
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *year,
                 guint  *month,
                 guint  *day)
{
  gint64 era, y;
  guint doe, yoe, doy, mp;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = (guint) (days - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = (gint64) yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (int) (y + (*month <= 2));
}

static gboolean
digits (const char *p,
        guint       n,
        guint      *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      *value = *value * 10 + (p[i] - '0');
    }
  return TRUE;
}

static guint
days_in_month (guint year,
               guint month)
{
  static const guint days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

gboolean
onloop_time_parse_rfc3339 (const char *text,
                           gsize       len,
                           gint64     *usec)
{
  guint year, month, day, hour, minute, second;
  gint64 fraction = 0;
  gint64 offset = 0;
  gsize i;

  /* YYYY-MM-DDTHH:MM:SS */
  if (len < 20 ||
      !digits (text, 4, &year) || text[4] != '-' ||
      !digits (text + 5, 2, &month) || text[7] != '-' ||
      !digits (text + 8, 2, &day) ||
      (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !digits (text + 11, 2, &hour) || text[13] != ':' ||
      !digits (text + 14, 2, &minute) || text[16] != ':' ||
      !digits (text + 17, 2, &second))
    return FALSE;

  if (month < 1 || month > 12 || day < 1 || day > days_in_month (year, month) ||
      hour > 23 || minute > 59 || second > 60)
    return FALSE;

  i = 19;
  if (text[i] == '.')
    {
      gint64 scale = 100000;
      gsize start = ++i;

      while (i < len && g_ascii_isdigit (text[i]))
        {
          fraction += (text[i] - '0') * scale;
          scale /= 10;
          i++;
        }
      if (i == start)
        return FALSE;
    }

  if (i < len && (text[i] == 'Z' || text[i] == 'z'))
    i++;
  else if (i + 6 == len && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':')
    {
      guint oh, om;

      if (!digits (text + i + 1, 2, &oh) || !digits (text + i + 4, 2, &om) || oh > 23 || om > 59)
        return FALSE;
      offset = ((gint64) oh * 3600 + om * 60) * (text[i] == '+' ? 1 : -1);
      i += 6;
    }
  else
    return FALSE;

  if (i != len)
    return FALSE;

  /* A leap second is folded into the next second. */
  *usec = ((days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second)
           - offset) * G_USEC_PER_SEC + fraction;
  return TRUE;
}

char *
onloop_time_format_rfc3339 (gint64 usec)
{
  gint64 secs = usec >= 0 ? usec / G_USEC_PER_SEC : -((-usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  gint64 frac = usec - secs * G_USEC_PER_SEC;
  gint64 days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  gint64 rem = secs - days * 86400;
  guint month, day;
  int year;

  civil_from_days (days, &year, &month, &day);
  if (frac != 0)
    return g_strdup_printf ("%04d-%02u-%02uT%02d:%02d:%02d.%06" G_GINT64_FORMAT "Z",
                            year, month, day, (int) (rem / 3600), (int) (rem / 60 % 60),
                            (int) (rem % 60), frac);
  return g_strdup_printf ("%04d-%02u-%02uT%02d:%02d:%02dZ", year, month, day,
                          (int) (rem / 3600), (int) (rem / 60 % 60), (int) (rem % 60));
}

gboolean
onloop_time_parse_date (const char *text,
                        gint64     *usec)
{
  guint year, month, day;
  gsize len = strlen (text);

  if (len == 10 && digits (text, 4, &year) && text[4] == '-' && digits (text + 5, 2, &month) &&
      text[7] == '-' && digits (text + 8, 2, &day))
    {
      if (month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
        return FALSE;
      *usec = days_from_civil (year, month, day) * 86400 * G_USEC_PER_SEC;
      return TRUE;
    }

  return onloop_time_parse_rfc3339 (text, len, usec);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Monday of ISO week 1 of @year: the week with the year's first Thursday. */
static gint64
iso_year_start_days (int year)
{
  gint64 jan4 = days_from_civil (year, 1, 4);
  /* 1970-01-01 was a Thursday: weekday 0 = Monday. */
  gint64 weekday = ((jan4 + 3) % 7 + 7) % 7;

  return jan4 - weekday;
}

OnloopWeek
onloop_week_from_usec (gint64 usec)
{
  gint64 days = floor_div (usec, G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC);
  gint64 monday = days - (((days + 3) % 7 + 7) % 7);
  gint64 thursday = monday + 3;
  guint month, day;
  int year;

  /* The ISO year is the calendar year of the week's Thursday. */
  civil_from_days (thursday, &year, &month, &day);
  return year * 100 + (int) ((monday - iso_year_start_days (year)) / 7) + 1;
}

gint64
onloop_week_start_usec (OnloopWeek week)
{
  int year = week / 100;
  int number = week % 100;

  return (iso_year_start_days (year) + (gint64) (number - 1) * 7) * 86400 * G_USEC_PER_SEC;
}

OnloopWeek
onloop_week_next (OnloopWeek week)
{
  return onloop_week_from_usec (onloop_week_start_usec (week) + ONLOOP_USEC_PER_WEEK);
}

char *
onloop_week_format (OnloopWeek week)
{
  return g_strdup_printf ("%04d-W%02d", week / 100, week % 100);
}

gboolean
onloop_week_parse (const char *text,
                   OnloopWeek *week)
{
  guint year, number;
  OnloopWeek candidate;

  if (text == NULL || strlen (text) != 8 || !digits (text, 4, &year) || text[4] != '-' ||
      text[5] != 'W' || !digits (text + 6, 2, &number) || number < 1 || number > 53)
    return FALSE;

  candidate = year * 100 + number;
  /* Week 53 exists only in some years. */
  if (onloop_week_from_usec (onloop_week_start_usec (candidate)) != candidate)
    return FALSE;

  *week = candidate;
  return TRUE;
}
