/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph"

#include "config.h"

#include <glib/gi18n.h>
#include <graphviz/gvc.h>
#include <graphviz/xdot.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if HAVE_CGRAPH_MEMDISC
#include <sys/mman.h>
#endif

#include "qg-article-index.h"
#include "qg-graph-private.h"
#include "qg-kinds.h"
#include "qg-label.h"
#include "qg-xml.h"
#include "qg-thread.h"
#include "qg-timings.h"

G_DEFINE_QUARK (qg-graph-error-quark, qg_graph_error)

/* cgraph and gvc keep global state: one caller at a time. More than one
 * call: a layout points Graphviz's globals at its graph's attributes
 * (N_width, E_label…, set by graph_init), which rendering that graph
 * reads, so that a graph laid out in one thread and rendered after
 * another thread's layout read the other graph's attributes and crashed
 * (two windows laying out at once did). A laid-out graph keeps Graphviz
 * for its thread until it is freed; the lock is recursive so that the
 * calls it makes meanwhile can take it too.
 *
 * While a thread holds it, the thread's locale is C: Graphviz writes and
 * reads numbers with printf and strtod, and so do libxdot and the layout's
 * reading here; under a locale that writes "0,5" (German, Russian) the
 * drawing came apart. uselocale () is the thread's own, so the rest of
 * the program keeps the person's locale. */
static GRecMutex graphviz_mutex;
static __thread guint graphviz_depth;
static __thread locale_t graphviz_saved_locale;

void
qg_graphviz_lock (void)
{
  static gsize c_locale;

  g_rec_mutex_lock (&graphviz_mutex);
  if (graphviz_depth++ > 0)
    return;
  if (g_once_init_enter (&c_locale))
    g_once_init_leave (&c_locale, (gsize) newlocale (LC_ALL_MASK, "C", (locale_t) 0));
  graphviz_saved_locale = uselocale ((locale_t) c_locale);
}

void
qg_graphviz_unlock (void)
{
  if (--graphviz_depth == 0)
    uselocale (graphviz_saved_locale);
  g_rec_mutex_unlock (&graphviz_mutex);
}

#if HAVE_AGLEXBAD
/* cgraph's own (lib/cgraph/cghdr.h), which it exports but does not declare. */
extern void aglexbad (void);
#endif

/* Graphviz's version: set with the context, under the lock; read
 * without it. */
static const char *graphviz_version;

/* One context for the whole process, never freed: Graphviz 2.43's pango
 * plugin caches a pointer to the last font name, which lives in the
 * context; freeing a context and laying out with a new one reads freed
 * memory (AddressSanitizer shows it). Caller holds the lock. */
GVC_t *
qg_graphviz_context (void)
{
  static GVC_t *gvc;

  if (gvc == NULL)
    {
      gvc = gvContext ();
      g_atomic_pointer_set (&graphviz_version, g_intern_string (gvcVersion (gvc)));
    }
  return gvc;
}

const char *
qg_graphviz_version (void)
{
  const char *version = g_atomic_pointer_get (&graphviz_version);

  if (version == NULL)
    {
      qg_graphviz_lock ();
      qg_graphviz_context ();
      qg_graphviz_unlock ();
      version = g_atomic_pointer_get (&graphviz_version);
    }
  return version;
}

/* Graphviz reports through cgraph's agerr: an HTML label it cannot parse
 * (the legend was then drawn as its node's name), a layout or a format it
 * cannot make. Printed on stderr, such an error left an export that
 * looked made and was not. Every message goes to cgraph's own file
 * instead (AGMAX: print none), and an error since the reset fails the
 * call with Graphviz's words. (agseterrf's function would be given the
 * messages, but Graphviz 2.42 reads freed memory formatting one of 1,024
 * bytes or more for it.) Warnings stay in that file. Caller holds the
 * lock. */
static void
graphviz_errors_reset (void)
{
  agseterr (AGMAX);
  agreseterrors ();
}

/* If Graphviz reported an error since the reset, its last message (the
 * error, or what it added after it), else NULL: on one line, valid UTF-8
 * without control characters (it may quote the document), and no longer
 * than a label on the map. Caller holds the lock. */
