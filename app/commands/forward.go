package commands

import (
	"github.com/kubedeck/kubedeck/app/forward"
)

// PortForwardStart forwards a local port (on 127.0.0.1) to a pod or a
// service's pod; LocalPort 0 picks a free one.
func (c *Commands) PortForwardStart(req forward.Request) (forward.Forward, error) {
	return guard(c, "PortForwardStart", func() (forward.Forward, error) {
		conn, err := c.s.Clusters().Get(req.Context)
		if err != nil {
			return forward.Forward{}, err
		}
		ctx, cancel := timeout()
		defer cancel()
		f, err := c.s.Forwards().Start(ctx, conn.Config, conn.Clientset, req)
		if err != nil {
			return forward.Forward{}, err
		}
		c.s.Log().Info("port-forward started", "context", req.Context, "namespace", req.Namespace, "target", req.Kind+"/"+req.Name, "pod", f.Pod, "local", f.LocalPort)
		return f, nil
	})
}

// PortForwards lists the forwards, active and failed.
func (c *Commands) PortForwards() ([]forward.Forward, error) {
	return guard(c, "PortForwards", func() ([]forward.Forward, error) {
		return c.s.Forwards().List(), nil
	})
}

// PortForwardStop stops a forward.
func (c *Commands) PortForwardStop(id string) ([]forward.Forward, error) {
	return guard(c, "PortForwardStop", func() ([]forward.Forward, error) {
		if err := c.s.Forwards().Stop(id); err != nil {
			return nil, err
		}
		return c.s.Forwards().List(), nil
	})
}
