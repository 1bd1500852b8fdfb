// Package actions changes resources under the user's own credentials:
// server-side apply and update from YAML (with server-side dry runs and
// conflict detection), delete with a propagation policy, scale, rollout
// restart/history/undo, CronJob suspend and run-now, and node cordon and
// drain (kubectl's drain library: evictions that respect
// PodDisruptionBudgets). The API server decides; nothing is checked here
// that it checks better.
package actions
