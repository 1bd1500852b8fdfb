package serve

import "os"

// TokenEnv names the environment variable with a fixed launch token.
const TokenEnv = "KUBEDECK_TOKEN"

// TokenFromEnv reads the fixed launch token and removes it from the
// process environment at once: every child process (kubeconfig exec
// credential plugins, shells) inherits the environment, and none of them
// needs Kubedeck's token. (/proc/PID/environ keeps showing the value the
// process started with, to its own user and root.)
func TokenFromEnv() string {
	tok := os.Getenv(TokenEnv)
	_ = os.Unsetenv(TokenEnv)
	return tok
}
