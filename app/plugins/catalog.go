package plugins

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// racyWindow: a file changed this close to (or after) the moment its
// folder was read may have changed again without its size or time telling
// (coarse file system clocks), so such a folder is read again on the next
// scan instead of trusting its stamp (git's "racy" rule).
const racyWindow = 2 * time.Second

// Catalog is the plugins of a set of folders as last scanned: each
// plugin's files are read once into a Snapshot, and files are served from
// the snapshot of the last scan, never from disk. A scan reads a folder
// again only when a cheap stamp of it (every entry's path, type, size and
// modification time) differs from the one its snapshot was read at. Safe
// for concurrent use; a nil Catalog has no plugins.
type Catalog struct {
	dirs Dirs

	mu    sync.Mutex
	cache map[string]cached // by plugin folder path
	last  map[string]Plugin // by ID, from the last scan; nil before the first
}

type cached struct {
	stamp string
	taken time.Time
	snap  *Snapshot
	err   error
}

// NewCatalog returns the catalog of the folders d; nothing is read yet.
func NewCatalog(d Dirs) *Catalog {
	return &Catalog{dirs: d, cache: map[string]cached{}}
}

// Dirs are the catalog's folders.
func (c *Catalog) Dirs() Dirs {
	if c == nil {
		return Dirs{}
	}
	return c.dirs
}

// Scan lists the plugins of both folders, sorted by ID, reading again the
// folders that changed since the last scan. A development folder's plugin
// wins over an installed one of the same name.
func (c *Catalog) Scan() []Plugin {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	byID := map[string]Plugin{}
	seen := map[string]bool{}
	for _, dir := range []struct {
		path string
		dev  bool
	}{{c.dirs.Installed, false}, {c.dirs.Dev, true}} {
		if dir.path == "" {
			continue
		}
		entries, err := os.ReadDir(dir.path)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			path := filepath.Join(dir.path, e.Name())
			seen[path] = true
			snap, err := c.snapshot(path)
			byID[e.Name()] = describe(path, e.Name(), dir.dev, snap, err)
		}
	}
	for path := range c.cache {
		if !seen[path] {
			delete(c.cache, path) // a removed plugin's files leave memory
		}
	}
	c.last = byID
	out := make([]Plugin, 0, len(byID))
	for _, p := range byID {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Plugin) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Current returns plugin id as the last scan found it, without touching
// the disk (the first call scans). Its files are those of its snapshot.
func (c *Catalog) Current(id string) (Plugin, bool) {
	if c == nil {
		return Plugin{}, false
	}
	c.mu.Lock()
	last := c.last
	c.mu.Unlock()
	if last == nil {
		c.Scan()
		c.mu.Lock()
		last = c.last
		c.mu.Unlock()
	}
	p, ok := last[id]
	return p, ok
}

// snapshot returns the folder's snapshot, read again only if its stamp
// changed (or it may have changed unseen). c.mu is held.
func (c *Catalog) snapshot(dir string) (*Snapshot, error) {
	stamp, newest, err := stampOf(dir)
	if err != nil {
		delete(c.cache, dir)
		return nil, fmt.Errorf("read plugin: %w", err)
	}
	if old, ok := c.cache[dir]; ok && old.stamp == stamp && newest.Before(old.taken.Add(-racyWindow)) {
		return old.snap, old.err
	}
	taken := time.Now()
	snap, err := ReadSnapshot(dir)
	c.cache[dir] = cached{stamp: stamp, taken: taken, snap: snap, err: err}
	return snap, err
}

// stampOf summarises a folder without reading its files: every entry's
// path, type, size and modification time, and the newest of those times.
func stampOf(dir string) (string, time.Time, error) {
	h := sha256.New()
	var newest time.Time
	entries := 0
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entries++; entries > maxPluginFiles+1 {
			return fs.SkipAll // ReadSnapshot says why
		}
		info, err := e.Info() // Lstat: links are not followed
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(h, "%d:%s %v %d %d\n", len(rel), rel, info.Mode(), info.Size(), info.ModTime().UnixNano())
		if info.ModTime().After(newest) {
			newest = info.ModTime()
		}
		return nil
	})
	if err != nil {
		return "", time.Time{}, err
	}
	return hex.EncodeToString(h.Sum(nil)), newest, nil
}
