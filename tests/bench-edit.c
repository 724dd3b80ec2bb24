/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-edit [--runs N] FILE
 *
 * Times each kind of edit of FILE, as the window would make it: each is
 * applied to the loaded document N times (the median and the longest are
 * printed, in milliseconds), then the document is written as JSON. Last,
 * a chain of edits kept in a QgHistory says what each version costs in
 * memory (the heap it holds, over 100 versions). Core only:
 * no display. */

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qg-document.h"
#include "qg-edit.h"
#include "qg-history.h"
#include "bench-stats.h"

#define VERSIONS 100

typedef QgEdit *(*MakeEdit) (QgDocument *doc,
                             guint       run);

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A span of some forty bytes in the middle of the article, moved to the
 * run's place and onto characters' first bytes. */
static void
span (QgDocument *doc,
      guint       run,
      gsize      *start,
      gsize      *end)
{
  gsize len;
  const char *text = qg_document_get_text (doc, &len);

  *start = (len / 2 + run * 997) % (len - 64);
  while (((guchar) text[*start] & 0xC0) == 0x80)
    (*start)++;
  *end = *start + 40;
  while (((guchar) text[*end] & 0xC0) == 0x80)
    (*end)++;
}

/* The @i-th entity's or quote's id, round the document. */
static const char *
entity_id (QgDocument *doc,
           guint       i)
{
  return qg_document_get_entity (doc, i % qg_document_get_n_entities (doc))->id;
}

static const char *
quote_id (QgDocument *doc,
          guint       i)
{
  return qg_document_get_quote (doc, i % qg_document_get_n_quotes (doc))->id;
}

/* The entity with the most relations: the heaviest deletion or merge. */
static const char *
hub (QgDocument *doc)
{
  guint best = 0, best_n = 0;

  for (guint e = 0; e < qg_document_get_n_entities (doc); e++)
    {
      guint n;

      qg_document_get_entity_relations (doc, e, &n);
      if (n > best_n)
        {
          best = e;
          best_n = n;
        }
    }
  return qg_document_get_entity (doc, best)->id;
}

static QgEdit *
add_entity (QgDocument *doc,
            guint       run)
{
  return qg_edit_new_add_entity ("Federal Trade Commission", "agency");
}

static QgEdit *
add_quote (QgDocument *doc,
           guint       run)
{
  gsize start, end;
  QgEdit *edit;

  span (doc, run, &start, &end);
  edit = qg_edit_new_add_quote (start, end);
  qg_edit_set_speaker (edit, entity_id (doc, run));
  return edit;
}

static QgEdit *
add_relation (QgDocument *doc,
              guint       run)
{
  const char *evidence[] = { quote_id (doc, run), NULL };

  return qg_edit_new_add_relation (entity_id (doc, run), entity_id (doc, run + 1), "criticises",
                                   evidence);
}

static QgEdit *
change_entity (QgDocument *doc,
               guint       run)
{
  QgEdit *edit = qg_edit_new_change_entity (entity_id (doc, run));

  qg_edit_set_name (edit, "A New Name");
  return edit;
}

static QgEdit *
move_quote (QgDocument *doc,
            guint       run)
{
  QgEdit *edit = qg_edit_new_change_quote (quote_id (doc, run));
  gsize start, end;

  span (doc, run, &start, &end);
  qg_edit_set_span (edit, start, end);
  return edit;
}

static QgEdit *
delete_hub (QgDocument *doc,
            guint       run)
{
  return qg_edit_new_delete_entity (hub (doc));
}

static QgEdit *
delete_quote (QgDocument *doc,
              guint       run)
{
  return qg_edit_new_delete_quote (quote_id (doc, run));
}

static QgEdit *
merge_into_hub (QgDocument *doc,
                guint       run)
{
  const char *keep = hub (doc);
  const char *other = entity_id (doc, run);

  return qg_edit_new_merge_entities (keep, strcmp (keep, other) != 0 ? other
                                                                     : entity_id (doc, run + 1));
}

static void
print_times (const char *key,
             GArray     *times)
{
  g_array_sort (times, bench_compare_doubles);
  printf ("%s_ms=%.1f %s_max_ms=%.1f\n", key, g_array_index (times, double, times->len / 2),
          key, g_array_index (times, double, times->len - 1));
  fflush (stdout);
}

static void
time_edit (QgDocument *doc,
           const char *key,
           MakeEdit    make,
           guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(QgEdit) edit = make (doc, run);
      g_autoptr(GError) error = NULL;
      g_autoptr(QgDocument) edited = NULL;
      double start = now_ms (), ms;

      edited = qg_document_apply (doc, edit, NULL, &error);
      ms = now_ms () - start;
      if (edited == NULL)
        {
          fprintf (stderr, "bench-edit: %s: %s\n", key, error->message);
          exit (1);
        }
      g_array_append_val (times, ms);
    }
  print_times (key, times);
}

/* Bytes the program holds on the heap. */
static gsize
heap_in_use (void)
{
  return mallinfo2 ().uordblks;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(QgHistory) history = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  int runs = 9;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Times each edit is made (9)", "N" },
    { NULL },
  };
  double start;
  gsize before = 0;
  gsize length;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-edit [--runs N] FILE\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  start = now_ms ();
  doc = qg_document_load (file, argv[1], NULL, &error);
  if (doc == NULL)
    {
      fprintf (stderr, "bench-edit: %s\n", error->message);
      return 1;
    }
  qg_document_get_text (doc, &length);
  if (qg_document_get_n_entities (doc) < 2 || qg_document_get_n_quotes (doc) < 1 || length < 128)
    {
      fprintf (stderr, "bench-edit: %s: a map of two entities, a quote and an article of 128 "
               "bytes at least is needed\n", argv[1]);
      return 1;
    }
  printf ("entities=%u quotes=%u relations=%u load_ms=%.1f\n", qg_document_get_n_entities (doc),
          qg_document_get_n_quotes (doc), qg_document_get_n_relations (doc), now_ms () - start);

  time_edit (doc, "add_entity", add_entity, runs);
  time_edit (doc, "add_quote", add_quote, runs);
  time_edit (doc, "add_relation", add_relation, runs);
  time_edit (doc, "change_entity", change_entity, runs);
  time_edit (doc, "move_quote", move_quote, runs);
  time_edit (doc, "delete_quote", delete_quote, runs);
  time_edit (doc, "delete_hub_entity", delete_hub, runs);
  time_edit (doc, "merge_into_hub", merge_into_hub, runs);

  for (int run = 0; run < runs; run++)
    {
      g_autofree char *json = NULL;
      double ms;

      start = now_ms ();
      json = qg_document_to_json (doc, NULL, NULL);
      ms = now_ms () - start;
      g_array_append_val (times, ms);
    }
  print_times ("to_json", times);

  /* Versions in a history, each one edit from the one before; measured
   * from the first, so that one model, the current version's, is in both. */
  history = qg_history_new (doc);
  for (guint i = 0; i <= VERSIONS; i++)
    {
      g_autoptr(QgEdit) edit = change_entity (qg_history_get_document (history), i);

      if (qg_history_apply (history, edit, NULL, &error) == NULL)
        {
          fprintf (stderr, "bench-edit: history: %s\n", error->message);
          return 1;
        }
      if (i == 0)
        before = heap_in_use ();
    }
  printf ("history_bytes_per_version=%" G_GSIZE_FORMAT "\n",
          (heap_in_use () - before) / VERSIONS);
  return 0;
}
