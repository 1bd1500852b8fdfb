package commands

import (
	"os"
	"testing"

	"github.com/kubedeck/kubedeck/app/cluster/execplugin"
)

// The test binary acts as the credential plugin wrapper, as kubedeck does.
func TestMain(m *testing.M) {
	execplugin.Serve()
	os.Exit(m.Run())
}
