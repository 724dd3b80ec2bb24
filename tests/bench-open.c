/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-open [--keys] [--size WxH] [--dot] [--cached] [--again] [--edit] [--export OUT.svg]
 *            FILE
 *
 * Opens FILE in a real Quotegraph window, as the application does (laid
 * out afresh, not from the cache of layouts, unless --cached), and
 * measures what a person waits for and whether the window answers
 * meanwhile:
 *   ms_to_map       from the open to the first frame that shows the map;
 *   ms_to_article   to the article's last highlight;
 *   longest_stall_ms and stalls_over_16ms: the main loop's longest time
 *                   away, and how often it was away for more than a
 *                   frame (a timer that should run every 2 ms tells),
 *                   from the open to a second after both;
 *   longest_frame_ms the longest of GTK's frames meanwhile, from the first
 *                   of the frame clock's phases to its after-paint: of a stall,
 *                   what was the frame's layout and drawing (with
 *                   BENCH_OPEN_STALLS set, each stall and each frame
 *                   longer than 16 ms is printed as it ends; with
 *                   BENCH_OPEN_PHASES, each phase of every frame clock);
 *   floor_frame_ms  beside it, last, the median and longest frame of a
 *                   plain window of the same size that repaints all of
 *                   itself each frame: what GTK's renderer and the X
 *                   server take for a frame, whatever is drawn;
 *   with --dot, FILE is a Graphviz DOT file, shown as the window shows
 *   one (qg_window_open_drawing): ms_to_map is to its first frame, and
 *   frame_ms the median time of a frame of it, fitted, drawn on an image
 *   as xdot-render.py draws xdot.py's (the reference);
 *   peak_mb and worker_peak_mb: the peak memory of the window's process
 *                   and of its largest layout worker;
 *   with --again, once the opening is done, the same window opens FILE
 *                   again, as a person opening another map would, in a
 *                   process whose fonts, glyphs and heap are warm: the
 *                   figures are of that opening, the first's are printed
 *                   before them, prefixed first_ (the text being the same,
 *                   the article's highlights are changed in place, as
 *                   for an edit: ms_to_article is that, not a new fill);
 *   with --edit, likewise, but the window adds an entity to the map, as
 *                   its Add Entity dialog does, and the figures are of that
 *                   edit, to the edited map on screen;
 *   with --export OUT.svg, once the map is on screen, the window exports
 *   it as Export does (in its thread, through the layout worker): export_ms
 *   to the file, and the main loop's stalls meanwhile and in the second
 *   after, export_longest_stall_ms and export_stalls_over_16ms;
 *   with --keys, a key pressed through the X server (xdotool, from a
 *   thread of its own, so that a busy window cannot hold the keys back)
 *   every 100 ms from the open on: how many were handled and drawn, and
 *   the time from each press to the frame after it, key_to_frame_ms
 *   (median and longest).
 * Needs a display (Xvfb) and, for --keys, xdotool. */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-app.h"
#include "bench-stats.h"
#include "qg-article-view.h"
#include "qg-edit.h"
#include "qg-graph-view.h"
#include "qg-layout-cache.h"
#include "qg-window.h"
#include "qg-window-private.h"

#define KEY_PERIOD_USEC (100 * 1000)
#define STALL_USEC      (16 * 1000)
#define SETTLE_USEC     (1000 * 1000)

typedef struct
{
  QgWindow *window;
  gint64    opened;
  gint64    map_drawn;
  QgLayout *shown;       /* the map on screen before this opening, if any */
  gint64    article_done;
  gint64    last_tick;
  gint64    idle_since;  /* when the window last had nothing to do, or 0 */
  gint64    longest_stall;
  guint     stalls;
  guint     frames;
  gint64    frame_began;   /* the first of a frame's phases, or 0 */
  gint64    longest_frame; /* from its first phase to after-paint */
  gboolean  dot;

  /* Keys: pressed by the thread, handled and drawn by the main loop. */
  GMutex    lock;
  GArray   *pressed;     /* gint64: when xdotool was asked */
  GArray   *handled;     /* gint64 */
  GArray   *drawn;       /* gint64: the frame after each handled key */
  gboolean  stop;
  char     *xid;
} Bench;

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double ms (gint64 usec);



