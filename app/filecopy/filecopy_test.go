package filecopy

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// localExec runs commands on this machine in dir: the container is a
// folder and its tools are the real tar and stat.
func localExec(dir string) Exec {
	return func(ctx context.Context, cmd []string, stdin io.Reader, stdout, stderr io.Writer) error {
		c := exec.CommandContext(ctx, cmd[0], cmd[1:]...)
		c.Dir, c.Stdin, c.Stdout, c.Stderr = dir, stdin, stdout, stderr
		return c.Run()
	}
}

// archiveExec answers every command with a fixed tar stream (a hostile
// container's tar).
func archiveExec(archive []byte) Exec {
	return func(ctx context.Context, cmd []string, stdin io.Reader, stdout, stderr io.Writer) error {
		_, err := stdout.Write(archive)
		return err
	}
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAFileRoundTripsByteIdentical(t *testing.T) {
	ctr, local := t.TempDir(), t.TempDir()
	ex := localExec(ctr)
	data := randomBytes(t, 3<<20+17)
	var seen int64
	up, err := Upload(context.Background(), ex, bytes.NewReader(data), int64(len(data)), filepath.Join(ctr, "up.bin"), func(n int64) { seen = n })
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := os.ReadFile(filepath.Join(ctr, "up.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if sum(onDisk) != sum(data) || up.SHA256 != sum(data) || up.Bytes != int64(len(data)) || seen != int64(len(data)) {
		t.Fatalf("upload: wrote %d bytes (sha %s), result %+v, progress %d; want %d bytes sha %s", len(onDisk), sum(onDisk), up, seen, len(data), sum(data))
	}
	info, err := Stat(context.Background(), ex, "up.bin") // relative: the container's working folder
	if err != nil || info.Dir || info.Size != int64(len(data)) {
		t.Fatalf("stat = %+v, %v", info, err)
	}
	dst := filepath.Join(local, "down.bin")
	down, err := SaveFile(context.Background(), ex, "up.bin", dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(dst)
	if sum(got) != sum(data) || down.SHA256 != sum(data) || down.Files != 1 {
		t.Fatalf("download: %d bytes sha %s, result %+v; want sha %s", len(got), sum(got), down, sum(data))
	}
}

func TestAFolderDownloadsAsATreeOrATar(t *testing.T) {
	ctr, local := t.TempDir(), t.TempDir()
	for name, body := range map[string]string{"conf/app.yaml": "a: 1\n", "conf/sub/x.txt": "x", "conf/empty": ""} {
		p := filepath.Join(ctr, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	_ = os.Symlink("app.yaml", filepath.Join(ctr, "conf", "inside"))
	_ = os.Symlink("/etc/passwd", filepath.Join(ctr, "conf", "outside"))
	ex := localExec(ctr)
	if info, err := Stat(context.Background(), ex, filepath.Join(ctr, "conf")); err != nil || !info.Dir {
		t.Fatalf("stat of a folder = %+v, %v", info, err)
	}
	res, err := DownloadTree(context.Background(), ex, filepath.Join(ctr, "conf"), local, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(local, "conf", "sub", "x.txt")); string(b) != "x" || res.Files != 3 {
		t.Errorf("tree: x.txt = %q, result %+v", b, res)
	}
	if l, err := os.Readlink(filepath.Join(local, "conf", "inside")); err != nil || l != "app.yaml" {
		t.Errorf("a link inside the folder was not kept: %q %v", l, err)
	}
	if _, err := os.Lstat(filepath.Join(local, "conf", "outside")); err == nil || len(res.Skipped) != 1 {
		t.Errorf("a link out of the folder was written (skipped %v)", res.Skipped)
	}
	if _, err := DownloadFile(context.Background(), ex, filepath.Join(ctr, "conf"), io.Discard, nil); err == nil {
		t.Error("a folder downloaded as one file")
	}
	var tarball bytes.Buffer
	if _, err := DownloadTar(context.Background(), ex, "conf", &tarball, nil); err != nil {
		t.Fatal(err)
	}
	var names []string
	_ = walkArchive(&tarball, func(h *tar.Header, name string, r io.Reader) error {
		names = append(names, name)
		return nil
	})
	if got := strings.Join(names, ","); !strings.Contains(got, "conf/sub/x.txt") || strings.Contains(got, "outside") {
		t.Errorf("tar entries %s", got)
	}
}

// hostile builds an archive with one entry per name.
func hostile(t *testing.T, entries ...tar.Header) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, h := range entries {
		if h.Typeflag == 0 {
			h.Typeflag = tar.TypeReg
		}
		body := "pwned"
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(body))
		}
		h.Mode = 0o644
		if err := tw.WriteHeader(&h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			_, _ = tw.Write([]byte(body))
		}
	}
	_ = tw.Close()
	return b.Bytes()
}

func TestAnArchiveThatEscapesIsRefused(t *testing.T) {
	for name, entries := range map[string][]tar.Header{
		"dot-dot":        {{Name: "x/ok.txt"}, {Name: "x/../../evil.txt"}},
		"leading dotdot": {{Name: "../evil.txt"}},
		"absolute":       {{Name: "/tmp/evil.txt"}},
		"backslashes":    {{Name: `x\..\..\evil.txt`}},
		"hard link out":  {{Name: "x/link", Typeflag: tar.TypeLink, Linkname: "../../etc/passwd"}},
	} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "dest")
			_ = os.Mkdir(dest, 0o755)
			_, err := DownloadTree(context.Background(), archiveExec(hostile(t, entries...)), "x", dest, nil)
			if !errors.Is(err, ErrEscape) {
				t.Fatalf("err = %v, want ErrEscape", err)
			}
			if _, err := os.Stat(filepath.Join(parent, "evil.txt")); err == nil {
				t.Fatal("a file was written outside the destination")
			}
			if _, err := DownloadTar(context.Background(), archiveExec(hostile(t, entries...)), "x", io.Discard, nil); !errors.Is(err, ErrEscape) {
				t.Errorf("re-tar: err = %v, want ErrEscape", err)
			}
		})
	}
}

