// Package ndjson writes newline-delimited JSON to an HTTP response, one
// flushed line per value, safely from several goroutines. It is how every
// bulk stream (lists, watch updates, logs) reaches the frontend in both shells.
package ndjson
