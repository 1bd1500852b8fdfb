package serve

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

const childMarker = "kubedeck-serve-env-child"

func TestTokenFromEnvIsGoneForChildProcesses(t *testing.T) {
	t.Setenv(TokenEnv, "team-token-0123456789")
	if got := TokenFromEnv(); got != "team-token-0123456789" {
		t.Fatalf("TokenFromEnv() = %d characters, want the variable's value", len(got))
	}
	if _, ok := os.LookupEnv(TokenEnv); ok {
		t.Errorf("%s is still in the environment", TokenEnv)
	}
	// A child started afterwards (an exec credential plugin, say) inherits
	// the environment as it is now.
	out, err := exec.Command(os.Args[0], "-test.run=^TestEnvChild$", "--", childMarker).CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "token: absent") {
		t.Errorf("the child process saw %s (its output: %d bytes, no %q)", TokenEnv, len(out), "token: absent")
	}
}

// TestEnvChild is the child process of the test above; run alone it does
// nothing.
func TestEnvChild(t *testing.T) {
	if os.Args[len(os.Args)-1] != childMarker {
		return
	}
	if _, ok := os.LookupEnv(TokenEnv); ok {
		fmt.Println("token: present")
		return
	}
	fmt.Println("token: absent")
}
