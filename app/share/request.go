package share

import (
	"crypto/rand"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/util/validation"
)

// Errors of a Request the form should not have sent.
var (
	ErrRecipient = errors.New("name the recipient (at most 100 characters)")
	ErrNamespace = errors.New("pick the namespace the access is for")
	ErrRole      = errors.New("pick a role: view, edit, admin, an existing Role or ClusterRole, or custom rules")
	ErrRules     = errors.New("custom rules need at least one resource and verb each, named (no wildcards): for wide access pick a role")
	ErrDuration  = fmt.Errorf("the token must last between %v and %v", MinDuration, MaxDuration)
	ErrName      = errors.New("not a Kubedeck share name")
)

// ruleVerbs are the verbs a custom rule may grant.
var ruleVerbs = []string{"get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"}

var shareName = regexp.MustCompile(`^share-[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)

// duration is req's token lifetime.
func (r Request) duration() time.Duration {
	if r.DurationSeconds == 0 {
		return DefaultDuration
	}
	return time.Duration(r.DurationSeconds) * time.Second
}

// custom says the share makes its own Role from Rules.
func (r Request) custom() bool { return r.RoleKind == "" }

// roleLabel is what the share grants, as its annotation says it.
func (r Request) roleLabel() string {
	if r.custom() {
		return "custom"
	}
	return r.RoleKind + "/" + r.RoleName
}

func (r Request) validate() error {
	if strings.TrimSpace(r.Recipient) == "" || len(r.Recipient) > 100 {
		return ErrRecipient
	}
	if len(validation.IsDNS1123Label(r.Namespace)) > 0 {
		return ErrNamespace
	}
	switch r.RoleKind {
	case "ClusterRole", "Role":
		if r.RoleName == "" || len(validation.IsDNS1123Subdomain(strings.ReplaceAll(r.RoleName, ":", "-"))) > 0 {
			return ErrRole
		}
		if r.RoleKind == "Role" && r.ClusterWide {
			return fmt.Errorf("%w (a Role holds in its namespace only: pick a ClusterRole to share every namespace)", ErrRole)
		}
	case "":
		if err := checkRules(r.Rules); err != nil {
			return err
		}
	default:
		return ErrRole
	}
	if d := r.duration(); d < MinDuration || d > MaxDuration {
		return ErrDuration
	}
	if r.Name != "" && !shareName.MatchString(r.Name) {
		return ErrName
	}
	return nil
}

func checkRules(rules []Rule) error {
	if len(rules) == 0 || len(rules) > 64 {
		return ErrRules
	}
	for _, rule := range rules {
		if len(rule.Resources) == 0 || len(rule.Verbs) == 0 || len(rule.APIGroups) == 0 {
			return ErrRules
		}
		for _, v := range rule.Verbs {
			if !slices.Contains(ruleVerbs, v) {
				return ErrRules
			}
		}
		for _, x := range append(slices.Clone(rule.Resources), rule.APIGroups...) {
			if strings.Contains(x, "*") {
				return ErrRules
			}
		}
	}
	return nil
}

// newName is a fresh share name for recipient: share-<recipient>-<5 random>.
func newName(recipient string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(recipient) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	base := strings.Trim(b.String(), "-")
	if base == "" {
		base = "recipient"
	}
	return "share-" + base + "-" + randomSuffix()
}

func randomSuffix() string {
	const alphabet = "bcdfghjklmnpqrstvwxz2456789" // as Kubernetes' generateName
	buf := make([]byte, 5)
	_, _ = rand.Read(buf)
	for i, x := range buf {
		buf[i] = alphabet[int(x)%len(alphabet)]
	}
	return string(buf)
}
