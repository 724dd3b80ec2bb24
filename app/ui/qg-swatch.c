/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-swatch"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "qg-swatch.h"

struct _QgSwatch
{
  GtkWidget  parent_instance;

  QgFacet   *facet;
};

G_DEFINE_FINAL_TYPE (QgSwatch, qg_swatch, GTK_TYPE_WIDGET)

GtkWidget *
qg_swatch_new (QgFacet *facet)
{
  QgSwatch *self = g_object_new (QG_TYPE_SWATCH, NULL);

  self->facet = g_object_ref (facet);
  return GTK_WIDGET (self);
}

static void
set_source (cairo_t    *cr,
            const char *color)
{
  double r, g, b;

  qg_color_parse (color, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
}

static void
qg_swatch_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  QgSwatch *self = QG_SWATCH (widget);
  QgScheme scheme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                    ? QG_SCHEME_DARK : QG_SCHEME_LIGHT;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  int stance = qg_facet_get_stance (self->facet);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (qg_facet_is_drafts (self->facet))
    {
      /* Dotted, as a draft is on the map, in the neutral kind's colours. */
      const QgKindStyle *style = qg_kind_get_style (QG_KIND_OTHER);

      cairo_rectangle (cr, 1.5, 1.5, width - 3, height - 3);
      set_source (cr, style->stroke[scheme]);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 1, 2 }, 2, 0);
      cairo_stroke (cr);
    }
  else if (stance < 0)
    {
      const QgKindStyle *style = qg_kind_get_style (qg_facet_get_style_kind (self->facet));

      cairo_rectangle (cr, 1.5, 1.5, width - 3, height - 3);
      set_source (cr, style->fill[scheme]);
      cairo_fill_preserve (cr);
      set_source (cr, style->stroke[scheme]);
      cairo_set_line_width (cr, 1.5);
      if (style->dashed)
        cairo_set_dash (cr, (double[]) { 3, 1.5 }, 2, 0);
      cairo_stroke (cr);
    }
  else
    {
      const QgStanceStyle *style = qg_stance_get_style (stance);

      set_source (cr, style->color[scheme]);
      cairo_set_line_width (cr, 2);
      if (style->dashed)
        cairo_set_dash (cr, (double[]) { 4, 2 }, 2, 0);
      cairo_move_to (cr, 1, height / 2.0);
      cairo_line_to (cr, width - 5, height / 2.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      /* The edges' arrowhead: a bar for an opposition, else a point. */
      if (strcmp (style->arrowhead, "tee") == 0)
        {
          cairo_rectangle (cr, width - 4, height / 2.0 - 5, 3, 10);
          cairo_fill (cr);
        }
      else
        {
          cairo_move_to (cr, width - 1, height / 2.0);
          cairo_line_to (cr, width - 7, height / 2.0 - 4);
          cairo_line_to (cr, width - 7, height / 2.0 + 4);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
    }
  cairo_destroy (cr);
}

static void
qg_swatch_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (qg_swatch_parent_class)->css_changed (widget, change);
  /* The scheme may have changed with the style. */
  gtk_widget_queue_draw (widget);
}

static void
qg_swatch_dispose (GObject *object)
{
  QgSwatch *self = QG_SWATCH (object);

  g_clear_object (&self->facet);

  G_OBJECT_CLASS (qg_swatch_parent_class)->dispose (object);
}

static void
qg_swatch_class_init (QgSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_swatch_dispose;
  widget_class->snapshot = qg_swatch_snapshot;
  widget_class->css_changed = qg_swatch_css_changed;
  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
qg_swatch_init (QgSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}
