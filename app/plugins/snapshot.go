package plugins

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
)

const (
	// maxPluginBytes bounds what one plugin folder may hold: its files are
	// kept in memory while it is listed.
	maxPluginBytes = 20 << 20
	// maxPluginFiles bounds how many files and folders it may hold.
	maxPluginFiles = 4096
)

// hashDomain starts every plugin hash, so it is never the hash of anything
// else (and a change of the framing below changes every hash).
const hashDomain = "kubedeck plugin v2\x00"

// Snapshot is a plugin folder read once into memory: the files that were
// hashed are the files served, whatever happens on disk afterwards. It is
// never modified after it is made.
type Snapshot struct {
	files map[string][]byte // slash-separated relative path → content
	hash  string
}

// Hash is the SHA-256 of the snapshot's files (see HashFiles).
func (s *Snapshot) Hash() string { return s.hash }

// File returns a reader over one file of the snapshot. name is a
// slash-separated path relative to the plugin folder; "..", absolute paths,
// backslashes and folders are refused.
func (s *Snapshot) File(name string) (*bytes.Reader, error) {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return nil, fmt.Errorf("refused path %q", name)
	}
	b, ok := s.files[name]
	if !ok {
		return nil, fmt.Errorf("no file %q in the plugin: %w", name, fs.ErrNotExist)
	}
	return bytes.NewReader(b), nil
}

// HashFiles hashes a plugin's files (relative slash path → content): for
// each file in the order of its path, the path's length, the path, the
// content's length and the content (lengths as 8-byte big-endian numbers),
// after a fixed prefix. The lengths frame every field, so two different
// sets of files never feed the hash the same bytes.
func HashFiles(files map[string][]byte) string {
	h := sha256.New()
	_, _ = io.WriteString(h, hashDomain)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		writeField(h, []byte(name))
		writeField(h, files[name])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func writeField(h hash.Hash, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	_, _ = h.Write(n[:])
	_, _ = h.Write(b)
}

// Hash reads the plugin folder dir and returns its hash (see HashFiles).
func Hash(dir string) (string, error) {
	s, err := ReadSnapshot(dir)
	if err != nil {
		return "", err
	}
	return s.hash, nil
}

// ReadSnapshot reads every file of dir into memory, confined to dir
// (os.Root). Symbolic links, and anything else that is neither a regular
// file nor a folder, are refused: what is served must be what was hashed,
// and a link may point anywhere, or be re-pointed later. More than 20 MiB
// or 4096 entries are refused too.
func ReadSnapshot(dir string) (*Snapshot, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open plugin folder: %w", err)
	}
	defer root.Close()
	files := map[string][]byte{}
	var total int64
	entries := 0
	err = fs.WalkDir(root.FS(), ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if entries++; entries > maxPluginFiles {
			return fmt.Errorf("the plugin folder holds more than %d files and folders", maxPluginFiles)
		}
		switch t := e.Type(); {
		case t.IsDir():
			return nil
		case t&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a symbolic link; plugin folders may hold only files and folders (copy the file in instead)", name)
		case !t.IsRegular():
			return fmt.Errorf("%s is not a regular file (%s); plugin folders may hold only files and folders", name, t.Type())
		}
		b, err := readEntry(root, name, e, maxPluginBytes-total)
		if err != nil {
			return err
		}
		total += int64(len(b))
		files[path.Clean(name)] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read plugin: %w", err)
	}
	return &Snapshot{files: files, hash: HashFiles(files)}, nil
}

// readEntry reads one regular file found by the walk, at most limit bytes.
// The file opened must be the one the walk saw (not a link put in its place
// since).
func readEntry(root *os.Root, name string, e fs.DirEntry, limit int64) ([]byte, error) {
	seen, err := e.Info()
	if err != nil {
		return nil, err
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !opened.Mode().IsRegular() || !os.SameFile(seen, opened) {
		return nil, fmt.Errorf("%s changed while it was read; try again", name)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, errors.New("the plugin folder holds more than 20 MiB")
	}
	return b, nil
}
