/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-render [--layout ENGINE] [--frames N] [--size WxH] [--xdot-out FILE] FILE
 *
 * Lays the document out, fits the real graph view to WxH, then N times:
 * snapshots the view and renders the snapshot onto a cairo image surface of
 * that size. Prints the median time of one frame as ms_per_frame=X (the
 * view keeps the overview's image while nothing changes); then the same
 * with the map moved a pixel before every frame, as ms_per_frame_panning=X;
 * then with the zoom changing before every frame, from the fitted map
 * to four times as near and back, so that nothing of one frame serves the
 * next, as ms_per_frame_zooming=X (for a map large enough to be drawn in
 * threads, the frame's own time, and ms_until_drawn_panning and _zooming
 * how long its image took to follow); then at 100% on the middle of the
 * map, ms_first_frame_at_100 and ms_per_frame_at_100 (its first frame
 * written to $BENCH_RENDER_PNG_AT_100, if set, as the fitted one to
 * $BENCH_RENDER_PNG); and how many names the fitted frame
 * drew at a size that reads, as names_drawn=N. With
 * --xdot-out, also writes Graphviz's xdot drawing of the very same layout,
 * so that xdot.py can draw it for comparison (not with
 * BENCH_RENDER_CACHED=1, which takes the layout through the layout
 * worker and its cache, as the window does). Needs a display (Xvfb). */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "qg-graph-view.h"
#include "qg-graph.h"
#include "bench-app.h"
#include "bench-stats.h"

/* Of the last frame of a large map: from its snapshot until its image,
 * drawn in threads, was there. */
static double until_drawn;

/* One frame: the view's snapshot, rendered to an image as GTK would. */
static double
time_frame (GtkWidget  *view,
            int         width,
            int         height,
            const char *png)
{
  gint64 start = g_get_monotonic_time ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GskRenderNode *node;
  double ms;

  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (g_getenv ("BENCH_RENDER_SPLIT"))
    g_printerr ("snapshot %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_surface_flush (surface);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  until_drawn = 0;
  if (qg_graph_view_is_drawing (QG_GRAPH_VIEW (view)))
    {
      while (qg_graph_view_is_drawing (QG_GRAPH_VIEW (view)))
        g_main_context_iteration (NULL, TRUE);
      until_drawn = (g_get_monotonic_time () - start) / 1000.0;
    }
  if (png != NULL)
    cairo_surface_write_to_png (surface, png);
  g_clear_pointer (&node, gsk_render_node_unref);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ms;
}

/* A large map's frames show the last image while the next is drawn in
 * threads: how long the image took to follow, when it did. */
static void
print_until_drawn (const char *what,
                   double     *drawn,
                   int         frames)
{
  qsort (drawn, frames, sizeof (double), bench_compare_doubles);
  if (drawn[frames - 1] > 0)
    g_print ("ms_until_drawn_%s=%.2f\n", what, drawn[frames / 2]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *engine = NULL;
  g_autofree char *size = NULL;
  g_autofree char *xdot_out = NULL;
  int frames = 30;
  const GOptionEntry entries[] = {
    { "layout", 0, 0, G_OPTION_ARG_STRING, &engine, "Layout engine", "ENGINE" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames to time (default 30)", "N" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "View size (default 1600x1000)", "WxH" },
    { "xdot-out", 0, 0, G_OPTION_ARG_FILENAME, &xdot_out, "Write the layout as xdot", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(QgDocument) document = NULL;
  g_autoptr(QgGraph) graph = NULL;
  g_autoptr(QgLayout) layout = NULL;
  g_autofree double *times = NULL;
  g_autofree double *drawn = NULL;
  g_autoptr(AdwApplication) app = NULL;
  GtkWidget *window, *view;
  int width = 1600, height = 1000;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || frames < 1)
    {
      g_printerr ("bench-render: %s\n", error ? error->message : "usage: bench-render [OPTION…] FILE");
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    {
      g_printerr ("bench-render: --size takes WxH\n");
      return 2;
    }

  app = bench_app_new ("io.github.quotegraph.Quotegraph.BenchRender", "bench-render");

  file = g_file_new_for_commandline_arg (argv[1]);
  document = qg_document_load (file, argv[1], NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  graph = qg_graph_new (document, engine, &error);
  /* Laid out here, unless asked to take it as the window does. */
  if (graph != NULL && g_getenv ("BENCH_RENDER_CACHED") != NULL)
    layout = qg_graph_run_layout (graph, document, NULL, &error);
  else if (graph != NULL && qg_graph_layout (graph, &error))
    layout = qg_graph_get_layout (graph, document);
  if (layout == NULL)
    {
      g_printerr ("bench-render: %s\n", error->message);
      return 1;
    }
  if (xdot_out != NULL)
    {
      g_autoptr(GBytes) xdot = qg_graph_render (graph, "xdot", &error);

      if (xdot == NULL || !g_file_set_contents (xdot_out, g_bytes_get_data (xdot, NULL),
                                                g_bytes_get_size (xdot), &error))
        {
          g_printerr ("bench-render: %s\n", error->message);
          return 1;
        }
    }

  /* The real widget, in a real window, at the size asked for. */
  window = gtk_window_new ();
  view = qg_graph_view_new ();
  gtk_widget_set_size_request (view, width, height);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  qg_graph_view_set_document (QG_GRAPH_VIEW (view), document);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (view) != width || gtk_widget_get_height (view) != height)
    g_main_context_iteration (NULL, TRUE);
  {
    gint64 start = g_get_monotonic_time ();

    qg_graph_view_set_layout (QG_GRAPH_VIEW (view), layout, FALSE);
    qg_viewport_fit (qg_graph_view_get_viewport (QG_GRAPH_VIEW (view)), FALSE);
    qg_graph_view_finish_animations (QG_GRAPH_VIEW (view));
    g_print ("ms_set_layout=%.2f\n", (g_get_monotonic_time () - start) / 1000.0);
  }

  times = g_new (double, frames);
  drawn = g_new (double, frames);
  /* The first frame of a layout: nothing of it is kept yet. The names
   * are made a few hundred a frame: the frames until they are all made. */
  g_print ("ms_first_frame=%.2f\n", time_frame (view, width, height, NULL));
  {
    guint more = 0;
    double longest = 0;

    while (qg_graph_view_is_placing_names (QG_GRAPH_VIEW (view)))
      {
        while (g_main_context_iteration (NULL, FALSE))
          ;
        longest = MAX (longest, time_frame (view, width, height, NULL));
        more++;
      }
    g_print ("frames_until_all_names=%u ms_longest_of_those=%.2f\n", more + 1, longest);
  }
  for (int i = 0; i < frames; i++)
    times[i] = time_frame (view, width, height, i == 0 ? g_getenv ("BENCH_RENDER_PNG") : NULL);
  qsort (times, frames, sizeof (double), bench_compare_doubles);
  g_print ("zoom=%.3f\n", qg_viewport_get_zoom (qg_graph_view_get_viewport (QG_GRAPH_VIEW (view))));
  g_print ("ms_per_frame=%.2f\n", times[frames / 2]);
  g_print ("ms_per_frame_min=%.2f\n", times[0]);
  {
    guint names = 0;

    for (guint i = 0; i < qg_document_get_n_entities (document); i++)
      names += qg_graph_view_get_label_pixels (QG_GRAPH_VIEW (view),
                                               qg_document_get_entity (document, i)->id) >= 11;
    g_print ("names_drawn=%u\n", names);
  }

  /* Panning: the same zoom, moved a pixel every frame, so that the map
   * is drawn again each time. */
  for (int i = 0; i < frames; i++)
    {
      qg_viewport_pan (qg_graph_view_get_viewport (QG_GRAPH_VIEW (view)), i % 2 ? -1 : 1, 0);
      times[i] = time_frame (view, width, height, NULL);
      drawn[i] = until_drawn;
    }
  qsort (times, frames, sizeof (double), bench_compare_doubles);
  g_print ("ms_per_frame_panning=%.2f\n", times[frames / 2]);
  print_until_drawn ("panning", drawn, frames);

  /* Zooming: a new zoom every frame, on the middle, there and back. */
  for (int i = 0; i < frames; i++)
    {
      double step = pow (4.0, 2.0 / frames);

      qg_viewport_zoom_at (qg_graph_view_get_viewport (QG_GRAPH_VIEW (view)),
                           i < frames / 2 ? step : 1 / step, width / 2.0, height / 2.0);
      times[i] = time_frame (view, width, height, NULL);
      drawn[i] = until_drawn;
    }
  qsort (times, frames, sizeof (double), bench_compare_doubles);
  g_print ("ms_per_frame_zooming=%.2f\n", times[frames / 2]);
  print_until_drawn ("zooming", drawn, frames);

  /* At 100%, on the middle of the map: the frames once its names have
   * been made. */
  {
    QgViewport *viewport = qg_graph_view_get_viewport (QG_GRAPH_VIEW (view));

    qg_viewport_fit (viewport, FALSE);
    qg_viewport_zoom_at (viewport, 1.0 / qg_viewport_get_zoom (viewport), width / 2.0,
                         height / 2.0);
    qg_graph_view_finish_animations (QG_GRAPH_VIEW (view));
    g_print ("ms_first_frame_at_100=%.2f\n", time_frame (view, width, height, NULL));
    while (qg_graph_view_is_placing_names (QG_GRAPH_VIEW (view)))
      {
        while (g_main_context_iteration (NULL, FALSE))
          ;
        time_frame (view, width, height, NULL);
      }
    for (int i = 0; i < frames; i++)
      times[i] = time_frame (view, width, height,
                             i == 0 ? g_getenv ("BENCH_RENDER_PNG_AT_100") : NULL);
    qsort (times, frames, sizeof (double), bench_compare_doubles);
    g_print ("zoom_at_100=%.3f\n", qg_viewport_get_zoom (viewport));
    g_print ("ms_per_frame_at_100=%.2f\n", times[frames / 2]);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
