package debug

import (
	"context"
	"errors"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// NodeShellRequest asks for a shell on a node.
type NodeShellRequest struct {
	Node string `json:"node"`
	// Image and Namespace: "" takes the context's setting, else the default.
	Image     string `json:"image,omitempty"`
	Namespace string `json:"namespace,omitempty"`
	Cols      uint16 `json:"cols"`
	Rows      uint16 `json:"rows"`
}

// nodeShellLifetime bounds a node shell pod that nobody deleted
// (activeDeadlineSeconds): its containers are stopped after a day.
const nodeShellLifetime = 24 * 60 * 60

// NodeShellContainer is the node shell pod's one container.
const NodeShellContainer = "shell"

// NodeShellPod is the pod of a node shell: pinned to the node (nodeName, so
// the scheduler is not involved and taints are tolerated), sharing the
// host's PID, network and IPC namespaces, privileged (nsenter needs it), no
// service account token, stopped after a day if never deleted.
func NodeShellPod(node, namespace, image string) *corev1.Pod {
	privileged := true
	deadline := int64(nodeShellLifetime)
	grace := int64(0)
	automount := false
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Name: name("node-shell-"+node, "-"), Namespace: namespace, Labels: labels(KindNodeShell),
			Annotations: map[string]string{AnnotationSource: node},
		},
		Spec: corev1.PodSpec{
			NodeName: node, HostPID: true, HostNetwork: true, HostIPC: true,
			RestartPolicy: corev1.RestartPolicyNever, ActiveDeadlineSeconds: &deadline,
			TerminationGracePeriodSeconds: &grace, AutomountServiceAccountToken: &automount,
			Tolerations: []corev1.Toleration{{Operator: corev1.TolerationOpExists}},
			Containers: []corev1.Container{{
				Name: NodeShellContainer, Image: image,
				Command:         []string{"sleep", fmt.Sprint(nodeShellLifetime)},
				SecurityContext: &corev1.SecurityContext{Privileged: &privileged},
				Stdin:           true, TTY: true,
			}},
		},
	}
}

// NodeShellCommand is what the terminal runs in the node shell pod: a login
// shell (bash when the host has it) in the host's mount, UTS, IPC, network
// and PID namespaces; where nsenter cannot enter them it says so and opens a
// shell in the pod instead (which still sees the host's processes and
// network).
var NodeShellCommand = []string{"sh", "-c", `enter="nsenter -t 1 -m -u -i -n -p --"
if $enter true 2>/dev/null; then
  exec $enter sh -c 'if command -v bash >/dev/null 2>&1; then exec bash -l; fi; exec sh -l'
fi
echo "Kubedeck: could not enter the node's namespaces (nsenter failed); this shell runs in the node-shell pod (host PID and network)." >&2
exec sh -l`}

// CreateNodeShell creates the node shell pod of req (image and namespace
// already resolved), recorded in l.
func CreateNodeShell(ctx context.Context, cs kubernetes.Interface, l *Ledger, contextName string, req NodeShellRequest) (Created, error) {
	if req.Node == "" || req.Namespace == "" || req.Image == "" {
		return Created{}, errors.New("a node shell needs a node, a namespace and an image")
	}
	return create(ctx, cs, l, contextName, NodeShellPod(req.Node, req.Namespace, req.Image), NodeShellContainer)
}
