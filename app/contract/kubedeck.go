package contract

import (
	"reflect"

	"github.com/kubedeck/kubedeck/app/actions"
	"github.com/kubedeck/kubedeck/app/api"
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/debug"
	"github.com/kubedeck/kubedeck/app/filecopy"
	"github.com/kubedeck/kubedeck/app/forward"
	"github.com/kubedeck/kubedeck/app/helm"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/logs"
	"github.com/kubedeck/kubedeck/app/rbac"
	"github.com/kubedeck/kubedeck/app/resources"
	"github.com/kubedeck/kubedeck/app/settings"
	"github.com/kubedeck/kubedeck/app/share"
)

// Output is where the generated contract goes, from the module's folder.
const Output = "frontend/src/api/contract.gen.ts"

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// no fields besides "type".
var none = []string{}

// Kubedeck is Kubedeck's contract: every command, every stream.
func Kubedeck() Spec {
	heartbeat := Variant{Type: "heartbeat", Go: typeOf[api.Heartbeat]()}
	errorLine := Variant{Type: "error", Go: typeOf[api.ErrorLine]()}
	return Spec{
		Commands: commands.Methods(),
		Streams: []Stream{
			{Name: "ListMessage", Doc: "A line of GET /api/stream/list: the list, then its changes (app/resources).",
				Variants: listVariants(typeOf[resources.Message](), nil)},
			{Name: "ListsMessage", Doc: "A line of GET /api/stream/lists: a ListMessage tagged with its list's index.",
				Variants: listVariants(typeOf[api.ListsMessage](), []string{"stream"})},
			{Name: "ObjectMessage", Doc: "A line of GET /api/stream/object: the object now and after each change.",
				Variants: objectVariants()},
			{Name: "ObjectsMessage", Doc: "A line of GET /api/stream/objects: whole objects for plugins, then their changes.",
				Variants: objectsVariants()},
			{Name: "LogMessage", Doc: "A line of GET /api/stream/logs: batches of log lines (app/logs).",
				Variants: logVariants()},
			{Name: "DrainMessage", Doc: "A line of POST /api/stream/drain: the drain's progress (app/actions).",
				Variants: drainVariants()},
			{Name: "TerminalMessage", Doc: "A line of GET /api/stream/terminal: the session's output, then how it ended.",
				Variants: []Variant{{Type: "output", Go: typeOf[api.TerminalOutput]()}, {Type: "exit", Go: typeOf[api.TerminalExit]()}}},
			{Name: "ContextsMessage", Doc: "A line of GET /api/stream/contexts.",
				Variants: []Variant{{Type: "contexts", Go: typeOf[api.ContextsLine]()}, heartbeat, errorLine}},
			{Name: "APIResourcesMessage", Doc: "A line of GET /api/stream/apiresources.",
				Variants: []Variant{{Type: "resources", Go: typeOf[api.APIResourcesLine]()}, heartbeat, errorLine}},
			{Name: "PluginsMessage", Doc: "A line of GET /api/stream/plugins.",
				Variants: []Variant{{Type: "plugins", Go: typeOf[api.PluginsLine]()}, heartbeat, errorLine}},
			{Name: "AccessMessage", Doc: "A line of GET /api/stream/access: who can do what, now and after each RBAC change (app/rbac).",
				Variants: []Variant{{Type: "matrix", Go: typeOf[api.AccessMatrixLine]()}, heartbeat, {Type: "error", Go: typeOf[api.RetryingLine]()}}},
			{Name: "HelmMessage", Doc: "A line of GET /api/stream/helm: the releases once read, then their changes (app/helm).",
				Variants: []Variant{{Type: "releases", Go: typeOf[api.HelmReleasesLine]()}, {Type: "changes", Go: typeOf[api.HelmChangesLine]()},
					{Type: "problem", Go: typeOf[api.HelmProblemLine]()}, heartbeat, errorLine}},
			{Name: "MuxMessage", Doc: "A line of GET /api/stream/mux: the frames of the streams opened on it (a data line's bytes follow it).",
				Variants: []Variant{{Type: "ready", Go: typeOf[api.MuxReady]()}, {Type: "start", Go: typeOf[api.MuxStart]()},
					{Type: "data", Go: typeOf[api.MuxData]()}, {Type: "end", Go: typeOf[api.MuxEnd]()}, heartbeat}},
			{Name: "CopyMessage", Doc: "A line of POST /api/stream/copy: a file copy's progress, then how it ended (app/filecopy).",
				Variants: []Variant{{Type: "progress", Go: typeOf[api.CopyProgress]()}, {Type: "done", Go: typeOf[api.CopyDone]()},
					{Type: "cancelled", Go: typeOf[api.CopyCancelled]()}, errorLine}},
		},
		Types: []reflect.Type{
			typeOf[api.ListsQuery](), typeOf[actions.DrainOptions](),
			typeOf[api.CancelResult](), typeOf[api.ErrorResponse](), typeOf[api.MuxOpenRequest](), typeOf[api.CopyRequest](), typeOf[filecopy.Result](),
			typeOf[resources.Message](), typeOf[resources.ObjectMessage](), typeOf[logs.Message](), typeOf[actions.Progress](),
		},
		Names: map[reflect.Type]string{
			// The names the frontend has always used.
			typeOf[kubeconfig.Context]():      "ContextInfo",
			typeOf[kubeconfig.File]():         "KubeconfigFile",
			typeOf[kubeconfig.Review]():       "KubeconfigReview",
			typeOf[kubeconfig.ReviewItem]():   "KubeconfigReviewItem",
			typeOf[kubeconfig.EnvVar]():       "KubeconfigEnvVar",
			typeOf[settings.Settings]():       "Preferences",
			typeOf[settings.Context]():        "ContextPreferences",
			typeOf[settings.Plugin]():         "PluginPreferences",
			typeOf[resources.Message]():       "ListLine",
			typeOf[resources.ObjectMessage](): "ObjectLine",
			typeOf[api.ObjectsMessage]():      "ObjectsLine",
			typeOf[logs.Message]():            "LogLine",
			typeOf[logs.Line]():               "LogEntry",
			typeOf[actions.Action]():          "ResultAction",
			typeOf[forward.State]():           "ForwardState",
			typeOf[actions.Progress]():        "DrainProgress",
			// Access (app/rbac) and sharing (app/share), named for the UI.
			typeOf[rbac.Matrix]():     "AccessMatrix",
			typeOf[rbac.Row]():        "AccessRow",
			typeOf[rbac.Column]():     "AccessColumn",
			typeOf[rbac.Cell]():       "AccessCell",
			typeOf[rbac.Grant]():      "AccessGrant",
			typeOf[rbac.Danger]():     "AccessDanger",
			typeOf[rbac.DangerKind](): "AccessDangerKind",
			typeOf[rbac.Allowed]():    "AccessAllowed",
			typeOf[rbac.Source]():     "AccessSource",
			typeOf[share.Request]():   "ShareRequest",
			typeOf[share.Object]():    "ShareObject",
			typeOf[share.Preview]():   "SharePreview",
			typeOf[share.Created]():   "ShareCreated",
			typeOf[share.Revoked]():   "ShareRevoked",
			typeOf[share.Rule]():      "ShareRule",
			// Debugging (app/debug) and file copies (app/filecopy).
			typeOf[debug.Request]():          "DebugRequest",
			typeOf[debug.Created]():          "DebugCreated",
			typeOf[debug.NodeShellRequest](): "NodeShellRequest",
			typeOf[debug.Entry]():            "DebugPod",
			typeOf[filecopy.Result]():        "CopyResult",
			// Helm releases (app/helm).
			typeOf[helm.Release]():         "HelmRelease",
			typeOf[helm.Ref]():             "HelmRef",
			typeOf[helm.Details]():         "HelmDetails",
			typeOf[helm.HistoryEntry]():    "HelmHistoryEntry",
			typeOf[helm.Hook]():            "HelmHook",
			typeOf[helm.RevisionContent](): "HelmRevisionContent",
			typeOf[helm.Object]():          "HelmObject",
			typeOf[helm.ObjectState]():     "HelmObjectState",
			typeOf[helm.Drift]():           "HelmDrift",
			typeOf[helm.Result]():          "HelmResult",
			typeOf[helm.RollbackPreview](): "HelmRollbackPreview",
			typeOf[helm.UpgradeRequest]():  "HelmUpgradeRequest",
			typeOf[helm.InstallRequest]():  "HelmInstallRequest",
			typeOf[helm.ChartInfo]():       "HelmChartInfo",
			typeOf[helm.Problem]():         "HelmProblem",
			// Not Storage: that is the DOM's localStorage type.
			typeOf[credentials.Storage](): "TokenStorage",
		},
	}
}

