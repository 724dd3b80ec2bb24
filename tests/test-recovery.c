/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recovery copies: written whole, kept while their process runs, offered
 * once it is gone, and gone once discarded. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "qg-recovery.h"

static char *
use_a_folder_of_its_own (void)
{
  char *dir = g_dir_make_tmp ("quotegraph-recovery-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_setenv ("QG_RECOVERY_DIR", dir, TRUE);
  return dir;
}

/* The process id of a process that has ended. */
static int
a_gone_process (void)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_assert_true (g_spawn_async (NULL, (char *[]) { (char *) "true", NULL }, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

/* Makes the copy @id look left by a process that is gone. */
static void
orphan (const char *dir,
        const char *id)
{
  g_autofree char *name = g_strconcat (id, ".ini", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();

  g_assert_true (g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_integer (keys, "Recovery", "Pid", a_gone_process ());
  g_assert_true (g_key_file_save_to_file (keys, path, NULL));
}

static void
test_kept_while_running_offered_when_gone (void)
{
  g_autofree char *dir = use_a_folder_of_its_own ();
  g_autofree char *id = qg_recovery_new_id ();
  g_autoptr(GFile) original = g_file_new_for_path ("/tmp/somewhere/map.json");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  QgRecoveryItem *item;

  g_assert_true (qg_recovery_write (id, "{\"a\": 1}\n", 9, original, NULL, &error));
  g_assert_no_error (error);

  /* This process is running: its copy is nobody's to recover. */
  items = qg_recovery_find_orphans ();
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  orphan (dir, id);
  items = qg_recovery_find_orphans ();
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->id, ==, id);
  g_assert_true (g_file_equal (item->original, original));
  g_assert_true (g_file_get_contents (item->path, &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, "{\"a\": 1}\n");

  /* Taken over by this process, it is no orphan any more. */
  qg_recovery_adopt (item);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = qg_recovery_find_orphans ();
  g_assert_cmpuint (items->len, ==, 0);

  qg_recovery_discard (id);
  g_assert_true (g_rmdir (dir) == 0);
}

static void
test_a_new_map_and_half_a_copy (void)
{
  g_autofree char *dir = use_a_folder_of_its_own ();
  g_autofree char *whole = qg_recovery_new_id ();
  g_autofree char *half = qg_recovery_new_id ();
  g_autofree char *half_json = NULL;
  g_autoptr(GPtrArray) items = NULL;
  QgRecoveryItem *item;

  g_assert_true (qg_recovery_write (whole, "{}", 2, NULL, NULL, NULL));
  g_assert_true (qg_recovery_write (half, "{}", 2, NULL, NULL, NULL));
  orphan (dir, whole);
  orphan (dir, half);
  half_json = g_strdup_printf ("%s/%s.json", dir, half);
  g_assert_true (g_unlink (half_json) == 0);

  items = qg_recovery_find_orphans ();
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->id, ==, whole);
  g_assert_null (item->original);

  /* Half a copy is removed, not offered. */
  {
    g_autofree char *half_ini = g_strdup_printf ("%s/%s.ini", dir, half);

    g_assert_false (g_file_test (half_ini, G_FILE_TEST_EXISTS));
  }
  qg_recovery_discard (whole);
  g_assert_true (g_rmdir (dir) == 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quotegraph/recovery/kept-while-running-offered-when-gone",
                   test_kept_while_running_offered_when_gone);
  g_test_add_func ("/quotegraph/recovery/a-new-map-and-half-a-copy",
                   test_a_new_map_and_half_a_copy);
  return g_test_run ();
}
