package api

import (
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/rbac"
)

// The lines of the streams this package writes itself (the list, object,
// log and drain streams send their packages' messages). Each is one struct
// per "type", so app/contract can describe them exactly.

// Heartbeat is what an idle stream sends every keepAlive:
// {"type":"heartbeat"}.
type Heartbeat struct {
	Type string `json:"type"`
}

// ErrorLine reports a failure within a stream: {"type":"error"}.
type ErrorLine struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

// ContextsLine is the context list, now and after each kubeconfig change:
// {"type":"contexts"}.
type ContextsLine struct {
	Type string               `json:"type"`
	List commands.ContextList `json:"list"`
}

// APIResourcesLine is the cluster's kinds, now and after each CRD change:
// {"type":"resources"}.
type APIResourcesLine struct {
	Type string                   `json:"type"`
	List commands.APIResourceList `json:"list"`
}

// PluginsLine is the plugin list, now and after each change of a plugin
// folder: {"type":"plugins"}.
type PluginsLine struct {
	Type string                `json:"type"`
	List []commands.PluginInfo `json:"list"`
}

// TerminalOutput is a terminal's output: {"type":"output"}.
type TerminalOutput struct {
	Type string `json:"type"`
	// Data is the output bytes, base64.
	Data string `json:"data"`
	// Dropped says output was dropped before this (the reader was slow).
	Dropped bool `json:"dropped,omitempty"`
}

// TerminalExit is a terminal's last line: {"type":"exit"}.
type TerminalExit struct {
	Type    string `json:"type"`
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// CancelResult answers POST /api/stream/cancel: whether a stream was
// running under that id.
type CancelResult struct {
	Cancelled bool `json:"cancelled"`
}

// ErrorResponse is the body of every failed (non-2xx) answer.
type ErrorResponse struct {
	Error string `json:"error"`
}

func heartbeat() Heartbeat { return Heartbeat{Type: "heartbeat"} }

func errorLine(err error) ErrorLine { return ErrorLine{Type: "error", Message: err.Error()} }

// AccessMatrixLine is who can do what, now and after each RBAC change:
// {"type":"matrix"}.
type AccessMatrixLine struct {
	Type   string      `json:"type"`
	Matrix rbac.Matrix `json:"matrix"`
}

// RetryingLine is a failure a stream recovers from by itself:
// {"type":"error","retrying":true}.
type RetryingLine struct {
	Type     string `json:"type"`
	Message  string `json:"message"`
	Retrying bool   `json:"retrying"`
}
