// This file owns attach: the registry of the fake containers' main
// processes (at most one per namespace, pod and container; started by the
// first attach, kept when clients detach, replaced after it exits) and the
// remotecommand.Attacher that connects one client to one of them.

package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"k8s.io/cri-streaming/pkg/streaming/remotecommand"
)

// maxMainProcesses bounds the shells attach keeps running.
const maxMainProcesses = 64

// containerKey names a container: pod is "namespace/name".
type containerKey struct{ pod, container string }

func (k containerKey) String() string { return k.pod + "/" + k.container }

// attacher keeps the main processes.
type attacher struct {
	log     *slog.Logger
	workDir string
	limit   int // main processes
	queue   int // chunks queued for a client

	mu      sync.Mutex
	procs   map[containerKey]*mainProcess
	stopped bool
}

func newAttacher(log *slog.Logger, workDir string, limit int) *attacher {
	return &attacher{log: log, workDir: workDir, limit: limit, queue: outputQueueLen, procs: map[containerKey]*mainProcess{}}
}

// acquire returns the container's running main process, or starts one (in
// a pty if tty), subscribed to its output.
func (a *attacher) acquire(key containerKey, tty bool) (*mainProcess, *subscriber, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.stopped {
		return nil, nil, errors.New("the cluster is stopping")
	}
	old, replacing := a.procs[key]
	if replacing {
		if sub := old.subscribe(); sub != nil {
			return old, sub, nil
		}
	}
	if !replacing && len(a.procs) >= a.limit {
		return nil, nil, fmt.Errorf("devcluster runs %d main processes already (its limit); "+
			"type exit in one of them or restart the cluster", len(a.procs))
	}
	p, sub, err := startMainProcess(a.log, key.String(), a.workDir, tty, a.queue)
	if err != nil {
		return nil, nil, err
	}
	a.procs[key] = p
	go a.forget(key, p)
	return p, sub, nil
}

// forget drops p from the registry once it is done.
func (a *attacher) forget(key containerKey, p *mainProcess) {
	<-p.done
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.procs[key] == p {
		delete(a.procs, key)
	}
}

// stop kills every main process and refuses new attaches.
func (a *attacher) stop() {
	a.mu.Lock()
	a.stopped = true
	procs := make([]*mainProcess, 0, len(a.procs))
	for _, p := range a.procs {
		procs = append(procs, p)
	}
	a.mu.Unlock()
	var wg sync.WaitGroup
	for _, p := range procs {
		wg.Go(p.stop)
	}
	wg.Wait()
}

// attachSession is one attach request: the attacher and the streams the
// client asked for (with websockets every stream exists, asked for or not).
type attachSession struct {
	*attacher
	opts *remotecommand.Options
}

// AttachContainer implements remotecommand.Attacher (pod is
// "namespace/name"). It returns when the client detaches (its stdin ends,
// or writing to it fails), falls behind the output, or the process exits.
func (s attachSession) AttachContainer(ctx context.Context, pod, _, container string, in io.Reader, out, errOut io.WriteCloser, tty bool, resize <-chan remotecommand.TerminalSize) error {
	p, sub, err := s.acquire(containerKey{pod, container}, tty)
	if err != nil {
		return err
	}
	defer p.unsubscribe(sub)
	detached := make(chan struct{})
	defer close(detached)
	if resize != nil {
		go p.resize(resize, detached)
	}
	var stdinDone chan error // nil without stdin: never ready
	if s.opts.Stdin && in != nil {
		stdinDone = make(chan error, 1)
		go func() { stdinDone <- p.copyInput(in) }()
	}
	var stdout, stderr io.Writer
	if s.opts.Stdout {
		stdout = out
	}
	if s.opts.Stderr {
		stderr = errOut
	}
	return s.forward(ctx, p, sub, stdout, stderr, stdinDone)
}

// forward writes the process's output to the client until the session ends.
func (s attachSession) forward(ctx context.Context, p *mainProcess, sub *subscriber, stdout, stderr io.Writer, stdinDone <-chan error) error {
	for {
		select {
		case c, ok := <-sub.ch:
			if !ok && sub.dropped {
				return fmt.Errorf("this client fell behind the output of %s; attach again", p.name)
			}
			if !ok {
				return nil // the process exited
			}
			if err := writeChunk(c, stdout, stderr); err != nil {
				s.log.Debug("attach: the client is gone", "container", p.name, "err", err)
				return nil
			}
		case err := <-stdinDone:
			if err != nil {
				s.log.Debug("attach: stdin ended", "container", p.name, "err", err)
			}
			return nil
		case <-ctx.Done():
			return nil
		}
	}
}

// writeChunk writes c to the client's stdout, or stderr if it came from
// the process's stderr and the client asked for it (with a tty it cannot).
func writeChunk(c outputChunk, stdout, stderr io.Writer) error {
	w := stdout
	if c.stderr && stderr != nil {
		w = stderr
	}
	if w == nil {
		return nil
	}
	_, err := w.Write(c.data)
	return err
}
