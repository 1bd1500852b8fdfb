package commands

import (
	"errors"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/kubedeck/kubedeck/app/settings"
)

// Preferences returns what the app remembers (last context, per-context
// namespace, hand-added namespaces, read-only switches).
func (c *Commands) Preferences() (settings.Settings, error) {
	return guard(c, "Preferences", func() (settings.Settings, error) {
		return c.s.Settings().Load()
	})
}

// RememberLocation records the context and namespace the user is looking
// at, so the next start opens there.
func (c *Commands) RememberLocation(contextName, namespace string) (settings.Settings, error) {
	return guard(c, "RememberLocation", func() (settings.Settings, error) {
		return c.s.Settings().Update(func(s *settings.Settings) {
			s.LastContext = contextName
			ctx := s.Contexts[contextName]
			ctx.Namespace = namespace
			s.Contexts[contextName] = ctx
		})
	})
}

// AddNamespace adds a namespace by hand to a context's namespace list (for
// users who may not list namespaces).
func (c *Commands) AddNamespace(contextName, namespace string) (NamespaceList, error) {
	return guard(c, "AddNamespace", func() (NamespaceList, error) {
		namespace = strings.TrimSpace(namespace)
		if errs := validation.IsDNS1123Label(namespace); len(errs) > 0 {
			return NamespaceList{}, errors.New("not a namespace name: " + strings.Join(errs, "; "))
		}
		if _, err := c.s.Settings().Update(func(s *settings.Settings) {
			ctx := s.Contexts[contextName]
			ctx.ExtraNamespaces = settings.AddUnique(ctx.ExtraNamespaces, namespace)
			s.Contexts[contextName] = ctx
		}); err != nil {
			return NamespaceList{}, err
		}
		return c.Namespaces(contextName)
	})
}

// SetReadOnly turns every write action of a context off or on; turning it on
// also ends the context's open terminals (exec is a write).
func (c *Commands) SetReadOnly(contextName string, readOnly bool) (settings.Settings, error) {
	return guard(c, "SetReadOnly", func() (settings.Settings, error) {
		out, err := c.s.Settings().Update(func(s *settings.Settings) {
			ctx := s.Contexts[contextName]
			ctx.ReadOnly = readOnly
			s.Contexts[contextName] = ctx
		})
		if err == nil && readOnly {
			// Exec is a write: terminals already open in the context end too.
			if n := c.s.Terminals().CloseContext(contextName); n > 0 {
				c.s.Log().Info("terminals closed: the context is now read-only", "context", contextName, "terminals", n)
			}
		}
		return out, err
	})
}
