package commands

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

const testKey = "0123456789abcdef0123456789abcdef"

func newTestGate(t *testing.T) *Gate {
	t.Helper()
	return NewGate(testKey, session.New(Deps{Version: "1.2.3", Settings: settings.New(filepath.Join(t.TempDir(), "settings.json"))}))
}

// zeroArgs is a JSON array of the zero value of each parameter of m.
func zeroArgs(t *testing.T, m reflect.Method) json.RawMessage {
	t.Helper()
	var args []any
	for i := 1; i < m.Type.NumIn(); i++ {
		args = append(args, reflect.Zero(m.Type.In(i)).Interface())
	}
	b, err := json.Marshal(args)
	if err != nil {
		t.Fatalf("%s: marshal zero arguments: %v", m.Name, err)
	}
	return b
}

// A call without the app key runs nothing: not even a harmless command,
// and a settings write leaves no trace.
func TestGateRefusesAWrongKey(t *testing.T) {
	g := newTestGate(t)
	for _, key := range []string{"", "wrong", testKey[:len(testKey)-1], testKey + "0", strings.ToUpper(testKey)} {
		for _, call := range []struct {
			method string
			args   string
		}{
			{"Version", "[]"},
			{"RememberLocation", `["stolen","kube-system"]`},
			{"RevealSecret", `["ctx","ns","name","key"]`},
		} {
			res, err := g.Call(key, call.method, json.RawMessage(call.args))
			if !errors.Is(err, ErrWrongKey) || res != nil {
				t.Errorf("key %q, %s: got %s, %v; want ErrWrongKey", key, call.method, res, err)
			}
		}
	}
	prefs, err := g.Call(testKey, "Preferences", nil)
	if err != nil || strings.Contains(string(prefs), "stolen") {
		t.Errorf("refused RememberLocation left a trace: %s %v", prefs, err)
	}
	if res, err := NewGate("", g.c.s).Call("", "Version", nil); !errors.Is(err, ErrWrongKey) {
		t.Errorf("a gate without a key answered: %s %v", res, err)
	}
}

// With the key, every command is reachable by name with its arguments,
// as POST /api/call/<method> reaches it.
func TestGateReachesEveryCommand(t *testing.T) {
	g := newTestGate(t)
	methods := Methods()
	if len(methods) < 30 {
		t.Fatalf("only %d commands found", len(methods))
	}
	for _, m := range methods {
		_, err := g.Call(testKey, m.Name, zeroArgs(t, m))
		if errors.Is(err, ErrNoCommand) || errors.Is(err, ErrArguments) || errors.Is(err, ErrWrongKey) || errors.Is(err, ErrPanicked) {
			t.Errorf("%s not reachable through the gate: %v", m.Name, err)
		}
	}
}

func TestGateDispatchesLikeTheAPI(t *testing.T) {
	g := newTestGate(t)
	for _, tc := range []struct {
		name, method, args string
		want               string
		kind               error
	}{
		{"result", "Version", "[]", `{"version":"1.2.3"}`, nil},
		{"null means no arguments", "Version", "null", `{"version":"1.2.3"}`, nil},
		{"no arguments", "Version", "", `{"version":"1.2.3"}`, nil},
		{"settings round trip", "RememberLocation", `["prod","web"]`, `"lastContext":"prod"`, nil},
		{"unknown command", "Nope", "[]", "", ErrNoCommand},
		{"too few arguments", "RememberLocation", `["prod"]`, "", ErrArguments},
		{"wrong argument type", "RememberLocation", `[1,2]`, "", ErrArguments},
		{"arguments not an array", "Version", `{"a":1}`, "", ErrArguments},
		{"the command's own error", "ClusterInfo", `["missing"]`, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := g.Call(testKey, tc.method, json.RawMessage(tc.args))
			switch {
			case tc.kind != nil:
				if !errors.Is(err, tc.kind) {
					t.Errorf("got %s, %v; want %v", res, err, tc.kind)
				}
			case tc.want == "":
				if err == nil {
					t.Errorf("got %s, want the command's error", res)
				}
			case err != nil || !strings.Contains(string(res), tc.want):
				t.Errorf("got %s, %v; want %s", res, err, tc.want)
			}
		})
	}
}
