/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "qg-article-view.h"
#include "qg-entity-chooser.h"
#include "qg-kinds.h"

struct _QgArticleView
{
  GtkTextView  parent_instance;

  QgDocument  *document;
  QgSources   *sources;
  GtkTextTag  *stance_tags[3];
  GtkTextTag  *speech_tag;
  GtkTextTag  *draft_tag;
  GtkTextTag  *mention_tag;
  GtkTextTag  *flash_tag;
  guint        flash_source;
  /* The next document's text, highlighted a little at a time away from
   * the view (where each highlight would lay the text out again), and
   * shown when it is done. */
  GtkTextBuffer *filling;
  guint        fill_source;
  gsize        inserted;      /* bytes of the text in it so far */
  guint        filled;        /* highlights (qg_sources_get_highlights) put on so far */
  gsize        shown_start;
  gsize        shown_end;
  gboolean     shown;
  GtkWidget   *chooser;
  double       press_x;
  double       press_y;
  gboolean     pressed;       /* the primary button is down: a selection is being made */
  /* Making a map: the bubble that offers what to do with a selection,
   * and the speaker asked for a quote of the span [quote_start, quote_end). */
  GtkWidget   *bubble;
  GtkWidget   *speaker_chooser;
  gsize        quote_start;
  gsize        quote_end;
  GtkTextBuffer *watched;     /* the buffer whose selection is followed */
  guint        bubble_idle;
};

G_DEFINE_FINAL_TYPE (QgArticleView, qg_article_view, GTK_TYPE_TEXT_VIEW)

GtkWidget *
qg_article_view_new (void)
{
  return g_object_new (QG_TYPE_ARTICLE_VIEW, NULL);
}

static void
iter_at_byte (QgArticleView *self,
              GtkTextBuffer *buffer,
              gsize          byte,
              GtkTextIter   *iter)
{
  gtk_text_buffer_get_iter_at_offset (buffer, iter, qg_sources_char_offset (self->sources, byte));
}

static void
lookup (GtkWidget  *widget,
        const char *name,
        double      alpha,
        GdkRGBA    *color)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, "#808080");
  color->alpha *= alpha;
}

/* The tags' colours follow the style, light or dark. */
static void
update_tag_colors (QgArticleView *self)
{
  QgScheme scheme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                    ? QG_SCHEME_DARK : QG_SCHEME_LIGHT;
  GdkRGBA color;

  for (QgStance i = 0; i < 3; i++)
    {
      double r, g, b;

      qg_color_parse (qg_stance_get_style (i)->color[scheme], &r, &g, &b);
      color = (GdkRGBA) { r, g, b, 0.22 };
      g_object_set (self->stance_tags[i], "background-rgba", &color, NULL);
    }
  lookup (GTK_WIDGET (self), "accent_color", 0.8, &color);
  g_object_set (self->mention_tag, "underline-rgba", &color, NULL);
  /* A draft, to be checked: a wavy line in the colour of warnings, over
   * a faint tint of it in place of its relation's stance. */
  lookup (GTK_WIDGET (self), "warning_color", 0.9, &color);
  g_object_set (self->draft_tag, "underline-rgba", &color, NULL);
  lookup (GTK_WIDGET (self), "warning_color", 0.12, &color);
  g_object_set (self->draft_tag, "background-rgba", &color, NULL);
  lookup (GTK_WIDGET (self), "accent_bg_color", 0.55, &color);
  g_object_set (self->flash_tag, "background-rgba", &color, NULL);
}

static void
qg_article_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (qg_article_view_parent_class)->css_changed (widget, change);
  update_tag_colors (QG_ARTICLE_VIEW (widget));
}

/* The tag of a highlight's kind. */
static GtkTextTag *
tag_of (QgArticleView *self,
        guint          kind)
{
  switch (kind)
    {
    case QG_HIGHLIGHT_SPEECH:
      return self->speech_tag;
    case QG_HIGHLIGHT_DRAFT:
      return self->draft_tag;
    case QG_HIGHLIGHT_MENTION:
      return self->mention_tag;
    default:
      return self->stance_tags[kind];
    }
}

