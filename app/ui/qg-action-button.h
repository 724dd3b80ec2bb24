/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A flat button showing @icon that activates @action with @target (a
 * floating reference, taken); @label is its tooltip and its accessible
 * name, which an icon alone does not give. */
GtkWidget *qg_icon_action_button_new (const char *icon,
                                      const char *label,
                                      const char *action,
                                      GVariant   *target);

G_END_DECLS
