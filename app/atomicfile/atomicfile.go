package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrSymlink is the error for a destination that is a symbolic link.
var ErrSymlink = errors.New("is a symbolic link; Kubedeck does not write through links (point it at the file itself)")

// WriteFile replaces path with data (see the package doc for modes and
// links).
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write replaces path with what fill writes. If fill fails, nothing
// changes: the temporary file is removed and path keeps its old content.
func Write(path string, perm fs.FileMode, fill func(io.Writer) error) error {
	if err := CheckDestination(path); err != nil {
		return err
	}
	if err := replace(path, perm.Perm(), fill); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// CheckDestination refuses a destination that exists and is not a regular
// file (a symbolic link, a folder, a device...): Write checks it, and a
// caller that reads the file before replacing it checks it first, so it
// does not read through a link either.
func CheckDestination(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("write %s: %w", path, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("write %s: %w", path, ErrSymlink)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("write %s: not a regular file", path)
	}
	return nil
}