/* Puts @span's tag on its passage, or takes it off. */
static void
tag_span (QgArticleView     *self,
          GtkTextBuffer     *buffer,
          const QgHighlight *span,
          gboolean           on)
{
  GtkTextIter start, end;

  iter_at_byte (self, buffer, span->start, &start);
  iter_at_byte (self, buffer, span->end, &end);
  if (on)
    gtk_text_buffer_apply_tag (buffer, tag_of (self, span->kind), &start, &end);
  else
    gtk_text_buffer_remove_tag (buffer, tag_of (self, span->kind), &start, &end);
}

/* A few milliseconds of highlights at a time, below drawing and input. */
#define FILL_SLICE_USEC 4000

/* Where the piece of the text from @start ends: after the last line
 * break within TEXT_PIECE bytes, or, in a line longer than that, at the
 * last character there, but never between a carriage return and the line
 * feed after it. */
#define TEXT_PIECE (128 * 1024)

static gsize
next_piece (const char *text,
            gsize       length,
            gsize       start)
{
  gsize end = start + TEXT_PIECE;

  if (end >= length)
    return length;
  for (gsize i = end; i > start; i--)
    if (text[i - 1] == '\n')
      return i;
  while (end > start + 1 && (((guchar) text[end] & 0xC0) == 0x80
                             || (text[end] == '\n' && text[end - 1] == '\r')))
    end--;
  return end;
}

/* Inserts the text, then highlights, until @until (or to the end, if 0); shows the text when it
 * is all done. Returns whether some is left. */
static gboolean
fill (QgArticleView *self,
      gint64         until)
{
  gsize length;
  const char *text = qg_document_get_text (self->document, &length);
  const QgHighlight *highlights;
  guint total;

  /* The text first, a paragraph-ended piece at a time. */
  while (self->inserted < length)
    {
      gsize end = next_piece (text, length, self->inserted);
      GtkTextIter at;

      gtk_text_buffer_get_end_iter (self->filling, &at);
      gtk_text_buffer_insert (self->filling, &at, text + self->inserted, end - self->inserted);
      self->inserted = end;
      if (until > 0 && g_get_monotonic_time () > until)
        return TRUE;
    }

  highlights = qg_sources_get_highlights (self->sources, &total);
  while (self->filled < total)
    {
      tag_span (self, self->filling, &highlights[self->filled++], TRUE);
      if (until > 0 && self->filled % 32 == 0 && g_get_monotonic_time () > until)
        return TRUE;
    }
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), self->filling);
  g_clear_object (&self->filling);
  return FALSE;
}

static gboolean
fill_cb (gpointer user_data)
{
  QgArticleView *self = user_data;

  if (fill (self, g_get_monotonic_time () + FILL_SLICE_USEC))
    return G_SOURCE_CONTINUE;
  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

/* What is asked of the article now cannot wait for the idle time. */
static void
finish_filling (QgArticleView *self)
{
  if (self->filling == NULL)
    return;
  g_clear_handle_id (&self->fill_source, g_source_remove);
  fill (self, 0);
}

gboolean
qg_article_view_is_filling (QgArticleView *self)
{
  g_return_val_if_fail (QG_IS_ARTICLE_VIEW (self), FALSE);
  return self->filling != NULL;
}

/* ------------------------------------------------------------------------ */
/* Making a map from a selection                                             */

/* The selection as a span of the article, without the white space at its
 * ends; FALSE when there is none, or only white space, or the text shown
 * is not yet the document's. */
static gboolean
selected_span (QgArticleView *self,
               GtkTextIter   *start,
               GtkTextIter   *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (self->document == NULL || self->filling != NULL
      || !gtk_text_buffer_get_selection_bounds (buffer, start, end))
    return FALSE;
  while (gtk_text_iter_compare (start, end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (start)))
    gtk_text_iter_forward_char (start);
  while (gtk_text_iter_compare (start, end) < 0)
    {
      GtkTextIter before = *end;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      *end = before;
    }
  return !gtk_text_iter_equal (start, end);
}

/* Where a popover about the span points: its first line, in the widget's
 * coordinates. FALSE when that line is scrolled out of sight. */
static gboolean
span_rectangle (QgArticleView     *self,
                const GtkTextIter *start,
                const GtkTextIter *end,
                GdkRectangle      *rect)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle first, last, visible;

  gtk_text_view_get_iter_location (view, start, &first);
  gtk_text_view_get_iter_location (view, end, &last);
  gtk_text_view_get_visible_rect (view, &visible);
  if (first.y == last.y && last.x > first.x)
    first.width = last.x - first.x;
  else
    first.width = MAX (first.width, 1);
  if (!gdk_rectangle_intersect (&first, &visible, NULL))
    return FALSE;
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y,
                                         &rect->x, &rect->y);
  rect->width = first.width;
  rect->height = first.height;
  return TRUE;
}

