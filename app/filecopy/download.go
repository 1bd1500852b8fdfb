package filecopy

import (
	"archive/tar"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kubedeck/kubedeck/app/atomicfile"
)

// DownloadFile writes the contents of the regular file remote to w.
func DownloadFile(ctx context.Context, ex Exec, remote string, w io.Writer, progress Progress) (Result, error) {
	c := newCounter(progress)
	var res Result
	err := readArchive(ctx, ex, remote, func(h *tar.Header, name string, r io.Reader) error {
		if res.Files > 0 || h.Typeflag == tar.TypeDir {
			return fmt.Errorf("%s is a folder: download it as a folder", remote)
		}
		if h.Typeflag == tar.TypeSymlink {
			return fmt.Errorf("%s is a symbolic link to %s: copy what it points to", remote, h.Linkname)
		}
		if h.Typeflag != tar.TypeReg {
			return fmt.Errorf("%s is not a regular file", remote)
		}
		if _, err := io.Copy(countingWriter{w, c}, r); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		res.Files++
		return nil
	})
	if err == nil && res.Files == 0 {
		err = fmt.Errorf("%s: nothing to copy", remote)
	}
	res.Bytes, res.SHA256 = c.n.Load(), c.sum()
	return res, err
}

// SaveFile downloads the file remote into local, replacing it atomically
// (a failed copy leaves what was there).
func SaveFile(ctx context.Context, ex Exec, remote, local string, progress Progress) (Result, error) {
	var res Result
	err := atomicfile.Write(local, 0o644, func(w io.Writer) error {
		var err error
		res, err = DownloadFile(ctx, ex, remote, w, progress)
		return err
	})
	return res, err
}

// DownloadTree extracts the file or folder remote into the local folder
// dest (as dest/NAME). Symbolic links pointing outside it are skipped and
// listed; entries outside it refuse the whole copy.
func DownloadTree(ctx context.Context, ex Exec, remote, dest string, progress Progress) (Result, error) {
	c := newCounter(progress)
	var res Result
	err := readArchive(ctx, ex, remote, func(h *tar.Header, name string, r io.Reader) error {
		target := filepath.Join(dest, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			return os.MkdirAll(target, 0o755)
		case tar.TypeReg:
			res.Files++
			return writeEntry(target, h, countingReader{r, c})
		case tar.TypeSymlink:
			if !linkInside(name, h.Linkname) {
				res.Skipped = append(res.Skipped, name+" -> "+h.Linkname)
				return nil
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			return os.Symlink(h.Linkname, target)
		default:
			res.Skipped = append(res.Skipped, name)
			return nil
		}
	})
	res.Bytes, res.SHA256 = c.n.Load(), ""
	return res, err
}

// writeEntry writes one regular file of an archive, refusing to follow a
// symbolic link already at its place.
func writeEntry(target string, h *tar.Header, r io.Reader) error {
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(target), err)
	}
	if fi, err := os.Lstat(target); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%w (%s is a link)", ErrEscape, target)
	}
	f, err := os.OpenFile(target, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, os.FileMode(h.Mode&0o777)|0o600)
	if err != nil {
		return fmt.Errorf("create %s: %w", target, err)
	}
	if _, err := io.Copy(f, r); err != nil {
		_ = f.Close()
		return fmt.Errorf("write %s: %w", target, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	mt := h.ModTime
	if mt.IsZero() {
		mt = time.Now()
	}
	_ = os.Chtimes(target, mt, mt)
	return nil
}

// DownloadTar writes the file or folder remote to w as a tar archive of
// checked entries only (the browser saves folders that way).
func DownloadTar(ctx context.Context, ex Exec, remote string, w io.Writer, progress Progress) (Result, error) {
	c := newCounter(progress)
	tw := tar.NewWriter(w)
	var res Result
	err := readArchive(ctx, ex, remote, func(h *tar.Header, name string, r io.Reader) error {
		if h.Typeflag == tar.TypeSymlink && !linkInside(name, h.Linkname) {
			res.Skipped = append(res.Skipped, name+" -> "+h.Linkname)
			return nil
		}
		h.Name = name
		if h.Typeflag == tar.TypeDir && !strings.HasSuffix(h.Name, "/") {
			h.Name += "/"
		}
		if err := tw.WriteHeader(h); err != nil {
			return fmt.Errorf("write the archive: %w", err)
		}
		if h.Typeflag == tar.TypeReg {
			res.Files++
			if _, err := io.Copy(tw, countingReader{r, c}); err != nil {
				return fmt.Errorf("write the archive: %w", err)
			}
		}
		return nil
	})
	if err == nil {
		err = tw.Close()
	}
	res.Bytes = c.n.Load()
	return res, err
}
