/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-xml"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-xml.h"

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

gboolean
qg_xml_is_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* In valid UTF-8, the characters XML 1.0 does not allow are the control
 * characters but tab, line feed and carriage return, of one byte, and
 * U+FFFE and U+FFFF (EF BF BE, EF BF BF): surrogates and what lies beyond
 * U+10FFFF are not UTF-8. The length of the one at @p, or 0. */
static guint
forbidden_at (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] < 0x20)
    return u[0] == '\t' || u[0] == '\n' || u[0] == '\r' ? 0 : 1;
  if (u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF))
    return 3;
  return 0;
}

char *
qg_xml_safe (const char *text)
{
  GString *out = NULL;
  const char *kept = text;
  const char *p;

  for (p = text; *p; p++)
    {
      guint n = forbidden_at (p);

      if (n == 0)
        continue;
      if (out == NULL)
        out = g_string_sized_new (strlen (text) + 8);
      g_string_append_len (out, kept, p - kept);
      g_string_append (out, REPLACEMENT_CHARACTER);
      p += n - 1;
      kept = p + 1;
    }
  if (out == NULL)
    return g_strdup (text);
  g_string_append_len (out, kept, p - kept);
  return g_string_free (out, FALSE);
}

/* Says what is wrong at @at in @data as GMarkup would, by line and
 * character. */
static gboolean
fail_at (const char  *data,
         const char  *at,
         int          code,
         const char  *what,
         GError     **error)
{
  const char *line_start = data;
  guint line = 1;

  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      line++, line_start = p + 1;
  /* Translators: as GLib says it: "Error on line 3 char 7: U+FFFF is not
   * a character of XML" */
  g_set_error (error, G_MARKUP_ERROR, code, _("Error on line %u char %ld: %s"), line,
               g_utf8_strlen (line_start, at - line_start) + 1, what);
  return FALSE;
}

/* The character a reference at @p ("&#…;") stands for, or -1 if it is
 * not one: GMarkup judges those. */
static gint64
referenced (const char *p,
            const char *end)
{
  gboolean hex = p + 2 < end && p[2] == 'x';
  const char *q = p + (hex ? 3 : 2);
  const char *digits = q;
  gint64 value = 0;

  while (q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)) && value <= 0x10FFFF)
    value = value * (hex ? 16 : 10) + g_ascii_xdigit_value (*q++);
  if (q == digits || q == end || (*q != ';' && value <= 0x10FFFF))
    return -1;
  return value;
}

gboolean
qg_xml_check (const char  *data,
              gsize        length,
              GError     **error)
{
  static const GMarkupParser nothing = { NULL, NULL, NULL, NULL, NULL };
  const char *end = data + length;
  const char *invalid;
  g_autoptr(GMarkupParseContext) context = NULL;

  if (!g_utf8_validate (data, length, &invalid))
    return fail_at (data, invalid, G_MARKUP_ERROR_BAD_UTF8, _("the text is not UTF-8"), error);

  for (const char *p = data; p < end; p++)
    {
      gint64 c = -1;

      if (forbidden_at (p))
        c = g_utf8_get_char (p);
      else if (*p == '&' && p + 1 < end && p[1] == '#')
        {
          c = referenced (p, end);
          if (c >= 0 && c <= G_MAXUINT32 && qg_xml_is_char ((gunichar) c))
            c = -1;
        }
      if (c >= 0)
        {
          /* The code point apart: a macro in a message would cut it short
           * for the translators. */
          g_autofree char *code = g_strdup_printf ("U+%04" G_GINT64_MODIFIER "X", c);
          /* Translators: %s is a code point, "U+0001". */
          g_autofree char *what = g_strdup_printf (_("%s is not a character of XML"), code);

          return fail_at (data, p, G_MARKUP_ERROR_INVALID_CONTENT, what, error);
        }
    }

  context = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
  return g_markup_parse_context_parse (context, data, length, error)
         && g_markup_parse_context_end_parse (context, error);
}
