/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-label"

#include "config.h"

#include <string.h>

#include "qg-label.h"

/* Breaks long names at the spaces nearest to equal parts, so that nodes stay
 * compact and no line is left with a lone word. */
static char *
wrap (const char *text,
      glong       columns)
{
  glong length = g_utf8_strlen (text, -1);
  glong lines = (length + columns - 1) / columns;
  g_autoptr(GArray) spaces = NULL;
  GString *out;
  glong previous = -1;
  guint next_break = 0;
  glong column = 0;

  if (lines <= 1 || strchr (text, '\n') != NULL)
    return g_strdup (text);

  spaces = g_array_new (FALSE, FALSE, sizeof (glong));
  for (const char *p = text; *p; p = g_utf8_next_char (p), column++)
    if (*p == ' ')
      g_array_append_val (spaces, column);

  /* For each break, the space nearest its ideal place after the last break. */
  {
    g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (glong));

    for (glong k = 1; k < lines; k++)
      {
        glong ideal = k * length / lines;
        glong best = -1;

        for (guint i = 0; i < spaces->len; i++)
          {
            glong at = g_array_index (spaces, glong, i);
            if (at > previous && (best < 0 || ABS (at - ideal) < ABS (best - ideal)))
              best = at;
          }
        if (best < 0)
          break;
        g_array_append_val (breaks, best);
        previous = best;
      }

    out = g_string_new (NULL);
    column = 0;
    for (const char *p = text; *p; p = g_utf8_next_char (p), column++)
      {
        if (next_break < breaks->len && column == g_array_index (breaks, glong, next_break))
          {
            g_string_append_c (out, '\n');
            next_break++;
            continue;
          }
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      }
  }
  return g_string_free (out, FALSE);
}

/* Whether a cut just before @p (not a string's first character) would
 * part a character from what belongs to it: a combining accent, a joiner,
 * an emoji's skin tone, or what a zero-width joiner joins. */
static gboolean
cut_would_part (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  gunichar before = g_utf8_get_char (g_utf8_prev_char (p));

  return g_unichar_ismark (c) || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF)
         || before == 0x200D;
}

/* What was kept of a string, white space at its end dropped, and "…". */
static char *
ellipsize_at (const char *text,
              const char *end)
{
  GString *out;

  while (end > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  out = g_string_new_len (text, end - text);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* @text in at most @max characters, "…" included, cut between two
 * characters. */
static char *
cut_chars (const char *text,
           glong       max)
{
  const char *p = text;
  const char *cut;
  glong n = 0;

  while (*p && n < max)
    p = g_utf8_next_char (p), n++;
  if (*p == '\0')
    return g_strdup (text);

  /* Room for the ellipsis, and no accent torn from its letter. */
  cut = g_utf8_prev_char (p);
  while (cut > text && cut_would_part (cut))
    cut = g_utf8_prev_char (cut);
  if (cut == text)
    cut = g_utf8_prev_char (p);
  return ellipsize_at (text, cut);
}

/* @text in at most QG_LABEL_MAX_LINES lines. */
static char *
cut_lines (const char *text)
{
  const char *p = text;

  for (guint n = 0; (p = strchr (p, '\n')) != NULL; p++)
    if (++n == QG_LABEL_MAX_LINES)
      return ellipsize_at (text, p);
  return g_strdup (text);
}

char *
qg_label_fit (const char *text,
              glong       columns)
{
  /* Cutting first keeps the wrapping, which looks for a space per line,
   * quick. */
  g_autofree char *cut = cut_chars (text, QG_LABEL_MAX_CHARS);
  g_autofree char *wrapped = columns > 0 ? wrap (cut, columns) : NULL;

  return cut_lines (wrapped ? wrapped : cut);
}

char *
qg_label_fit_legend (const char *text)
{
  g_autofree char *line = g_strdup (text);

  g_strdelimit (line, "\n\r\t", ' ');
  return cut_chars (line, QG_LEGEND_MAX_CHARS);
}