/* Whether a selection can be made into something, known at once: a key
 * pressed straight after a selection finds its actions on. */
static gboolean
update_actions (QgArticleView *self,
                GtkTextIter   *start,
                GtkTextIter   *end)
{
  gboolean usable = selected_span (self, start, end);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.add-quote", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.add-entity", usable);
  return usable;
}

static void
update_bubble (QgArticleView *self)
{
  GtkTextIter start, end;
  GdkRectangle rect;
  gboolean usable = update_actions (self, &start, &end);

  if (usable && !self->pressed && gtk_widget_has_focus (GTK_WIDGET (self))
      && !gtk_widget_get_visible (self->speaker_chooser)
      && span_rectangle (self, &start, &end, &rect))
    {
      gtk_popover_set_pointing_to (GTK_POPOVER (self->bubble), &rect);
      gtk_popover_popup (GTK_POPOVER (self->bubble));
    }
  else
    gtk_popover_popdown (GTK_POPOVER (self->bubble));
}

static gboolean
bubble_idle_cb (gpointer user_data)
{
  QgArticleView *self = user_data;

  self->bubble_idle = 0;
  update_bubble (self);
  return G_SOURCE_REMOVE;
}

/* After the selection, the scrolling or the focus changed: once, when the
 * text view has laid itself out again. */
static void
schedule_bubble (QgArticleView *self)
{
  if (self->bubble == NULL)
    return;
  if (self->bubble_idle == 0)
    self->bubble_idle = g_idle_add_full (G_PRIORITY_LOW, bubble_idle_cb, self, NULL);
}

static void
mark_set_cb (GtkTextBuffer *buffer,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             QgArticleView *self)
{
  GtkTextIter start, end;

  if (mark == gtk_text_buffer_get_insert (buffer)
      || mark == gtk_text_buffer_get_selection_bound (buffer))
    {
      update_actions (self, &start, &end);
      schedule_bubble (self);
    }
}

static void
buffer_changed_cb (QgArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, mark_set_cb, self);
  g_set_object (&self->watched, buffer);
  g_signal_connect (buffer, "mark-set", G_CALLBACK (mark_set_cb), self);
  schedule_bubble (self);
}

static void
vadjustment_changed_cb (QgArticleView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (schedule_bubble), self,
                             G_CONNECT_SWAPPED);
}

static void
add_quote_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  QgArticleView *self = QG_ARTICLE_VIEW (widget);
  GtkTextIter start, end;
  GdkRectangle rect;

  if (!selected_span (self, &start, &end))
    return;
  self->quote_start = qg_sources_byte_offset (self->sources, gtk_text_iter_get_offset (&start));
  self->quote_end = qg_sources_byte_offset (self->sources, gtk_text_iter_get_offset (&end));
  gtk_popover_popdown (GTK_POPOVER (self->bubble));

  qg_entity_chooser_set_document (QG_ENTITY_CHOOSER (self->speaker_chooser), self->document);
  qg_entity_chooser_reset (QG_ENTITY_CHOOSER (self->speaker_chooser));
  if (!span_rectangle (self, &start, &end, &rect))
    {
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &start, 0.1, FALSE, 0, 0);
      rect = (GdkRectangle) { gtk_widget_get_width (widget) / 2, 0, 1, 1 };
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->speaker_chooser), &rect);
  gtk_popover_popup (GTK_POPOVER (self->speaker_chooser));
}

