package commands

import (
	"errors"

	"github.com/kubedeck/kubedeck/app/access"
)

// maxChecks bounds one batch of access questions.
const maxChecks = 256

// Access answers a batch of permission questions for the user of a context
// (SelfSubjectAccessReview, cached per identity). The UI uses it to disable
// forbidden actions, naming the missing permission, and to mark kinds the
// user cannot list.
func (c *Commands) Access(contextName string, checks []access.Check) ([]access.Decision, error) {
	return guard(c, "Access", func() ([]access.Decision, error) {
		if len(checks) > maxChecks {
			return nil, errors.New("too many access checks in one batch")
		}
		conn, err := c.s.Clusters().Get(contextName)
		if err != nil {
			return nil, err
		}
		ctx, cancel := timeout()
		defer cancel()
		out, err := conn.Access.Review(ctx, checks)
		if err != nil {
			return nil, describe(conn, err)
		}
		return out, nil
	})
}
