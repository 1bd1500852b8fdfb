package cluster

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/kubedeck/kubedeck/devcluster/pki"
)

// RestartAPIServer stops kube-apiserver and starts it again with the same
// flags (as an upgrade or a crash and restart would), and returns once it
// answers /readyz. Clients see their connections and watches drop, then
// a new watch cache (resuming an old watch may get 410 Gone).
func (c *Cluster) RestartAPIServer(ctx context.Context) error {
	c.mu.Lock()
	idx := -1
	for i, p := range c.procs {
		if p.name == "kube-apiserver" {
			idx = i
		}
	}
	if idx < 0 || c.stopping {
		c.mu.Unlock()
		return errors.New("no kube-apiserver to restart")
	}
	old := c.procs[idx]
	old.restarting = true
	c.mu.Unlock()

	c.log.Info("restarting kube-apiserver")
	if err := old.stop(10 * time.Second); err != nil {
		c.log.Warn("stop kube-apiserver", "err", err)
	}
	p, err := startProcess(c.log, filepath.Join(c.Dir, "logs"), old.name, old.cmd.Path, old.cmd.Args[1:]...)
	if err != nil {
		return fmt.Errorf("restart kube-apiserver: %w", err)
	}
	c.mu.Lock()
	c.procs[idx] = p
	c.mu.Unlock()
	go c.watch(p)
	certs := pki.Files{CACert: filepath.Join(c.Dir, "pki", "ca.crt")}
	if err := waitHTTP(ctx, p, c.Server+"/readyz", &certs, c.systemToken, 60*time.Second); err != nil {
		return fmt.Errorf("kube-apiserver after restart: %w; its log ends:\n%s", err, c.LogTail("kube-apiserver", 15))
	}
	c.log.Info("kube-apiserver restarted")
	return nil
}