static gboolean
tick_cb (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - bench->last_tick;

  bench->longest_stall = MAX (bench->longest_stall, gap);
  if (gap > STALL_USEC)
    {
      bench->stalls++;
      if (g_getenv ("BENCH_OPEN_STALLS"))
        g_printerr ("stall of %.0f ms, ending at %.0f ms (monotonic %.6f s)\n", ms (gap),
                    ms (now - bench->opened), now / 1e6);
    }
  bench->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gpointer
press_keys (gpointer data)
{
  Bench *bench = data;

  for (;;)
    {
      gint64 now;
      gboolean stop;

      g_mutex_lock (&bench->lock);
      stop = bench->stop;
      now = g_get_monotonic_time ();
      if (!stop)
        g_array_append_val (bench->pressed, now);
      g_mutex_unlock (&bench->lock);
      if (stop)
        return NULL;
      /* Shift: a real key that changes nothing in the window. */
      if (!g_spawn_sync (NULL, (char *[]) { "xdotool", "key", "shift", NULL }, NULL,
                         G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL))
        g_error ("bench-open: xdotool failed");
      g_usleep (KEY_PERIOD_USEC);
    }
}

static gboolean
key_cb (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        Bench                 *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R)
    {
      g_mutex_lock (&bench->lock);
      g_array_append_val (bench->handled, now);
      g_mutex_unlock (&bench->lock);
      /* The next frame, drawn, is the key's answer. */
      gtk_widget_queue_draw (GTK_WIDGET (bench->window));
    }
  return GDK_EVENT_PROPAGATE;
}

/* A frame begins with the first of its phases that has work (GDK emits
 * only those asked for), seen before any handler runs. */
static gboolean
phase_hook (GSignalInvocationHint *hint,
            guint                  n_params,
            const GValue          *params,
            gpointer               data)
{
  Bench *bench = data;

  /* From the open on, of the window's own clock. */
  if (bench->opened != 0 && bench->frame_began == 0 && n_params > 0
      && g_value_get_object (&params[0])
           == (gpointer) gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)))
    bench->frame_began = g_get_monotonic_time ();
  /* Of every clock (popovers have their own), to place the stalls. */
  if (g_getenv ("BENCH_OPEN_PHASES") && n_params > 0)
    g_printerr ("phase %s of %p at %.6f s\n", g_signal_name (hint->signal_id),
                g_value_get_object (&params[0]), g_get_monotonic_time () / 1e6);
  return TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  GtkWidget *view = GTK_WIDGET (qg_window_get_graph_view (bench->window));
  QgDrawingView *drawing = qg_drawing_page_get_view (qg_window_get_drawing_page (bench->window));

  /* A frame's own time: what of a stall was GTK's layout and drawing. */
  if (bench->frame_began != 0)
    {
      bench->longest_frame = MAX (bench->longest_frame, now - bench->frame_began);
      if (now - bench->frame_began > STALL_USEC && g_getenv ("BENCH_OPEN_STALLS"))
        g_printerr ("frame of %.0f ms, ending at %.0f ms\n", ms (now - bench->frame_began),
                    ms (now - bench->opened));
      bench->frame_began = 0;
    }
  bench->frames++;
  /* The map itself, not its background while its image is drawn. */
  if (bench->map_drawn == 0 && !bench->dot && qg_graph_view_get_layout (QG_GRAPH_VIEW (view)) != NULL
      && qg_graph_view_get_layout (QG_GRAPH_VIEW (view)) != bench->shown
      && gtk_widget_get_mapped (view) && !qg_graph_view_is_drawing (QG_GRAPH_VIEW (view)))
    bench->map_drawn = now;
  if (bench->map_drawn == 0 && bench->dot && qg_drawing_view_get_drawing (drawing) != NULL
      && qg_drawing_view_get_n_frames (drawing) > 0)
    bench->map_drawn = now;
  g_mutex_lock (&bench->lock);
  while (bench->drawn->len < bench->handled->len)
    g_array_append_val (bench->drawn, now);
  g_mutex_unlock (&bench->lock);
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
done (Bench *bench)
{
  if (bench->article_done == 0 && bench->map_drawn != 0
      && (bench->dot || !qg_article_view_is_filling (qg_window_get_article_view (bench->window)))
      && !qg_window_is_busy (bench->window))
    bench->article_done = g_get_monotonic_time ();
  /* And a second more, for what the map's first frames leave to do. */
  return bench->map_drawn != 0 && bench->article_done != 0
         && g_get_monotonic_time () > MAX (bench->map_drawn, bench->article_done) + SETTLE_USEC;
}

