package rbaclive

import (
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes"
)

// Client reads access through one connection.
type Client struct {
	cs   kubernetes.Interface
	disc discovery.DiscoveryInterface
}

// ClientOf returns a Client over a connection's clientset and discovery
// (a cached one: columns are read again for every matrix).
func ClientOf(cs kubernetes.Interface, disc discovery.DiscoveryInterface) *Client {
	return &Client{cs: cs, disc: disc}
}
