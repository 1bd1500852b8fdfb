package plugins

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Verbs a plugin may be granted on a kind it writes.
const (
	VerbApply  = "apply"
	VerbDelete = "delete"
)

// AllKinds in Read is every kind but Secrets.
const AllKinds = "*"

var (
	// dnsLabel: a resource name ("pods", "horizontalpodautoscalers").
	dnsLabel = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	// dnsSubdomain: an API group ("apps", "networking.k8s.io").
	dnsSubdomain = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	// hostName: the host of a network origin (a name or an IPv4 address;
	// IPv6 addresses are checked apart).
	hostName = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
)

// capsKey names a key of "kubedeck.capabilities" in messages.
func capsKey(key string) string { return "kubedeck.capabilities." + key }

// ParseCapabilities reads the "capabilities" value of package.json's
// "kubedeck" object (raw may be empty or null: nothing is asked for). An
// unknown key or a malformed value is an error that names the key.
func ParseCapabilities(raw json.RawMessage) (Capabilities, error) {
	var c Capabilities
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return c, nil
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return c, fmt.Errorf("%s must be an object", "kubedeck.capabilities")
	}
	for _, key := range slices.Sorted(maps.Keys(keys)) {
		if err := parseCapsKey(&c, key, keys[key]); err != nil {
			return Capabilities{}, err
		}
	}
	if c.SecretValues && !slices.Contains(c.Read, "secrets") {
		return Capabilities{}, fmt.Errorf(`%s needs "secrets" in %s`, capsKey("secretValues"), capsKey("read"))
	}
	return c, nil
}

func parseCapsKey(c *Capabilities, key string, v json.RawMessage) error {
	var err error
	switch key {
	case "read":
		c.Read, err = parseKinds(key, v, true)
	case "write":
		c.Write, err = parseWrite(v)
	case "network":
		c.Network, err = parseOrigins(v)
	case "secretValues":
		err = parseBool(key, v, &c.SecretValues)
	case "exec":
		err = parseBool(key, v, &c.Exec)
	case "portForward":
		err = parseBool(key, v, &c.PortForward)
	case "logs":
		err = parseBool(key, v, &c.Logs)
	case "settings":
		err = parseBool(key, v, &c.Settings)
	default:
		err = fmt.Errorf("%s is not a capability Kubedeck knows (read, write, secretValues, exec, portForward, logs, network, settings)", capsKey(key))
	}
	return err
}

func parseBool(key string, v json.RawMessage, dst *bool) error {
	if err := json.Unmarshal(v, dst); err != nil || string(bytes.TrimSpace(v)) == "null" {
		return fmt.Errorf("%s must be true or false", capsKey(key))
	}
	return nil
}

func parseStrings(key string, v json.RawMessage) ([]string, error) {
	var list []string
	if err := json.Unmarshal(v, &list); err != nil || list == nil {
		return nil, fmt.Errorf("%s must be a list of strings", capsKey(key))
	}
	for i, s := range list {
		if slices.Contains(list[:i], s) {
			return nil, fmt.Errorf("%s lists %q twice", capsKey(key), s)
		}
	}
	return list, nil
}

// parseKinds reads a list of kinds; "*" only where star is allowed (read).
func parseKinds(key string, v json.RawMessage, star bool) ([]string, error) {
	list, err := parseStrings(key, v)
	if err != nil {
		return nil, err
	}
	for _, k := range list {
		if k == AllKinds && star {
			continue
		}
		if err := CheckKind(k); err != nil {
			return nil, fmt.Errorf("%s: %w", capsKey(key), err)
		}
	}
	return list, nil
}

// CheckKind accepts "resource" (the core group) or "group/resource", both
// lower-case DNS names.
func CheckKind(k string) error {
	group, resource, grouped := strings.Cut(k, "/")
	if !grouped {
		group, resource = "", k
	}
	switch {
	case !dnsLabel.MatchString(resource) || len(resource) > 63:
		return fmt.Errorf("%q is not a kind: write a resource (\"pods\") or group/resource (\"apps/deployments\"), lower-case", k)
	case grouped && (!dnsSubdomain.MatchString(group) || len(group) > 253):
		return fmt.Errorf("%q is not a kind: its group %q is not a lower-case DNS name", k, group)
	}
	return nil
}

func parseWrite(v json.RawMessage) (map[string][]string, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(v, &raw); err != nil || raw == nil {
		return nil, fmt.Errorf(`%s must be an object of kinds and their verbs ({"configmaps": ["apply", "delete"]})`, capsKey("write"))
	}
	out := make(map[string][]string, len(raw))
	for kind, verbsRaw := range raw {
		key := "write." + kind
		if err := CheckKind(kind); err != nil {
			return nil, fmt.Errorf("%s: %w", capsKey("write"), err)
		}
		verbs, err := parseStrings(key, verbsRaw)
		if err != nil {
			return nil, err
		}
		if len(verbs) == 0 {
			return nil, fmt.Errorf("%s lists no verbs (apply, delete)", capsKey(key))
		}
		for _, verb := range verbs {
			if verb != VerbApply && verb != VerbDelete {
				return nil, fmt.Errorf("%s: %q is not a verb a plugin may be granted (apply, delete)", capsKey(key), verb)
			}
		}
		out[kind] = verbs
	}
	return out, nil
}

func parseOrigins(v json.RawMessage) ([]string, error) {
	list, err := parseStrings("network", v)
	if err != nil {
		return nil, err
	}
	for _, o := range list {
		if err := CheckOrigin(o); err != nil {
			return nil, fmt.Errorf("%s: %w", capsKey("network"), err)
		}
	}
	return list, nil
}

// CheckOrigin accepts an origin only: http or https, a lower-case host,
// an optional port; no user, path, query, fragment or wildcard.
func CheckOrigin(o string) error {
	bad := func(why string) error {
		return fmt.Errorf("%q is not an origin (https://host or https://host:port): %s", o, why)
	}
	u, err := url.Parse(o)
	switch {
	case err != nil:
		return bad("it does not parse")
	case u.Scheme != "http" && u.Scheme != "https":
		return bad("the scheme must be http or https")
	case u.Opaque != "" || u.User != nil:
		return bad("only a host may follow the scheme")
	case u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery || strings.ContainsAny(o, "?#"):
		return bad("no path, query or fragment (not even a final /)")
	case o != u.Scheme+"://"+u.Host:
		return bad("write it exactly as scheme://host[:port]")
	}
	if err := checkHost(u.Hostname()); err != nil {
		return bad(err.Error())
	}
	if p := u.Port(); p != "" || strings.HasSuffix(u.Host, ":") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 || p != strconv.Itoa(n) {
			return bad("the port must be a number from 1 to 65535")
		}
	}
	return nil
}

func checkHost(h string) error {
	if strings.Contains(h, ":") { // an IPv6 address, in brackets in the origin
		if a, err := netip.ParseAddr(h); err != nil || !a.Is6() || a.Zone() != "" || a.String() != h {
			return fmt.Errorf("host %q is not an IPv6 address in its short lower-case form", h)
		}
		return nil
	}
	if h == "" || len(h) > 253 || !hostName.MatchString(h) {
		return fmt.Errorf("host %q is not a lower-case host name (no wildcards)", h)
	}
	return nil
}