/* The text of every label under @widget (of those with @css_class, if
 * not NULL), a line each. */
static void
append_labels (GtkWidget  *widget,
               const char *css_class,
               GString    *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, css_class, text);
}

/* What the window says when it shows no map: the failure page's errors
 * (the document refused), or its toasts (a layout that failed) once it
 * has nothing more to do. NULL while a map may still come. */
static char *
refusal (Bench *bench)
{
  GString *text;
  GtkWidget *toasts;

  if (bench->map_drawn != 0)
    return NULL;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (bench->window->main_stack), "failed") == 0)
    {
      text = g_string_new (NULL);
      append_labels (GTK_WIDGET (bench->window->failure_errors), "problem", text);
      return g_string_free (text, FALSE);
    }
  /* A map on its way to the screen (a large one's image is drawn by the
   * rasteriser's threads, for seconds) is no refusal. */
  if (qg_window_is_busy (bench->window)
      || (!bench->dot && qg_graph_view_get_layout (qg_window_get_graph_view (bench->window)) != NULL)
      || (bench->dot && qg_drawing_view_get_drawing (qg_drawing_page_get_view (
                          qg_window_get_drawing_page (bench->window))) != NULL))
    {
      bench->idle_since = 0;
      return NULL;
    }
  if (bench->idle_since == 0)
    bench->idle_since = g_get_monotonic_time ();
  /* A second idle with no map: the frames after the layout have come. */
  if (g_get_monotonic_time () < bench->idle_since + SETTLE_USEC)
    return NULL;
  text = g_string_new ("the window is idle and shows no map\n");
  toasts = GTK_WIDGET (bench->window->toasts);
  for (GtkWidget *child = gtk_widget_get_first_child (toasts); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      append_labels (child, NULL, text);
  return g_string_free (text, FALSE);
}

static double
ms (gint64 usec)
{
  return usec / 1000.0;
}

static void
print_stalls (const char  *prefix,
              const Bench *bench)
{
  g_print ("%slongest_stall_ms=%.0f %sstalls_over_16ms=%u %slongest_frame_ms=%.0f\n", prefix,
           ms (bench->longest_stall), prefix, bench->stalls, prefix, ms (bench->longest_frame));
}

/* The median of 20 frames of @view as it is on screen, each snapshot
 * drawn on an image of its size, as xdot-render.py times xdot.py's. */
static double
frame_ms (GtkWidget *view)
{
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  double times[20];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 start = g_get_monotonic_time ();
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);
      GskRenderNode *node;

      GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        {
          gsk_render_node_draw (node, cr);
          gsk_render_node_unref (node);
        }
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      cairo_surface_destroy (surface);
      times[i] = ms (g_get_monotonic_time () - start);
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), bench_compare_doubles);
  return times[G_N_ELEMENTS (times) / 2];
}

