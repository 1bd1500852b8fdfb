package filecopy

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// entryFunc is given each entry of an archive from the container: name is
// its checked path relative to the destination, in slash form.
type entryFunc func(h *tar.Header, name string, r io.Reader) error

// readArchive archives remote in the container (tar cf - -C DIR NAME) and
// gives each entry to fn, refusing the archive at the first entry that
// would land outside the destination.
func readArchive(ctx context.Context, ex Exec, remote string, fn entryFunc) error {
	dir, name, err := splitRemote(remote)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := run(ctx, ex, []string{"tar", "cf", "-", "-C", dir, name}, nil, pw)
		_ = pw.CloseWithError(err)
		done <- err
	}()
	err = walkArchive(pr, fn)
	if err != nil {
		cancel()
		_ = pr.CloseWithError(err)
		<-done
		return err
	}
	_, _ = io.Copy(io.Discard, pr)
	if rerr := <-done; rerr != nil {
		return rerr
	}
	return nil
}

// walkArchive reads a tar stream, checking every entry's name and link.
func walkArchive(r io.Reader, fn entryFunc) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read the archive from the container: %w", err)
		}
		name, err := checkName(h.Name)
		if err != nil {
			return err
		}
		if h.Typeflag == tar.TypeLink {
			if _, err := checkName(h.Linkname); err != nil {
				return fmt.Errorf("hard link %s: %w", h.Name, err)
			}
		}
		if err := fn(h, name, tr); err != nil {
			return err
		}
	}
}

// ErrEscape marks an archive entry that would be written outside the
// destination.
var ErrEscape = errors.New("refused: the archive from the container has an entry outside the destination")

// checkName cleans an entry name, refusing absolute names and any that
// climb out with "..".
func checkName(n string) (string, error) {
	clean := path.Clean(strings.ReplaceAll(n, `\`, "/"))
	if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || clean == "." && n != "." && n != "./" {
		return "", fmt.Errorf("%w (%q)", ErrEscape, n)
	}
	return clean, nil
}

// linkInside says whether a symbolic link at name pointing to target stays
// inside the destination.
func linkInside(name, target string) bool {
	if path.IsAbs(target) {
		return false
	}
	joined := path.Clean(path.Join(path.Dir(name), target))
	return joined != ".." && !strings.HasPrefix(joined, "../")
}
