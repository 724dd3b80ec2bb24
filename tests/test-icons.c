/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's icons render: each SVG, read by the loader the desktop uses
 * (gdk-pixbuf's, librsvg), at the sizes a desktop shows it, is a drawing
 * (ink on a clear ground), not an empty or broken image. */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

static void
assert_drawn (const char *name,
              int         size)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", "hicolor",
                                                 strstr (name, "symbolic") ? "symbolic"
                                                                           : "scalable",
                                                 "apps", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_size (path, size, size, &error);
  const guint8 *pixels;
  int stride, opaque = 0, clear = 0;

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, size);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        guint8 alpha = pixels[y * stride + x * 4 + 3];

        opaque += alpha > 200;
        clear += alpha < 10;
      }
  /* Some ink, and some ground around it. */
  g_assert_cmpint (opaque, >, size * size / 20);
  g_assert_cmpint (clear, >, size * size / 20);
}

static void
test_app_icon (void)
{
  assert_drawn (APP_ID ".svg", 128);
  assert_drawn (APP_ID ".svg", 32);
}

static void
test_symbolic_icon (void)
{
  assert_drawn (APP_ID "-symbolic.svg", 16);
  assert_drawn (APP_ID "-symbolic.svg", 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quotegraph/icons/app", test_app_icon);
  g_test_add_func ("/quotegraph/icons/symbolic", test_symbolic_icon);
  return g_test_run ();
}