static char *
graphviz_error (void)
{
  char *last;
  g_autofree char *valid = NULL;
  g_autofree char *safe = NULL;
  g_autoptr(GString) line = NULL;

  if (agerrors () < AGERR)
    return NULL;
  last = aglasterr ();
  if (last == NULL)
    return g_strdup ("?");
  valid = g_utf8_make_valid (last, -1);
  free (last);
  line = g_string_new (NULL);
  for (const char *p = valid; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (line, *p);
    else if (line->len > 0 && line->str[line->len - 1] != ' ')
      g_string_append_c (line, ' ');
  g_strchomp (line->str);
  safe = qg_xml_safe (line->str);
  return qg_label_fit (safe, 0);
}

/* Sets @error to @message, and Graphviz's @reason if it gave one. */
static void
set_graphviz_error (GError     **error,
                    QgGraphError code,
                    const char  *message,
                    const char  *reason)
{
  if (reason == NULL)
    g_set_error_literal (error, QG_GRAPH_ERROR, code, message);
  else
    /* Translators: "what failed: what Graphviz said" */
    g_set_error (error, QG_GRAPH_ERROR, code, _("%s: %s"), message, reason);
}

/* ------------------------------------------------------------------------ */
/* The same map every time                                                   */

/* Graphviz 2.42 lays the same graph out differently from one time to the
 * next, in two ways that it leaves to chance and Quotegraph does not
 * (docs/format-notes.md has the evidence).
 *
 * Random numbers. sfdp draws from rand() before it seeds it, and the
 * spline router moves the corners of round nodes' obstacles by drand48(),
 * which only fdp and neato seed; both carry on from where the last layout
 * left them. They are set back to where glibc starts them in a new
 * process, so that every layout is the first of a process, as in `dot`.
 * Caller holds the lock. */
static void
restart_random (void)
{
  unsigned short fresh_drand48[3] = { 0, 0, 0 };

  srand (1);
  seed48 (fresh_drand48);
}

#if HAVE_CGRAPH_MEMDISC
/* Memory. fdp lays out a graph of its own, derived from ours, and orients
 * each of its edges from the node at the lower address to the one at the
 * higher (lib/fdpgen/layout.c, deriveGraph: "if (hd > tl)"). Which way an
 * edge goes changes the order in which forces are added up, and 600
 * iterations turn the rounding into another map. Where malloc puts the
 * nodes depends on all that the process allocated and freed before, in
 * every thread (Pango loads fonts in threads of its own): a few exports
 * in a hundred, and nearly every layout after the first in a window,
 * came out different.
 *
 * cgraph takes its memory through a discipline (AgMemDisc) that it lets
 * us replace: the graphs that Graphviz opens during an fdp layout get an
 * arena each, handed out in order and never reused before the graph is
 * closed, so that each node lands above the one made before it, as it
 * would in a fresh heap, and every edge goes from the earlier node to the
 * later. Other graphs keep cgraph's malloc. Caller holds the lock. */

typedef struct
{
  guint8 *base;
  gsize   used;
  gsize   committed;
} Arena;

/* Address space for one graph, backed as it is used: fdp's graph of the
 * bundled map takes 43 KB. Past it, memory comes from malloc again, and
 * the map is as it falls. */
#define ARENA_RESERVED ((gsize) 1 << 30)
#define ARENA_STEP ((gsize) 1 << 20)

static Agmemdisc_t plain_memory;   /* cgraph's own, which ignores its heap */
static gboolean in_order;          /* graphs opened now get an arena */

static gboolean
in_arena (Arena      *arena,
          const void *ptr)
{
  return arena != NULL && (const guint8 *) ptr >= arena->base
         && (const guint8 *) ptr < arena->base + ARENA_RESERVED;
}

static void *
arena_open (Agdisc_t *disc)
{
  Arena *arena;
  void *base;

  if (!in_order)
    return NULL;
  base = mmap (NULL, ARENA_RESERVED, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
               -1, 0);
  if (base == MAP_FAILED)
    return NULL;
  arena = g_new0 (Arena, 1);
  arena->base = base;
  return arena;
}

/* Zeroed, as cgraph's own: fresh pages are, and none is handed out twice. */
static void *
arena_alloc (void   *heap,
             size_t  size)
{
  Arena *arena = heap;
  gsize end = arena ? (arena->used + size + 15) & ~(gsize) 15 : 0;

  if (arena != NULL && end <= ARENA_RESERVED && end > arena->committed)
    {
      gsize committed = MIN ((end + ARENA_STEP - 1) / ARENA_STEP * ARENA_STEP, ARENA_RESERVED);

      if (mprotect (arena->base + arena->committed, committed - arena->committed,
                    PROT_READ | PROT_WRITE) == 0)
        arena->committed = committed;
    }
  if (arena != NULL && end <= arena->committed)
    {
      void *ptr = arena->base + arena->used;

      arena->used = end;
      return ptr;
    }
  return plain_memory.alloc (NULL, size);
}

static void *
arena_resize (void   *heap,
              void   *ptr,
              size_t  old_size,
              size_t  size)
{
  void *moved;

  if (!in_arena (heap, ptr))
    return plain_memory.resize (NULL, ptr, old_size, size);
  moved = arena_alloc (heap, size);
  if (moved != NULL)
    memcpy (moved, ptr, MIN (old_size, size));
  return moved;
}

/* agclose () frees the graph's closure last, and agopen () allocated it
 * first, at the arena's base: the whole arena goes with it. */
static void
arena_free (void *heap,
            void *ptr)
{
  Arena *arena = heap;

  if (!in_arena (arena, ptr))
    plain_memory.free (NULL, ptr);
  else if (ptr == arena->base)
    {
      munmap (arena->base, ARENA_RESERVED);
      g_free (arena);
    }
}

static void
lay_out_in_order (gboolean wanted)
{
  if (plain_memory.alloc == NULL)
    {
      plain_memory = AgMemDisc;
      AgMemDisc.open = arena_open;
      AgMemDisc.alloc = arena_alloc;
      AgMemDisc.resize = arena_resize;
      AgMemDisc.free = arena_free;
    }
  in_order = wanted;
}
#else
/* cgraph has no memory discipline to replace: fdp is left to chance. */
static void
lay_out_in_order (gboolean wanted)
{
}
#endif

static const char * const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };
static const char * const engine_labels[] = {
  N_("Hierarchical (dot)"), N_("Spring (neato)"), N_("Force-Directed (fdp)"),
  N_("Large Graphs (sfdp)"), N_("Circular (circo)"), N_("Radial (twopi)"),
};

/* Above this size dot's layered layout gets slow and hard to read. */
#define DOT_MAX_ENTITIES  150
#define DOT_MAX_RELATIONS 400

/* Names longer than this are wrapped at spaces; edge labels, which widen
 * the gaps between ranks, sooner. dot's map is as wide as its longest
 * chain of ranks, and a rank as wide as its widest name: at 15 columns the
 * bundled map is a fifth narrower than at 22, and fits a window at a
 * larger scale. */
#define WRAP_COLUMNS 15
#define WRAP_LABEL_COLUMNS 14

/* Above this many entities a map is large, and some room for labels costs
 * too much: routing edges around nodes (splines=true) takes time that
 * grows faster than the square of the nodes (0.1 s for the 28 entities of
 * the bundled map, 7 s for 150 generated ones, minutes for 1000), and
 * twopi's crowded rings, scaled up until no nodes overlap, would make a
 * map of 1000 entities a hundred times larger. */
#define LARGE_MAP_ENTITIES 150

/* prism removes the overlaps between nodes a step at a time, up to 1000
 * steps, until the closest pair is as far apart as its sizes and margins
 * ask. On a large map it comes within a thousandth of that in some forty
 * steps (36 for 10,000 generated entities, 55 for 50,000), then stays
 * there: Graphviz 2.43 rounds the remaining overlap up to a thousandth,
 * and takes the other 950 steps (2 to 3 s each at 50,000 entities, over
 * 40 minutes in all). Stopped after 40, the nodes of 10,000 entities are
 * where all the steps put them (the median moved by 0, the farthest by
 * 0.08 inches), none overlapping, still a margin apart. */
#define LARGE_MAP_OVERLAP "prism40"

/* The longest class a kind gets, in bytes (of ASCII): an id's longest. */
#define CSS_CLASS_MAX 64

/* Quotes listed in one node's tooltip at most. */
#define NODE_TOOLTIP_QUOTES 10

/* A draft is drawn dotted, a line pattern that no kind and no stance has
 * (groups, other kinds and neutral stances are dashed), and its label
 * oblique: both in the window, which reads them from the layout, and in
 * every export. */
#define DRAFT_FONT "Helvetica-Oblique"

const char * const *
qg_graph_engines (void)
{
  return engines;
}

gboolean
qg_graph_engine_is_valid (const char *engine)
{
  return engine != NULL && g_strv_contains (engines, engine);
}

const char *
qg_graph_engine_label (const char *engine)
{
  for (guint i = 0; engines[i]; i++)
    if (g_strcmp0 (engine, engines[i]) == 0)
      return _(engine_labels[i]);
  return engine;
}

const char *
qg_graph_engine_for (QgDocument *document)
{
  if (qg_document_get_n_entities (document) <= DOT_MAX_ENTITIES
      && qg_document_get_n_relations (document) <= DOT_MAX_RELATIONS)
    return "dot";
  return "sfdp";
}

/* Up to this size each engine lays a map out in seconds here (README.md,
 * "Performance"); beyond it, in minutes or more. dot lays out 1,000
 * entities and 2,000 relations in more than three minutes, circo in more
 * than one; neato and fdp in a few seconds, and sfdp 10,000 in about a
 * minute. */
static const struct
{
  const char *engine;
  guint       entities;
  guint       relations;
} quick_up_to[] = {
  { "dot", DOT_MAX_ENTITIES, DOT_MAX_RELATIONS },
  { "circo", 300, 600 },
  { "twopi", 5000, 10000 },
  { "neato", 2000, 4000 },
  { "fdp", 2000, 4000 },
  { "sfdp", 5000, 10000 },
};

