/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-article-draft"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "qg-article-draft.h"
#include "qg-html.h"
#include "qg-thread.h"

G_DEFINE_QUARK (qg-article-error-quark, qg_article_error)
G_DEFINE_BOXED_TYPE (QgArticleDraft, qg_article_draft, qg_article_draft_copy,
                     qg_article_draft_free)

QgArticleDraft *
qg_article_draft_new (const char *text,
                      gssize      length,
                      const char *title,
                      const char *source,
                      const char *published)
{
  QgArticleDraft *draft = g_new0 (QgArticleDraft, 1);

  g_return_val_if_fail (text != NULL, NULL);

  draft->length = length < 0 ? strlen (text) : (gsize) length;
  draft->text = g_malloc (draft->length + 1);
  memcpy (draft->text, text, draft->length);
  draft->text[draft->length] = '\0';
  draft->title = g_strdup (title);
  draft->source = g_strdup (source);
  draft->published = g_strdup (published);
  return draft;
}

QgArticleDraft *
qg_article_draft_copy (const QgArticleDraft *draft)
{
  QgArticleDraft *copy = qg_article_draft_new (draft->text, draft->length, draft->title,
                                               draft->source, draft->published);

  copy->kind = draft->kind;
  return copy;
}

void
qg_article_draft_free (QgArticleDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->text);
  g_free (draft->title);
  g_free (draft->source);
  g_free (draft->published);
  g_free (draft);
}

/* ------------------------------------------------------------------------ */
/* What kind of file                                                         */

static gboolean
has_prefix_ascii_case (const char *data,
                       gsize       length,
                       const char *prefix)
{
  gsize n = strlen (prefix);

  return length >= n && g_ascii_strncasecmp (data, prefix, n) == 0;
}

/* Whether "<!DOCTYPE html" or "<html" is among the first bytes, after an
 * XML declaration or comments as an XHTML page has them. */
static gboolean
says_it_is_html (const char *data,
                 gsize       length)
{
  gsize n = MIN (length, 1024);

  for (gsize i = 0; i < n; i++)
    if (data[i] == '<' && (has_prefix_ascii_case (data + i, n - i, "<!doctype html")
                           || has_prefix_ascii_case (data + i, n - i, "<html")))
      return TRUE;
  return FALSE;
}

QgArticleKind
qg_article_guess_kind (const char *data,
                       gsize       length,
                       const char *name)
{
  g_autofree char *type = NULL;
  gboolean html_type;
  gsize start = 0;

  g_return_val_if_fail (data != NULL || length == 0, QG_ARTICLE_KIND_TEXT);

  /* A page in UTF-16 is known by its byte order mark; its tags are not
   * ASCII to look for. */
  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      type = g_content_type_guess (name, NULL, 0, NULL);
      return g_content_type_is_a (type, "text/html") ? QG_ARTICLE_KIND_HTML : QG_ARTICLE_KIND_TEXT;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < length && g_ascii_isspace (data[start]))
    start++;
  /* A page starts with a tag; text that only mentions "<html" does not. */
  if (start >= length || data[start] != '<')
    return QG_ARTICLE_KIND_TEXT;
  if (says_it_is_html (data + start, length - start))
    return QG_ARTICLE_KIND_HTML;

  type = g_content_type_guess (name, (const guchar *) data, MIN (length, 4096), NULL);
  html_type = g_content_type_is_a (type, "text/html")
              || g_content_type_is_a (type, "application/xhtml+xml");
  return html_type ? QG_ARTICLE_KIND_HTML : QG_ARTICLE_KIND_TEXT;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

/* Where the first byte that is not UTF-8 is: its line and its column in
 * characters, both from 1, as the document's syntax errors count. */
