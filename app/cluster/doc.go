// Package cluster owns one connection per kubeconfig context: its rest.Config,
// clients and cached discovery. Connections are made lazily, kept while their
// context is unchanged, and rebuilt when the kubeconfig entry behind them
// changes. Each connection is independent: a slow or unreachable cluster
// never blocks another.
package cluster
