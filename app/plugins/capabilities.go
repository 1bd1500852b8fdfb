package plugins

// Capabilities are what a plugin may do beyond drawing in its own frame:
// declared in its package.json ("kubedeck": {"capabilities": {...}}), shown
// to the user at approval, granted all or in part, and checked on every
// request the plugin makes (by the host page, then again by the Go side,
// which is the authority). Nothing is granted that is not listed; the zero
// value allows nothing.
//
// A kind is written "resource" for the core group ("pods", "secrets") or
// "group/resource" ("apps/deployments"); "*" in Read means every kind but
// Secrets (Secrets are always named on their own).
type Capabilities struct {
	// Read: kinds it may list, get and watch (and receive as a details
	// section's object or a list column's input).
	Read []string `json:"read,omitempty"`
	// Write: kinds it may change, each with its verbs ("apply", "delete").
	Write map[string][]string `json:"write,omitempty"`
	// SecretValues: Secret values arrive readable (otherwise hidden, as
	// "<hidden: N bytes>"); needs "secrets" in Read as well.
	SecretValues bool `json:"secretValues,omitempty"`
	// Exec, PortForward, Logs: the pod subresources it may use.
	Exec        bool `json:"exec,omitempty"`
	PortForward bool `json:"portForward,omitempty"`
	Logs        bool `json:"logs,omitempty"`
	// Network: origins (scheme://host[:port]) its frame may connect to.
	Network []string `json:"network,omitempty"`
	// Settings: a small per-plugin key-value store (kd.settings).
	Settings bool `json:"settings,omitempty"`
}
