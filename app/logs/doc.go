// Package logs streams container logs from the API server: one container or
// every pod of a workload (by label selector, following pods as they come and
// go), each line tagged with its pod and container. A followed stream that
// ends (pod restarted, connection dropped) resumes from the last timestamp it
// saw without repeating lines. Lines go out in batches; the UI keeps them in
// a bounded ring buffer.
package logs