char *
qg_graph_engine_warning (const char *engine,
                         QgDocument *document)
{
  guint entities = qg_document_get_n_entities (document);
  guint relations = qg_document_get_n_relations (document);

  for (guint i = 0; i < G_N_ELEMENTS (quick_up_to); i++)
    if (g_strcmp0 (engine, quick_up_to[i].engine) == 0
        && (entities > quick_up_to[i].entities || relations > quick_up_to[i].relations))
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: "Hierarchical (dot) may take…" */
                                           "%s may take minutes for a map of %u entity",
                                           "%s may take minutes for a map of %u entities",
                                           entities),
                              qg_graph_engine_label (engine), entities);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Escaping: every string handed to Graphviz comes out literally              */

/* @text for Graphviz, each backslash written as @backslash. XML cannot
 * carry control characters (but for tab, line feed and carriage return),
 * U+FFFE or U+FFFF: they are shown as U+FFFD, so that every export, the
 * SVG and the .gv as much as the PNG and PDF drawn from it, is made of
 * characters XML allows. */
static char *
escape (const char *text,
        const char *backslash)
{
  g_autofree char *safe = qg_xml_safe (text);
  GString *out = g_string_sized_new (strlen (safe) + 8);

  for (const char *p = safe; *p; p++)
    {
      if (*p == '\\')
        g_string_append (out, backslash);
      else if (*p == '&')
        /* Graphviz decodes entities in labels and tooltips, so a literal
         * '&' must itself be written as an entity. */
        g_string_append (out, "&amp;");
      else if (*p == '\t')
        g_string_append_c (out, ' ');
      else if (*p != '\r') /* a CR before a newline says nothing more */
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Labels are escStrings: "\N" is the node name, "\n" a line break, and
 * "\\" a backslash. */
char *
qg_graphviz_escape_label (const char *text)
{
  return escape (text, "\\\\");
}

/* Tooltips are unescaped twice by Graphviz 2.42/2.43 (once when read as an
 * escString, once when the object's name is substituted), so a backslash
 * needs four. The tests prove it on the SVG. */
char *
qg_graphviz_escape_tooltip (const char *text)
{
  return escape (text, "\\\\\\\\");
}

static char *
css_class_for_kind (const char *kind)
{
  static const char * const reserved[] = { "node", "edge", "graph", "cluster", "legend", NULL };
  GString *out = g_string_new (NULL);

  /* As long as an id at most: the class of a huge kind would weigh as
   * much as the kind in every node of it, in the SVG and the .gv. */
  for (const char *p = kind; *p && out->len < CSS_CLASS_MAX; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0 || g_ascii_isdigit (out->str[0]) || g_strv_contains (reserved, out->str))
    g_string_prepend (out, "kind-");
  if (qg_kind_from_string (kind) == QG_KIND_OTHER)
    g_string_append (out, " other-kind");
  return g_string_free (out, FALSE);
}

/* What a tooltip says of a draft, after the item's name or the quote:
 * the mark the export's reader goes by (docs/format-notes.md, "Drafts"). */
static void
append_draft_mark (GString  *out,
                   gboolean  draft)
{
  /* Translators: said of a drafted item in an exported map's tooltip,
   * "Ann Lee (person) (draft)" */
  if (draft)
    g_string_append_printf (out, " (%s)", _("draft"));
}

static void
append_quote (GString    *out,
              QgDocument *doc,
              guint       index)
{
  const QgQuote *quote = qg_document_get_quote (doc, index);

  if (out->len > 0)
    g_string_append (out, "\n\n");
  if (quote->speaker >= 0)
    g_string_append_printf (out, "%s: ", qg_document_get_entity (doc, quote->speaker)->name);
  /* Runs of white space as one space: Graphviz would otherwise write a run
   * as no-break spaces. */
  g_string_append_c (out, '"');
  qg_document_append_passage (doc, index, out);
  g_string_append_c (out, '"');
  append_draft_mark (out, quote->draft);
}

/* @listed: per quote, 1 + the entity whose tooltip last listed it. Drafted
 * quotes are left out @without_drafts. */
static char *
node_tooltip (QgDocument *doc,
              guint      *listed,
              guint       index,
              gboolean    without_drafts)
{
  const QgEntity *entity = qg_document_get_entity (doc, index);
  g_autoptr(GString) quotes = g_string_new (NULL);
  guint n_listed = 0;
  guint n_more = 0;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s (%s)", entity->name, entity->kind);
  append_draft_mark (out, entity->draft);
  if (entity->description != NULL)
    g_string_append_printf (out, "\n%s", entity->description);

  guint n_spoken, n_relations;
  const guint *spoken = qg_document_get_speaker_quotes (doc, index, &n_spoken);
  const guint *relations = qg_document_get_entity_relations (doc, index, &n_relations);

  /* What it says, then the evidence of what it does. */
  for (guint i = 0; i < n_spoken; i++)
    {
      guint q = spoken[i];

      if (without_drafts && qg_document_get_quote (doc, q)->draft)
        continue;
      if (n_listed++ < NODE_TOOLTIP_QUOTES)
        append_quote (quotes, doc, q);
      else
        n_more++;
      listed[q] = index + 1;
    }
  for (guint i = 0; i < n_relations; i++)
    {
      const QgRelation *rel = qg_document_get_relation (doc, relations[i]);

      if (rel->source != (gint) index || (without_drafts && rel->draft))
        continue;
      for (guint e = 0; e < rel->n_evidence; e++)
        if (listed[rel->evidence[e]] != index + 1
            && !(without_drafts && qg_document_get_quote (doc, rel->evidence[e])->draft))
          {
            listed[rel->evidence[e]] = index + 1;
            if (n_listed++ < NODE_TOOLTIP_QUOTES)
              append_quote (quotes, doc, rel->evidence[e]);
            else
              n_more++;
          }
    }

  if (quotes->len > 0)
    g_string_append_printf (out, "\n\n%s", quotes->str);
  if (n_more > 0)
    {
      g_string_append (out, "\n\n");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "and %u more quote",
                                                "and %u more quotes", n_more), n_more);
    }
  return g_string_free (out, FALSE);
}

static char *
edge_tooltip (QgDocument *doc,
              guint       index,
              gboolean    without_drafts)
{
  const QgRelation *rel = qg_document_get_relation (doc, index);
  g_autoptr(GString) quotes = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s %s %s (%s)",
                          qg_document_get_entity (doc, rel->source)->name, rel->label,
                          qg_document_get_entity (doc, rel->target)->name,
                          qg_stance_to_string (rel->stance));
  append_draft_mark (out, rel->draft);
  for (guint e = 0; e < rel->n_evidence; e++)
    if (!without_drafts || !qg_document_get_quote (doc, rel->evidence[e])->draft)
      append_quote (quotes, doc, rel->evidence[e]);
  if (quotes->len > 0)
    g_string_append_printf (out, "\n\n%s", quotes->str);
  return g_string_free (out, FALSE);
}

/* agxset copies the value into cgraph's string pool. */
static void
set_attr (void       *object,
          Agsym_t    *sym,
          const char *value)
{
  agxset (object, sym, (char *) value);
}