func TestALinkPlantedBeforeAFileIsNotFollowed(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "dest")
	_ = os.Mkdir(dest, 0o755)
	// x/a points inside (allowed), then x/a is written as a file: it must
	// not follow the link; a link to outside is skipped, so a later file
	// of that name lands inside.
	archive := hostile(t,
		tar.Header{Name: "x/out", Typeflag: tar.TypeSymlink, Linkname: "../../.."},
		tar.Header{Name: "x/out/evil.txt"},
	)
	res, err := DownloadTree(context.Background(), archiveExec(archive), "x", dest, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(parent, "evil.txt")); err == nil {
		t.Fatal("a file was written through a link out of the destination")
	}
	if len(res.Skipped) != 1 {
		t.Errorf("skipped %v", res.Skipped)
	}
}

func TestAContainerWithoutTarIsToldSo(t *testing.T) {
	ex := func(ctx context.Context, cmd []string, stdin io.Reader, stdout, stderr io.Writer) error {
		if stdin != nil {
			_, _ = io.Copy(io.Discard, stdin)
		}
		return errors.New(`command terminated with exit code 127: exec: "tar": executable file not found in $PATH`)
	}
	if _, err := DownloadFile(context.Background(), ex, "/etc/hosts", io.Discard, nil); !errors.Is(err, ErrNoTar) {
		t.Errorf("download: %v", err)
	}
	if _, err := Upload(context.Background(), ex, strings.NewReader("x"), 1, "/tmp/x", nil); !errors.Is(err, ErrNoTar) {
		t.Errorf("upload: %v", err)
	}
}

func TestBadPathsAndShortUploads(t *testing.T) {
	ex := localExec(t.TempDir())
	for _, p := range []string{"", "/", "..", "a/.."} {
		if _, err := DownloadFile(context.Background(), ex, p, io.Discard, nil); err == nil {
			t.Errorf("path %q accepted", p)
		}
	}
	if _, err := Upload(context.Background(), ex, strings.NewReader("abc"), 10, "short.bin", nil); err == nil {
		t.Error("an upload shorter than its size succeeded")
	}
	if _, err := DownloadFile(context.Background(), ex, "missing.txt", io.Discard, nil); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("a missing file: %v", err)
	}
}

func TestALinkIsNamedNotFollowed(t *testing.T) {
	ctr := t.TempDir()
	_ = os.WriteFile(filepath.Join(ctr, "real.txt"), []byte("x"), 0o644)
	_ = os.Symlink("real.txt", filepath.Join(ctr, "link.txt"))
	_, err := DownloadFile(context.Background(), localExec(ctr), "link.txt", io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "symbolic link to real.txt") {
		t.Errorf("err = %v", err)
	}
}
