package plugins

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// APIVersion is the plugin API this Kubedeck offers.
const APIVersion = 1

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
	// Hash is the hash of the plugin's files (HashFiles).
	Hash string `json:"hash"`
	Dev  bool   `json:"dev"`
	// Requested is what its package.json asks for (see Capabilities).
	Requested Capabilities `json:"requested"`
	// Error says why the plugin cannot be loaded (bad package.json, a
	// symbolic link in its folder...).
	Error string `json:"error,omitempty"`

	snap *Snapshot // the files that were hashed; nil when they could not be read
}

// File returns a file of the plugin from the snapshot that was hashed (the
// disk is not read again). See Snapshot.File for the paths refused.
func (p Plugin) File(name string) (*bytes.Reader, error) {
	if p.snap == nil {
		return nil, fmt.Errorf("plugin %q has no files loaded", p.ID)
	}
	return p.snap.File(name)
}

type manifest struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	Description string `json:"description"`
	Main        string `json:"main"`
	Kubedeck    struct {
		APIVersion   int             `json:"apiVersion"`
		Capabilities json.RawMessage `json:"capabilities"`
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

// describe makes the plugin of folder dir from its snapshot (or the error
// reading it).
func describe(dir, id string, dev bool, snap *Snapshot, err error) Plugin {
	p := Plugin{ID: id, Path: dir, Dev: dev, Name: id}
	if err != nil {
		p.Error = err.Error()
		return p
	}
	p.snap, p.Hash = snap, snap.Hash()
	b, ok := snap.files["package.json"]
	if !ok {
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
	case p.APIVersion < 1:
		p.Error = `package.json lacks "kubedeck": {"apiVersion": N}`
	case p.APIVersion > APIVersion:
		p.Error = fmt.Sprintf("needs plugin API %d; this Kubedeck offers %d", p.APIVersion, APIVersion)
	case !fs.ValidPath(p.Main) || p.Main == "." || strings.Contains(p.Main, "\\"):
		p.Error = fmt.Sprintf("package.json's main %q is not a path inside the plugin folder", p.Main)
	}
	if p.Error != "" {
		return p
	}
	if p.Requested, err = ParseCapabilities(m.Kubedeck.Capabilities); err != nil {
		p.Error = "package.json: " + err.Error()
	}
	return p
}
