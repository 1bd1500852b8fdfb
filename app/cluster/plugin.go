package cluster

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"k8s.io/client-go/rest"

	"github.com/kubedeck/kubedeck/app/cluster/execplugin"
)

// DefaultPluginTimeout bounds one run of an exec credential plugin. It is
// long enough for a plugin that waits for a sign-in in the browser.
const DefaultPluginTimeout = 2 * time.Minute

// StdinUnavailableMessage is what client-go says when a plugin insists on a
// terminal: the app has none to give it.
const StdinUnavailableMessage = "Kubedeck cannot answer a credential plugin's prompts; run the command in a terminal (for example to sign in), then retry"

// pluginRun is an exec plugin wrapped by execplugin for one context.
type pluginRun struct {
	wrapper     string
	command     string
	installHint string
	report      string
	timeout     time.Duration
}

// SetPluginTimeout changes how long an exec credential plugin may run.
func (m *Manager) SetPluginTimeout(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pluginTimeout = d
}

// Close removes the folder of credential plugin reports.
func (m *Manager) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.reportDir != "" {
		_ = os.RemoveAll(m.reportDir)
		m.reportDir = ""
	}
}

// wrapPlugin runs the context's exec plugin (if any) through the wrapper,
// when this binary is one, and without standard input. Called with m.mu held.
func (m *Manager) wrapPlugin(rc *rest.Config, contextName string) (*pluginRun, error) {
	if rc.ExecProvider == nil {
		return nil, nil
	}
	ep := *rc.ExecProvider
	ep.StdinUnavailable = true
	ep.StdinUnavailableMessage = StdinUnavailableMessage
	rc.ExecProvider = &ep
	wrapper, ok := execplugin.Available()
	if !ok {
		return nil, nil
	}
	if m.reportDir == "" {
		dir, err := os.MkdirTemp("", "kubedeck-plugins-")
		if err != nil {
			return nil, fmt.Errorf("context %q: folder for credential plugin reports: %w", contextName, err)
		}
		m.reportDir = dir
	}
	sum := sha256.Sum256([]byte(contextName))
	run := &pluginRun{wrapper: wrapper, command: ep.Command, installHint: ep.InstallHint,
		report: filepath.Join(m.reportDir, hex.EncodeToString(sum[:8])+".json"), timeout: m.pluginTimeout}
	ep.Args = execplugin.Args(run.report, run.timeout, ep.Command, ep.Args)
	ep.Command = wrapper
	return run, nil
}

// explain turns client-go's "getting credentials" error, which names the
// wrapper and an exit code only, into what the plugin did and said.
func (p *pluginRun) explain(err error) error {
	rep, ok := execplugin.ReadReport(p.report)
	if !ok {
		return fmt.Errorf("%s", strings.ReplaceAll(err.Error(), p.wrapper, p.command))
	}
	var what string
	switch rep.Outcome {
	case execplugin.OutcomeTimeout:
		what = fmt.Sprintf("did not finish within %s and was stopped (it may be waiting for input Kubedeck cannot give: run it in a terminal)", rep.Timeout)
	case execplugin.OutcomeNotFound:
		what = "was not found: install it or fix the kubeconfig's exec command"
		if p.installHint != "" {
			what += ". " + p.installHint
		}
	case execplugin.OutcomeExit:
		what = fmt.Sprintf("failed with exit code %d", rep.ExitCode)
	default:
		what = "could not be started: " + rep.Error
	}
	msg := fmt.Sprintf("getting credentials: exec plugin %s %s", p.command, what)
	if rep.Stderr != "" {
		msg += ". It said:\n" + rep.Stderr
	}
	return fmt.Errorf("%s", msg)
}

// pluginErrors explains exec plugin failures in the errors of requests.
type pluginErrors struct {
	next http.RoundTripper
	run  *pluginRun
}

func (t *pluginErrors) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil && strings.Contains(err.Error(), "getting credentials") {
		return resp, t.run.explain(err)
	}
	return resp, err
}

// httpClient is client-go's client for rc, explaining plugin failures.
func httpClient(rc *rest.Config, run *pluginRun) (*http.Client, error) {
	hc, err := rest.HTTPClientFor(rc)
	if err != nil {
		return nil, err
	}
	if run != nil {
		hc.Transport = &pluginErrors{next: hc.Transport, run: run}
	}
	if rc.ExecProvider != nil {
		hc.Transport = &pluginWait{next: hc.Transport, command: rc.ExecProvider.Command}
	}
	return hc, nil
}

// pluginWait ends a request at its context's end even while client-go waits
// for the exec credential plugin: client-go runs the plugin without the
// request's context, so a plugin that hangs (waiting for a browser sign-in
// or a prompt) would hold every call until the plugin's own timeout. The
// abandoned round trip finishes in the background (bounded by that
// timeout) and its response is closed.
type pluginWait struct {
	next    http.RoundTripper
	command string
}

func (t *pluginWait) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if ctx.Done() == nil {
		return t.next.RoundTrip(req)
	}
	type result struct {
		resp *http.Response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := t.next.RoundTrip(req)
		done <- result{resp, err}
	}()
	select {
	case r := <-done:
		return r.resp, r.err
	case <-ctx.Done():
		go func() {
			if r := <-done; r.resp != nil {
				_ = r.resp.Body.Close()
			}
		}()
		return nil, fmt.Errorf("getting credentials: exec plugin %s has not answered in time (it may be waiting for a sign-in or for input Kubedeck cannot give: run it in a terminal, then retry): %w",
			filepath.Base(t.command), context.Cause(ctx))
	}
}
