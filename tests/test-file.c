/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "qg-file.h"

/* A file replaced keeps its permissions, whatever they are; a new file
 * has the umask's. */
static void
test_replace_keeps_permissions (void)
{
  static const mode_t modes[] = { 0640, 0604, 0600, 0664, 0755 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qg-file-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.svg", NULL);
  g_autofree char *contents = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  umask (mask);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_assert_cmpint (g_chmod (path, modes[i]), ==, 0);
      g_assert_true (qg_file_replace_contents (path, "new", 3, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, modes[i]);
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  g_assert_true (qg_file_replace_contents (fresh, "x", 1, &error));
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0666 & ~mask);

  g_unlink (path);
  g_unlink (fresh);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/file/replace-keeps-permissions", test_replace_keeps_permissions);

  return g_test_run ();
}
