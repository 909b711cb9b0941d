/* onloop-log-parser.c: one line of the decision log → an OnloopEvent (PRODUCT.md §2)
 *
 * Copyright 2026 The Onloop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A JSON parser written for this one shape of object. General JSON
 * libraries build a tree or call back per token and leave the checks of
 * types and ranges to a second pass; here the checks happen as the bytes
 * go by, strings are decoded straight into the caller's arena, and unknown
 * fields are validated and kept as the text they were written as. It is
 * strict JSON (RFC 8259): no NaN, no Infinity, no comments, no trailing
 * commas, UTF-8 only.
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "onloop-log-parser-private.h"
#include "onloop-time.h"

G_DEFINE_QUARK (onloop-log-error-quark, onloop_log_error)

struct _OnloopLogParser
{
  char    *arena;        /* for onloop_log_parser_parse() */
  gsize    arena_size;
  GString *tags_json;
  GString *extra;
  GString *context_extra;
  GString *outcome_extra;
  GString *number;
};

typedef struct
{
  OnloopLogParser *parser;
  const char      *line;
  const char      *p;
  const char      *end;
  char            *out;    /* arena cursor */
  GError         **error;
} Cursor;

/* Field bits, to find duplicates and missing required fields. */
enum
{
  SEEN_ID       = 1 << 0,
  SEEN_AT       = 1 << 1,
  SEEN_DECISION = 1 << 2,
  SEEN_ACTION   = 1 << 3,
  SEEN_CONTEXT  = 1 << 4,
  SEEN_OUTCOME  = 1 << 5,
};

static gboolean
fail (Cursor         *c,
      OnloopLogError  code,
      const char     *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Cursor         *c,
      OnloopLogError  code,
      const char     *format,
      ...)
{
  va_list args;

  if (c->error == NULL || *c->error != NULL)
    return FALSE;

  va_start (args, format);
  *c->error = g_error_new_valist (ONLOOP_LOG_ERROR, code, format, args);
  va_end (args);

  return FALSE;
}

static guint
column (Cursor *c)
{
  return (guint) (c->p - c->line) + 1;
}

static gboolean
fail_syntax (Cursor     *c,
             const char *expected)
{
  if (c->p >= c->end)
    return fail (c, ONLOOP_LOG_ERROR_SYNTAX,
                 _("invalid JSON: the line ends where %s was expected"), expected);

  return fail (c, ONLOOP_LOG_ERROR_SYNTAX,
               _("invalid JSON at column %u: expected %s"), column (c), expected);
}

static inline void
skip_ws (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n'))
    c->p++;
}

static inline gboolean
expect_char (Cursor     *c,
             char        ch,
             const char *expected)
{
  skip_ws (c);
  if (c->p < c->end && *c->p == ch)
    {
      c->p++;
      return TRUE;
    }
  return fail_syntax (c, _(expected));
}

/* The length of the valid UTF-8 sequence at @p (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or 0. */
static inline guint
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar b0 = p[0];
  gsize avail = end - p;

  if (b0 >= 0xC2 && b0 <= 0xDF)
    return avail >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;

  if (b0 >= 0xE0 && b0 <= 0xEF)
    {
      guchar lo = b0 == 0xE0 ? 0xA0 : 0x80;
      guchar hi = b0 == 0xED ? 0x9F : 0xBF;
      return avail >= 3 && p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }

  if (b0 >= 0xF0 && b0 <= 0xF4)
    {
      guchar lo = b0 == 0xF0 ? 0x90 : 0x80;
      guchar hi = b0 == 0xF4 ? 0x8F : 0xBF;
      return avail >= 4 && p[1] >= lo && p[1] <= hi &&
             (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80 ? 4 : 0;
    }

  return 0;
}

static gboolean
parse_hex4 (Cursor  *c,
            guint32 *value)
{
  *value = 0;
  if (c->end - c->p < 4)
    return fail (c, ONLOOP_LOG_ERROR_SYNTAX,
                 _("invalid JSON at column %u: a \\u escape needs four hex digits"), column (c));

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (c->p[i]);
      if (d < 0)
        return fail (c, ONLOOP_LOG_ERROR_SYNTAX,
                     _("invalid JSON at column %u: a \\u escape needs four hex digits"),
                     column (c));
      *value = *value * 16 + d;
    }
  c->p += 4;
  return TRUE;
}