static void
set_escaped (void       *object,
             Agsym_t    *sym,
             const char *value,
             gboolean    tooltip)
{
  g_autofree char *escaped = tooltip ? qg_graphviz_escape_tooltip (value)
                                     : qg_graphviz_escape_label (value);
  set_attr (object, sym, escaped);
}

static Agsym_t *
declare (Agraph_t   *g,
         int         kind,
         const char *name,
         const char *value)
{
  return agattr (g, kind, (char *) name, (char *) value);
}

/* Outside dot, Graphviz lays out the nodes alone, then puts each edge's
 * label beside the middle of the edge, clear of the nodes and of the
 * labels already placed where there is room, and over them where there is
 * none. Each engine's settings make that room, measured on the bundled map
 * (tests/test-layout.c), as compactly as they can. What goes here is in the
 * exported .gv too, so that `dot -Tsvg` on it draws the same picture. */
static void
declare_graph_style (Agraph_t   *g,
                     const char *engine,
                     guint       n_entities)
{
  gboolean large = n_entities > LARGE_MAP_ENTITIES;

  declare (g, AGRAPH, "layout", engine);
  declare (g, AGRAPH, "fontname", "Helvetica");
  if (strcmp (engine, "dot") == 0)
    {
      /* dot gives each label a place of its own between two ranks, clear
       * of everything. Compact, so that a whole map of some thirty
       * entities reads at the size of a window; below 0.2, ranksep makes
       * no difference. */
      declare (g, AGRAPH, "rankdir", "LR");
      declare (g, AGRAPH, "nodesep", "0.15");
      declare (g, AGRAPH, "ranksep", "0.2");
      return;
    }

  /* Parallel edges are drawn as a fan this wide (in inches): enough for
   * their labels, which go beside their middles, to spread out. */
  declare (g, AGRAPH, "nodesep", "1");

  if (strcmp (engine, "twopi") == 0 || strcmp (engine, "circo") == 0)
    {
      /* Straight edges, with which the label bounds of
       * tests/test-layout.c were measured: routed ones (splines=true)
       * came out a little different from one layout to the next in a
       * process, until restart_random (). Removing overlaps with prism, as
       * overlap=false does, would first shrink the circles and rings. */
      if (strcmp (engine, "twopi") == 0 && !large)
        {
          /* Rings far enough apart for the labels of the edges between
           * them: the first at 5 inches, then one every 3. */
          declare (g, AGRAPH, "ranksep", "5:3");
          declare (g, AGRAPH, "overlap", "scale");
        }
      else if (strcmp (engine, "twopi") == 0)
        {
          /* A large map's rings are crowded anyway: its nodes are pushed
           * apart where they overlap, with a margin for labels. */
          declare (g, AGRAPH, "overlap", LARGE_MAP_OVERLAP);
          declare (g, AGRAPH, "sep", "+20");
        }
      /* circo spaces the nodes on its circles itself. Its own spacing,
       * mindist, cannot be set: Graphviz 2.43 keeps the attribute, and the
       * address of its graph, from the last layout, and reads the freed
       * attribute when a new graph lands at that address. */
      return;
    }

  /* Edges around the nodes, not through them; the middle of a routed edge
   * is where its label goes. */
  if (!large)
    declare (g, AGRAPH, "splines", "true");
  declare (g, AGRAPH, "overlap", large ? LARGE_MAP_OVERLAP : "prism");
  if (strcmp (engine, "neato") == 0)
    {
      /* An edge as long as the neighbours its ends do not share: a hub's
       * edges grow long and its labels spread out, instead of piling up
       * around it. With edges of one length, the margin that keeps the
       * labels clear takes two thirds more room. */
      declare (g, AGRAPH, "model", "subset");
      declare (g, AGRAPH, "sep", "+40");
    }
  else
    {
      /* fdp and sfdp want one length of every edge, so only a wide margin
       * around each node keeps a hub's labels apart. */
      declare (g, AGRAPH, "sep", strcmp (engine, "fdp") == 0 ? "+44" : "+40");
    }
}

/* Appends to the HTML of the legend, each string escaped: a kind or a
 * translation with "&" or "<" must not end the label early. */
G_GNUC_PRINTF (2, 3)
static void
append_html (GString    *html,
             const char *format,
             ...)
{
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  escaped = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (html, escaped);
}

/* The legend of an exported map: the kinds and stances shown, as an
 * HTML-like table in a node of its own, so that it is part of the picture
 * (and of the .gv) and never taken for an entity: its class is "legend". */
static void
add_legend (Agraph_t          *g,
            QgDocument        *doc,
            const guint8      *hidden_entities,
            const guint8      *hidden_relations,
            gboolean           drafts)
{
  g_autoptr(GPtrArray) kinds = qg_kinds_present (doc, hidden_entities);
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *name = NULL;
  gboolean stances[3] = { FALSE };
  Agnode_t *n;
  char *label;

  guint n_order;
  const QgStance *order = qg_stance_legend_order (&n_order);

  qg_stances_present (doc, hidden_relations, stances);

  /* Headings are bold by the font's name: Graphviz 2.42's pango plugin
   * leaks the text of every span with <B>. */
#define LEGEND_HEADING \
  "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT FACE=\"Helvetica-Bold\">%s</FONT></TD></TR>"
  g_string_append (html, "<FONT FACE=\"Helvetica\" POINT-SIZE=\"10\"><TABLE BORDER=\"1\" "
                   "COLOR=\"#c0bfbc\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">");
  append_html (html, LEGEND_HEADING, _("Kinds"));
  for (guint i = 0; i < kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      const QgKindStyle *style = qg_kind_get_style (qg_kind_from_string (kind));
      g_autofree char *name = qg_kind_legend_name (kind);
      g_autofree char *safe = qg_xml_safe (name);

      append_html (html, "<TR><TD WIDTH=\"20\" HEIGHT=\"12\" BORDER=\"1\" BGCOLOR=\"%s\" "
                   "COLOR=\"%s\"></TD><TD ALIGN=\"LEFT\">%s</TD></TR>",
                   style->fill[QG_SCHEME_LIGHT], style->stroke[QG_SCHEME_LIGHT], safe);
    }
  if (stances[0] || stances[1] || stances[2])
    {
      append_html (html, LEGEND_HEADING, _("Stances"));
      /* A long arrow, dashed for neutral, ending in a bar for an
       * opposition, as the edges are drawn. */
      for (guint i = 0; i < n_order; i++)
        if (stances[order[i]])
          append_html (html, "<TR><TD><FONT COLOR=\"%s\" POINT-SIZE=\"14\">%s</FONT></TD>"
                       "<TD ALIGN=\"LEFT\">%s</TD></TR>",
                       qg_stance_get_style (order[i])->color[QG_SCHEME_LIGHT],
                       qg_stance_get_style (order[i])->legend_arrow,
                       qg_stance_display_name (order[i]));
    }
  if (drafts)
    {
      /* A swatch with a dotted outline and oblique words, as drafts are drawn. */
      append_html (html, LEGEND_HEADING, _("Drafts"));
      append_html (html, "<TR><TD WIDTH=\"20\" HEIGHT=\"12\" BORDER=\"1\" STYLE=\"dotted\" "
                   "COLOR=\"%s\"></TD><TD ALIGN=\"LEFT\"><FONT FACE=\"" DRAFT_FONT "\">%s"
                   "</FONT></TD></TR>",
                   qg_stance_get_style (QG_STANCE_NEUTRAL)->color[QG_SCHEME_LIGHT],
                   _("Not yet checked"));
    }
  g_string_append (html, "</TABLE></FONT>");

  /* A name no entity has. */
  name = g_strdup ("quotegraph-legend");
  for (guint k = 2; qg_document_find_entity (doc, name) >= 0; k++)
    {
      g_free (name);
      name = g_strdup_printf ("quotegraph-legend-%u", k);
    }
  n = agnode (g, name, TRUE);
  label = agstrdup_html (g, html->str);
  agsafeset (n, (char *) "label", label, (char *) "");
  agstrfree (g, label);
  agsafeset (n, (char *) "shape", (char *) "plain", (char *) "");
  agsafeset (n, (char *) "style", (char *) "solid", (char *) "");
  agsafeset (n, (char *) "id", name, (char *) "");
  agsafeset (n, (char *) "class", (char *) "legend", (char *) "");
  agsafeset (n, (char *) "tooltip", (char *) " ", (char *) "");
}

/* @style (a kind's Graphviz style) with its outline dotted. */
static char *
draft_style (const char *style)
{
  g_auto(GStrv) parts = g_strsplit (style, ",", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "dashed") != 0 && strcmp (parts[i], "solid") != 0)
      g_strv_builder_add (kept, parts[i]);
  g_strv_builder_add (kept, "dotted");
  joined = g_strv_builder_end (kept);
  return g_strjoinv (",", joined);
}

