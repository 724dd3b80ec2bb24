/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-json"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-json.h"

typedef struct
{
  const char *data;
  const char *p;
  const char *end;
  const char *line_start;
  guint       line;
  guint       depth;
  guint       max_depth;

  /* Set on the first error. */
  char       *message;
  const char *error_at;
  guint       error_line;
  const char *error_line_start;

  /* Only when locating paths. */
  GString    *path;
  GHashTable *wanted;
  GHashTable *found;
} Walker;

static gboolean walk_value (Walker *w);

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any byte of @w is below @n (n <= 128): the classic bit trick. A
 * borrow can only mark bytes after a true hit, so the answer is exact. */
static inline guint64
has_byte_below (guint64 w,
                guint   n)
{
  return (w - ONES * n) & ~w & HIGHS;
}

static inline guint64
has_byte (guint64 w,
          guchar  b)
{
  return has_byte_below (w ^ (ONES * b), 1);
}

static inline guint64
load_word (const char *p)
{
  guint64 w;

  memcpy (&w, p, sizeof w);
  return w;
}

gboolean
qg_utf8_validate (const char  *data,
                  gsize        length,
                  const char **invalid)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      /* Runs of plain ASCII, eight bytes at a time. */
      while (end - p >= 8)
        {
          guint64 w = load_word (p);

          if ((w & HIGHS) != 0 || has_byte_below (w, 1))
            break;
          p += 8;
        }
      if (p >= end)
        break;

      if ((guchar) *p < 0x80)
        {
          if (*p == '\0')
            goto bad;
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            goto bad;
          p = g_utf8_next_char (p);
        }
    }
  return TRUE;

bad:
  if (invalid != NULL)
    *invalid = p;
  return FALSE;
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail_at (Walker     *w,
         const char *at,
         const char *format,
         ...)
{
  va_list args;

  if (w->message != NULL)
    return FALSE;

  va_start (args, format);
  w->message = g_strdup_vprintf (format, args);
  va_end (args);
  w->error_at = at;
  w->error_line = w->line;
  w->error_line_start = w->line_start;
  return FALSE;
}

/* Describes the byte at @p for an error message, as a whole UTF-8 character. */
static char *
describe_char (const char *p,
               const char *end)
{
  gunichar c;

  if (p >= end)
    return g_strdup (_("end of file"));

  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf (_("byte 0x%02X"), (guchar) *p);
  if (c < 0x20 || c == 0x7f)
    return g_strdup_printf (_("control character U+%04X"), c);

  {
    char buf[8] = { 0 };
    g_unichar_to_utf8 (c, buf);
    return g_strdup_printf (_("character '%s'"), buf);
  }
}

static gboolean
fail_unexpected (Walker     *w,
                 const char *expected)
{
  g_autofree char *what = describe_char (w->p, w->end);

  return fail_at (w, w->p, _("unexpected %s (expected %s)"), what, expected);
}

static void
skip_space (Walker *w)
{
  while (w->p < w->end)
    {
      switch (*w->p)
        {
        case '\n':
          w->line++;
          w->line_start = w->p + 1;
          G_GNUC_FALLTHROUGH;
        case ' ':
        case '\t':
        case '\r':
          w->p++;
          break;

        default:
          return;
        }
    }
}

static void
note_path (Walker *w)
{
  if (w->wanted != NULL && g_hash_table_contains (w->wanted, w->path->str))
    g_hash_table_insert (w->found, g_strdup (w->path->str), GUINT_TO_POINTER (w->line));
}

static gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

static guint
hex4 (const char *p)
{
  return (g_ascii_xdigit_value (p[0]) << 12) | (g_ascii_xdigit_value (p[1]) << 8)
         | (g_ascii_xdigit_value (p[2]) << 4) | g_ascii_xdigit_value (p[3]);
}

/* Reads one \uXXXX at w->p (which points at the backslash). */
static gboolean
read_unicode_escape (Walker *w,
                     guint  *value)
{
  const char *start = w->p;

  if (w->end - w->p < 6 || !is_hex (w->p[2]) || !is_hex (w->p[3]) || !is_hex (w->p[4])
      || !is_hex (w->p[5]))
    return fail_at (w, start, _("invalid \\u escape (expected four hexadecimal digits)"));
  *value = hex4 (w->p + 2);
  w->p += 6;
  return TRUE;
}

/* On entry w->p is at the opening quote. Multi-byte UTF-8 was validated for
 * the whole file before the walk, so only ASCII needs attention here. */
