package cluster

// Alive is alive (attach_internal_test.go) for the package's external tests.
var Alive = alive
