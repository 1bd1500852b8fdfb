// Package debug owns what Kubedeck creates in a cluster to debug: ephemeral
// debug containers (kubectl debug -it POD --image --target), copies of a pod
// to debug (kubectl debug --copy-to), and node shells (a privileged pod
// pinned to a node, entering the host's namespaces with nsenter).
//
// # What it creates
//
// Every pod it creates carries the label app.kubernetes.io/managed-by=kubedeck
// and kubedeck.io/debug=copy|node-shell, so it can be told from anything
// else and is the only kind of pod DeletePod removes. Ephemeral containers
// cannot be removed (Kubernetes keeps them until the pod goes); their
// process ends when the user leaves the shell.
//
// # Leaving nothing behind
//
// Pods to delete when their terminal ends are written to a Ledger (a file
// in the user's config folder) before they are created and removed from it
// once deleted: a pod whose terminal closed, or whose app quit, is deleted
// then; one left by an app that died is found in the ledger at the next
// start and offered for deletion.
//
// # Waiting
//
// WaitRunning follows a pod until a container runs, writing what it waits
// for (image pulls, scheduling) into the terminal, and explains refusals
// (RBAC, PodSecurity admission) in words with Explain.
package debug