static void
locate (const char *text,
        const char *bad,
        guint      *line,
        guint      *column)
{
  const char *line_start = text;

  *line = 1;
  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = g_utf8_strlen (line_start, bad - line_start) + 1;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static QgArticleDraft *
plain_text (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  const char *end;
  guint line, column;

  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_NOT_UTF8,
                   _("%s: the file is UTF-16 text; save the article as UTF-8 and choose it again"),
                   display_name);
      return NULL;
    }
  /* The byte order mark says how the text is written; it is not the
   * article's, as in a document's text_file. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      locate (data, end, &line, &column);
      if (*end == '\0')
        g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_NOT_UTF8,
                     _("%s:%u:%u: a NUL byte: the file is not text"), display_name, line, column);
      else
        g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_NOT_UTF8,
                     _("%s:%u:%u: not UTF-8 (byte 0x%02X); save the article as UTF-8 and "
                       "choose it again"),
                     display_name, line, column, (guchar) *end);
      return NULL;
    }
  if (is_blank (data, length))
    {
      g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_EMPTY, _("%s: the file has no text"),
                   display_name);
      return NULL;
    }
  {
    g_autofree char *title = qg_article_guess_title (data, length);

    return qg_article_draft_new (data, length, title, NULL, NULL);
  }
}

#define HEADLINE_MAX_CHARS 150

static gboolean
has_graph (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isgraph (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
qg_article_guess_title (const char *text,
                        gsize       length)
{
  const char *end = text + length, *line = text, *line_end, *rest;
  g_autofree char *title = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  /* The first line with words on it... */
  for (;;)
    {
      line_end = memchr (line, '\n', (gsize) (end - line));
      if (line_end == NULL)
        return NULL;
      if (!is_blank (line, (gsize) (line_end - line)))
        break;
      line = line_end + 1;
    }
  /* ...a line of its own, with more of the article after it. */
  for (rest = line_end + 1; rest < end && g_ascii_isspace (*rest); rest++)
    ;
  if (rest >= end)
    return NULL;
  title = g_strstrip (g_strndup (line, (gsize) (line_end - line)));
  /* Something to read (not spaces of another kind), and not a sentence:
   * headlines do not end in a full stop. */
  if (!has_graph (title) || g_utf8_strlen (title, -1) > HEADLINE_MAX_CHARS
      || strchr (".,;:", title[strlen (title) - 1]) != NULL)
    return NULL;
  return g_steal_pointer (&title);
}

QgArticleDraft *
qg_article_draft_from_data (const char  *data,
                            gsize        length,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(QgArticleDraft) draft = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > QG_ARTICLE_MAX_BYTES)
    {
      g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB, the most Quotegraph opens"),
                   display_name, QG_ARTICLE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (qg_article_guess_kind (data, length, display_name) == QG_ARTICLE_KIND_TEXT)
    return plain_text (data ? data : "", length, display_name, error);

  draft = qg_html_reduce (data, length, &local_error);
  if (draft == NULL)
    {
      g_set_error (error, QG_ARTICLE_ERROR, local_error->code, "%s: %s", display_name,
                   local_error->message);
      return NULL;
    }
  if (draft->length == 0)
    {
      g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_EMPTY,
                   _("%s: the page has no text to make a map of"), display_name);
      return NULL;
    }
  return g_steal_pointer (&draft);
}

static const char *
describe_read_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("no such file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("permission denied");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("it is a folder");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    return _("it is not a regular file");
  return error->message;
}

/* A regular file's bytes, and never more than QG_ARTICLE_MAX_BYTES of
 * them, whatever size it claims: it may grow while it is read. */
