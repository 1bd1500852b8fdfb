// Package kubeconfig finds and loads kubeconfig files exactly as kubectl does
// (client-go's clientcmd loading rules: the KUBECONFIG path list with
// first-file-wins merging, ~/.kube/config by default, relative paths resolved
// against the file that names them) and reports, per file, whether it loaded.
// It owns nothing else: connections to clusters live in package cluster.
package kubeconfig