static void
speaker_chosen_cb (QgArticleView *self,
                   const char    *id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter end;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-quote", "(tts)",
                              (guint64) self->quote_start, (guint64) self->quote_end,
                              id != NULL ? id : "");
  /* The selection has become the quote, highlighted: done with. */
  gtk_text_buffer_get_selection_bounds (buffer, NULL, &end);
  gtk_text_buffer_select_range (buffer, &end, &end);
}

static void
add_entity_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  QgArticleView *self = QG_ARTICLE_VIEW (widget);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *name = NULL;

  if (!selected_span (self, &start, &end))
    return;
  gtk_popover_popdown (GTK_POPOVER (self->bubble));
  /* A name across a line break is one name. */
  text = gtk_text_iter_get_text (&start, &end);
  words = g_regex_split_simple ("\\s+", text, 0, 0);
  name = g_strjoinv (" ", words);
  gtk_widget_activate_action (widget, "win.add-entity", "s", name);
}

static GtkWidget *
bubble_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
init_editing (QgArticleView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  gtk_box_append (GTK_BOX (box), bubble_button (_("Add _Quote…"), "article.add-quote"));
  gtk_box_append (GTK_BOX (box), bubble_button (_("Add _Entity…"), "article.add-entity"));
  self->bubble = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->bubble), box);
  gtk_popover_set_autohide (GTK_POPOVER (self->bubble), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->bubble), GTK_POS_TOP);
  gtk_widget_add_css_class (self->bubble, "selection-bubble");
  gtk_widget_set_parent (self->bubble, GTK_WIDGET (self));

  self->speaker_chooser = qg_entity_chooser_new ();
  qg_entity_chooser_set_heading (QG_ENTITY_CHOOSER (self->speaker_chooser), _("Who Says It?"));
  qg_entity_chooser_set_none_label (QG_ENTITY_CHOOSER (self->speaker_chooser), _("No Speaker"));
  g_signal_connect_swapped (self->speaker_chooser, "chosen", G_CALLBACK (speaker_chosen_cb), self);
  gtk_widget_set_parent (self->speaker_chooser, GTK_WIDGET (self));

  g_menu_append (section, _("Add _Quote…"), "article.add-quote");
  g_menu_append (section, _("Add _Entity…"), "article.add-entity");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), G_MENU_MODEL (menu));

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (schedule_bubble), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (schedule_bubble), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "notify::buffer", G_CALLBACK (buffer_changed_cb), NULL);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_changed_cb), NULL);
  buffer_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.add-quote", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.add-entity", FALSE);
}

/* ------------------------------------------------------------------------ */
/* Highlights changed in place                                               */

/* The same text, another document: only the highlights that differ are
 * taken off and put on, so that an edit of a large map costs what it
 * changes, not a pass over every highlight (270 ms at 10,000 entities).
 * Taking a tag off a span takes it off any other span of that tag it
 * overlaps, so those that stay are put on again. */
static void
retag (QgArticleView *self,
       QgDocument    *document,
       QgSources     *sources)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(QgSources) was = g_steal_pointer (&self->sources);
  guint n_before, n_after;
  const QgHighlight *before = qg_sources_get_highlights (was, &n_before);
  const QgHighlight *after = qg_sources_get_highlights (sources, &n_after);
  g_autoptr(GArray) put_on = g_array_new (FALSE, FALSE, sizeof (QgHighlight));
  g_autoptr(GArray) cut = g_array_new (FALSE, FALSE, sizeof (QgHighlight));
  guint i = 0, j = 0, k = 0;

  g_set_object (&self->document, document);
  self->sources = qg_sources_ref (sources);
  self->shown = FALSE;

  /* Both in order: what only the one before has is to be taken off,
   * gathered a kind at a time into spans apart and in order; what only
   * the new has is put on. */
  while (i < n_before || j < n_after)
    {
      int order = i == n_before ? 1 : j == n_after ? -1 : qg_highlight_compare (&before[i], &after[j]);

      if (order == 0)
        i++, j++;
      else if (order > 0)
        g_array_append_val (put_on, after[j]), j++;
      else
        {
          QgHighlight *last = cut->len > 0 ? &g_array_index (cut, QgHighlight, cut->len - 1) : NULL;

          if (last != NULL && last->kind == before[i].kind && before[i].start <= last->end)
            last->end = MAX (last->end, before[i].end);
          else
            g_array_append_val (cut, before[i]);
          i++;
        }
    }
  for (guint t = 0; t < cut->len; t++)
    tag_span (self, buffer, &g_array_index (cut, QgHighlight, t), FALSE);
  /* And those of the new that share a character with what was taken off,
   * of their kind. */
  for (guint t = 0; t < n_after && k < cut->len; t++)
    {
      const QgHighlight *off;

      while (k < cut->len
             && ((off = &g_array_index (cut, QgHighlight, k))->kind < after[t].kind
                 || (off->kind == after[t].kind && off->end <= after[t].start)))
        k++;
      if (k < cut->len && off->kind == after[t].kind && off->start < after[t].end)
        g_array_append_val (put_on, after[t]);
    }
  for (guint t = 0; t < put_on->len; t++)
    tag_span (self, buffer, &g_array_index (put_on, QgHighlight, t), TRUE);
  schedule_bubble (self);
}

