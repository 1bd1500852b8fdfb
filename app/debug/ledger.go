package debug

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/kubedeck/kubedeck/app/atomicfile"
)

// maxEntries bounds the ledger (older entries are dropped past it).
const maxEntries = 256

// Entry is a debug pod to delete when its terminal ends.
type Entry struct {
	Context   string    `json:"context"`
	Namespace string    `json:"namespace"`
	Name      string    `json:"name"`
	UID       string    `json:"uid,omitempty"`
	Kind      string    `json:"kind"`
	Source    string    `json:"source,omitempty"`
	Created   time.Time `json:"created"`
	// PID and Instance name the Kubedeck process that owns the pod: its
	// entries are leftovers for every other instance once it is gone.
	PID      int    `json:"pid"`
	Instance string `json:"instance"`
}

// Ledger is the file of debug pods to delete, shared by every session of
// the process (and by Kubedeck processes of the same user, one after the
// other). The zero path keeps it in memory only.
type Ledger struct {
	path     string
	instance string
	mu       sync.Mutex
	mem      []Entry
}

// NewLedger returns the ledger at path ("" = in memory only).
func NewLedger(path string) *Ledger {
	return &Ledger{path: path, instance: suffix() + suffix()}
}

// Add records e as this process's.
func (l *Ledger) Add(e Entry) error {
	e.PID, e.Instance = os.Getpid(), l.instance
	if e.Created.IsZero() {
		e.Created = time.Now().UTC()
	}
	return l.update(func(list []Entry) []Entry {
		list = append(list, e)
		if len(list) > maxEntries {
			list = list[len(list)-maxEntries:]
		}
		return list
	})
}

// Remove drops the entry of a pod (deleted, or found gone).
func (l *Ledger) Remove(contextName, namespace, name string) error {
	return l.update(func(list []Entry) []Entry {
		return slices.DeleteFunc(list, func(e Entry) bool {
			return e.Context == contextName && e.Namespace == namespace && e.Name == name
		})
	})
}

// Leftovers are the entries of contextName that no running Kubedeck owns.
func (l *Ledger) Leftovers(contextName string) ([]Entry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	list, err := l.load()
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, e := range list {
		if e.Context == contextName && e.Instance != l.instance && !alive(e.PID) {
			out = append(out, e)
		}
	}
	return out, nil
}

// Owned says whether this process recorded the pod (its terminal may be
// open).
func (l *Ledger) Owned(contextName, namespace, name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	list, _ := l.load()
	return slices.ContainsFunc(list, func(e Entry) bool {
		return e.Instance == l.instance && e.Context == contextName && e.Namespace == namespace && e.Name == name
	})
}

func (l *Ledger) update(fn func([]Entry) []Entry) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	list, err := l.load()
	if err != nil {
		return err
	}
	list = fn(list)
	if l.path == "" {
		l.mem = list
		return nil
	}
	b, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return fmt.Errorf("encode the debug pod ledger: %w", err)
	}
	// The config folder may not exist yet (a first start, a new XDG_CONFIG_HOME).
	if err := os.MkdirAll(filepath.Dir(l.path), 0o700); err != nil {
		return fmt.Errorf("create the folder of the debug pod ledger: %w", err)
	}
	if err := atomicfile.WriteFile(l.path, b, 0o600); err != nil {
		return fmt.Errorf("write the debug pod ledger: %w", err)
	}
	return nil
}

func (l *Ledger) load() ([]Entry, error) {
	if l.path == "" {
		return slices.Clone(l.mem), nil
	}
	b, err := os.ReadFile(l.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the debug pod ledger: %w", err)
	}
	var list []Entry
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("read the debug pod ledger %s: %w", l.path, err)
	}
	return list, nil
}
