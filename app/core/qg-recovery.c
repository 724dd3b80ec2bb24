/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-recovery"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "qg-file.h"
#include "qg-recovery.h"

#define GROUP "Recovery"

void
qg_recovery_item_free (QgRecoveryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->path);
  g_clear_object (&item->original);
  g_free (item->title);
  g_clear_pointer (&item->written, g_date_time_unref);
  g_free (item);
}

char *
qg_recovery_dir (void)
{
  const char *override = g_getenv ("QG_RECOVERY_DIR");
  char *dir = override != NULL && *override != '\0'
              ? g_strdup (override)
              : g_build_filename (g_get_user_state_dir (), "quotegraph", "recovery", NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

static char *
path_of (const char *id,
         const char *suffix)
{
  g_autofree char *dir = qg_recovery_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The same process: its id, the name it runs under and the boot it runs
 * in, so that a number used again by another program is not taken for it. */
static char *
boot_id (void)
{
  char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (contents);
}

static char *
program_of (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/comm", (int) pid);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return g_strstrip (contents);
}

static char *
own_program (void)
{
  return program_of (getpid ());
}

gboolean
qg_recovery_write (const char  *id,
                   const char  *json,
                   gsize        length,
                   GFile       *original,
                   const char  *title,
                   GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *written = g_date_time_format_iso8601 (now);
  g_autofree char *boot = boot_id ();
  g_autofree char *program = own_program ();
  g_autofree char *json_path = path_of (id, ".json");
  g_autofree char *keys_path = path_of (id, ".ini");
  g_autofree char *keys_data = NULL;
  gsize keys_length;

  g_return_val_if_fail (id != NULL, FALSE);

  if (!qg_file_replace_contents (json_path, json, length, error))
    return FALSE;
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (keys, GROUP, "Original", uri);
    }
  if (title != NULL)
    g_key_file_set_string (keys, GROUP, "Title", title);
  g_key_file_set_integer (keys, GROUP, "Pid", (int) getpid ());
  g_key_file_set_string (keys, GROUP, "Program", program != NULL ? program : "");
  g_key_file_set_string (keys, GROUP, "Boot", boot);
  g_key_file_set_string (keys, GROUP, "Written", written);
  keys_data = g_key_file_to_data (keys, &keys_length, NULL);
  return qg_file_replace_contents (keys_path, keys_data, keys_length, error);
}

GFile *
qg_recovery_copy_file (const char *id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  path = path_of (id, ".json");
  return g_file_new_for_path (path);
}

void
qg_recovery_discard (const char *id)
{
  g_autofree char *json_path = NULL;
  g_autofree char *keys_path = NULL;

  if (id == NULL)
    return;
  json_path = path_of (id, ".json");
  keys_path = path_of (id, ".ini");
  g_unlink (keys_path);
  g_unlink (json_path);
}

char *
qg_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

static gboolean
still_running (GKeyFile *keys)
{
  g_autofree char *boot = boot_id ();
  g_autofree char *their_boot = g_key_file_get_string (keys, GROUP, "Boot", NULL);
  g_autofree char *their_program = g_key_file_get_string (keys, GROUP, "Program", NULL);
  g_autofree char *program = NULL;
  int pid = g_key_file_get_integer (keys, GROUP, "Pid", NULL);

  if (pid <= 0 || g_strcmp0 (boot, their_boot) != 0)
    return FALSE;
  if (kill (pid, 0) != 0 && errno != EPERM)
    return FALSE;
  program = program_of (pid);
  return program != NULL && g_strcmp0 (program, their_program) == 0;
}

static gint
newest_first (gconstpointer a,
              gconstpointer b)
{
  const QgRecoveryItem *x = *(QgRecoveryItem * const *) a;
  const QgRecoveryItem *y = *(QgRecoveryItem * const *) b;

  return g_date_time_compare (y->written, x->written);
}

GPtrArray *
qg_recovery_find_orphans (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) qg_recovery_item_free);
  g_autofree char *dir_path = qg_recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autofree char *keys_path = NULL;
      g_autofree char *id = NULL;
      g_autofree char *original = NULL;
      g_autofree char *written = NULL;
      QgRecoveryItem *item;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".ini"));
      keys_path = g_build_filename (dir_path, name, NULL);
      if (!g_key_file_load_from_file (keys, keys_path, G_KEY_FILE_NONE, NULL)
          || still_running (keys))
        continue;
      item = g_new0 (QgRecoveryItem, 1);
      item->id = g_steal_pointer (&id);
      item->path = path_of (item->id, ".json");
      original = g_key_file_get_string (keys, GROUP, "Original", NULL);
      if (original != NULL && *original != '\0')
        item->original = g_file_new_for_uri (original);
      item->title = g_key_file_get_string (keys, GROUP, "Title", NULL);
      written = g_key_file_get_string (keys, GROUP, "Written", NULL);
      item->written = written ? g_date_time_new_from_iso8601 (written, NULL) : NULL;
      if (item->written == NULL)
        item->written = g_date_time_new_from_unix_utc (0);
      if (!g_file_test (item->path, G_FILE_TEST_IS_REGULAR))
        {
          /* Half a copy is no copy. */
          qg_recovery_discard (item->id);
          qg_recovery_item_free (item);
          continue;
        }
      g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, newest_first);
  return items;
}

void
qg_recovery_adopt (QgRecoveryItem *item)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_if_fail (item != NULL);

  if (g_file_get_contents (item->path, &contents, &length, NULL))
    qg_recovery_write (item->id, contents, length, item->original, item->title, NULL);
}