/* Builds the styled graph in cgraph's own form. Caller holds the lock. */
/* Whether a layout keeps the places of an earlier one: neato and fdp
 * take a node's "pos" with "!" as where it stays. */
static gboolean
keeps_places (const QgGraphOptions *options)
{
  return options->keep != NULL && options->keep_document != NULL
         && (strcmp (options->engine, "neato") == 0 || strcmp (options->engine, "fdp") == 0);
}

/* @id's place on the earlier layout, in Graphviz's points (y up), pinned;
 * an entity new to the map has none. */
static void
keep_place (Agnode_t             *n,
            Agsym_t              *pos,
            const QgGraphOptions *options,
            const char           *id)
{
  gint was = qg_document_find_entity (options->keep_document, id);
  const QgItem *item;
  char value[G_ASCII_DTOSTR_BUF_SIZE * 2 + 2];
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  if (was < 0 || (guint) was >= qg_layout_get_n_nodes (options->keep))
    return;
  item = qg_layout_get_node (options->keep, was);
  g_ascii_formatd (x, sizeof x, "%.2f", item->cx);
  g_ascii_formatd (y, sizeof y, "%.2f", qg_layout_get_height (options->keep) - item->cy);
  g_snprintf (value, sizeof value, "%s,%s!", x, y);
  agxset (n, pos, value);
}

static Agraph_t *
build_graph (QgDocument         *doc,
             const QgGraphOptions *options)
{
  const char *engine = options->engine;
  Agraph_t *g = agopen ((char *) "quotegraph", Agdirected, NULL);
  Agsym_t *n_label, *n_id, *n_class, *n_tooltip, *n_shape, *n_style, *n_fill, *n_color;
  Agsym_t *n_pos, *n_font;
  Agsym_t *e_label, *e_id, *e_class, *e_tooltip, *e_color, *e_fontcolor, *e_style, *e_pen;
  Agsym_t *e_arrowhead, *e_arrowsize;
  Agsym_t *e_font;
  guint n_entities = qg_document_get_n_entities (doc);
  g_autofree Agnode_t **nodes = g_new0 (Agnode_t *, n_entities);
  const QgKindStyle *other = qg_kind_get_style (QG_KIND_OTHER);
  const QgStanceStyle *neutral = qg_stance_get_style (QG_STANCE_NEUTRAL);
  const char *edge_text = qg_text_get_style ()->edge_text[QG_SCHEME_LIGHT];
  g_autofree guint *listed = g_new0 (guint, MAX (qg_document_get_n_quotes (doc), 1));
  gboolean drafts_shown = FALSE;

  declare_graph_style (g, engine, n_entities);

  n_font = declare (g, AGNODE, "fontname", "Helvetica");
  declare (g, AGNODE, "fontsize", "11");
  declare (g, AGNODE, "margin", "0.12,0.06");
  n_shape = declare (g, AGNODE, "shape", other->shape);
  n_style = declare (g, AGNODE, "style", other->style);
  n_fill = declare (g, AGNODE, "fillcolor", other->fill[QG_SCHEME_LIGHT]);
  n_color = declare (g, AGNODE, "color", other->stroke[QG_SCHEME_LIGHT]);
  n_pos = keeps_places (options) ? declare (g, AGNODE, "pos", "") : NULL;
  n_label = declare (g, AGNODE, "label", "");
  n_id = declare (g, AGNODE, "id", "");
  n_class = declare (g, AGNODE, "class", "");
  n_tooltip = declare (g, AGNODE, "tooltip", "");

  e_font = declare (g, AGEDGE, "fontname", "Helvetica");
  declare (g, AGEDGE, "fontsize", "9");
  e_arrowsize = declare (g, AGEDGE, "arrowsize", "0.7");
  e_color = declare (g, AGEDGE, "color", neutral->color[QG_SCHEME_LIGHT]);
  e_fontcolor = declare (g, AGEDGE, "fontcolor", edge_text);
  e_style = declare (g, AGEDGE, "style", neutral->style);
  e_pen = declare (g, AGEDGE, "penwidth", neutral->pen_width);
  e_arrowhead = declare (g, AGEDGE, "arrowhead", neutral->arrowhead);
  e_label = declare (g, AGEDGE, "label", "");
  e_id = declare (g, AGEDGE, "id", "");
  e_class = declare (g, AGEDGE, "class", "");
  e_tooltip = declare (g, AGEDGE, "tooltip", "");

  for (guint i = 0; i < n_entities; i++)
    {
      const QgEntity *entity = qg_document_get_entity (doc, i);
      const QgKindStyle *style = qg_kind_get_style (entity->styled_kind);
      g_autofree char *wrapped = NULL;
      g_autofree char *css = NULL;
      g_autofree char *tooltip = NULL;
      Agnode_t *n;

      if (options->hidden_entities != NULL && options->hidden_entities[i])
        continue;
      wrapped = qg_label_fit (entity->name, WRAP_COLUMNS);
      css = css_class_for_kind (entity->kind);
      if (!options->without_tooltips)
        tooltip = node_tooltip (doc, listed, i, options->without_drafts);
      n = agnode (g, (char *) entity->id, TRUE);

      nodes[i] = n;
      set_escaped (n, n_label, wrapped, FALSE);
      set_attr (n, n_id, entity->id);
      set_attr (n, n_class, css);
      if (tooltip != NULL)
        set_escaped (n, n_tooltip, tooltip, TRUE);
      set_attr (n, n_shape, style->shape);
      set_attr (n, n_style, style->style);
      set_attr (n, n_fill, style->fill[QG_SCHEME_LIGHT]);
      set_attr (n, n_color, style->stroke[QG_SCHEME_LIGHT]);
      drafts_shown |= entity->draft;
      if (entity->draft)
        {
          g_autofree char *dotted = draft_style (style->style);
          g_autofree char *classes = g_strconcat (css, " draft", NULL);

          set_attr (n, n_style, dotted);
          set_attr (n, n_class, classes);
          set_attr (n, n_font, DRAFT_FONT);
        }
      if (n_pos != NULL)
        keep_place (n, n_pos, options, entity->id);
    }

  for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
    {
      const QgRelation *rel = qg_document_get_relation (doc, i);
      const QgStanceStyle *style = qg_stance_get_style (rel->stance);
      g_autofree char *wrapped = NULL;
      g_autofree char *tooltip = NULL;
      Agedge_t *e;

      if ((options->hidden_relations != NULL && options->hidden_relations[i])
          || nodes[rel->source] == NULL || nodes[rel->target] == NULL)
        continue;
      wrapped = qg_label_fit (rel->label, WRAP_LABEL_COLUMNS);
      if (!options->without_tooltips)
        tooltip = edge_tooltip (doc, i, options->without_drafts);
      e = agedge (g, nodes[rel->source], nodes[rel->target], (char *) rel->id, TRUE);

      set_escaped (e, e_label, wrapped, FALSE);
      set_attr (e, e_id, rel->id);
      set_attr (e, e_class, qg_stance_to_string (rel->stance));
      if (tooltip != NULL)
        set_escaped (e, e_tooltip, tooltip, TRUE);
      set_attr (e, e_color, style->color[QG_SCHEME_LIGHT]);
      set_attr (e, e_fontcolor, edge_text);
      set_attr (e, e_style, style->style);
      set_attr (e, e_pen, style->pen_width);
      set_attr (e, e_arrowhead, style->arrowhead);
      /* Graphviz's bar is half as long as its point: twice the size, it
       * ends the edge where a point would, and the labels keep their place. */
      set_attr (e, e_arrowsize, strcmp (style->arrowhead, "tee") == 0 ? "1.4" : "0.7");
      drafts_shown |= rel->draft;
      if (rel->draft)
        {
          g_autofree char *classes = g_strconcat (qg_stance_to_string (rel->stance), " draft",
                                                  NULL);

          set_attr (e, e_style, "dotted");
          set_attr (e, e_class, classes);
          set_attr (e, e_font, DRAFT_FONT);
        }
    }

  /* With no entity shown there is nothing to explain: the picture is empty. */
  if (options->legend && agnnodes (g) > 0)
    add_legend (g, doc, options->hidden_entities, options->hidden_relations, drafts_shown);
  if (options->dpi > 0)
    {
      g_autofree char *dpi = g_strdup_printf ("%d", options->dpi);
      declare (g, AGRAPH, "dpi", dpi);
    }
  return g;
}

