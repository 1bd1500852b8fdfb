package filecopy

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// Upload writes size bytes of src to the file remote in the container
// (tar xmf - -C DIR, as kubectl cp does): remote names the file to write;
// its folder must exist.
func Upload(ctx context.Context, ex Exec, src io.Reader, size int64, remote string, progress Progress) (Result, error) {
	if size < 0 {
		return Result{}, errors.New("the size of the file to upload is unknown")
	}
	dir, name, err := splitRemote(remote)
	if err != nil {
		return Result{}, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := newCounter(progress)
	pr, pw := io.Pipe()
	go func() {
		tw := tar.NewWriter(pw)
		err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: size, ModTime: time.Now(), Typeflag: tar.TypeReg})
		if err == nil {
			var n int64
			n, err = io.CopyN(tw, countingReader{src, c}, size)
			if err != nil && n < size {
				err = fmt.Errorf("the file ended after %d of %d bytes: %w", n, size, err)
			}
		}
		if err == nil {
			err = tw.Close()
		}
		_ = pw.CloseWithError(err)
	}()
	err = run(ctx, ex, []string{"tar", "xmf", "-", "-C", dir}, pr, io.Discard)
	_ = pr.CloseWithError(errors.New("upload ended"))
	res := Result{Bytes: c.n.Load(), SHA256: c.sum(), Files: 1}
	if err == nil && res.Bytes != size {
		err = fmt.Errorf("copied %d of %d bytes", res.Bytes, size)
	}
	return res, err
}
