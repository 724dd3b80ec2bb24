/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-layout-cache"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "qg-layout-cache.h"

/* An entry: a first line that says what follows, then the layout.
 *
 *   quotegraph-layout-cache/2 CHECKSUM LENGTH SIZE\n
 *   LENGTH bytes: the layout's SIZE bytes, compressed (zlib's deflate)
 *
 * Compressed, as a layout is text that shrinks to a quarter or less:
 * the places of a 50,000-entity map (58 MB) and its SVG (174 MB) take
 * 16 and 45 MB, and fit the cache. CHECKSUM is the SHA-256 of the key and the LENGTH bytes,
 * checked before anything is inflated, so that an entry
 * copied under another key's name does not hold either. It finds damage
 * (a truncated write, a flipped bit, a file that is not ours), not
 * malice: what is read is still checked by its reader (the layout's
 * places are read as strictly as the worker's answer). */

#define ENTRY_MAGIC "quotegraph-layout-cache/2"
#define DEFAULT_MAX_BYTES (256 * 1024 * 1024)
/* Deflate makes at most about 1,032 bytes of one: a SIZE more than that
 * is not a layout of this entry's bytes. */
#define MAX_INFLATION 1032
#define KEY_LENGTH 64

static gboolean enabled = TRUE;
static guint64 max_bytes = DEFAULT_MAX_BYTES;
static GMutex cache_mutex;

void
qg_layout_cache_set_enabled (gboolean value)
{
  enabled = value;
}

gboolean
qg_layout_cache_get_enabled (void)
{
  return enabled;
}

void
qg_layout_cache_set_max_bytes (guint64 value)
{
  max_bytes = value;
}

char *
qg_layout_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "quotegraph", "layouts", NULL);
}

static gboolean
is_key (const char *key)
{
  if (key == NULL || strlen (key) != KEY_LENGTH)
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static char *
checksum_of (const char *key,
             const char *data,
             gsize       length)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) key, KEY_LENGTH);
  g_checksum_update (sum, (const guchar *) data, length);
  return g_strdup (g_checksum_get_string (sum));
}

/* @data deflated (fast: a layout is stored once, and read many times). */
static GBytes *
deflate (const char *data,
         gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 1);
  gsize size = length / 4 + 1024, done = 0, read_at = 0;
  char *out = g_malloc (size);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      if (done == size)
        out = g_realloc (out, size *= 2);
      result = g_converter_convert (G_CONVERTER (compressor), data + read_at, length - read_at,
                                    out + done, size - done, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &error);
      read_at += bytes_read;
      done += bytes_written;
      if (result == G_CONVERTER_FINISHED)
        return g_bytes_new_take (out, done);
      if (result == G_CONVERTER_ERROR && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_free (out);
          return NULL;
        }
      if (result == G_CONVERTER_ERROR)
        out = g_realloc (out, size *= 2);
    }
}

/* @data inflated, if it is a deflated stream of exactly @size bytes that
 * ends where @data does; else NULL. */
static char *
inflate (const char *data,
         gsize       length,
         gsize       size)
{
  g_autoptr(GZlibDecompressor) decompressor =
    g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  /* A byte more than said: a stream that goes on is told by it. */
  char *out = size < G_MAXSIZE ? g_try_malloc (size + 1) : NULL;
  gsize read_at = 0, done = 0;

  while (out != NULL)
    {
      g_autoptr(GError) error = NULL;
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor), data + read_at, length - read_at,
                                    out + done, size + 1 - done, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &error);
      read_at += bytes_read;
      done += bytes_written;
      if (done > size)
        break;
      if (result == G_CONVERTER_FINISHED && done == size && read_at == length)
        return out;
      /* Damaged, longer or shorter than said, or stuck. */
      if (result == G_CONVERTER_FINISHED || result == G_CONVERTER_ERROR
          || (bytes_read == 0 && bytes_written == 0))
        break;
    }
  g_free (out);
  return NULL;
}

static char *
entry_path (const char *key)
{
  g_autofree char *dir = qg_layout_cache_dir ();

  return g_build_filename (dir, key, NULL);
}

void
qg_layout_cache_forget (const char *key)
{
  g_autofree char *path = NULL;

  if (!is_key (key))
    return;
  path = entry_path (key);
  g_mutex_lock (&cache_mutex);
  g_unlink (path);
  g_mutex_unlock (&cache_mutex);
}