static gboolean
walk_string (Walker *w)
{
  const char *open = w->p;

  w->p++;
  while (w->p < w->end)
    {
      guchar c;

      /* Skip plain text eight bytes at a time. */
      while (w->end - w->p >= 8)
        {
          guint64 word = load_word (w->p);

          if (has_byte (word, '"') || has_byte (word, '\\') || has_byte_below (word, 0x20))
            break;
          w->p += 8;
        }
      if (w->p >= w->end)
        break;

      c = (guchar) *w->p;
      if (c == '"')
        {
          w->p++;
          return TRUE;
        }
      else if (c == '\\')
        {
          char e;

          if (w->p + 1 >= w->end)
            break;
          e = w->p[1];
          if (e == 'u')
            {
              const char *esc = w->p;
              guint u;

              if (!read_unicode_escape (w, &u))
                return FALSE;
              if (u == 0)
                return fail_at (w, esc, _("\\u0000 is not allowed in a string"));
              if (u >= 0xDC00 && u <= 0xDFFF)
                return fail_at (w, esc, _("lone low surrogate \\u%04X"), u);
              if (u >= 0xD800 && u <= 0xDBFF)
                {
                  guint low;

                  if (w->end - w->p < 2 || w->p[0] != '\\' || w->p[1] != 'u')
                    return fail_at (w, esc, _("high surrogate \\u%04X is not followed by a "
                                              "low surrogate"), u);
                  if (!read_unicode_escape (w, &low))
                    return FALSE;
                  if (low < 0xDC00 || low > 0xDFFF)
                    return fail_at (w, esc, _("high surrogate \\u%04X is not followed by a "
                                              "low surrogate"), u);
                }
            }
          else if (strchr ("\"\\/bfnrt", e) != NULL && e != '\0')
            {
              w->p += 2;
            }
          else
            {
              g_autofree char *what = describe_char (w->p + 1, w->end);
              return fail_at (w, w->p, _("invalid escape: backslash followed by %s"), what);
            }
        }
      else if (c < 0x20)
        {
          if (c == '\n')
            return fail_at (w, w->p, _("unterminated string (a line break inside a string "
                                       "must be written \\n)"));
          return fail_at (w, w->p, _("control character U+%04X in a string (write it as an "
                                     "escape)"), c);
        }
      else
        {
          w->p++;
        }
    }

  return fail_at (w, open, _("unterminated string"));
}

static gboolean
walk_number (Walker *w)
{
  const char *p = w->p;

  if (p < w->end && *p == '-')
    p++;
  if (p >= w->end || !g_ascii_isdigit (*p))
    {
      w->p = p;
      return fail_unexpected (w, _("a digit"));
    }
  if (*p == '0')
    {
      p++;
      if (p < w->end && g_ascii_isdigit (*p))
        return fail_at (w, w->p, _("numbers may not have leading zeros"));
    }
  else
    {
      while (p < w->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < w->end && *p == '.')
    {
      p++;
      if (p >= w->end || !g_ascii_isdigit (*p))
        {
          w->p = p;
          return fail_unexpected (w, _("a digit after the decimal point"));
        }
      while (p < w->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < w->end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < w->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= w->end || !g_ascii_isdigit (*p))
        {
          w->p = p;
          return fail_unexpected (w, _("a digit in the exponent"));
        }
      while (p < w->end && g_ascii_isdigit (*p))
        p++;
    }
  w->p = p;
  return TRUE;
}

static gboolean
walk_literal (Walker     *w,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (w->end - w->p) >= len && memcmp (w->p, word, len) == 0
      && (w->p + len == w->end || !g_ascii_isalnum (w->p[len])))
    {
      w->p += len;
      return TRUE;
    }
  return fail_unexpected (w, _("a value"));
}

static gboolean
enter (Walker     *w,
       const char *open)
{
  if (++w->depth > w->max_depth)
    return fail_at (w, open, _("nested deeper than %u levels"), w->max_depth);
  return TRUE;
}

typedef enum
{
  NEXT_ELEMENT,
  CLOSED,
  BROKEN,
} After;

/* After a member or an element: a comma and another, or the closing bracket. */
static After
after_element (Walker *w,
               char    close)
{
  skip_space (w);
  if (w->p < w->end && *w->p == ',')
    {
      w->p++;
      skip_space (w);
      if (w->p < w->end && *w->p == close)
        {
          fail_at (w, w->p, close == '}' ? _("trailing comma before '}'")
                                         : _("trailing comma before ']'"));
          return BROKEN;
        }
      return NEXT_ELEMENT;
    }
  if (w->p < w->end && *w->p == close)
    {
      w->p++;
      return CLOSED;
    }
  if (w->p < w->end && *w->p == '/')
    fail_at (w, w->p, _("comments are not allowed in JSON"));
  else
    fail_unexpected (w, close == '}' ? _("',' or '}'") : _("',' or ']'"));
  return BROKEN;
}

