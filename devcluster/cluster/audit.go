package cluster

import (
	"fmt"
	"os"
	"path/filepath"
)

// AuditLog is where kube-apiserver writes its audit log (JSON lines,
// level Metadata: who, what, and the request's userAgent), under D/logs.
const AuditLog = "audit.log"

// auditPolicy records the requests of the three users (admin, viewer,
// developer: the ones Kubedeck and the tests use) at level Metadata, once
// each (ResponseComplete, or ResponseStarted for watches), and nothing of
// the components' own traffic, so the log stays small under benchmarks.
const auditPolicy = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
- level: None
  users: ["` + systemUser + `", "system:apiserver"]
- level: None
  nonResourceURLs: ["/healthz*", "/readyz*", "/livez*"]
- level: Metadata
`

// writeAuditPolicy writes the policy file and returns the flags that turn
// the audit log on.
func (c *Cluster) writeAuditPolicy() ([]string, error) {
	policy := filepath.Join(c.Dir, "audit-policy.yaml")
	if err := os.WriteFile(policy, []byte(auditPolicy), 0o644); err != nil {
		return nil, fmt.Errorf("write the audit policy: %w", err)
	}
	return []string{
		"--audit-policy-file", policy,
		"--audit-log-path", filepath.Join(c.Dir, "logs", AuditLog),
		"--audit-log-maxsize", "200", "--audit-log-maxbackup", "1",
	}, nil
}