void
qg_article_view_set_document (QgArticleView *self,
                              QgDocument    *document,
                              QgSources     *sources)
{
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (
                            gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));

  g_return_if_fail (QG_IS_ARTICLE_VIEW (self));

  /* An edit keeps the article: its highlights change in place, and the
   * text stays where the person was reading and selecting. */
  if (self->filling == NULL && self->document != NULL && qg_document_same_text (self->document, document))
    {
      retag (self, document, sources);
      return;
    }

  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_object (&self->filling);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->sources, qg_sources_unref);
  self->sources = qg_sources_ref (sources);
  self->shown = FALSE;
  self->filling = gtk_text_buffer_new (tags);
  self->inserted = 0;
  self->filled = 0;
  self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_cb, self, NULL);
  g_source_set_name_by_id (self->fill_source, "[quotegraph] article highlights");
}

static gboolean
unflash (gpointer user_data)
{
  QgArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  self->flash_source = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->flash_tag, &start, &end);
  return G_SOURCE_REMOVE;
}

void
qg_article_view_show_quote (QgArticleView *self,
                            guint          index)
{
  GtkTextBuffer *buffer;
  const QgQuote *quote;
  GtkTextIter start, end;

  g_return_if_fail (QG_IS_ARTICLE_VIEW (self));
  g_return_if_fail (self->document != NULL);

  finish_filling (self);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  quote = qg_document_get_quote (self->document, index);
  iter_at_byte (self, buffer, quote->start, &start);
  iter_at_byte (self, buffer, quote->end, &end);

  g_clear_handle_id (&self->flash_source, g_source_remove);
  unflash (self);
  gtk_text_buffer_apply_tag (buffer, self->flash_tag, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  /* A mark, not an iter: lines below the screen may not be measured yet,
   * and scrolling to a mark waits until they are. */
  {
    GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "shown");

    if (mark == NULL)
      mark = gtk_text_buffer_create_mark (buffer, "shown", &start, TRUE);
    else
      gtk_text_buffer_move_mark (buffer, mark, &start);
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.1, TRUE, 0, 0.3);
  }
  self->flash_source = g_timeout_add (1500, unflash, self);

  self->shown = TRUE;
  self->shown_start = quote->start;
  self->shown_end = quote->end;
}

gboolean
qg_article_view_get_shown (QgArticleView *self,
                           gsize         *start,
                           gsize         *end)
{
  g_return_val_if_fail (QG_IS_ARTICLE_VIEW (self), FALSE);

  *start = self->shown_start;
  *end = self->shown_end;
  return self->shown;
}

