package cluster

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// startForwardTarget serves a small HTTP page on a free loopback port. kwok
// forwards every port of every pod there (kwok v0.8.0 forwards to a fixed
// address or a command, not to anything that runs "in" the pod), so
// `kubectl port-forward pod/x 8080:80` then `curl localhost:8080` answers.
func (c *Cluster) startForwardTarget() error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("port-forward target: %w", err)
	}
	c.PortForwardTarget = "http://" + l.Addr().String()
	c.forwardPort = l.Addr().(*net.TCPAddr).Port
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "hello from kubedeck (port-forward target)\npath: %s\n", r.URL.Path)
	})
	c.forward = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := c.forward.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			c.log.Warn("port-forward target", "err", err)
		}
	}()
	return nil
}
