package kubeconfig

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

const fileA = `apiVersion: v1
kind: Config
current-context: "arn:aws:eks:eu-west-1:123:cluster/prod"
clusters:
- name: prod
  cluster: {server: https://prod.example:6443, certificate-authority: certs/ca.crt}
- name: shared
  cluster: {server: https://from-a.example}
users:
- name: u
  user: {token: abc}
contexts:
- name: "arn:aws:eks:eu-west-1:123:cluster/prod"
  context: {cluster: prod, user: u, namespace: payments}
- name: dup
  context: {cluster: shared, user: u}
`

const fileB = `apiVersion: v1
kind: Config
current-context: dup
clusters:
- name: shared
  cluster: {server: https://from-b.example}
users:
- name: u
  user: {token: other}
contexts:
- name: dup
  context: {cluster: shared, user: u, namespace: from-b}
- name: "me@corp ünï"
  context: {cluster: shared, user: u}
`

func TestLoadMergesFirstFileWins(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	write(t, a, fileA)
	write(t, b, fileB)
	missing := filepath.Join(dir, "missing.yaml")

	snap := Load([]string{a, b, missing})

	if snap.Current != "arn:aws:eks:eu-west-1:123:cluster/prod" {
		t.Errorf("current = %q, want the first file's", snap.Current)
	}
	if len(snap.Contexts) != 3 {
		t.Fatalf("contexts = %+v, want 3", snap.Contexts)
	}
	dup, _ := snap.Context("dup")
	if dup.Server != "https://from-a.example" || dup.Namespace != "" || dup.Source != a {
		t.Errorf("dup = %+v, want a.yaml's definition", dup)
	}
	odd, ok := snap.Context("me@corp ünï")
	if !ok || odd.Source != b {
		t.Errorf("odd name context = %+v (found %v), want from b.yaml", odd, ok)
	}
	prod, _ := snap.Context("arn:aws:eks:eu-west-1:123:cluster/prod")
	if prod.Namespace != "payments" {
		t.Errorf("prod namespace = %q", prod.Namespace)
	}
	ca := snap.Config.Clusters["prod"].CertificateAuthority
	if ca != filepath.Join(dir, "certs/ca.crt") {
		t.Errorf("relative CA path resolved to %q, want it against the file's folder", ca)
	}
	if snap.Files[2].Exists || snap.Files[2].Error != "" {
		t.Errorf("missing file status = %+v", snap.Files[2])
	}
}

func TestLoadKeepsGoodFilesWhenOneIsBroken(t *testing.T) {
	dir := t.TempDir()
	bad, good := filepath.Join(dir, "bad.yaml"), filepath.Join(dir, "good.yaml")
	write(t, bad, "apiVersion: v1\nkind: Config\ncontexts: [ this is: not yaml")
	write(t, good, fileB)

	snap := Load([]string{bad, good})

	if snap.Files[0].Error == "" || !strings.Contains(snap.Files[0].Error, "bad.yaml") {
		t.Errorf("broken file error = %q, want a message naming the file", snap.Files[0].Error)
	}
	if snap.Files[1].Error != "" {
		t.Errorf("good file error = %q", snap.Files[1].Error)
	}
	if _, ok := snap.Context("dup"); !ok {
		t.Errorf("contexts of the good file are missing: %+v", snap.Contexts)
	}
}

func TestStoreReloadsOnChange(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config")
	s := NewStore([]string{p})

	snap, gen1 := s.Snapshot()
	if len(snap.Contexts) != 0 {
		t.Fatalf("contexts before the file exists: %+v", snap.Contexts)
	}
	write(t, p, fileB)
	snap, gen2 := s.Snapshot()
	if gen2 == gen1 || len(snap.Contexts) != 2 {
		t.Fatalf("after create: gen %d->%d, contexts %+v", gen1, gen2, snap.Contexts)
	}
	if _, gen3 := s.Snapshot(); gen3 != gen2 {
		t.Errorf("unchanged file reloaded: gen %d->%d", gen2, gen3)
	}
	time.Sleep(10 * time.Millisecond)
	write(t, p, strings.Replace(fileB, "me@corp ünï", "renamed", 1)+"\n")
	snap, _ = s.Snapshot()
	if _, ok := snap.Context("renamed"); !ok {
		t.Errorf("edit not seen: %+v", snap.Contexts)
	}
}

func TestWatchSeesEditsWithin2s(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "later", "config")
	other := filepath.Join(dir, "config")
	s := NewStore([]string{other, p})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := s.Watch(ctx, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	ch := s.Subscribe(ctx)
	_, gen0 := s.Snapshot()

	// A file created after start-up, then replaced the way editors save.
	write(t, other, fileA)
	wait := func(what string) uint64 {
		t.Helper()
		select {
		case g := <-ch:
			return g
		case <-time.After(2 * time.Second):
			t.Fatalf("no change notification within 2s after %s", what)
		}
		return 0
	}
	if g := wait("create"); g <= gen0 {
		t.Errorf("generation did not move: %d", g)
	}
	tmp := p + ".tmp"
	write(t, tmp, fileB)
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
	wait("rename")
	snap, _ := s.Snapshot()
	if _, ok := snap.Context("me@corp ünï"); !ok {
		t.Errorf("context from the renamed-in file missing: %+v", snap.Contexts)
	}
	if err := os.Remove(other); err != nil {
		t.Fatal(err)
	}
	wait("remove")
	snap, _ = s.Snapshot()
	if _, ok := snap.Context("arn:aws:eks:eu-west-1:123:cluster/prod"); ok {
		t.Error("context of a removed file is still listed")
	}
}
