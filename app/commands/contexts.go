package commands

import (
	"github.com/kubedeck/kubedeck/app/kubeconfig"
)

// ContextList is every context of the kubeconfig files, with the files' state.
type ContextList struct {
	Contexts []kubeconfig.Context `json:"contexts"`
	Current  string               `json:"current"`
	Files    []kubeconfig.File    `json:"files"`
}

// Contexts lists the kubeconfig contexts, reloading files that changed.
func (c *Commands) Contexts() (ContextList, error) {
	return guard(c, "Contexts", func() (ContextList, error) {
		snap, _ := c.s.Clusters().Store().Snapshot()
		out := ContextList{Contexts: snap.Contexts, Current: snap.Current, Files: snap.Files}
		if out.Contexts == nil {
			out.Contexts = []kubeconfig.Context{}
		}
		return out, nil
	})
}
