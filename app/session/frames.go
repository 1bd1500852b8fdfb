package session

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/kubedeck/kubedeck/app/plugins"
)

// maxFrameTokens bounds the tokens a session keeps (one per plugin and
// hash it served; older ones are dropped first).
const maxFrameTokens = 256

// frameTokens are the capability tokens of a session's plugin frames. A
// plugin's frame runs at an opaque origin: its requests carry no cookie and
// no app key, so the token in its URL (/plugin-frame/<token>/...) is what
// lets it load its own files, and nothing else. A token names one plugin at
// one hash: a changed plugin gets a new one and the old one stops working.
type frameTokens struct {
	mu    sync.Mutex
	byTok map[string]frameTarget
	byKey map[frameTarget]string
	order []string
}

type frameTarget struct{ id, hash string }

func newFrameTokens() *frameTokens {
	return &frameTokens{byTok: map[string]frameTarget{}, byKey: map[frameTarget]string{}}
}

// FrameToken returns the frame token of plugin p at its current hash,
// minting one the first time (random, 128 bits).
func (s *Session) FrameToken(p plugins.Plugin) string {
	f := s.frames
	f.mu.Lock()
	defer f.mu.Unlock()
	key := frameTarget{p.ID, p.Hash}
	if tok, ok := f.byKey[key]; ok {
		return tok
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	tok := hex.EncodeToString(b)
	f.byTok[tok], f.byKey[key] = key, tok
	f.order = append(f.order, tok)
	if len(f.order) > maxFrameTokens {
		old := f.order[0]
		f.order = f.order[1:]
		delete(f.byKey, f.byTok[old])
		delete(f.byTok, old)
	}
	return tok
}

// FramePlugin returns the plugin a frame token was minted for, if that
// plugin is still enabled at the same hash (EnabledPlugin).
func (s *Session) FramePlugin(token string) (plugins.Plugin, error) {
	f := s.frames
	f.mu.Lock()
	key, ok := f.byTok[token]
	f.mu.Unlock()
	if !ok {
		return plugins.Plugin{}, fmt.Errorf("unknown plugin frame")
	}
	p, err := s.EnabledPlugin(key.id)
	if err != nil {
		return p, err
	}
	if p.Hash != key.hash {
		return p, fmt.Errorf("plugin %q changed since its frame was opened", key.id)
	}
	return p, nil
}

// HasFrameToken reports whether s minted token (and still keeps it),
// whatever the state of its plugin now: the browser shell finds a frame's
// session by it, then FramePlugin decides.
func (s *Session) HasFrameToken(token string) bool {
	f := s.frames
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.byTok[token]
	return ok
}
