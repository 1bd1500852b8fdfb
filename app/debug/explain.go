package debug

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
)

// podSecurityRe finds the level in a PodSecurity admission refusal:
// `violates PodSecurity "baseline:latest": privileged (...), host namespaces (...)`.
var podSecurityRe = regexp.MustCompile(`violates PodSecurity "([a-z]+)(?::[^"]*)?": (.*)`)

// Explained is an error with a sentence for the user in front of the
// server's own message.
type Explained struct {
	Why string
	Err error
}

func (e *Explained) Error() string { return e.Why + " (" + e.Err.Error() + ")" }
func (e *Explained) Unwrap() error { return e.Err }

// Explain puts the reason of a refusal in words: PodSecurity admission
// (which level the namespace enforces and what it forbids), RBAC (which
// permission is missing), a cluster without ephemeral containers. Other
// errors are returned as they are.
func Explain(err error, namespace string) error {
	var status apierrors.APIStatus
	if err == nil || !errors.As(err, &status) {
		return err
	}
	msg := status.Status().Message
	switch {
	case podSecurityRe.MatchString(msg):
		m := podSecurityRe.FindStringSubmatch(msg)
		return &Explained{Why: fmt.Sprintf("Namespace %s enforces the Pod Security level %q, which forbids %s. "+
			"Use a namespace labelled pod-security.kubernetes.io/enforce=privileged, or ask an administrator", namespace, m[1], m[2]), Err: err}
	case apierrors.IsForbidden(err) && strings.Contains(msg, "ephemeralcontainers"):
		return &Explained{Why: "You may not add debug containers to pods in " + namespace +
			" (RBAC: patch pods/ephemeralcontainers). Debugging a copy of the pod needs only create pods", Err: err}
	case apierrors.IsForbidden(err):
		return &Explained{Why: "RBAC forbids this in " + namespace, Err: err}
	case apierrors.IsNotFound(err) && strings.Contains(msg, "ephemeralcontainers"),
		apierrors.IsMethodNotSupported(err):
		return &Explained{Why: "This cluster does not offer ephemeral containers; debug a copy of the pod instead", Err: err}
	}
	return err
}
