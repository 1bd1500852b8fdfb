// Package wait owns the one context-aware sleep the streaming packages
// (resources, logs, forward) use between retries.
package wait
