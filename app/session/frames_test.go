package session

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/plugins"
)

func TestFrameTokensBelongToTheirSession(t *testing.T) {
	a, b := New(Deps{}), New(Deps{})
	p := plugins.Plugin{ID: "hello", Hash: "h1"}
	tok := a.FrameToken(p)
	if len(tok) != 32 || a.FrameToken(p) != tok {
		t.Fatalf("token %q is not stable per plugin and hash", tok)
	}
	if !a.HasFrameToken(tok) || b.HasFrameToken(tok) || a.HasFrameToken(strings.Repeat("0", 32)) {
		t.Error("HasFrameToken does not tell the minting session")
	}
	if changed := a.FrameToken(plugins.Plugin{ID: "hello", Hash: "h2"}); changed == tok {
		t.Error("a changed plugin kept its token")
	}
	// No catalog: the plugin is not enabled, so the token opens nothing.
	if _, err := a.FramePlugin(tok); err == nil {
		t.Error("FramePlugin served a plugin that is not enabled")
	}
	for i := range maxFrameTokens {
		a.FrameToken(plugins.Plugin{ID: "x", Hash: fmt.Sprint(i)})
	}
	if a.HasFrameToken(tok) {
		t.Error("the oldest token was not dropped past maxFrameTokens")
	}
}
