package commands

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/debug"
	"github.com/kubedeck/kubedeck/app/settings"
	"github.com/kubedeck/kubedeck/app/terminal"
)

// maxDebugImages bounds the remembered debug images.
const maxDebugImages = 8

// cleanupTimeout bounds deleting a debug pod when its terminal ends.
const cleanupTimeout = 15 * time.Second

// DebugStart adds an ephemeral debug container to a pod (kubectl debug -it
// POD --image --target) or, with req.Copy, creates a copy of the pod to
// debug (kubectl debug --copy-to), and opens a terminal attached to the
// debug container once it runs (its progress shows in the terminal). The
// image is remembered. A read-only context refuses it.
func (c *Commands) DebugStart(contextName string, req debug.Request) (TerminalSession, error) {
	return guard(c, "DebugStart", func() (TerminalSession, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return TerminalSession{}, err
		}
		if req.Namespace == "" || req.Pod == "" {
			return TerminalSession{}, errors.New("namespace and pod are required")
		}
		ctx, cancel := timeout()
		defer cancel()
		var made debug.Created
		if req.Copy {
			made, err = debug.CreateCopy(ctx, conn.Clientset, c.s.Debug(), contextName, req)
		} else {
			made, err = debug.AddEphemeral(ctx, conn.Clientset, req)
		}
		if err != nil {
			return TerminalSession{}, describe(conn, err)
		}
		c.rememberImage(req.Image)
		c.s.Log().Info("debug container started", "context", contextName, "namespace", made.Namespace, "pod", made.Pod, "container", made.Container, "kind", made.Kind, "image", req.Image)
		var cleanup func()
		if req.Copy && req.DeleteCopy {
			cleanup = c.deleteLater(conn, contextName, made)
		}
		return c.startOn(conn, contextName, made, terminal.Request{
			Namespace: made.Namespace, Pod: made.Pod, Container: made.Container, Attach: true, Cols: req.Cols, Rows: req.Rows,
		}, cleanup)
	})
}

// NodeShellStart creates a privileged pod pinned to a node (app/debug's
// NodeShellPod: image and namespace from the request, else the context's
// settings, else the defaults) and opens a terminal in the node's
// namespaces once it runs. The pod is deleted when the terminal ends or
// the app quits; one left by an app that died is listed by DebugPods.
func (c *Commands) NodeShellStart(contextName string, req debug.NodeShellRequest) (TerminalSession, error) {
	return guard(c, "NodeShellStart", func() (TerminalSession, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return TerminalSession{}, err
		}
		prefs, _ := c.s.Settings().Load()
		req.Image = firstOf(req.Image, prefs.Contexts[contextName].NodeShellImage, debug.DefaultImage)
		req.Namespace = firstOf(req.Namespace, prefs.Contexts[contextName].NodeShellNamespace, debug.DefaultNodeShellNamespace)
		ctx, cancel := timeout()
		defer cancel()
		made, err := debug.CreateNodeShell(ctx, conn.Clientset, c.s.Debug(), contextName, req)
		if err != nil {
			return TerminalSession{}, describe(conn, err)
		}
		c.s.Log().Info("node shell started", "context", contextName, "node", req.Node, "namespace", made.Namespace, "pod", made.Pod, "image", req.Image)
		return c.startOn(conn, contextName, made, terminal.Request{
			Namespace: made.Namespace, Pod: made.Pod, Container: made.Container, Command: debug.NodeShellCommand,
			Cols: req.Cols, Rows: req.Rows,
		}, c.deleteLater(conn, contextName, made))
	})
}

// startOn opens the terminal of what a debug request made: it waits for
// the container to run, then connects; cleanup runs when it ends (also
// when it never started).
func (c *Commands) startOn(conn *cluster.Conn, contextName string, made debug.Created, r terminal.Request, cleanup func()) (TerminalSession, error) {
	r.Context = contextName
	s, err := c.s.Terminals().StartWith(conn.Config, conn.Clientset, r, terminal.Hooks{
		Prepare: func(ctx context.Context, w io.Writer) error {
			return debug.WaitRunning(ctx, conn.Clientset, made.Namespace, made.Pod, made.Container, w)
		},
		Cleanup: cleanup,
	})
	if err != nil {
		if cleanup != nil {
			cleanup()
		}
		return TerminalSession{}, err
	}
	return TerminalSession{ID: s.ID, Debug: &made}, nil
}

