package filecopy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
)

// Exec runs cmd in the container, without a TTY (terminal.Exec bound to
// one container).
type Exec func(ctx context.Context, cmd []string, stdin io.Reader, stdout, stderr io.Writer) error

// Progress is told the bytes moved so far (file contents, not tar framing).
type Progress func(done int64)

// Result is what a copy moved.
type Result struct {
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256,omitempty"`
	// Files counts the files written (more than one for a folder).
	Files int `json:"files"`
	// Skipped lists symbolic links left out because they point outside
	// the destination.
	Skipped []string `json:"skipped,omitempty"`
}

// ErrNoTar is returned when the container has no tar.
var ErrNoTar = errors.New("the container has no tar: copying files needs tar in the container (as kubectl cp does); " +
	"add a debug container with an image that has it, or copy with a command of the image")

// Info is what Stat found at a remote path.
type Info struct {
	// Size of a regular file; -1 when unknown.
	Size int64 `json:"size"`
	Dir  bool  `json:"dir"`
}

// maxStderr bounds the error output of a remote command kept for messages.
const maxStderr = 4 << 10

// Stat looks at a remote path with stat (BusyBox and coreutils print the
// same for -c '%s %F'); without stat, the size is unknown and tar decides.
func Stat(ctx context.Context, ex Exec, remote string) (Info, error) {
	var out bytes.Buffer
	errOut := &limited{max: maxStderr}
	err := ex(ctx, []string{"stat", "-L", "-c", "%s %F", "--", remote}, nil, &out, errOut)
	if err != nil {
		msg := errOut.String()
		if strings.Contains(msg, "No such file") || strings.Contains(msg, "can't stat") {
			return Info{}, fmt.Errorf("%s: no such file or folder in the container", remote)
		}
		return Info{Size: -1}, nil
	}
	f := strings.SplitN(strings.TrimSpace(out.String()), " ", 2)
	size, perr := strconv.ParseInt(f[0], 10, 64)
	if perr != nil || len(f) < 2 {
		return Info{Size: -1}, nil
	}
	if f[1] == "directory" {
		return Info{Size: -1, Dir: true}, nil
	}
	return Info{Size: size}, nil
}

// splitRemote is kubectl cp's: the folder tar runs in and the name it
// archives or writes ("." for a relative name).
func splitRemote(remote string) (dir, name string, err error) {
	remote = strings.TrimRight(remote, "/")
	if remote == "" {
		return "", "", errors.New("the container path is empty")
	}
	dir, name = path.Split(remote)
	if name == "." || name == ".." {
		return "", "", fmt.Errorf("%s: name a file or folder, not %q", remote, name)
	}
	if dir == "" {
		dir = "."
	}
	return dir, name, nil
}

// run runs a remote command and turns "no tar" and tar's own complaints
// into readable errors.
func run(ctx context.Context, ex Exec, cmd []string, stdin io.Reader, stdout io.Writer) error {
	errOut := &limited{max: maxStderr}
	err := ex(ctx, cmd, stdin, stdout, errOut)
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	msg := err.Error() + " " + errOut.String()
	if strings.Contains(msg, "executable file not found") || strings.Contains(msg, "not found in $PATH") ||
		strings.Contains(msg, "exit code 127") || strings.Contains(msg, "exit status 127") ||
		(strings.Contains(msg, "no such file or directory") && strings.Contains(msg, `"tar"`)) {
		return ErrNoTar
	}
	if s := strings.TrimSpace(errOut.String()); s != "" {
		return fmt.Errorf("%s: %s", strings.Join(cmd[:2], " "), s)
	}
	return fmt.Errorf("%s: %w", strings.Join(cmd[:2], " "), err)
}

// limited keeps the first max bytes written to it.
type limited struct {
	bytes.Buffer
	max int
}

func (l *limited) Write(p []byte) (int, error) {
	if room := l.max - l.Len(); room > 0 {
		l.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// counter counts and hashes what passes, telling progress.
type counter struct {
	n        atomic.Int64
	h        hash.Hash
	progress Progress
}

func newCounter(p Progress) *counter { return &counter{h: sha256.New(), progress: p} }

func (c *counter) add(p []byte) {
	c.h.Write(p)
	n := c.n.Add(int64(len(p)))
	if c.progress != nil {
		c.progress(n)
	}
}

func (c *counter) sum() string { return hex.EncodeToString(c.h.Sum(nil)) }

type countingWriter struct {
	w io.Writer
	c *counter
}

func (w countingWriter) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	w.c.add(p[:n])
	return n, err
}

type countingReader struct {
	r io.Reader
	c *counter
}

func (r countingReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.c.add(p[:n])
	return n, err
}
