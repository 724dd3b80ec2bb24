/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-xml"

#include "config.h"

#include <string.h>

#include "qg-xml.h"

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

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
