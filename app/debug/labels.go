package debug

import (
	"crypto/rand"
	"strings"
)

// Labels and annotations of what this package creates.
const (
	LabelManagedBy = "app.kubernetes.io/managed-by"
	ManagedBy      = "kubedeck"
	LabelDebug     = "kubedeck.io/debug"
	KindCopy       = "copy"
	KindNodeShell  = "node-shell"
	// AnnotationSource names the pod a copy was made from, or the node of
	// a node shell.
	AnnotationSource = "kubedeck.io/debug-source"
)

// DefaultImage is the debug image offered first: small, with a shell, tar
// and nsenter (BusyBox).
const DefaultImage = "docker.io/library/busybox:1.37"

// DefaultNodeShellNamespace is where node shells run unless the context
// says otherwise (as Headlamp does).
const DefaultNodeShellNamespace = "kube-system"

func labels(kind string) map[string]string {
	return map[string]string{LabelManagedBy: ManagedBy, LabelDebug: kind}
}

// IsDebugPod says whether labels mark a pod this package created.
func IsDebugPod(l map[string]string) bool {
	return l[LabelManagedBy] == ManagedBy && (l[LabelDebug] == KindCopy || l[LabelDebug] == KindNodeShell)
}

// suffix is 5 random lowercase letters and digits, as generateName's.
func suffix() string {
	const alphabet = "bcdfghjklmnpqrstvwxz2456789"
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// name joins base and a random suffix within the 63 characters a pod or
// container name may have.
func name(base, sep string) string {
	s := suffix()
	if max := 63 - len(sep) - len(s); len(base) > max {
		base = strings.TrimRight(base[:max], "-.")
	}
	return base + sep + s
}
