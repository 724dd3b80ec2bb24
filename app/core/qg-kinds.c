/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-kinds"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-kinds.h"
#include "qg-label.h"

/* Fills are pale in the light scheme so that dark labels read on them, and
 * deep in the dark scheme for light labels; strokes carry the hue. Each
 * kind has a hue of its own (GNOME's palette): agencies yellow, events
 * brown, so that no two swatches of a legend are taken for one another. */
static const QgKindStyle kind_styles[QG_N_KINDS] = {
  [QG_KIND_PERSON] = { "person", N_("Person"), "ellipse", "filled", FALSE,
                       { "#dbe8fb", "#1d3557" }, { "#1c71d8", "#78aeed" } },
  [QG_KIND_AGENCY] = { "agency", N_("Agency"), "box", "rounded,filled", FALSE,
                       { "#fdf0c4", "#4a3a0a" }, { "#b57a00", "#f8e45c" } },
  [QG_KIND_GOVERNMENT] = { "government", N_("Government"), "house", "filled", FALSE,
                           { "#fde2cc", "#4f2a12" }, { "#c64600", "#ffa348" } },
  [QG_KIND_COMPANY] = { "company", N_("Company"), "box", "filled", FALSE,
                        { "#d5f2dc", "#163d24" }, { "#26a269", "#8ff0a4" } },
  [QG_KIND_RETAILER] = { "retailer", N_("Retailer"), "component", "filled", FALSE,
                         { "#d1f0ec", "#103b36" }, { "#0f7b6c", "#5fd7c1" } },
  [QG_KIND_MEDIA] = { "media", N_("Media"), "note", "filled", FALSE,
                      { "#eadcf6", "#3b2250" }, { "#813d9c", "#dc8add" } },
  [QG_KIND_GROUP] = { "group", N_("Group"), "ellipse", "filled,dashed", TRUE,
                      { "#ececec", "#3a3a3e" }, { "#5e5c64", "#c0bfbc" } },
  [QG_KIND_COUNTRY] = { "country", N_("Country"), "octagon", "filled", FALSE,
                        { "#fbdede", "#4d1a1e" }, { "#c01c28", "#f66151" } },
  [QG_KIND_EVENT] = { "event", N_("Event"), "hexagon", "filled", FALSE,
                      { "#ecdfd0", "#3d2e22" }, { "#865e3c", "#cdab8f" } },
  [QG_KIND_OTHER] = { NULL, NULL, "box", "rounded,filled,dashed", TRUE,
                      { "#f3f3f3", "#303034" }, { "#77767b", "#9a9996" } },
};

static const QgStanceStyle stance_styles[] = {
  [QG_STANCE_NEUTRAL] = { N_("Neutral"), "dashed", "1.2", "normal", "⇢", TRUE,
                          { "#77767b", "#9a9996" } },
  [QG_STANCE_SUPPORT] = { N_("Supports"), "solid", "1.6", "normal", "⟶", FALSE,
                          { "#26a269", "#57e389" } },
  [QG_STANCE_OPPOSE] = { N_("Opposes"), "solid", "1.6", "tee", "⊣", FALSE,
                         { "#c01c28", "#ff7b63" } },
};

static const QgStance stance_order[] = { QG_STANCE_SUPPORT, QG_STANCE_OPPOSE, QG_STANCE_NEUTRAL };

static const QgTextStyle text_style = {
  .node_text = { "#241f31", "#ffffff" },
  .edge_text = { "#3d3846", "#deddda" },
};

QgKind
qg_kind_from_string (const char *kind)
{
  for (guint i = 0; i < QG_KIND_OTHER; i++)
    if (g_strcmp0 (kind, kind_styles[i].name) == 0)
      return i;
  return QG_KIND_OTHER;
}

const QgKindStyle *
qg_kind_get_style (QgKind kind)
{
  g_return_val_if_fail (kind < QG_N_KINDS, &kind_styles[QG_KIND_OTHER]);
  return &kind_styles[kind];
}

char *
qg_kind_display_name (const char *kind)
{
  QgKind known = qg_kind_from_string (kind);
  gunichar first;
  GString *out;

  if (known != QG_KIND_OTHER)
    return g_strdup (_(kind_styles[known].label));

  /* The document's word, as a heading would show it. */
  first = g_utf8_get_char (kind);
  out = g_string_new (NULL);
  g_string_append_unichar (out, g_unichar_totitle (first));
  g_string_append (out, g_utf8_next_char (kind));
  return g_string_free (out, FALSE);
}

char *
qg_kind_legend_name (const char *kind)
{
  g_autofree char *name = qg_kind_display_name (kind);

  return qg_label_fit_legend (name);
}

const QgStanceStyle *
qg_stance_get_style (QgStance stance)
{
  g_return_val_if_fail (stance < G_N_ELEMENTS (stance_styles), &stance_styles[0]);
  return &stance_styles[stance];
}

const char *
qg_stance_display_name (QgStance stance)
{
  return _(qg_stance_get_style (stance)->label);
}

const QgStance *
qg_stance_legend_order (guint *n_stances)
{
  *n_stances = G_N_ELEMENTS (stance_order);
  return stance_order;
}

const QgTextStyle *
qg_text_get_style (void)
{
  return &text_style;
}

void
qg_color_parse (const char *color,
                double     *red,
                double     *green,
                double     *blue)
{
  guint value = 0x808080;

  if (color != NULL && color[0] == '#' && strlen (color) == 7)
    value = (guint) g_ascii_strtoull (color + 1, NULL, 16);
  *red = ((value >> 16) & 0xff) / 255.0;
  *green = ((value >> 8) & 0xff) / 255.0;
  *blue = (value & 0xff) / 255.0;
}

GPtrArray *
qg_kinds_present (QgDocument   *document,
                  const guint8 *hidden_entities)
{
  GPtrArray *kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  const char *styled[QG_KIND_OTHER] = { NULL };

  for (guint i = 0; i < qg_document_get_n_entities (document); i++)
    {
      const char *kind = qg_document_get_entity (document, i)->kind;
      QgKind known = qg_document_get_entity (document, i)->styled_kind;

      if (hidden_entities != NULL && hidden_entities[i])
        continue;
      if (known != QG_KIND_OTHER)
        styled[known] = kind;
      else if (!g_ptr_array_find_with_equal_func (others, kind, g_str_equal, NULL))
        g_ptr_array_add (others, (gpointer) kind);
    }
  for (guint k = 0; k < QG_KIND_OTHER; k++)
    if (styled[k] != NULL)
      g_ptr_array_add (kinds, (gpointer) styled[k]);
  g_ptr_array_extend (kinds, others, NULL, NULL);
  return kinds;
}

void
qg_stances_present (QgDocument   *document,
                    const guint8 *hidden_relations,
                    gboolean      present[3])
{
  present[0] = present[1] = present[2] = FALSE;
  for (guint i = 0; i < qg_document_get_n_relations (document); i++)
    if (hidden_relations == NULL || !hidden_relations[i])
      present[qg_document_get_relation (document, i)->stance] = TRUE;
}