/* The floor under every frame: a plain window of the same size whose
 * one widget, a drawing area, paints the whole of it in one colour, a
 * different one each frame, as the map repaints the whole view. What
 * GTK itself takes to put such a frame on screen (the renderer, Xvfb),
 * whatever the application draws: the reference for longest_frame_ms. */
typedef struct
{
  gint64  began;
  GArray *times;  /* gint64 */
  guint   painted;
} Floor;

static void
floor_draw (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  Floor *floor = data;

  cairo_set_source_rgb (cr, floor->painted % 2 ? 0.9 : 0.95, 0.95, 0.95);
  cairo_paint (cr);
}

static void
floor_before_paint (GdkFrameClock *clock,
                    Floor         *floor)
{
  floor->began = g_get_monotonic_time ();
}

static void
floor_after_paint (GdkFrameClock *clock,
                   Floor         *floor)
{
  gint64 took = g_get_monotonic_time () - floor->began;

  /* The window's first frames are its mapping, not a repaint. */
  if (floor->painted++ >= 3)
    g_array_append_val (floor->times, took);
}

#define FLOOR_FRAMES 30

static void
print_frame_floor (int width,
                   int height)
{
  Floor floor = { 0 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *area = gtk_drawing_area_new ();
  GdkFrameClock *clock;

  floor.times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), floor_draw, &floor, NULL);
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  while (!mapped (window))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (floor_before_paint), &floor);
  g_signal_connect (clock, "after-paint", G_CALLBACK (floor_after_paint), &floor);
  while (floor.times->len < FLOOR_FRAMES)
    {
      guint painted = floor.painted;

      gtk_widget_queue_draw (area);
      while (floor.painted == painted)
        g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handlers_disconnect_by_data (clock, &floor);
  g_array_sort (floor.times, compare_int64);
  g_print ("floor_frame_ms_median=%.0f floor_frame_ms_longest=%.0f (%dx%d)\n",
           ms (g_array_index (floor.times, gint64, FLOOR_FRAMES / 2)),
           ms (g_array_index (floor.times, gint64, FLOOR_FRAMES - 1)), width, height);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (floor.times);
}

