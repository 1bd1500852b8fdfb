// Package plugins finds the user's JavaScript plugins
// (<UserConfigDir>/kubedeck/plugins/<name>/ plus an optional development
// folder), describes each (package.json, a content hash over all its files)
// and serves their files confined to their folder (os.Root: no "..", no
// symlinks out). Whether a plugin may run is the user's approval, pinned to
// its hash and kept in settings; files of a plugin that is not approved at
// its current hash are not served.
package plugins

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// APIVersion is the plugin API this Kubedeck offers.
const APIVersion = 1

// maxPluginBytes bounds what one plugin folder may hold (hashing reads it all).
const maxPluginBytes = 64 << 20

// Plugin describes one plugin folder.
type Plugin struct {
	// ID is the folder name; unique across the plugin folders (a development
	// folder's plugin wins over an installed one of the same name).
	ID          string `json:"id"`
	Name        string `json:"name"`
	Version     string `json:"version"`
	Description string `json:"description"`
	Main        string `json:"main"`
	APIVersion  int    `json:"apiVersion"`
	Path        string `json:"path"`
	// Hash is the SHA-256 of every file's relative path and content.
	Hash string `json:"hash"`
	Dev  bool   `json:"dev"`
	// Error says why the plugin cannot be loaded (bad package.json...).
	Error string `json:"error,omitempty"`
}

type manifest struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	Description string `json:"description"`
	Main        string `json:"main"`
	Kubedeck    struct {
		APIVersion int `json:"apiVersion"`
	} `json:"kubedeck"`
}

// Dirs are where plugins are looked for.
type Dirs struct {
	Installed string
	// Dev is a development folder (flag or KUBEDECK_PLUGINS_DEV); may be empty.
	Dev string
}

// DefaultInstalled is <UserConfigDir>/kubedeck/plugins.
func DefaultInstalled() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config folder: %w", err)
	}
	return filepath.Join(d, "kubedeck", "plugins"), nil
}

// Scan lists the plugins of both folders, sorted by ID.
func (d Dirs) Scan() []Plugin {
	byID := map[string]Plugin{}
	for _, dir := range []struct {
		path string
		dev  bool
	}{{d.Installed, false}, {d.Dev, true}} {
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
			byID[e.Name()] = describe(filepath.Join(dir.path, e.Name()), e.Name(), dir.dev)
		}
	}
	out := make([]Plugin, 0, len(byID))
	for _, p := range byID {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Plugin) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func describe(dir, id string, dev bool) Plugin {
	p := Plugin{ID: id, Path: dir, Dev: dev, Name: id}
	b, err := readConfined(dir, "package.json")
	if err != nil {
		p.Error = "no package.json"
		return p
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		p.Error = "package.json does not parse: " + err.Error()
		return p
	}
	p.Name, p.Version, p.Description, p.Main, p.APIVersion = m.Name, m.Version, m.Description, m.Main, m.Kubedeck.APIVersion
	if p.Name == "" {
		p.Name = id
	}
	if p.Main == "" {
		p.Main = "main.js"
	}
	switch {
	case p.APIVersion == 0:
		p.Error = `package.json lacks "kubedeck": {"apiVersion": N}`
	case p.APIVersion > APIVersion:
		p.Error = fmt.Sprintf("needs plugin API %d; this Kubedeck offers %d", p.APIVersion, APIVersion)
	}
	hash, err := Hash(dir)
	if err != nil {
		p.Error = err.Error()
	}
	p.Hash = hash
	return p
}

// readConfined reads a file of dir without following symlinks out of it.
func readConfined(dir, name string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 1<<20))
}

// Hash hashes every regular file under dir (relative path and content), in
// a fixed order, so any change to the plugin changes it.
func Hash(dir string) (string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", fmt.Errorf("open plugin folder: %w", err)
	}
	defer root.Close()
	h := sha256.New()
	var total int64
	err = fs.WalkDir(root.FS(), ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.Type().IsRegular() {
			return nil // directories; symlinks are neither hashed nor served
		}
		f, err := root.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(path))
		n, err := io.Copy(h, io.LimitReader(f, maxPluginBytes-total+1))
		total += n
		if total > maxPluginBytes {
			return errors.New("the plugin folder holds more than 64 MiB")
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("hash plugin: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Open opens a file of a plugin, confined to its folder: paths with "..",
// absolute paths and symlinks that lead out are refused.
func Open(p Plugin, name string) (*os.File, error) {
	if name == "" || strings.Contains(name, "\\") || filepath.IsAbs(name) || slices.Contains(strings.Split(name, "/"), "..") {
		return nil, fmt.Errorf("refused path %q", name)
	}
	root, err := os.OpenRoot(p.Path)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("not a file: %q", name)
	}
	return f, nil
}