GBytes *
qg_layout_cache_lookup (const char *key)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *header = NULL;
  char *layout;
  gsize length = 0;
  const char *newline;
  gsize body;
  char sum[KEY_LENGTH + 1];
  guint64 declared, size;
  char *end;
  GStatBuf st;

  if (!enabled || !is_key (key))
    return NULL;
  path = entry_path (key);
  if (g_lstat (path, &st) != 0)
    return NULL;
  /* Only a file of ours can be an entry: not a link, a pipe that would
   * never end, or a file larger than the whole cache. */
  if (!S_ISREG (st.st_mode) || (guint64) st.st_size > max_bytes)
    goto damaged;
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  newline = memchr (contents, '\n', MIN (length, 160));
  /* "MAGIC SUM LENGTH SIZE\n" */
  if (newline == NULL || (gsize) (newline - contents) < strlen (ENTRY_MAGIC) + 2 + KEY_LENGTH + 1
      || memcmp (contents, ENTRY_MAGIC " ", strlen (ENTRY_MAGIC) + 1) != 0)
    goto damaged;
  memcpy (sum, contents + strlen (ENTRY_MAGIC) + 1, KEY_LENGTH);
  sum[KEY_LENGTH] = '\0';
  if (contents[strlen (ENTRY_MAGIC) + 1 + KEY_LENGTH] != ' ')
    goto damaged;
  header = g_strndup (contents + strlen (ENTRY_MAGIC) + 2 + KEY_LENGTH,
                      newline - (contents + strlen (ENTRY_MAGIC) + 2 + KEY_LENGTH));
  if (header[0] == '\0' || !g_ascii_isdigit (header[0]))
    goto damaged;
  declared = g_ascii_strtoull (header, &end, 10);
  body = length - (newline + 1 - contents);
  if (*end != ' ' || declared != body || !g_ascii_isdigit (end[1]))
    goto damaged;
  size = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '\0' || size > (guint64) MAX_INFLATION * body || size > G_MAXSIZE / 2)
    goto damaged;
  expected = checksum_of (key, newline + 1, body);
  if (strcmp (expected, sum) != 0)
    goto damaged;
  layout = inflate (newline + 1, body, size);
  if (layout == NULL)
    goto damaged;

  /* A use: the entry is the last to go. */
  g_mutex_lock (&cache_mutex);
  g_utime (path, NULL);
  g_mutex_unlock (&cache_mutex);
  return g_bytes_new_take (layout, size);

damaged:
  g_debug ("%s: damaged, removed", path);
  g_mutex_lock (&cache_mutex);
  g_unlink (path);
  g_mutex_unlock (&cache_mutex);
  return NULL;
}

typedef struct
{
  char   *path;
  goffset size;
  gint64  used;   /* mtime, in microseconds */
} Entry;

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->path);
}

static int
by_use (gconstpointer a,
        gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->used != y->used)
    return x->used < y->used ? -1 : 1;
  return strcmp (x->path, y->path);
}

/* Removes the entries used least recently until the rest fit the cap.
 * Caller holds the mutex. */
static void
evict (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  guint64 total = 0;
  const char *name;

  if (dir == NULL)
    return;
  g_array_set_clear_func (entries, entry_clear);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      Entry entry;
      GStatBuf st;

      if (!is_key (name))
        continue;
      entry.path = g_build_filename (dir_path, name, NULL);
      if (g_stat (entry.path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_free (entry.path);
          continue;
        }
      entry.size = st.st_size;
      entry.used = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
      total += entry.size;
      g_array_append_val (entries, entry);
    }
  if (total <= max_bytes)
    return;
  g_array_sort (entries, by_use);
  for (guint i = 0; i < entries->len && total > max_bytes; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      if (g_unlink (entry->path) == 0)
        total -= entry->size;
    }
}

void
qg_layout_cache_store (const char *key,
                       GBytes     *bytes)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(GString) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) deflated = NULL;
  gsize length, size;
  const char *data;

  if (!enabled || !is_key (key))
    return;
  data = g_bytes_get_data (bytes, &size);
  deflated = deflate (data, size);
  if (deflated == NULL)
    return;
  data = g_bytes_get_data (deflated, &length);
  /* An entry larger than the whole cache would only push out the rest. */
  if (length >= max_bytes)
    return;
  dir = qg_layout_cache_dir ();
  path = g_build_filename (dir, key, NULL);
  sum = checksum_of (key, data, length);
  entry = g_string_sized_new (length + 160);
  g_string_append_printf (entry, ENTRY_MAGIC " %s %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "\n", sum,
                          length, size);
  g_string_append_len (entry, data, length);

  g_mutex_lock (&cache_mutex);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("%s: %s", dir, g_strerror (errno));
  else if (!g_file_set_contents_full (path, entry->str, entry->len,
                                      G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("%s", error->message);
  else
    evict (dir);
  g_mutex_unlock (&cache_mutex);
}