static GBytes *
read_limited (GFile         *file,
              gboolean      *too_large,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize chunk = 256 * 1024;

  *too_large = FALSE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "");
      return NULL;
    }
  if (g_file_info_get_size (info) > QG_ARTICLE_MAX_BYTES)
    {
      *too_large = TRUE;
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  buffer = g_byte_array_sized_new (g_file_info_get_size (info) + 1);
  for (;;)
    {
      gsize old = buffer->len;
      gsize got = 0;

      g_byte_array_set_size (buffer, old + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old, chunk, &got,
                                    cancellable, error))
        return NULL;
      g_byte_array_set_size (buffer, old + got);
      if (buffer->len > QG_ARTICLE_MAX_BYTES)
        {
          *too_large = TRUE;
          return NULL;
        }
      if (got < chunk)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

QgArticleDraft *
qg_article_draft_read_file (GFile         *file,
                            const char    *display_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *shown = NULL;
  gboolean too_large;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = shown = g_file_get_parse_name (file);

  bytes = read_limited (file, &too_large, cancellable, &local_error);
  if (too_large)
    {
      g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB, the most Quotegraph opens"),
                   display_name, QG_ARTICLE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_READ, "%s: %s: %s", display_name,
                     _("cannot read the file"), describe_read_error (local_error));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  return qg_article_draft_from_data (data ? data : "", length, display_name, error);
}

typedef struct
{
  GFile *file;
  char  *display_name;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_object_unref (job->file);
  g_free (job->display_name);
  g_free (job);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;
  QgArticleDraft *draft;

  qg_thread_give_way ();
  draft = qg_article_draft_read_file (job->file, job->display_name, cancellable, &error);

  if (draft == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, draft, (GDestroyNotify) qg_article_draft_free);
}

void
qg_article_draft_read_file_async (GFile               *file,
                                  const char          *display_name,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ReadJob, 1);
  job->file = g_object_ref (file);
  job->display_name = display_name ? g_strdup (display_name) : g_file_get_parse_name (file);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, qg_article_draft_read_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_in_thread);
}

QgArticleDraft *
qg_article_draft_read_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == qg_article_draft_read_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */

/* @n digits at @s, or -1. */
static int
number_at (const char *s,
           guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      value = value * 10 + (s[i] - '0');
    }
  return value;
}

static gboolean
is_month (const char  *date,
          int          month,
          GError     **error)
{
  if (month >= 1 && month <= 12)
    return TRUE;
  g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_DATE,
               _("“%s” is not a date: there is no month %02d"), date, month);
  return FALSE;
}

/* A day of the calendar: the loader's rule (a year from 1, a month's own
 * days), with the reason when it is not one. */
static gboolean
is_day (const char  *date,
        int          y,
        int          m,
        int          d,
        GError     **error)
{
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *month = NULL;

  if (y < 1)
    {
      g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_DATE,
                   _("“%s” is not a date: there is no year 0"), date);
      return FALSE;
    }
  if (!is_month (date, m, error))
    return FALSE;
  if (d >= 1 && g_date_valid_dmy (d, m, y))
    return TRUE;
  first = g_date_time_new_utc (y, m, 1, 0, 0, 0);
  /* Translators: a month and its year, as in "February 2017 has 28 days" */
  month = g_date_time_format (first, _("%B %Y"));
  g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_DATE,
               g_dngettext (GETTEXT_PACKAGE, "“%s” is not a date: %s has %d day",
                            "“%s” is not a date: %s has %d days", g_date_get_days_in_month (m, y)),
               date, month, g_date_get_days_in_month (m, y));
  return FALSE;
}

gboolean
qg_article_check_date (const char  *date,
                       GError     **error)
{
  gsize length;
  int y;

  g_return_val_if_fail (date != NULL, FALSE);

  length = strlen (date);
  y = number_at (date, 4);
  if (y >= 0 && length == 4)
    return TRUE;
  if (y >= 0 && length == 7 && date[4] == '-' && number_at (date + 5, 2) >= 0)
    return is_month (date, number_at (date + 5, 2), error);
  if (y >= 0 && length >= 10 && date[4] == '-' && date[7] == '-' && number_at (date + 5, 2) >= 0
      && number_at (date + 8, 2) >= 0 && (length == 10 || date[10] == 'T'))
    {
      g_autoptr(GTimeZone) utc = NULL;
      g_autoptr(GDateTime) time = NULL;

      if (!is_day (date, y, number_at (date + 5, 2), number_at (date + 8, 2), error))
        return FALSE;
      if (length == 10)
        return TRUE;
      /* A date and time: what GLib reads as ISO 8601, as the loader does. */
      utc = g_time_zone_new_utc ();
      time = g_date_time_new_from_iso8601 (date, utc);
      if (time != NULL)
        return TRUE;
      g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_DATE,
                   _("“%s” is not a date and time: write it like 2017-09-13T10:00:00Z, or only "
                     "the day"), date);
      return FALSE;
    }
  g_set_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_DATE,
               _("“%s” is not a date: write a day like 2017-09-13, a month like 2017-09, or a "
                 "year"), date);
  return FALSE;
}
