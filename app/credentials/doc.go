// Package credentials keeps the bearer tokens users enter per cluster. In the
// desktop they go to the OS keyring (Secret Service, Keychain, Credential
// Manager); where none answers, they stay in memory and Storage says so. In
// the browser shell every session has its own in-memory Tokens. Tokens go
// from here into rest.Config only: they are never sent back to the frontend
// and never logged.
package credentials