GStrv
qg_article_view_items_at (QgArticleView *self,
                          gsize          offset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) quotes = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const QgMention *mentions;
  guint n_mentions;

  g_return_val_if_fail (QG_IS_ARTICLE_VIEW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  /* The relations the passages here back; a quote that backs none stands
   * for its speaker. */
  quotes = qg_sources_quotes_at (self->sources, offset);
  for (guint i = 0; i < quotes->len; i++)
    {
      guint q = g_array_index (quotes, guint, i);
      guint n;
      const guint *relations = qg_sources_relations_of_quote (self->sources, q, &n);
      const QgQuote *quote = qg_document_get_quote (self->document, q);

      for (guint r = 0; r < n; r++)
        {
          const char *id = qg_document_get_relation (self->document, relations[r])->id;

          if (g_hash_table_add (seen, (gpointer) id))
            g_strv_builder_add (builder, id);
        }
      if (n == 0 && quote->speaker >= 0)
        {
          const char *id = qg_document_get_entity (self->document, quote->speaker)->id;

          if (g_hash_table_add (seen, (gpointer) id))
            g_strv_builder_add (builder, id);
        }
    }

  /* Outside any quote, the entity a mention names. */
  if (quotes->len == 0)
    {
      mentions = qg_sources_get_mentions (self->sources, &n_mentions);
      for (guint i = 0; i < n_mentions; i++)
        if (offset >= mentions[i].start && offset < mentions[i].end)
          g_strv_builder_add (builder,
                              qg_document_get_entity (self->document, mentions[i].entity)->id);
    }
  return g_strv_builder_end (builder);
}

static void
choice_clicked (QgArticleView *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->chooser));
}

static char *
describe (QgArticleView *self,
          const char    *id)
{
  gint found;

  if ((found = qg_document_find_entity (self->document, id)) >= 0)
    return g_strdup (qg_document_get_entity (self->document, found)->name);
  if ((found = qg_document_find_relation (self->document, id)) >= 0)
    return qg_document_relation_sentence (self->document, found);
  return g_strdup (id);
}

/* A passage that backs several relations: the person chooses. */
static void
offer_choice (QgArticleView *self,
              GStrv          ids,
              double         x,
              double         y)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  guint n = g_strv_length (ids), relations = 0;
  g_autofree char *title = NULL;
  GtkWidget *heading;

  for (guint i = 0; ids[i]; i++)
    if (qg_document_find_relation (self->document, ids[i]) >= 0)
      relations++;
  /* The count tells that there may be more than the choice shows. A
   * passage of a quote that backs nothing offers its speaker instead. */
  if (relations == n)
    title = g_strdup_printf (
      /* Translators: over the relations a passage backs, to choose one of. */
      g_dngettext (GETTEXT_PACKAGE, "This passage backs %u relation",
                   "This passage backs %u relations", n), n);
  else
    title = g_strdup_printf (
      /* Translators: over the relations and speakers a passage stands for,
       * to choose one of. */
      g_dngettext (GETTEXT_PACKAGE, "%u relation or speaker comes from this passage",
                   "%u relations and speakers come from this passage", n), n);
  heading = gtk_label_new (title);

  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (outer), heading);
  /* As wide as a column of text, and as tall as the window allows: a
   * passage may back dozens of relations, and their sentences are long
   * (on one line each, the choice was wider than the window). */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_box_append (GTK_BOX (outer), scroller);
  for (guint i = 0; ids[i]; i++)
    {
      g_autofree char *text = describe (self, ids[i]);
      GtkWidget *button = gtk_button_new_with_label (text);
      GtkLabel *label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)));

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (label, 0);
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (label, 48);
      gtk_label_set_width_chars (label, 24);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ids[i]);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (choice_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (self->chooser), outer);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->chooser),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->chooser));
}

static void
clicked_at (QgArticleView *self,
            double         x,
            double         y)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_auto(GStrv) ids = NULL;
  GtkTextIter iter;
  int bx, by;

  /* A drag selects text to copy: only a plain click picks a passage. */
  if (self->document == NULL || self->filling != NULL
      || gtk_text_buffer_get_has_selection (buffer))
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, (int) x,
                                         (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return;
  ids = qg_article_view_items_at (self, qg_sources_byte_offset (self->sources,
                                                                 gtk_text_iter_get_offset (&iter)));
  if (ids[0] == NULL)
    return;
  if (ids[1] == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select", "s", ids[0]);
  else
    offer_choice (self, ids, x, y);
}

/* The text view claims every click for its cursor and selection: a click
 * gesture of ours would never see one end. Events are watched as they
 * pass instead, and left to the text view. */
static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          QgArticleView            *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  double sx, sy, nx, ny;
  graphene_point_t p;

  if ((type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
      || gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY
      || !gdk_event_get_position (event, &sx, &sy))
    return GDK_EVENT_PROPAGATE;

  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (sx - nx, sy - ny), &p))
    return GDK_EVENT_PROPAGATE;

  if (type == GDK_BUTTON_PRESS)
    {
      self->press_x = p.x;
      self->press_y = p.y;
      self->pressed = TRUE;
      gtk_popover_popdown (GTK_POPOVER (self->bubble));
    }
  else
    {
      self->pressed = FALSE;
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), self->press_x, self->press_y, p.x, p.y))
        clicked_at (self, p.x, p.y);
      schedule_bubble (self);
    }
  return GDK_EVENT_PROPAGATE;
}

