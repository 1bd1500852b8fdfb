package api

import (
	"io/fs"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// maxWatched bounds the folders one plugin watch follows.
const maxWatched = 512

// watchTree adds roots and the folders under them (not following
// symlinks) to w; missing roots are skipped.
func watchTree(w *fsnotify.Watcher, roots []string) {
	n := len(w.WatchList())
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if n >= maxWatched || (d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if w.Add(p) == nil {
				n++
			}
			return nil
		})
	}
}