/* Graphviz's scanner reads a run of a quoted string without a backslash
 * or a quote as one token. `dot` refuses a token longer than 16,384
 * bytes ("longer than 16384?"), and agmemread scans one again from its
 * start each time its buffer grows: a tooltip with an 8 MiB kind took a
 * minute and a half to read back. */
#define DOT_MAX_RUN 4096

/* @dot as agwrite wrote it, with each run of a quoted string longer than
 * DOT_MAX_RUN bytes broken by a backslash and a newline, which DOT's
 * scanner drops: the strings read back the same. agwrite breaks long
 * strings itself, but only at spaces. HTML strings (<…>, the legend) are
 * left as they are: bounded by the labels' limit, they need no breaking. */
static GString *
break_long_runs (const char *dot,
                 gsize       length)
{
  GString *out = g_string_sized_new (length + length / DOT_MAX_RUN * 2 + 1);
  const char *end = dot + length;
  gboolean quoted = FALSE;
  guint html = 0;
  gsize run = 0;

  for (const char *p = dot; p < end; p++)
    {
      if (html > 0)
        {
          if (*p == '<')
            html++;
          else if (*p == '>')
            html--;
        }
      else if (!quoted)
        {
          quoted = *p == '"';
          html = *p == '<';
          run = 0;
        }
      else if (*p == '\\' && p + 1 < end)
        {
          g_string_append_c (out, *p++);
          run = 0;
        }
      else if (*p == '"')
        quoted = FALSE;
      /* Between two characters, not inside one's UTF-8. */
      else if (++run > DOT_MAX_RUN && ((guchar) *p & 0xC0) != 0x80)
        {
          g_string_append (out, "\\\n");
          run = 1;
        }
      g_string_append_c (out, *p);
    }
  return out;
}

/* The graph as DOT text, NUL-terminated. Caller holds the lock. */
static char *
write_dot (Agraph_t *g,
           gsize    *length)
{
  char *buffer = NULL;
  size_t size = 0;
  FILE *stream = open_memstream (&buffer, &size);
  GString *broken;

  if (stream == NULL)
    g_error ("open_memstream: %s", g_strerror (errno));
  agwrite (g, stream);
  fclose (stream);
  broken = break_long_runs (buffer, size);
  free (buffer);
  *length = broken->len;
  return g_string_free (broken, FALSE);
}

/* A graph of more objects than this is closed in a thread of its own. */
#define CLOSE_LATER_OBJECTS 20000

static gint n_closed_beside;

static gpointer
close_in_thread (gpointer data)
{
  qg_thread_give_way ();
  qg_graphviz_lock ();
  agclose (data);
  qg_graphviz_unlock ();
  g_atomic_int_inc (&n_closed_beside);
  return NULL;
}

guint
qg_graph_get_n_closed_beside (void)
{
  return (guint) g_atomic_int_get (&n_closed_beside);
}

/* Closes @g, which only its caller knows of. agclose frees object by
 * object, each attribute's string looked up in cgraph's dictionary: a
 * quarter of the time the 50,000-entity map's styled graph takes to
 * make. That graph is closed beside what comes next, which for a layout
 * from the cache needs no Graphviz. Caller holds the lock. */
static void
close_soon (Agraph_t *g)
{
  if (agnnodes (g) + agnedges (g) <= CLOSE_LATER_OBJECTS
      || !qg_thread_start_beside ("qg-close-graph", close_in_thread, g))
    agclose (g);
}

QgGraph *
qg_graph_new (QgDocument  *document,
              const char  *engine,
              GError     **error)
{
  QgGraphOptions options = { .engine = engine };

  return qg_graph_new_full (document, &options, error);
}

