package api

import (
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/ndjson"
)

// streamPlugins serves GET /api/stream/plugins: the plugin list now and
// again whenever a plugin folder changes (so a plugin under development
// reloads without restarting the app, and a changed plugin asks for
// approval again at once).
func (h *Handler) streamPlugins(w http.ResponseWriter, r *http.Request) {
	sess, ok := h.session(w, r)
	if !ok {
		return
	}
	out := ndjson.New(w)
	send := func() error {
		list, err := commands.For(sess).Plugins()
		if err != nil {
			return out.Send(errorLine(err))
		}
		return out.Send(PluginsLine{Type: "plugins", List: list})
	}
	if err := send(); err != nil {
		return
	}
	watcher, err := fsnotify.NewWatcher()
	if err == nil {
		defer watcher.Close()
		watchTree(watcher, watchRoots(sess.PluginDirs()))
	}
	var events <-chan fsnotify.Event
	if watcher != nil {
		events = watcher.Events
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	var settle <-chan time.Time
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				watchTree(watcher, []string{ev.Name}) // a new plugin folder
			}
			settle = time.After(200 * time.Millisecond)
		case <-settle:
			settle = nil
			if err := send(); err != nil {
				return
			}
		case <-tick.C:
			if err := out.Send(heartbeat()); err != nil {
				return
			}
		}
	}
}

// watchRoots are the plugin folders, or the folder above one that does not
// exist yet (so creating the plugin folder is noticed: its Create event
// adds it to the watch).
func watchRoots(dirs []string) []string {
	out := make([]string, 0, len(dirs))
	for _, d := range dirs {
		if _, err := os.Stat(d); err != nil {
			d = filepath.Dir(d)
		}
		out = append(out, d)
	}
	return out
}