typedef struct
{
  const char *name;   /* raw, between the quotes */
  gsize       len;
  guint       line;
} Key;

/* The member names of one object. Objects are small: a few names on the
 * stack; a table (name → line) takes over past them. */
typedef struct
{
  Key         keys[12];
  guint       n_keys;
  GHashTable *table;
} KeySet;

static void
key_set_clear (KeySet *set)
{
  g_clear_pointer (&set->table, g_hash_table_unref);
}

/* A member named twice: json-glib would keep the last silently, and the
 * loader never guesses which one was meant. */
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeySet, key_set_clear)

static gboolean
check_unique_key (Walker     *w,
                  KeySet     *set,
                  const char *name,
                  gsize       len)
{
  guint first_line = 0;

  if (set->table != NULL)
    {
      g_autofree char *copy = g_strndup (name, len);
      gpointer line;

      if (g_hash_table_lookup_extended (set->table, copy, NULL, &line))
        first_line = GPOINTER_TO_UINT (line);
      else
        g_hash_table_insert (set->table, g_steal_pointer (&copy), GUINT_TO_POINTER (w->line));
    }
  else
    {
      for (guint i = 0; i < set->n_keys && first_line == 0; i++)
        if (set->keys[i].len == len && memcmp (set->keys[i].name, name, len) == 0)
          first_line = set->keys[i].line;
      if (first_line == 0 && set->n_keys < G_N_ELEMENTS (set->keys))
        set->keys[set->n_keys++] = (Key) { name, len, w->line };
      else if (first_line == 0)
        {
          set->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = 0; i < set->n_keys; i++)
            g_hash_table_insert (set->table, g_strndup (set->keys[i].name, set->keys[i].len),
                                 GUINT_TO_POINTER (set->keys[i].line));
          g_hash_table_insert (set->table, g_strndup (name, len), GUINT_TO_POINTER (w->line));
        }
    }

  if (first_line != 0)
    {
      g_autofree char *shown = g_strndup (name, len);
      return fail_at (w, name - 1, _("duplicate member \"%s\" (first at line %u)"), shown,
                      first_line);
    }
  return TRUE;
}