static void
qg_article_view_dispose (GObject *object)
{
  QgArticleView *self = QG_ARTICLE_VIEW (object);

  g_clear_handle_id (&self->flash_source, g_source_remove);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_object (&self->filling);
  g_clear_pointer (&self->chooser, gtk_widget_unparent);
  /* GtkTextView lets go of its buffer when disposed: not ours to follow. */
  g_signal_handlers_disconnect_by_func (self, buffer_changed_cb, NULL);
  g_signal_handlers_disconnect_by_func (self, vadjustment_changed_cb, NULL);
  g_clear_pointer (&self->bubble, gtk_widget_unparent);
  g_clear_pointer (&self->speaker_chooser, gtk_widget_unparent);
  g_clear_handle_id (&self->bubble_idle, g_source_remove);
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, mark_set_cb, self);
  g_clear_object (&self->watched);
  g_clear_object (&self->document);
  g_clear_pointer (&self->sources, qg_sources_unref);

  G_OBJECT_CLASS (qg_article_view_parent_class)->dispose (object);
}

static void
qg_article_view_class_init (QgArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_article_view_dispose;
  widget_class->css_changed = qg_article_view_css_changed;

  gtk_widget_class_install_action (widget_class, "article.add-quote", NULL, add_quote_cb);
  gtk_widget_class_install_action (widget_class, "article.add-entity", NULL, add_entity_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "article.add-quote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "article.add-entity", NULL);
}

static void
qg_article_view_init (QgArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkEventController *legacy;
  cairo_font_options_t *options;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 18);
  gtk_text_view_set_right_margin (view, 18);
  gtk_text_view_set_top_margin (view, 12);
  gtk_text_view_set_bottom_margin (view, 12);
  gtk_text_view_set_pixels_below_lines (view, 2);
  /* Metrics in whole pixels: the fonts' own underline is thinner than a
   * pixel (DejaVu Sans's, 0.6 px at 13 px), and GTK's GL renderer drew a
   * mention's line only where it happened to cover the middle of a row
   * of pixels, so that most names in the article were not underlined. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_ON);
  gtk_widget_set_font_options (GTK_WIDGET (self), options);
  cairo_font_options_destroy (options);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The article"), -1);

  self->stance_tags[QG_STANCE_NEUTRAL] = gtk_text_buffer_create_tag (buffer, "evidence-neutral", NULL);
  self->stance_tags[QG_STANCE_SUPPORT] = gtk_text_buffer_create_tag (buffer, "evidence-support", NULL);
  self->stance_tags[QG_STANCE_OPPOSE] = gtk_text_buffer_create_tag (buffer, "evidence-oppose", NULL);
  self->speech_tag = gtk_text_buffer_create_tag (buffer, "speech", "style", PANGO_STYLE_ITALIC,
                                                 NULL);
  /* Over the stances' tints, under the mentions' underlines. */
  self->draft_tag = gtk_text_buffer_create_tag (buffer, "draft", "underline",
                                                PANGO_UNDERLINE_ERROR, NULL);
  self->mention_tag = gtk_text_buffer_create_tag (buffer, "mention", "underline",
                                                  PANGO_UNDERLINE_SINGLE, NULL);
  self->flash_tag = gtk_text_buffer_create_tag (buffer, "flash", NULL);
  update_tag_colors (self);

  self->chooser = gtk_popover_new ();
  gtk_widget_set_parent (self->chooser, GTK_WIDGET (self));

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

  init_editing (self);
}
