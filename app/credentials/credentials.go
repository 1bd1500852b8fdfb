package credentials

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// Storage says where tokens are kept.
type Storage string

// Where tokens are kept.
const (
	Keyring Storage = "keyring"
	Memory  Storage = "memory"
)

// service is the keyring service name.
const service = "io.kubedeck.app"

// Tokens holds one token per cluster entry.
type Tokens struct {
	useKeyring bool

	mu    sync.Mutex
	cache map[string]string // key -> token; "" means known absent
}

// NewMemory returns tokens kept in memory only.
func NewMemory() *Tokens { return &Tokens{cache: map[string]string{}} }

// NewKeyring returns tokens kept in the OS keyring when it answers, else in
// memory.
func NewKeyring() *Tokens {
	t := &Tokens{cache: map[string]string{}}
	t.useKeyring = keyringWorks()
	return t
}

// keyringWorks probes the keyring, giving up after two seconds (a session
// without a D-Bus secret service can make the call hang).
func keyringWorks() bool {
	ok := make(chan bool, 1)
	go func() {
		_, err := keyring.Get(service, "kubedeck-probe")
		ok <- err == nil || errors.Is(err, keyring.ErrNotFound)
	}()
	select {
	case v := <-ok:
		return v
	case <-time.After(2 * time.Second):
		return false
	}
}

// Storage reports where tokens go.
func (t *Tokens) Storage() Storage {
	if t.useKeyring {
		return Keyring
	}
	return Memory
}

// Key names the entry of a context: its name and server, so a token is
// never sent to a server other than the one it was entered for.
func Key(contextName, server string) string {
	sum := sha256.Sum256([]byte(contextName + "\x00" + server))
	return hex.EncodeToString(sum[:12])
}

// Get returns the token for key, if any.
func (t *Tokens) Get(key string) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if tok, ok := t.cache[key]; ok {
		return tok, tok != ""
	}
	if !t.useKeyring {
		return "", false
	}
	tok, err := keyring.Get(service, key)
	if err != nil {
		t.cache[key] = ""
		return "", false
	}
	t.cache[key] = tok
	return tok, true
}

// Set stores the token for key.
func (t *Tokens) Set(key, token string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.useKeyring {
		if err := keyring.Set(service, key, token); err != nil {
			return fmt.Errorf("save token in the keyring: %w", err)
		}
	}
	t.cache[key] = token
	return nil
}

// Delete forgets the token for key.
func (t *Tokens) Delete(key string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.cache[key] = ""
	if t.useKeyring {
		if err := keyring.Delete(service, key); err != nil && !errors.Is(err, keyring.ErrNotFound) {
			return fmt.Errorf("remove token from the keyring: %w", err)
		}
	}
	return nil
}

// Fingerprint identifies a token without revealing it (for cache keys).
func Fingerprint(token string) string {
	if token == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:8])
}