static gboolean
parse_escape (Cursor  *c,
              char   **o)
{
  guint32 cp;
  char ch;

  /* c->p is on the backslash. */
  if (c->p + 1 >= c->end)
    {
      c->p++;
      return fail_syntax (c, _("an escape"));
    }

  ch = c->p[1];
  c->p += 2;
  switch (ch)
    {
    case '"': *(*o)++ = '"'; return TRUE;
    case '\\': *(*o)++ = '\\'; return TRUE;
    case '/': *(*o)++ = '/'; return TRUE;
    case 'b': *(*o)++ = '\b'; return TRUE;
    case 'f': *(*o)++ = '\f'; return TRUE;
    case 'n': *(*o)++ = '\n'; return TRUE;
    case 'r': *(*o)++ = '\r'; return TRUE;
    case 't': *(*o)++ = '\t'; return TRUE;
    case 'u':
      break;
    default:
      c->p -= 2;
      return fail (c, ONLOOP_LOG_ERROR_SYNTAX,
                   _("invalid JSON at column %u: unknown escape \\%c"), column (c),
                   g_ascii_isprint (ch) ? ch : '?');
    }

  if (!parse_hex4 (c, &cp))
    return FALSE;

  if (cp >= 0xD800 && cp <= 0xDBFF)
    {
      guint32 low;

      if (c->end - c->p < 6 || c->p[0] != '\\' || c->p[1] != 'u')
        return fail (c, ONLOOP_LOG_ERROR_ENCODING,
                     _("invalid text at column %u: a lone UTF-16 surrogate"), column (c));
      c->p += 2;
      if (!parse_hex4 (c, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return fail (c, ONLOOP_LOG_ERROR_ENCODING,
                     _("invalid text at column %u: a lone UTF-16 surrogate"), column (c));
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
  else if (cp >= 0xDC00 && cp <= 0xDFFF)
    return fail (c, ONLOOP_LOG_ERROR_ENCODING,
                 _("invalid text at column %u: a lone UTF-16 surrogate"), column (c));
  else if (cp == 0)
    return fail (c, ONLOOP_LOG_ERROR_ENCODING,
                 _("invalid text at column %u: a NUL character (\\u0000)"), column (c));

  *o += g_unichar_to_utf8 (cp, *o);
  return TRUE;
}

/* Parses the string at c->p. With @keep, decodes it into the arena as a
 * NUL-terminated string and sets @span; otherwise only checks it. */
static gboolean
parse_string (Cursor     *c,
              gboolean    keep,
              OnloopSpan *span)
{
  char scratch[8];
  char *o = c->out;

  if (c->p >= c->end || *c->p != '"')
    return fail_syntax (c, _("a string"));
  c->p++;

  for (;;)
    {
      const char *s = c->p;
      guchar ch;

      while (c->p < c->end)
        {
          ch = (guchar) *c->p;
          if (ch < 0x20 || ch == '"' || ch == '\\' || ch >= 0x80)
            break;
          c->p++;
        }
      if (keep)
        {
          memcpy (o, s, c->p - s);
          o += c->p - s;
        }

      if (c->p >= c->end)
        return fail (c, ONLOOP_LOG_ERROR_SYNTAX, _("invalid JSON: a string is not closed"));

      ch = (guchar) *c->p;
      if (ch == '"')
        {
          c->p++;
          break;
        }
      else if (ch == '\\')
        {
          char *target = keep ? o : scratch;
          char *before = target;
          if (!parse_escape (c, &target))
            return FALSE;
          if (keep)
            o += target - before;
        }
      else if (ch < 0x20)
        return fail (c, ONLOOP_LOG_ERROR_SYNTAX,
                     _("invalid JSON at column %u: a control character in a string"),
                     column (c));
      else
        {
          guint n = utf8_sequence ((const guchar *) c->p, (const guchar *) c->end);
          if (n == 0)
            return fail (c, ONLOOP_LOG_ERROR_ENCODING,
                         _("invalid UTF-8 at column %u"), column (c));
          if (keep)
            {
              memcpy (o, c->p, n);
              o += n;
            }
          c->p += n;
        }
    }

  if (keep)
    {
      *o = '\0';
      span->str = c->out;
      span->len = (guint32) (o - c->out);
      c->out = o + 1;
    }

  return TRUE;
}

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static gboolean
is_nan_or_infinity (Cursor *c)
{
  const char *p = c->p;
  gsize avail;

  if (p < c->end && (*p == '-' || *p == '+'))
    p++;
  avail = c->end - p;

  return (avail >= 3 && strncmp (p, "NaN", 3) == 0) ||
         (avail >= 3 && g_ascii_strncasecmp (p, "inf", 3) == 0) ||
         (avail >= 3 && strncmp (p, "nan", 3) == 0);
}

/* Checks the JSON number grammar at c->p; with @value, converts it
 * (correctly rounded: small numbers exactly, the rest with strtod). */
static gboolean
parse_number (Cursor     *c,
              const char *path,
              double     *value)
{
  const char *start = c->p;
  guint64 mantissa = 0;
  int n_digits = 0;
  int frac_digits = 0;
  int exponent = 0;
  gboolean exact = TRUE;
  gboolean negative = FALSE;

  if (is_nan_or_infinity (c))
    return fail (c, ONLOOP_LOG_ERROR_RANGE,
                 _("%s: NaN and Infinity are not numbers in JSON"), path);

  if (c->p < c->end && *c->p == '-')
    {
      negative = TRUE;
      c->p++;
    }

  if (c->p < c->end && *c->p == '0')
    c->p++;
  else if (c->p < c->end && *c->p >= '1' && *c->p <= '9')
    {
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        {
          if (n_digits < 19)
            mantissa = mantissa * 10 + (*c->p - '0');
          else
            exact = FALSE;
          n_digits++;
          c->p++;
        }
    }
  else
    return fail_syntax (c, _("a number"));

  if (c->p < c->end && *c->p == '.')
    {
      const char *digits = ++c->p;
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        {
          if (n_digits < 19)
            {
              mantissa = mantissa * 10 + (*c->p - '0');
              frac_digits++;
              if (mantissa != 0)
                n_digits++;
            }
          else
            exact = FALSE;
          c->p++;
        }
      if (c->p == digits)
        return fail_syntax (c, _("a digit after the decimal point"));
    }

  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      const char *digits;
      gboolean exp_negative = FALSE;

      c->p++;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        exp_negative = *c->p++ == '-';
      digits = c->p;
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        {
          if (exponent < 100000)
            exponent = exponent * 10 + (*c->p - '0');
          c->p++;
        }
      if (c->p == digits)
        return fail_syntax (c, _("a digit in the exponent"));
      if (exp_negative)
        exponent = -exponent;
    }

  if (value == NULL)
    return TRUE;

  exponent -= frac_digits;
  if (exact && mantissa <= (G_GUINT64_CONSTANT (1) << 53) && exponent >= -22 && exponent <= 22)
    {
      double v = (double) mantissa;
      v = exponent < 0 ? v / powers_of_ten[-exponent] : v * powers_of_ten[exponent];
      *value = negative ? -v : v;
    }
  else
    {
      GString *number = c->parser->number;

      g_string_truncate (number, 0);
      g_string_append_len (number, start, c->p - start);
      *value = g_ascii_strtod (number->str, NULL);
    }

  if (!isfinite (*value))
    return fail (c, ONLOOP_LOG_ERROR_RANGE, _("%s: the number is too large"), path);

  return TRUE;
}

static gboolean
parse_literal (Cursor     *c,
               const char *literal)
{
  gsize len = strlen (literal);

  if ((gsize) (c->end - c->p) >= len && memcmp (c->p, literal, len) == 0)
    {
      c->p += len;
      return TRUE;
    }
  return fail_syntax (c, _("a JSON value"));
}

/* Checks any JSON value (an unknown field's); @depth is the nesting of the
 * value itself. */
static gboolean
parse_any (Cursor     *c,
           const char *path,
           int         depth)
{
  skip_ws (c);
  if (c->p >= c->end)
    return fail_syntax (c, _("a JSON value"));

  switch (*c->p)
    {
    case '"':
      return parse_string (c, FALSE, NULL);

    case 't':
      return parse_literal (c, "true");

    case 'f':
      return parse_literal (c, "false");

    case 'n':
      return parse_literal (c, "null");

    case '{':
    case '[':
      {
        gboolean object = *c->p == '{';
        char close = object ? '}' : ']';

        if (depth > ONLOOP_LOG_MAX_DEPTH)
          return fail (c, ONLOOP_LOG_ERROR_TOO_DEEP,
                       _("invalid JSON at column %u: nested deeper than %d levels"),
                       column (c), ONLOOP_LOG_MAX_DEPTH);
        c->p++;
        skip_ws (c);
        if (c->p < c->end && *c->p == close)
          {
            c->p++;
            return TRUE;
          }

        for (;;)
          {
            if (object)
              {
                skip_ws (c);
                if (!parse_string (c, FALSE, NULL) ||
                    !expect_char (c, ':', N_("“:”")))
                  return FALSE;
              }
            if (!parse_any (c, path, depth + 1))
              return FALSE;
            skip_ws (c);
            if (c->p < c->end && *c->p == ',')
              c->p++;
            else if (c->p < c->end && *c->p == close)
              {
                c->p++;
                return TRUE;
              }
            else
              return fail_syntax (c, object ? _("“,” or “}”") : _("“,” or “]”"));
          }
      }

    default:
      if (*c->p == '-' || g_ascii_isdigit (*c->p) || is_nan_or_infinity (c))
        return parse_number (c, path, NULL);
      return fail_syntax (c, _("a JSON value"));
    }
}

/* What a known field must be, and the message that says so. */
typedef enum
{
  KIND_STRING,
  KIND_NUMBER,
  KIND_INTEGER,
  KIND_BOOL,
  KIND_TAGS,
} FieldKind;

typedef struct
{
  const char *name;
  const char *path;
  FieldKind   kind;
  double      min;
  double      max;
  const char *rule;    /* "must be …", untranslated until an error */
  guint       has;     /* OnloopEventHas bit, or 0 */
  gsize       offset;  /* of the value in OnloopEventView */
} FieldSpec;

#define VIEW_OFFSET(member) G_STRUCT_OFFSET (OnloopEventView, member)

static const FieldSpec context_fields[] = {
  { "deal_arr", "context.deal_arr", KIND_NUMBER, 0, G_MAXDOUBLE,
    N_("must be a number ≥ 0"), ONLOOP_EVENT_HAS_DEAL_ARR, VIEW_OFFSET (deal_arr) },
  { "sentiment", "context.sentiment", KIND_NUMBER, -1, 1,
    N_("must be a number between -1 and 1"), ONLOOP_EVENT_HAS_SENTIMENT, VIEW_OFFSET (sentiment) },
  { "industry", "context.industry", KIND_STRING, 0, 0,
    N_("must be a string"), 0, VIEW_OFFSET (industry) },
  { "persona", "context.persona", KIND_STRING, 0, 0,
    N_("must be a string"), 0, VIEW_OFFSET (persona) },
  { "objection", "context.objection", KIND_STRING, 0, 0,
    N_("must be a string"), 0, VIEW_OFFSET (objection) },
  { "engagement", "context.engagement", KIND_NUMBER, 0, 1,
    N_("must be a number between 0 and 1"), ONLOOP_EVENT_HAS_ENGAGEMENT, VIEW_OFFSET (engagement) },
  { "stage_progressed", "context.stage_progressed", KIND_BOOL, 0, 0,
    N_("must be true or false"), ONLOOP_EVENT_HAS_STAGE_PROGRESSED, VIEW_OFFSET (stage_progressed) },
  { "days_in_stage", "context.days_in_stage", KIND_INTEGER, 0, 9007199254740991.0,
    N_("must be a whole number ≥ 0"), ONLOOP_EVENT_HAS_DAYS_IN_STAGE, VIEW_OFFSET (days_in_stage) },
  { "tags", "context.tags", KIND_TAGS, 0, 0,
    N_("must be an array of strings"), ONLOOP_EVENT_HAS_TAGS, VIEW_OFFSET (tags_json) },
};

static const FieldSpec outcome_fields[] = {
  { "escalated", "outcome.escalated", KIND_BOOL, 0, 0,
    N_("must be true or false"), ONLOOP_EVENT_HAS_ESCALATED, VIEW_OFFSET (escalated) },
  { "reviewed", "outcome.reviewed", KIND_BOOL, 0, 0,
    N_("must be true or false"), 0, VIEW_OFFSET (reviewed) },
  { "overridden", "outcome.overridden", KIND_BOOL, 0, 0,
    N_("must be true or false"), 0, VIEW_OFFSET (overridden) },
  { "quality_issue", "outcome.quality_issue", KIND_BOOL, 0, 0,
    N_("must be true or false"), 0, VIEW_OFFSET (quality_issue) },
  { "review_minutes", "outcome.review_minutes", KIND_NUMBER, 0, G_MAXDOUBLE,
    N_("must be a number ≥ 0"), ONLOOP_EVENT_HAS_REVIEW_MINUTES, VIEW_OFFSET (review_minutes) },
};

static gboolean
fail_rule (Cursor          *c,
           OnloopLogError   code,
           const FieldSpec *field)
{
  return fail (c, code, "%s: %s", field->path, _(field->rule));
}

static gboolean
parse_tags (Cursor          *c,
            const FieldSpec *field,
            OnloopEventView *view)
{
  GString *json = c->parser->tags_json;
  const char *first_tag = c->out;
  guint32 n = 0;

  if (*c->p != '[')
    return fail_rule (c, ONLOOP_LOG_ERROR_TYPE, field);
  c->p++;

  g_string_truncate (json, 0);
  g_string_append_c (json, '[');

  skip_ws (c);
  if (c->p < c->end && *c->p == ']')
    c->p++;
  else
    for (;;)
      {
        const char *raw;
        OnloopSpan tag;

        skip_ws (c);
        raw = c->p;
        if (c->p < c->end && *c->p != '"')
          return fail_rule (c, ONLOOP_LOG_ERROR_TYPE, field);
        if (!parse_string (c, TRUE, &tag))
          return FALSE;
        if (n > 0)
          g_string_append_c (json, ',');
        g_string_append_len (json, raw, c->p - raw);
        n++;

        skip_ws (c);
        if (c->p < c->end && *c->p == ',')
          c->p++;
        else if (c->p < c->end && *c->p == ']')
          {
            c->p++;
            break;
          }
        else
          return fail_syntax (c, _("“,” or “]”"));
      }

  g_string_append_c (json, ']');
  view->tags = first_tag;
  view->n_tags = n;
  memcpy (c->out, json->str, json->len + 1);
  view->tags_json.str = c->out;
  view->tags_json.len = json->len;
  c->out += json->len + 1;
  return TRUE;
}

/* Parses the value of a known field into @view. null means absent. */
static gboolean
parse_field (Cursor          *c,
             const FieldSpec *field,
             OnloopEventView *view)
{
  guchar *base = (guchar *) view;
  char ch;

  skip_ws (c);
  if (c->p >= c->end)
    return fail_syntax (c, _("a JSON value"));

  ch = *c->p;
  if (ch == 'n' && !is_nan_or_infinity (c))
    return parse_literal (c, "null");

  switch (field->kind)
    {
    case KIND_STRING:
      if (ch != '"')
        return fail_rule (c, ONLOOP_LOG_ERROR_TYPE, field);
      return parse_string (c, TRUE, (OnloopSpan *) (base + field->offset));

    case KIND_BOOL:
      if (ch == 't' && parse_literal (c, "true"))
        *(gboolean *) (base + field->offset) = TRUE;
      else if (ch == 'f' && parse_literal (c, "false"))
        *(gboolean *) (base + field->offset) = FALSE;
      else
        return fail_rule (c, ONLOOP_LOG_ERROR_TYPE, field);
      break;

    case KIND_NUMBER:
    case KIND_INTEGER:
      {
        double value;

        if (!(ch == '-' || g_ascii_isdigit (ch) || is_nan_or_infinity (c)))
          return fail_rule (c, ONLOOP_LOG_ERROR_TYPE, field);
        if (!parse_number (c, field->path, &value))
          return FALSE;
        if (!(value >= field->min && value <= field->max))
          return fail_rule (c, ONLOOP_LOG_ERROR_RANGE, field);
        if (field->kind == KIND_INTEGER)
          {
            if (value != floor (value))
              return fail_rule (c, ONLOOP_LOG_ERROR_RANGE, field);
            *(gint64 *) (base + field->offset) = (gint64) value;
          }
        else
          *(double *) (base + field->offset) = value;
      }
      break;

    case KIND_TAGS:
      if (!parse_tags (c, field, view))
        return FALSE;
      break;

    default:
      g_assert_not_reached ();
    }

  view->has |= field->has;
  return TRUE;
}

static inline gboolean
key_is (const OnloopSpan *key,
        const char       *name)
{
  return key->str[0] == name[0] && strcmp (key->str, name) == 0;
}

/* Parses a member "key": value of an object whose known fields are
 * @fields; an unknown member's text goes to @unknown as written. */
static gboolean
parse_sub_object (Cursor          *c,
                  const char      *path,
                  const FieldSpec *fields,
                  guint            n_fields,
                  GString         *unknown,
                  OnloopEventView *view)
{
  guint seen = 0;

  g_string_truncate (unknown, 0);

  skip_ws (c);
  if (c->p < c->end && *c->p == 'n' && !is_nan_or_infinity (c))
    return parse_literal (c, "null");
  if (c->p >= c->end || *c->p != '{')
    return fail (c, ONLOOP_LOG_ERROR_TYPE, _("%s: must be an object"), path);
  c->p++;

  skip_ws (c);
  if (c->p < c->end && *c->p == '}')
    {
      c->p++;
      return TRUE;
    }

  for (;;)
    {
      const char *raw_key;
      const char *raw_key_end;
      char *mark = c->out;
      OnloopSpan key;
      guint i;

      skip_ws (c);
      raw_key = c->p;
      if (!parse_string (c, TRUE, &key))
        return FALSE;
      raw_key_end = c->p;
      if (!expect_char (c, ':', N_("“:”")))
        return FALSE;

      for (i = 0; i < n_fields; i++)
        if (key_is (&key, fields[i].name))
          break;
      c->out = mark;   /* the key is not kept */

      if (i < n_fields)
        {
          if (seen & (1u << i))
            return fail (c, ONLOOP_LOG_ERROR_DUPLICATE,
                         _("%s: the field appears twice"), fields[i].path);
          seen |= 1u << i;
          if (!parse_field (c, &fields[i], view))
            return FALSE;
        }
      else
        {
          const char *raw_value;
          char field_path[64];

          g_snprintf (field_path, sizeof field_path, "%s.%s", path, key.str);
          skip_ws (c);
          raw_value = c->p;
          if (!parse_any (c, field_path, 3))
            return FALSE;
          if (unknown->len > 0)
            g_string_append_c (unknown, ',');
          g_string_append_len (unknown, raw_key, raw_key_end - raw_key);
          g_string_append_c (unknown, ':');
          g_string_append_len (unknown, raw_value, c->p - raw_value);
        }

      skip_ws (c);
      if (c->p < c->end && *c->p == ',')
        c->p++;
      else if (c->p < c->end && *c->p == '}')
        {
          c->p++;
          return TRUE;
        }
      else
        return fail_syntax (c, _("“,” or “}”"));
    }
}

static gboolean
parse_required_string (Cursor     *c,
                       const char *name,
                       OnloopSpan *span)
{
  skip_ws (c);
  if (c->p >= c->end || *c->p != '"')
    {
      if (c->p >= c->end)
        return fail_syntax (c, _("a JSON value"));
      return fail (c, ONLOOP_LOG_ERROR_TYPE, _("%s: must be a non-empty string"), name);
    }
  if (!parse_string (c, TRUE, span))
    return FALSE;
  if (span->len == 0)
    return fail (c, ONLOOP_LOG_ERROR_MISSING, _("%s: must be a non-empty string"), name);
  return TRUE;
}

static gboolean
parse_at (Cursor          *c,
          OnloopEventView *view)
{
  skip_ws (c);
  if (c->p < c->end && *c->p != '"')
    return fail (c, ONLOOP_LOG_ERROR_TYPE,
                 _("at: must be a string with an RFC 3339 timestamp"));
  if (!parse_string (c, TRUE, &view->at_text))
    return FALSE;

  if (!onloop_time_parse_rfc3339 (view->at_text.str, view->at_text.len, &view->at_usec))
    {
      g_autofree char *shown = NULL;

      if (g_utf8_strlen (view->at_text.str, 41) > 40)
        {
          g_autofree char *cut = g_utf8_substring (view->at_text.str, 0, 40);
          shown = g_strconcat (cut, "…", NULL);
        }
      else
        shown = g_strdup (view->at_text.str);
      return fail (c, ONLOOP_LOG_ERROR_TIMESTAMP,
                   _("at: “%s” is not an RFC 3339 timestamp with Z or an offset (like 2026-11-02T09:00:00Z)"),
                   shown);
    }
  return TRUE;
}

static void
append_sub_extra (GString    *extra,
                  const char *name,
                  GString    *unknown)
{
  if (unknown->len == 0)
    return;
  g_string_append_c (extra, extra->len > 0 ? ',' : '{');
  g_string_append_printf (extra, "\"%s\":{", name);
  g_string_append_len (extra, unknown->str, unknown->len);
  g_string_append_c (extra, '}');
}

static gboolean
parse_member (Cursor          *c,
              guint           *seen,
              OnloopEventView *view)
{
  OnloopLogParser *self = c->parser;
  const char *raw_key;
  const char *raw_key_end;
  const char *raw_value;
  char *mark = c->out;
  OnloopSpan key;
  guint bit = 0;

  skip_ws (c);
  raw_key = c->p;
  if (!parse_string (c, TRUE, &key))
    return FALSE;
  raw_key_end = c->p;
  if (!expect_char (c, ':', N_("“:”")))
    return FALSE;

  if (key_is (&key, "id"))
    bit = SEEN_ID;
  else if (key_is (&key, "at"))
    bit = SEEN_AT;
  else if (key_is (&key, "decision"))
    bit = SEEN_DECISION;
  else if (key_is (&key, "action"))
    bit = SEEN_ACTION;
  else if (key_is (&key, "context"))
    bit = SEEN_CONTEXT;
  else if (key_is (&key, "outcome"))
    bit = SEEN_OUTCOME;
  c->out = mark;   /* the key is not kept */

  if (bit != 0 && (*seen & bit) != 0)
    return fail (c, ONLOOP_LOG_ERROR_DUPLICATE, _("%s: the field appears twice"), key.str);
  *seen |= bit;

  switch (bit)
    {
    case SEEN_ID:
      return parse_required_string (c, "id", &view->id);
    case SEEN_AT:
      return parse_at (c, view);
    case SEEN_DECISION:
      return parse_required_string (c, "decision", &view->decision);
    case SEEN_ACTION:
      return parse_required_string (c, "action", &view->action);
    case SEEN_CONTEXT:
      return parse_sub_object (c, "context", context_fields, G_N_ELEMENTS (context_fields),
                               self->context_extra, view);
    case SEEN_OUTCOME:
      return parse_sub_object (c, "outcome", outcome_fields, G_N_ELEMENTS (outcome_fields),
                               self->outcome_extra, view);
    default:
      break;
    }

  skip_ws (c);
  raw_value = c->p;
  if (!parse_any (c, key.str, 2))
    return FALSE;
  g_string_append_c (self->extra, self->extra->len > 0 ? ',' : '{');
  g_string_append_len (self->extra, raw_key, raw_key_end - raw_key);
  g_string_append_c (self->extra, ':');
  g_string_append_len (self->extra, raw_value, c->p - raw_value);
  return TRUE;
}

static gboolean
check_required (Cursor *c,
                guint   seen)
{
  static const struct { guint bit; const char *name; } required[] = {
    { SEEN_ID, "id" }, { SEEN_AT, "at" }, { SEEN_DECISION, "decision" }, { SEEN_ACTION, "action" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if ((seen & required[i].bit) == 0)
      return fail (c, ONLOOP_LOG_ERROR_MISSING,
                   _("%s: the required field is missing"), required[i].name);
  return TRUE;
}

gsize
onloop_log_parser_parse_view (OnloopLogParser *self,
                              const char      *line,
                              gsize            len,
                              OnloopEventView *view,
                              char            *arena,
                              GError         **error)
{
  Cursor c = { self, line, line, line + len, arena, error };
  guint seen = 0;

  memset (view, 0, sizeof *view);
  g_string_truncate (self->extra, 0);
  g_string_truncate (self->context_extra, 0);
  g_string_truncate (self->outcome_extra, 0);

  if (len > 0 && line[len - 1] == '\r')
    c.end--;

  if ((gsize) (c.end - c.p) > ONLOOP_LOG_MAX_LINE_LENGTH)
    {
      fail (&c, ONLOOP_LOG_ERROR_TOO_LONG, _("the line is longer than the limit of %u bytes"),
            (guint) ONLOOP_LOG_MAX_LINE_LENGTH);
      return 0;
    }

  skip_ws (&c);
  if (c.p >= c.end || *c.p != '{')
    {
      fail (&c, ONLOOP_LOG_ERROR_SYNTAX, _("a line must hold one JSON object"));
      return 0;
    }
  c.p++;

  skip_ws (&c);
  if (c.p < c.end && *c.p == '}')
    c.p++;
  else
    for (;;)
      {
        if (!parse_member (&c, &seen, view))
          return 0;
        skip_ws (&c);
        if (c.p < c.end && *c.p == ',')
          c.p++;
        else if (c.p < c.end && *c.p == '}')
          {
            c.p++;
            break;
          }
        else
          {
            fail_syntax (&c, _("“,” or “}”"));
            return 0;
          }
      }

  skip_ws (&c);
  if (c.p < c.end)
    {
      fail (&c, ONLOOP_LOG_ERROR_SYNTAX,
            _("invalid JSON at column %u: more text after the object"), column (&c));
      return 0;
    }

  if (!check_required (&c, seen))
    return 0;

  append_sub_extra (self->extra, "context", self->context_extra);
  append_sub_extra (self->extra, "outcome", self->outcome_extra);
  if (self->extra->len > 0)
    {
      g_string_append_c (self->extra, '}');
      memcpy (c.out, self->extra->str, self->extra->len + 1);
      view->extra.str = c.out;
      view->extra.len = self->extra->len;
      c.out += self->extra->len + 1;
    }

  return (gsize) (c.out - arena);
}

OnloopLogParser *
onloop_log_parser_new (void)
{
  OnloopLogParser *self = g_new0 (OnloopLogParser, 1);

  self->tags_json = g_string_new (NULL);
  self->extra = g_string_new (NULL);
  self->context_extra = g_string_new (NULL);
  self->outcome_extra = g_string_new (NULL);
  self->number = g_string_new (NULL);
  return self;
}

void
onloop_log_parser_free (OnloopLogParser *self)
{
  if (self == NULL)
    return;

  g_free (self->arena);
  g_string_free (self->tags_json, TRUE);
  g_string_free (self->extra, TRUE);
  g_string_free (self->context_extra, TRUE);
  g_string_free (self->outcome_extra, TRUE);
  g_string_free (self->number, TRUE);
  g_free (self);
}

static char *
span_dup (const OnloopSpan *span)
{
  return span->str != NULL ? g_strndup (span->str, span->len) : NULL;
}

gboolean
onloop_log_parser_parse (OnloopLogParser *self,
                         const char      *line,
                         gsize            len,
                         OnloopEvent     *event,
                         GError         **error)
{
  OnloopEventView view;
  gsize need;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (line != NULL || len == 0, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  onloop_event_clear (event);

  need = ONLOOP_LOG_ARENA_NEED (MIN (len, (gsize) ONLOOP_LOG_MAX_LINE_LENGTH + 1));
  if (self->arena_size < need)
    {
      g_free (self->arena);
      self->arena_size = MAX (need, 4096);
      self->arena = g_malloc (self->arena_size);
    }

  if (onloop_log_parser_parse_view (self, line, len, &view, self->arena, error) == 0)
    return FALSE;

  event->id = span_dup (&view.id);
  event->at_text = span_dup (&view.at_text);
  event->at_usec = view.at_usec;
  event->decision = span_dup (&view.decision);
  event->action = span_dup (&view.action);
  event->has = view.has;
  event->deal_arr = view.deal_arr;
  event->sentiment = view.sentiment;
  event->engagement = view.engagement;
  event->stage_progressed = view.stage_progressed;
  event->days_in_stage = view.days_in_stage;
  event->industry = span_dup (&view.industry);
  event->persona = span_dup (&view.persona);
  event->objection = span_dup (&view.objection);
  if (view.has & ONLOOP_EVENT_HAS_TAGS)
    {
      const char *tag = view.tags;

      event->tags = g_new (char *, view.n_tags + 1);
      for (guint32 i = 0; i < view.n_tags; i++)
        {
          gsize tag_len = strlen (tag);
          event->tags[i] = g_strndup (tag, tag_len);
          tag += tag_len + 1;
        }
      event->tags[view.n_tags] = NULL;
    }
  event->escalated = view.escalated;
  event->reviewed = view.reviewed;
  event->overridden = view.overridden;
  event->quality_issue = view.quality_issue;
  event->review_minutes = view.review_minutes;
  event->extra = span_dup (&view.extra);

  return TRUE;
}

gboolean
onloop_log_line_is_blank (const char *line,
                          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      return FALSE;
  return TRUE;
}

OnloopEvent *
onloop_event_parse (const char *line,
                    gsize       len,
                    GError    **error)
{
  g_autoptr(OnloopLogParser) parser = onloop_log_parser_new ();
  g_autoptr(OnloopEvent) event = g_new0 (OnloopEvent, 1);

  if (!onloop_log_parser_parse (parser, line, len, event, error))
    return NULL;

  return g_steal_pointer (&event);
}
