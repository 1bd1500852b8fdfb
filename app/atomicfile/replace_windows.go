package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// replace on Windows, where renameio does not build: a temporary file in
// the same folder, synced, then renamed over the destination (os.Rename
// uses MoveFileEx with MOVEFILE_REPLACE_EXISTING). Folders cannot be
// synced on Windows. Only the read-only bit of a mode means anything here.
func replace(path string, perm fs.FileMode, fill func(io.Writer) error) (err error) {
	if fi, err := os.Lstat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("create a temporary file: %w", err)
	}
	renamed := false
	defer func() {
		if !renamed {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err := fill(f); err != nil {
		return err
	}
	if err := errors.Join(f.Sync(), f.Close()); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), perm); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	renamed = true
	return nil
}
