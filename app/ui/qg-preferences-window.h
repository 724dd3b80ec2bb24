/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The application's preferences, each written to its settings at once
 * and applied at once by what follows them (the style by the application,
 * the rest by every window). */

#define QG_TYPE_PREFERENCES_WINDOW (qg_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (QgPreferencesWindow, qg_preferences_window, QG, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *qg_preferences_window_new (GtkWindow *parent);

/* The style a "color-scheme" setting names. */
AdwColorScheme qg_preferences_color_scheme (const char *setting);

G_END_DECLS
