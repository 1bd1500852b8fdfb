package desktop

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// SelfTestEnv names the file a smoke test wants the self-test report in.
// Only when it is set is SelfTest bound and run.
const SelfTestEnv = "KUBEDECK_SELFTEST_REPORT"

// SelfTest lets the desktop smoke test prove, through the real Wails
// dispatcher and webview, that a crashing command does not take the app down,
// that the window shows cluster data, and that the app key holds: the page
// took it out of index.html, /api/ and the Gate refuse a caller without it,
// and a frame sandboxed as plugin frames are reaches neither.
type SelfTest struct {
	path string
	mu   sync.Mutex
}

func newSelfTest() *SelfTest {
	if p := os.Getenv(SelfTestEnv); p != "" {
		return &SelfTest{path: p}
	}
	return nil
}

// NilDeref dereferences a nil pointer inside a recovering command.
func (s *SelfTest) NilDeref() (string, error) {
	return guarded(func() (string, error) {
		var p *struct{ s string }
		return p.s, nil
	})
}

// Report appends a key/value line to the report file.
func (s *SelfTest) Report(key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := os.OpenFile(s.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("self-test report: %w", err)
	}
	defer f.Close()
	return json.NewEncoder(f).Encode(map[string]string{"key": key, "value": value})
}

func guarded[T any](fn func() (T, error)) (res T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return fn()
}

// run drives the checks from inside the page.
func (s *SelfTest) run(ctx context.Context) {
	runtime.WindowExecJS(ctx, selfTestJS)
}

const selfTestJS = `(async () => {
  const st = window.go.desktop.SelfTest;
  let r;
  try { await st.NilDeref(); r = 'no error'; } catch (e) { r = 'error: ' + e; }
  await st.Report('panic', String(r));
  const t0 = Date.now();
  const rows = () => document.querySelectorAll('[role=row], tr').length;
  while (Date.now() - t0 < 60000 && rows() < 3) { await new Promise(f => setTimeout(f, 200)); }
  await new Promise(f => setTimeout(f, 1500));
  await st.Report('rows', String(rows()));
  await st.Report('text', document.body.innerText.slice(0, 4000));
  await st.Report('keymeta', document.querySelector('meta[name="kubedeck-key"]') ? 'present' : 'removed');
  const res = await fetch('/api/call/Version', { method: 'POST', body: '[]' });
  await st.Report('nokey', String(res.status));
  try { await window.go.commands.Gate.Call('wrong', 'Version', []); r = 'answered'; } catch (e) { r = 'error: ' + e; }
  await st.Report('wrongkey', r);
  await st.Report('frame', await probeFrame());
  await st.Report('done', 'ok');
})().catch(e => window.go.desktop.SelfTest.Report('failed', String(e)));

// probeFrame runs a script in a frame sandboxed as plugin frames are, and
// resolves with what it could reach.
function probeFrame() {
  const probe = "<script>(async () => {" +
    "const out = { go: typeof window.go, channel: typeof (window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.external) };" +
    "try { out.parent = String(parent.document.title); } catch (e) { out.parent = 'refused'; }" +
    "try { const r = await fetch('/api/call/RevealSecret', { method: 'POST', body: '[]' }); out.fetch = String(r.status); } catch (e) { out.fetch = 'refused'; }" +
    "if (out.channel === 'object') window.webkit.messageHandlers.external.postMessage('C' + JSON.stringify({ name: 'commands.Gate.Call', args: ['', 'RevealSecret', ['probe', 'probe', 'probe', 'probe']], callbackID: 'selftest-probe' }));" +
    "parent.postMessage(Object.entries(out).map(([k, v]) => k + '=' + v).join(' '), '*');" +
    "})();<\/script>";
  return new Promise((resolve) => {
    const f = document.createElement('iframe');
    f.setAttribute('sandbox', 'allow-scripts');
    f.style.display = 'none';
    const t = setTimeout(() => resolve('timeout'), 10000);
    window.addEventListener('message', function on(e) {
      if (e.source !== f.contentWindow) return;
      window.removeEventListener('message', on);
      clearTimeout(t);
      resolve(String(e.data));
    });
    f.srcdoc = probe;
    document.body.appendChild(f);
  });
}`