static void
edit_made_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!qg_window_apply_edit_finish (QG_WINDOW (source), result, &error))
    g_error ("bench-open: the edit was not made: %s", error ? error->message : "");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *size = NULL;
  g_autofree char *export_to = NULL;
  gboolean keys = FALSE, dot = FALSE, cached = FALSE, again = FALSE, edit = FALSE;
  const char *phases[] = { "flush-events", "before-paint", "update", "layout", "paint" };
  const GOptionEntry entries[] = {
    { "cached", 0, 0, G_OPTION_ARG_NONE, &cached,
      "Take the layout from the cache if it is there (default: lay out afresh)", NULL },
    { "again", 0, 0, G_OPTION_ARG_NONE, &again,
      "Then open FILE again in the same window, and measure that apart", NULL },
    { "edit", 0, 0, G_OPTION_ARG_NONE, &edit,
      "Then add an entity in the window, and measure that apart", NULL },
    { "keys", 0, 0, G_OPTION_ARG_NONE, &keys, "Press a key every 100 ms", NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Window size (default: the app's)", "WxH" },
    { "dot", 0, 0, G_OPTION_ARG_NONE, &dot, "FILE is a Graphviz DOT file", NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_to,
      "Then export the map to SVG as the window does, and time it", "OUT.svg" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GThread) thread = NULL;
  GtkEventController *controller;
  Bench bench = { 0 };
  int width = 0, height = 0;
  guint ticks;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("bench-open: %s\n", error ? error->message : "usage: bench-open [OPTION…] FILE");
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    {
      g_printerr ("bench-open: --size takes WxH\n");
      return 2;
    }
  bench.dot = dot;
  /* Graphviz's time is part of what is measured, unless asked. */
  qg_layout_cache_set_enabled (cached);
  gdk_set_allowed_backends ("x11");
  gtk_init ();
  app = bench_app_new ("io.github.quotegraph.Quotegraph.BenchOpen", "bench-open");

  g_mutex_init (&bench.lock);
  bench.pressed = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.handled = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.drawn = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.window = qg_window_new (GTK_APPLICATION (app), NULL, NULL);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (bench.window), width, height);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_cb), &bench);
  gtk_widget_add_controller (GTK_WIDGET (bench.window), controller);

  /* The window up and focused, so that the keys reach it. */
  gtk_window_present (GTK_WINDOW (bench.window));
  while (!mapped (bench.window))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_signal_add_emission_hook (g_signal_lookup (phases[i], GDK_TYPE_FRAME_CLOCK), 0, phase_hook,
                                &bench, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &bench);
  /* The empty window drawn once: its first frame is the window's cost,
   * not the document's. */
  while (bench.frames == 0)
    g_main_context_iteration (NULL, TRUE);
  bench.xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (
                                 gtk_native_get_surface (GTK_NATIVE (bench.window))));
  if (keys && !g_spawn_sync (NULL, (char *[]) { "xdotool", "windowfocus", "--sync", bench.xid,
                                                NULL },
                             NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error))
    g_error ("bench-open: %s", error->message);

  file = g_file_new_for_commandline_arg (argv[1]);
  bench.opened = bench.last_tick = g_get_monotonic_time ();
  if (bench.dot)
    qg_window_open_drawing (bench.window, file, argv[1], QG_DRAWING_DOT);
  else
    qg_window_open (bench.window, file, argv[1]);
  ticks = g_timeout_add_full (G_PRIORITY_HIGH, 2, tick_cb, &bench, NULL);
  if (keys)
    thread = g_thread_new ("keys", press_keys, &bench);

  while (!done (&bench))
    {
      g_autofree char *refused = NULL;

      g_main_context_iteration (NULL, TRUE);
      if ((refused = refusal (&bench)) != NULL)
        {
          g_printerr ("bench-open: %s: %s", argv[1], refused);
          return 1;
        }
    }

  if ((again || edit) && !bench.dot)
    {
      /* The first opening's figures, apart; the last are the second's. */
      print_stalls ("first_", &bench);
      g_print ("first_ms_to_map=%.0f\n", ms (bench.map_drawn - bench.opened));
      /* Held: freed, the next layout could be given its address. */
      bench.shown = qg_layout_ref (qg_graph_view_get_layout (qg_window_get_graph_view (bench.window)));
      bench.longest_stall = 0;
      bench.stalls = 0;
      bench.longest_frame = 0;
      bench.map_drawn = bench.article_done = 0;
      bench.opened = bench.last_tick = g_get_monotonic_time ();
      if (again)
        qg_window_open (bench.window, file, argv[1]);
      else
        {
          g_autoptr(QgEdit) added = qg_edit_new_add_entity ("Bench Newcomer", "person");

          qg_window_apply_edit_async (bench.window, added, NULL, edit_made_cb, NULL);
        }
      while (!done (&bench))
        g_main_context_iteration (NULL, TRUE);
      g_clear_pointer (&bench.shown, qg_layout_unref);
    }

  if (export_to != NULL)
    {
      gint64 began, ended, settled;

      /* The opening's stalls are printed first; the export's are apart. */
      print_stalls ("", &bench);
      bench.longest_stall = 0;
      bench.stalls = 0;
      bench.longest_frame = 0;
      began = bench.last_tick = g_get_monotonic_time ();
      qg_window_export_to_path (bench.window, export_to, FALSE);
      while (qg_window_is_busy (bench.window))
        g_main_context_iteration (NULL, TRUE);
      ended = g_get_monotonic_time ();
      /* And the frames after it (its toast). */
      settled = ended + SETTLE_USEC;
      while (g_get_monotonic_time () < settled)
        g_main_context_iteration (NULL, TRUE);
      if (!g_file_test (export_to, G_FILE_TEST_IS_REGULAR))
        g_error ("bench-open: the export made no %s", export_to);
      g_print ("export_ms=%.0f\n", ms (ended - began));
      print_stalls ("export_", &bench);
    }
  /* What follows is the benchmark's own waiting. */
  g_source_remove (ticks);

  if (keys)
    {
      /* The last keys pressed have their frames too. */
      gint64 until = g_get_monotonic_time () + 2 * KEY_PERIOD_USEC;

      g_mutex_lock (&bench.lock);
      bench.stop = TRUE;
      g_mutex_unlock (&bench.lock);
      g_thread_join (g_steal_pointer (&thread));
      while (g_get_monotonic_time () < until || bench.drawn->len < bench.handled->len)
        g_main_context_iteration (NULL, FALSE);
    }

  if (bench.dot)
    {
      QgDrawingView *view = qg_drawing_page_get_view (qg_window_get_drawing_page (bench.window));
      QgDrawing *drawing = qg_drawing_view_get_drawing (view);

      g_print ("nodes=%u edges=%u clusters=%u\n", qg_drawing_get_n_nodes (drawing),
               qg_drawing_get_n_edges (drawing), qg_drawing_get_n_clusters (drawing) - 1);
      g_print ("frame_ms=%.1f\n", frame_ms (GTK_WIDGET (view)));
    }
  else
    g_print ("entities=%u relations=%u\n",
             qg_document_get_n_entities (qg_window_get_document (bench.window)),
             qg_document_get_n_relations (qg_window_get_document (bench.window)));
  {
    struct rusage self, children;

    /* The window's, and its layout workers' (the largest of them). */
    getrusage (RUSAGE_SELF, &self);
    getrusage (RUSAGE_CHILDREN, &children);
    g_print ("peak_mb=%.0f worker_peak_mb=%.0f\n", self.ru_maxrss / 1024.0,
             children.ru_maxrss / 1024.0);
  }
  g_print ("ms_to_map=%.0f\n", ms (bench.map_drawn - bench.opened));
  g_print ("ms_to_article=%.0f\n", ms (bench.article_done - bench.opened));
  if (export_to == NULL)
    print_stalls ("", &bench);
  if (keys)
    {
      g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < bench.drawn->len && i < bench.pressed->len; i++)
        {
          gint64 l = g_array_index (bench.drawn, gint64, i)
                     - g_array_index (bench.pressed, gint64, i);

          g_array_append_val (latency, l);
        }
      g_array_sort (latency, compare_int64);
      if (g_getenv ("BENCH_OPEN_KEYS"))
        for (guint i = 0; i < bench.drawn->len && i < bench.pressed->len; i++)
          g_printerr ("key %u: pressed %.0f handled +%.0f drawn +%.0f\n", i,
                      ms (g_array_index (bench.pressed, gint64, i) - bench.opened),
                      ms (g_array_index (bench.handled, gint64, i)
                          - g_array_index (bench.pressed, gint64, i)),
                      ms (g_array_index (bench.drawn, gint64, i)
                          - g_array_index (bench.handled, gint64, i)));
      g_print ("keys_pressed=%u keys_drawn=%u\n", bench.pressed->len, bench.drawn->len);
      if (latency->len > 0)
        g_print ("key_to_frame_ms_median=%.0f key_to_frame_ms_longest=%.0f\n",
                 ms (g_array_index (latency, gint64, latency->len / 2)),
                 ms (g_array_index (latency, gint64, latency->len - 1)));
    }

  print_frame_floor (gtk_widget_get_width (GTK_WIDGET (bench.window)),
                     gtk_widget_get_height (GTK_WIDGET (bench.window)));

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_array_unref (bench.pressed);
  g_array_unref (bench.handled);
  g_array_unref (bench.drawn);
  g_free (bench.xid);
  g_mutex_clear (&bench.lock);
  return 0;
}
