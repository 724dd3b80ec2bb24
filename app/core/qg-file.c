/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-file"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qg-file.h"

/* As many links as Linux follows in one path before it gives up. */
#define MAX_LINKS 40

/* Short, so that beside any name a file system takes there is room for
 * it (GLib's is the name and seven characters more: too long beside a
 * name of 249 bytes or more); hidden, so that a file manager showing the
 * folder does not show it come and go. */
#define TEMPORARY_NAME ".quotegraph-XXXXXX"

/* The first folder on the way to @target that is a file, as the reason a
 * write failed with ENOTDIR. */
static char *
not_a_folder (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_auto(GStrv) parts = g_strsplit (dir, G_DIR_SEPARATOR_S, -1);
  g_autoptr(GString) prefix = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GStatBuf st;

      if (i > 0)
        g_string_append_c (prefix, G_DIR_SEPARATOR);
      g_string_append (prefix, parts[i]);
      if (prefix->len > 0 && g_stat (prefix->str, &st) == 0 && !S_ISDIR (st.st_mode))
        {
          g_autofree char *display = g_filename_display_name (prefix->str);

          /* Translators: why a map could not be written: "“notes.txt” is a
           * file, not a folder", for an export to notes.txt/map.svg. */
          return g_strdup_printf (_("“%s” is a file, not a folder"), display);
        }
    }
  return g_strdup (g_strerror (ENOTDIR));
}

/* Why a write failed, in words for the person who chose the place. */
static const struct
{
  int         code;
  const char *reason;
} reasons[] = {
  { EACCES, N_("no permission to write in that folder") },
  { EPERM, N_("no permission to write in that folder") },
  { ENOSPC, N_("the disk is full") },
  { EDQUOT, N_("the disk is full") },
  { ENOENT, N_("that folder does not exist") },
  { EROFS, N_("the disk is read-only") },
  { EISDIR, N_("a folder already has that name") },
  { ENAMETOOLONG, N_("the name is longer than the file system allows") },
  { ELOOP, N_("it leads through too many symbolic links") },
};

/* Sets @error to why writing @target failed with @saved_errno. Where we
 * have no words of our own, the system's, which name no file either. */
static gboolean
fail (GError     **error,
      int          saved_errno,
      const char  *target)
{
  g_autofree char *reason = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reasons) && reason == NULL; i++)
    if (reasons[i].code == saved_errno)
      reason = g_strdup (_(reasons[i].reason));
  if (reason == NULL)
    reason = saved_errno == ENOTDIR ? not_a_folder (target) : g_strdup (g_strerror (saved_errno));
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), reason);
  return FALSE;
}

/* The file that @path leads to through symbolic links, which is the one
 * written; a path that is not a link, or leads nowhere yet, is its own. */
static char *
follow_links (const char  *path,
              GError     **error)
{
  g_autofree char *target = g_strdup (path);

  for (guint hops = 0;; hops++)
    {
      GStatBuf st;
      g_autofree char *link = NULL;

      if (g_lstat (target, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&target);
      if (hops == MAX_LINKS)
        {
          fail (error, ELOOP, target);
          return NULL;
        }
      link = g_file_read_link (target, NULL);
      if (link == NULL)
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                               _("its symbolic link could not be read"));
          return NULL;
        }
      /* A relative link is read from the link's folder. */
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (target);
          g_autofree char *relative = g_steal_pointer (&link);

          link = g_build_filename (dir, relative, NULL);
        }
      g_free (target);
      target = g_steal_pointer (&link);
    }
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return FALSE;
      data += written;
      length -= written;
    }
  return TRUE;
}

gboolean
qg_file_replace_contents (const char  *path,
                          const void  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temporary = NULL;
  GStatBuf st;
  gboolean replacing;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  target = follow_links (path, error);
  if (target == NULL)
    return FALSE;
  /* In the same folder, so that the rename is atomic. */
  dir = g_path_get_dirname (target);
  temporary = g_build_filename (dir, TEMPORARY_NAME, NULL);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return fail (error, errno, target);

  replacing = g_stat (target, &st) == 0;
  /* The file replaced keeps its permissions (a document shared with a
   * group stays shared, a private one private); a new file has the
   * umask's, as any other. Replacing a file, the new one is on the disk
   * before it takes the old one's name, as GLib's
   * G_FILE_SET_CONTENTS_CONSISTENT does: a crash leaves one or the other,
   * never an empty file. */
  if ((replacing && S_ISREG (st.st_mode) && fchmod (fd, st.st_mode & 07777) != 0)
      || !write_all (fd, data, length) || (replacing && fsync (fd) != 0))
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temporary);
      return fail (error, saved_errno, target);
    }
  if (close (fd) != 0 || g_rename (temporary, target) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      return fail (error, saved_errno, target);
    }
  return TRUE;
}
