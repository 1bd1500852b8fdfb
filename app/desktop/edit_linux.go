//go:build linux && cgo && desktop

package desktop

/*
#cgo linux pkg-config: gtk+-3.0
#cgo !webkit2_41 pkg-config: webkit2gtk-4.0
#cgo webkit2_41 pkg-config: webkit2gtk-4.1

#include <gtk/gtk.h>
#include <webkit2/webkit2.h>

static WebKitWebView *kubedeck_find_webview(GtkWidget *w) {
	if (WEBKIT_IS_WEB_VIEW(w)) return WEBKIT_WEB_VIEW(w);
	if (!GTK_IS_CONTAINER(w)) return NULL;
	WebKitWebView *found = NULL;
	GList *children = gtk_container_get_children(GTK_CONTAINER(w));
	for (GList *l = children; l != NULL && found == NULL; l = l->next) {
		found = kubedeck_find_webview(GTK_WIDGET(l->data));
	}
	g_list_free(children);
	return found;
}

// Runs on the GTK main thread: give the page the focus back (the menu took
// it) and run the editing command the way WebKit's own key bindings do.
static gboolean kubedeck_run_edit(gpointer data) {
	const char *command;
	switch (GPOINTER_TO_INT(data)) {
	case 0: command = WEBKIT_EDITING_COMMAND_CUT; break;
	case 1: command = WEBKIT_EDITING_COMMAND_COPY; break;
	case 2: command = WEBKIT_EDITING_COMMAND_PASTE; break;
	default: command = WEBKIT_EDITING_COMMAND_SELECT_ALL; break;
	}
	GList *windows = gtk_window_list_toplevels();
	for (GList *l = windows; l != NULL; l = l->next) {
		WebKitWebView *view = kubedeck_find_webview(GTK_WIDGET(l->data));
		if (view != NULL) {
			gtk_widget_grab_focus(GTK_WIDGET(view));
			webkit_web_view_execute_editing_command(view, command);
			break;
		}
	}
	g_list_free(windows);
	return G_SOURCE_REMOVE;
}

static void kubedeck_edit(int command) {
	g_idle_add(kubedeck_run_edit, GINT_TO_POINTER(command));
}
*/
import "C"

// nativeEdit runs cut, copy, paste or selectAll through WebKitGTK's own
// editing commands: unlike document.execCommand from a script, they may read
// the clipboard (paste), and they work after a click in the menu bar.
func nativeEdit(command string) bool {
	n, ok := map[string]C.int{"cut": 0, "copy": 1, "paste": 2, "selectAll": 3}[command]
	if !ok {
		return false
	}
	C.kubedeck_edit(n)
	return true
}