// listVariants are the lines of a list stream; extra are members every
// line has (the lists stream's "stream").
func listVariants(t reflect.Type, extra []string) []Variant {
	v := func(typ string, fields ...string) Variant {
		return Variant{Type: typ, Go: t, Fields: append(append([]string{}, extra...), fields...)}
	}
	return []Variant{
		v("columns", "columns"),
		v("rows", "rows"),
		v("synced", "resourceVersion"),
		v("events", "upserts", "deletes"),
		v("heartbeat"),
		v("error", "message", "status", "retrying"),
	}
}

func objectVariants() []Variant {
	t := typeOf[resources.ObjectMessage]()
	return []Variant{
		{Type: "object", Go: t, Fields: []string{"object", "yaml"}},
		{Type: "deleted", Go: t, Fields: []string{"message"}},
		{Type: "heartbeat", Go: t, Fields: none},
		{Type: "error", Go: t, Fields: []string{"message", "status"}},
	}
}

func objectsVariants() []Variant {
	t := typeOf[api.ObjectsMessage]()
	return []Variant{
		{Type: "objects", Go: t, Fields: []string{"items", "truncated"}},
		{Type: "event", Go: t, Fields: []string{"event", "object"}},
		{Type: "heartbeat", Go: t, Fields: none},
		{Type: "error", Go: t, Fields: []string{"message", "status"}},
	}
}

func logVariants() []Variant {
	t := typeOf[logs.Message]()
	return []Variant{
		{Type: "lines", Go: t, Fields: []string{"lines"}},
		{Type: "status", Go: t, Fields: []string{"pod", "message"}},
		{Type: "heartbeat", Go: t, Fields: none},
		{Type: "error", Go: t, Fields: []string{"message"}},
	}
}

func drainVariants() []Variant {
	t := typeOf[actions.Progress]()
	pod := []string{"pod", "namespace"}
	return []Variant{
		{Type: "cordoned", Go: t, Fields: []string{"message"}},
		{Type: "pods", Go: t, Fields: []string{"pods", "message"}},
		{Type: "evicting", Go: t, Fields: pod},
		{Type: "evicted", Go: t, Fields: pod},
		{Type: "waiting", Go: t, Fields: []string{"message"}},
		{Type: "done", Go: t, Fields: []string{"message"}},
		{Type: "error", Go: t, Fields: []string{"pod", "namespace", "message"}},
	}
}
