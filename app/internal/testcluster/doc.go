// Package testcluster gives Go tests a real local Kubernetes cluster (the
// project's devcluster: etcd, kube-apiserver, controller-manager, scheduler
// and kwok). With KUBEDECK_TEST_CLUSTER set to the file holding `devcluster
// up`'s ready line, tests share that cluster (make test starts one for all
// packages); otherwise the first test to ask starts one for its test binary,
// and it stops when the binary exits.
package testcluster