// deleteLater returns the cleanup that deletes a created pod and drops it
// from the ledger (kept there when the deletion failed, to be offered
// again at the next start).
func (c *Commands) deleteLater(conn *cluster.Conn, contextName string, made debug.Created) func() {
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
		defer cancel()
		if err := debug.DeletePod(ctx, conn.Clientset, made.Namespace, made.Pod, made.UID); err != nil {
			c.s.Log().Warn("debug pod not deleted", "context", contextName, "namespace", made.Namespace, "pod", made.Pod, "err", err)
			return
		}
		_ = c.s.Debug().Remove(contextName, made.Namespace, made.Pod)
		c.s.Log().Info("debug pod deleted", "context", contextName, "namespace", made.Namespace, "pod", made.Pod)
	}
}

// DebugPods lists the debug pods of a context left by a Kubedeck that
// ended without deleting them (it died, or the cluster was unreachable):
// those that still exist; entries of pods found gone are dropped.
func (c *Commands) DebugPods(contextName string) ([]debug.Entry, error) {
	return guard(c, "DebugPods", func() ([]debug.Entry, error) {
		left, err := c.s.Debug().Leftovers(contextName)
		if err != nil || len(left) == 0 {
			return []debug.Entry{}, err
		}
		conn, err := c.s.Conn(contextName)
		if err != nil {
			return nil, err
		}
		ctx, cancel := timeout()
		defer cancel()
		out := []debug.Entry{}
		for _, e := range left {
			p, err := conn.Clientset.CoreV1().Pods(e.Namespace).Get(ctx, e.Name, metav1.GetOptions{})
			switch {
			case apierrors.IsNotFound(err) || err == nil && !debug.IsDebugPod(p.Labels):
				_ = c.s.Debug().Remove(contextName, e.Namespace, e.Name)
			case err != nil:
				return nil, describe(conn, fmt.Errorf("look for debug pod %s/%s: %w", e.Namespace, e.Name, err))
			default:
				out = append(out, e)
			}
		}
		return out, nil
	})
}

// DebugPodDelete deletes a debug pod Kubedeck created (refusing any other
// pod) and forgets it. A read-only context refuses it.
func (c *Commands) DebugPodDelete(contextName, namespace, name string) (bool, error) {
	return guard(c, "DebugPodDelete", func() (bool, error) {
		conn, err := c.writable(contextName)
		if err != nil {
			return false, err
		}
		ctx, cancel := timeout()
		defer cancel()
		if err := debug.DeletePod(ctx, conn.Clientset, namespace, name, ""); err != nil {
			return false, describe(conn, err)
		}
		_ = c.s.Debug().Remove(contextName, namespace, name)
		c.s.Log().Info("debug pod deleted", "context", contextName, "namespace", namespace, "pod", name)
		return true, nil
	})
}

// SetNodeShell sets where a context's node shells run ("" = the default).
func (c *Commands) SetNodeShell(contextName, image, namespace string) (settings.Settings, error) {
	return guard(c, "SetNodeShell", func() (settings.Settings, error) {
		return c.s.Settings().Update(func(s *settings.Settings) {
			ctx := s.Contexts[contextName]
			ctx.NodeShellImage, ctx.NodeShellNamespace = image, namespace
			s.Contexts[contextName] = ctx
		})
	})
}

// rememberImage puts image first in the remembered debug images.
func (c *Commands) rememberImage(image string) {
	_, _ = c.s.Settings().Update(func(s *settings.Settings) {
		list := slices.DeleteFunc(slices.Clone(s.DebugImages), func(i string) bool { return i == image })
		s.DebugImages = append([]string{image}, list...)[:min(len(list)+1, maxDebugImages)]
	})
}

// attachSpec sets an attach's stdin and TTY from the container's spec
// (kubectl attach does the same): without stdin typing reaches nothing.
func attachSpec(ctx context.Context, conn *cluster.Conn, req *terminal.Request) error {
	pod, err := conn.Clientset.CoreV1().Pods(req.Namespace).Get(ctx, req.Pod, metav1.GetOptions{})
	if err != nil {
		return describe(conn, fmt.Errorf("read pod %s/%s: %w", req.Namespace, req.Pod, err))
	}
	for _, c := range pod.Spec.Containers {
		if c.Name == req.Container {
			req.NoStdin, req.NoTTY = !c.Stdin, !c.TTY
			return nil
		}
	}
	for _, c := range pod.Spec.EphemeralContainers {
		if c.Name == req.Container {
			req.NoStdin, req.NoTTY = !c.Stdin, !c.TTY
			return nil
		}
	}
	return fmt.Errorf("pod %s has no container %q", req.Pod, req.Container)
}

func firstOf(v ...string) string {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}