/* A member name as it is meant: escapes decoded, as in error messages. */
static void
append_key (GString    *out,
            const char *raw,
            gsize       len)
{
  const char *end = raw + len;

  if (memchr (raw, '\\', len) == NULL)
    {
      g_string_append_len (out, raw, len);
      return;
    }
  for (const char *p = raw; p < end; p++)
    {
      if (*p != '\\' || p + 1 >= end)
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          if (end - p >= 5)
            {
              gunichar c = hex4 (p + 1);

              p += 4;
              /* A pair of surrogates: the checked syntax guarantees the second. */
              if (c >= 0xD800 && c <= 0xDBFF && end - p >= 7 && p[1] == '\\' && p[2] == 'u')
                {
                  c = 0x10000 + ((c - 0xD800) << 10) + (hex4 (p + 3) - 0xDC00);
                  p += 6;
                }
              g_string_append_unichar (out, c);
            }
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/* The end of an object or array: its path and depth are given back. */
static gboolean
leave (Walker *w,
       gsize   path_len,
       After   after)
{
  if (after == BROKEN)
    return FALSE;
  if (w->path != NULL)
    g_string_truncate (w->path, path_len);
  w->depth--;
  return TRUE;
}

static gboolean
walk_object (Walker *w)
{
  const char *open = w->p;
  gsize path_len = w->path ? w->path->len : 0;
  g_auto(KeySet) keys = { .n_keys = 0 };
  After after;

  if (!enter (w, open))
    return FALSE;
  w->p++;
  skip_space (w);
  if (w->p < w->end && *w->p == '}')
    {
      w->p++;
      w->depth--;
      return TRUE;
    }

  for (;;)
    {
      const char *key;
      const char *key_end;

      if (w->p >= w->end || *w->p != '"')
        {
          if (w->p < w->end && *w->p == '/')
            return fail_at (w, w->p, _("comments are not allowed in JSON"));
          return fail_unexpected (w, _("a member name in double quotes"));
        }
      key = w->p;
      if (!walk_string (w))
        return FALSE;
      key_end = w->p - 1;
      if (!check_unique_key (w, &keys, key + 1, key_end - key - 1))
        return FALSE;
      skip_space (w);
      if (w->p >= w->end || *w->p != ':')
        return fail_unexpected (w, _("':' after the member name"));
      w->p++;
      skip_space (w);

      if (w->path != NULL)
        {
          g_string_truncate (w->path, path_len);
          if (path_len > 0)
            g_string_append_c (w->path, '.');
          append_key (w->path, key + 1, key_end - key - 1);
        }

      if (!walk_value (w))
        return FALSE;
      after = after_element (w, '}');
      if (after != NEXT_ELEMENT)
        return leave (w, path_len, after);
    }
}

static gboolean
walk_array (Walker *w)
{
  const char *open = w->p;
  gsize path_len = w->path ? w->path->len : 0;
  guint index = 0;
  After after;

  if (!enter (w, open))
    return FALSE;
  w->p++;
  skip_space (w);
  if (w->p < w->end && *w->p == ']')
    {
      w->p++;
      w->depth--;
      return TRUE;
    }

  for (;; index++)
    {
      if (w->path != NULL)
        {
          g_string_truncate (w->path, path_len);
          g_string_append_printf (w->path, "[%u]", index);
        }
      if (!walk_value (w))
        return FALSE;
      after = after_element (w, ']');
      if (after != NEXT_ELEMENT)
        return leave (w, path_len, after);
    }
}

static gboolean
walk_value (Walker *w)
{
  if (w->wanted != NULL)
    note_path (w);

  if (w->p >= w->end)
    return fail_unexpected (w, _("a value"));

  switch (*w->p)
    {
    case '{':
      return walk_object (w);
    case '[':
      return walk_array (w);
    case '"':
      return walk_string (w);
    case 't':
      return walk_literal (w, "true");
    case 'f':
      return walk_literal (w, "false");
    case 'n':
      return walk_literal (w, "null");
    case '/':
      return fail_at (w, w->p, _("comments are not allowed in JSON"));
    default:
      if (*w->p == '-' || g_ascii_isdigit (*w->p))
        return walk_number (w);
      return fail_unexpected (w, _("a value"));
    }
}

static void
walker_init (Walker     *w,
             const char *data,
             gsize       length,
             guint       max_depth)
{
  memset (w, 0, sizeof *w);
  w->data = data;
  w->p = data;
  w->end = data + length;
  w->line_start = data;
  w->line = 1;
  w->max_depth = max_depth;
}

static gboolean
walk_document (Walker *w)
{
  /* A UTF-8 byte order mark is tolerated, as most editors may write one. */
  if (w->end - w->p >= 3 && memcmp (w->p, "\xEF\xBB\xBF", 3) == 0)
    {
      w->p += 3;
      w->line_start = w->p;
    }
  skip_space (w);
  if (w->p >= w->end)
    return fail_at (w, w->p, _("the file is empty (expected a JSON object)"));
  if (!walk_value (w))
    return FALSE;
  skip_space (w);
  if (w->p < w->end)
    {
      g_autofree char *what = describe_char (w->p, w->end);
      return fail_at (w, w->p, _("unexpected %s after the end of the JSON value"), what);
    }
  return TRUE;
}

void
qg_text_position (const char *text,
                  const char *at,
                  guint      *line,
                  guint      *column)
{
  const char *line_start = text;
  guint l = 1;

  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        l++;
        line_start = p + 1;
      }
  *line = l;
  /* Columns count characters, so that an editor lands on the right one. */
  *column = 1;
  for (const char *p = line_start; p < at; p = g_utf8_next_char (p))
    (*column)++;
}

gboolean
qg_json_check_syntax (const char  *data,
                      gsize        length,
                      guint        max_depth,
                      guint       *line,
                      guint       *column,
                      char       **message)
{
  Walker w;
  const char *invalid = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!qg_utf8_validate (data, length, &invalid))
    {
      g_autofree char *partial = NULL;

      qg_text_position (data, invalid, line, column);
      if (memchr (data, '\0', length) != NULL && invalid == memchr (data, '\0', length))
        *message = g_strdup (_("NUL byte in the file (is it a JSON file?)"));
      else
        *message = g_strdup_printf (_("invalid UTF-8 (byte 0x%02X); the file must be UTF-8"),
                                    (guchar) *invalid);
      return FALSE;
    }

  walker_init (&w, data, length, max_depth);
  if (walk_document (&w))
    return TRUE;

  *line = w.error_line;
  *column = 1;
  {
    const char *p;
    for (p = w.error_line_start; p < w.error_at; p = g_utf8_next_char (p))
      (*column)++;
  }
  *message = g_steal_pointer (&w.message);
  return FALSE;
}

GHashTable *
qg_json_locate_paths (const char         *data,
                      gsize               length,
                      const char * const *paths,
                      guint               n_paths)
{
  Walker w;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) path = g_string_new (NULL);

  for (guint i = 0; i < n_paths; i++)
    g_hash_table_add (wanted, (gpointer) paths[i]);

  walker_init (&w, data, length, G_MAXUINT);
  w.path = path;
  w.wanted = wanted;
  w.found = found;
  walk_document (&w);
  g_free (w.message);

  return found;
}