QgGraph *
qg_graph_new_full (QgDocument            *document,
                   const QgGraphOptions  *given,
                   GError               **error)
{
  QgGraphOptions options = *given;
  const char *engine = options.engine;
  g_autofree guint8 *hidden_entities = NULL;
  g_autofree guint8 *hidden_relations = NULL;
  QgGraph *self;
  Agraph_t *built;
  char *dot;
  gsize length;
  g_autofree char *reason = NULL;
  gint64 start = qg_timings_now ();

  g_return_val_if_fail (QG_IS_DOCUMENT (document), NULL);

  if (engine == NULL)
    engine = qg_graph_engine_for (document);
  if (!qg_graph_engine_is_valid (engine))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) engines);
      g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_ENGINE,
                   _("unknown layout engine \"%s\" (use one of %s)"), engine, known);
      return NULL;
    }

  options.engine = engine;
  /* Drafts left out are left out as the filters leave items out: the
   * legend and the counts are of what is left. */
  if (options.without_drafts)
    {
      guint n_entities = qg_document_get_n_entities (document);
      guint n_relations = qg_document_get_n_relations (document);

      hidden_entities = g_new0 (guint8, MAX (n_entities, 1));
      hidden_relations = g_new0 (guint8, MAX (n_relations, 1));
      for (guint i = 0; i < n_entities; i++)
        hidden_entities[i] = (given->hidden_entities != NULL && given->hidden_entities[i])
                             || qg_document_get_entity (document, i)->draft;
      for (guint i = 0; i < n_relations; i++)
        hidden_relations[i] = (given->hidden_relations != NULL && given->hidden_relations[i])
                              || qg_document_get_relation (document, i)->draft;
      options.hidden_entities = hidden_entities;
      options.hidden_relations = hidden_relations;
    }
  qg_graphviz_lock ();
  /* The context, and with it Graphviz's version: the layout cache's key
   * is then made without the lock, which close_soon's thread may hold. */
  qg_graphviz_context ();
  graphviz_errors_reset ();
  built = build_graph (document, &options);
  /* The graph that is laid out is the one read back from its own DOT text,
   * so that `dot -Tsvg` on an exported .gv draws exactly the same picture. */
  dot = write_dot (built, &length);
  self = g_new0 (QgGraph, 1);
  self->n_entities = agnnodes (built) - (options.legend && agnnodes (built) > 0 ? 1 : 0);
  self->n_relations = agnedges (built);
  close_soon (built);
  self->engine = g_strdup (engine);
  /* Read back when it is first needed (qg_graph_parse): an export whose
   * layout is in the cache needs only the text. */
  self->dot = g_bytes_new_take (dot, length);
  reason = graphviz_error ();
  qg_graphviz_unlock ();
  qg_timings_phase ("graph", start);

  if (reason != NULL)
    {
      set_graphviz_error (error, QG_GRAPH_ERROR_LAYOUT,
                          _("Graphviz could not read the graph built from the document"),
                          reason);
      qg_graph_free (self);
      return NULL;
    }
  return self;
}

gboolean
qg_graph_parse (QgGraph  *self,
                GError  **error)
{
  g_autofree char *reason = NULL;
  gint64 start = qg_timings_now ();

  if (self->graph != NULL)
    return TRUE;
  qg_graphviz_lock ();
  graphviz_errors_reset ();
  /* The text ends with a NUL (write_dot's). */
  self->graph = agmemread (g_bytes_get_data (self->dot, NULL));
  reason = graphviz_error ();
  if (self->graph != NULL && reason != NULL)
    {
      agclose (self->graph);
      self->graph = NULL;
    }
  qg_graphviz_unlock ();
  qg_timings_phase ("read graph", start);

  if (self->graph == NULL)
    {
      set_graphviz_error (error, QG_GRAPH_ERROR_LAYOUT,
                          _("Graphviz could not read the graph built from the document"),
                          reason);
      return FALSE;
    }
  return TRUE;
}

/* Graphviz draws as clusters the subgraphs whose name begins so, at any
 * depth (lib/common/utils.c, is_a_cluster). Caller holds the lock. */
static guint
count_clusters (Agraph_t *g)
{
  guint n = 0;

  for (Agraph_t *sub = agfstsubg (g); sub; sub = agnxtsubg (sub))
    n += (strncmp (agnameof (sub), "cluster", 7) == 0) + count_clusters (sub);
  return n;
}

/* cgraph says "syntax error in line 3 near ';'": the line is taken out,
 * for the caller to put first, where a person looks for it. */
static char *
take_line (const char *reason,
           guint      *line)
{
  const char *at = strstr (reason, " in line ");
  char *end;
  guint64 number;

  *line = 0;
  if (at == NULL)
    return g_strdup (reason);
  number = g_ascii_strtoull (at + 9, &end, 10);
  if (end == at + 9 || number == 0 || number > G_MAXUINT)
    return g_strdup (reason);
  *line = (guint) number;
  return g_strdup_printf ("%.*s%s", (int) (at - reason), reason, end);
}

QgGraph *
qg_graph_new_from_dot (const char  *text,
                       const char  *engine,
                       guint       *error_line,
                       GError     **error)
{
  g_autofree char *reason = NULL;
  QgGraph *self;
  const char *own;

  g_return_val_if_fail (text != NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;
  if (engine != NULL && !qg_graph_engine_is_valid (engine))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) engines);
      g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_ENGINE,
                   _("unknown layout engine \"%s\" (use one of %s)"), engine, known);
      return NULL;
    }

  self = g_new0 (QgGraph, 1);
  self->dot = g_bytes_new (text, strlen (text));
  qg_graphviz_lock ();
  /* The context first: it opens cgraph's graph of default attributes. */
  qg_graphviz_context ();
  graphviz_errors_reset ();
  /* cgraph's lexer keeps what it read past the end of the last graph (its
   * trailing newlines) and counts them as this text's lines: an error was
   * placed a line too far. It is dropped, and the count starts at 1. */
#if HAVE_AGLEXBAD
  aglexbad ();
#endif
  agreadline (1);
  self->graph = agmemread (text);
  reason = graphviz_error ();
  if (self->graph != NULL && reason == NULL)
    {
      /* What the file says, before anything is written on it. */
      self->own = qg_graph_read_attributes (self->graph);
      own = agget (self->graph, (char *) "layout");
      if (engine == NULL)
        engine = own != NULL && *own != '\0' ? own : "dot";
      self->engine = g_strdup (engine);
      /* gvLayout lays out with the graph's own "layout" over the engine
       * it is given: the one asked for is written there. */
      if (qg_graph_engine_is_valid (engine))
        agsafeset (self->graph, (char *) "layout", self->engine, (char *) "");
      self->n_entities = agnnodes (self->graph);
      self->n_relations = agnedges (self->graph);
      self->n_clusters = count_clusters (self->graph);
    }
  qg_graphviz_unlock ();

  if (self->graph == NULL || reason != NULL)
    {
      guint line = 0;
      g_autofree char *words = take_line (reason ? reason
                                                 : _("Graphviz could not read the graph"), &line);

      if (error_line != NULL)
        *error_line = line;
      g_set_error_literal (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_SYNTAX, words);
      qg_graph_free (self);
      return NULL;
    }
  if (!qg_graph_engine_is_valid (self->engine))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) engines);
      g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_ENGINE,
                   _("unknown layout engine \"%s\" in the graph's layout attribute (use one "
                     "of %s)"), self->engine, known);
      qg_graph_free (self);
      return NULL;
    }
  return self;
}

void
qg_graph_free (QgGraph *self)
{
  if (self == NULL)
    return;

  qg_graphviz_lock ();
  /* The order Graphviz documents: layout, then graph (the context is shared). */
  if (self->laid_out)
    gvFreeLayout (qg_graphviz_context (), self->graph);
  if (self->graph != NULL)
    agclose (self->graph);
  qg_graphviz_unlock ();
  /* Graphviz is another graph's to lay out. */
  if (self->holds_graphviz)
    qg_graphviz_unlock ();

  g_clear_pointer (&self->dot, g_bytes_unref);
  g_clear_pointer (&self->own, qg_drawing_unref);
  g_free (self->engine);
  g_free (self);
}

static gpointer
free_in_thread (gpointer data)
{
  qg_thread_give_way ();
  qg_graph_free (data);
  return NULL;
}


/* Freeing a large graph is cgraph's agclose, object by object: a second
 * of the 50,000-entity map's. Where nobody waits for it, it is done in a
 * thread of its own, after the answer has gone. */
void
qg_graph_free_later (QgGraph *self)
{
  if (self == NULL)
    return;
  /* The Graphviz lock it holds is this thread's to release; with no
   * thread to be had, it is freed here, as before. */
  if (self->holds_graphviz || !qg_thread_start_beside ("qg-free-graph", free_in_thread, self))
    qg_graph_free (self);
}

const char *
qg_graph_get_engine (QgGraph *self)
{
  return self->engine;
}

guint
qg_graph_get_n_entities (QgGraph *self)
{
  return self->n_entities;
}

guint
qg_graph_get_n_relations (QgGraph *self)
{
  return self->n_relations;
}

guint
qg_graph_get_n_clusters (QgGraph *self)
{
  return self->n_clusters;
}

gboolean
qg_graph_layout (QgGraph  *self,
                 GError  **error)
{
  g_autofree char *reason = NULL;
  GVC_t *gvc;
  QgTakenLabels *taken;
  int status;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!qg_graph_parse (self, error))
    return FALSE;
  qg_graphviz_lock ();
  /* Held on, till the graph is freed: its renders need Graphviz's globals
   * as this layout leaves them. */
  if (!self->holds_graphviz)
    {
      qg_graphviz_lock ();
      self->holds_graphviz = TRUE;
    }
  /* The context before the layout's memory: its first call opens cgraph's
   * graph of default attributes, which lives as long as the process. */
  gvc = qg_graphviz_context ();
  if (self->laid_out)
    {
      gvFreeLayout (gvc, self->graph);
      self->laid_out = FALSE;
    }
  graphviz_errors_reset ();
  restart_random ();
  lay_out_in_order (strcmp (self->engine, "fdp") == 0);
  taken = qg_graph_labels_take (self->graph, self->engine);
  status = gvLayout (gvc, self->graph, self->engine);
  qg_graph_labels_place (self->graph, taken, status == 0);
  lay_out_in_order (FALSE);
  /* A layout made despite an error is still Graphviz's to free. */
  self->laid_out = status == 0;
  reason = graphviz_error ();
  qg_graphviz_unlock ();

  if (status != 0 || reason != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("the %s layout failed"), self->engine);

      set_graphviz_error (error, QG_GRAPH_ERROR_LAYOUT, message, reason);
      return FALSE;
    }
  return TRUE;
}

GBytes *
qg_graph_render (QgGraph     *self,
                 const char  *format,
                 GError     **error)
{
  char *data = NULL;
  unsigned int length = 0;
  GBytes *bytes = NULL;
  g_autofree char *reason = NULL;
  int status;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->laid_out, NULL);

  qg_graphviz_lock ();
  graphviz_errors_reset ();
  status = gvRenderData (qg_graphviz_context (), self->graph, format, &data, &length);
  reason = graphviz_error ();
  if (status == 0 && data != NULL && reason == NULL)
    bytes = g_bytes_new (data, length);
  if (data != NULL)
    gvFreeRenderData (data);
  qg_graphviz_unlock ();

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Graphviz could not render the graph as %s"),
                                                  format);

      set_graphviz_error (error, QG_GRAPH_ERROR_FORMAT, message, reason);
    }
  return bytes;
}

GBytes *
qg_graph_to_dot (QgGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Exactly the text the laid-out graph was read from: writing the graph
   * again would reorder nodes and edges, and change the picture. */
  return g_bytes_ref (self->dot);
}


typedef struct
{
  QgDocument *document;
  char       *engine;
  QgLayout   *keep;
  QgDocument *keep_document;
} LayoutTask;

static void
layout_task_free (LayoutTask *data)
{
  g_clear_object (&data->document);
  g_free (data->engine);
  g_clear_pointer (&data->keep, qg_layout_unref);
  g_clear_object (&data->keep_document);
  g_free (data);
}

static void
layout_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LayoutTask *data = task_data;
  QgGraph *graph;
  QgLayout *layout;
  GError *error = NULL;

  qg_thread_give_way ();

  if (g_task_return_error_if_cancelled (task))
    return;
  graph = qg_graph_new_full (data->document,
                             &(QgGraphOptions) { .engine = data->engine, .keep = data->keep,
                                                 .keep_document = data->keep_document,
                                                 .without_tooltips = TRUE },
                             &error);
  /* Cancelled, the worker is ended at once. */
  layout = graph ? qg_graph_run_layout (graph, data->document, cancellable, &error) : NULL;
  /* The task answers once this function returns: not after the freeing. */
  qg_graph_free_later (graph);
  if (layout == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, layout, (GDestroyNotify) qg_layout_unref);
}

void
qg_graph_compute_layout_keeping_async (QgDocument          *document,
                                       const char          *engine,
                                       QgLayout            *previous,
                                       QgDocument          *previous_document,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LayoutTask *data;

  g_return_if_fail (QG_IS_DOCUMENT (document));
  g_return_if_fail ((previous == NULL) == (previous_document == NULL));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, qg_graph_compute_layout_async);
  data = g_new0 (LayoutTask, 1);
  data->document = g_object_ref (document);
  data->engine = g_strdup (engine ? engine : qg_graph_engine_for (document));
  /* Immutable both, and safe to read in the worker. */
  data->keep = previous ? qg_layout_ref (previous) : NULL;
  data->keep_document = previous_document ? g_object_ref (previous_document) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) layout_task_free);
  g_task_run_in_thread (task, layout_in_thread);
}

void
qg_graph_compute_layout_async (QgDocument          *document,
                         const char          *engine,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  qg_graph_compute_layout_keeping_async (document, engine, NULL, NULL, cancellable, callback,
                                         user_data);
}

QgLayout *
qg_graph_compute_layout_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == qg_graph_compute_layout_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

QgLayout *
qg_graph_compute_layout (QgDocument  *document,
                   const char  *engine,
                   GError     **error)
{
  QgGraphOptions options = { .engine = engine, .without_tooltips = TRUE };
  g_autoptr(QgGraph) graph = qg_graph_new_full (document, &options, error);

  if (graph == NULL)
    return NULL;
  return qg_graph_run_layout (graph, document, NULL, error);
}
