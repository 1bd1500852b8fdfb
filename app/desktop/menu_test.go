package desktop

import (
	"testing"

	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
)

type noActions struct{}

func (noActions) quit()             {}
func (noActions) edit(string)       {}
func (noActions) reload()           {}
func (noActions) zoom(int)          {}
func (noActions) setTheme(string)   {}
func (noActions) toggleFullscreen() {}
func (noActions) about()            {}
func (noActions) openDocs()         {}
func (noActions) openLogFolder()    {}

// accelerators maps each menu item's label to its accelerator, over submenus.
func accelerators(m *menu.Menu, into map[string]*keys.Accelerator) {
	for _, item := range m.Items {
		if item.SubMenu != nil {
			accelerators(item.SubMenu, into)
			continue
		}
		into[item.Label] = item.Accelerator
	}
}

// A terminal tab needs Ctrl+R, Ctrl+C, Ctrl+V...: on Linux and Windows the
// menu takes no Ctrl+letter key a shell uses, except Ctrl+Q for Quit.
func TestMenuLeavesTerminalKeysAlone(t *testing.T) {
	for _, goos := range []string{"linux", "windows"} {
		got := map[string]*keys.Accelerator{}
		accelerators(buildMenu(goos, themeSystem, noActions{}), got)
		for label, acc := range got {
			if acc == nil || len(acc.Key) != 1 || acc.Key == "q" {
				continue
			}
			if len(acc.Modifiers) == 1 && acc.Modifiers[0] == keys.CmdOrCtrlKey && acc.Key >= "a" && acc.Key <= "z" {
				t.Errorf("%s: %q takes Ctrl+%s from the page", goos, label, acc.Key)
			}
		}
		if r := got["Reload"]; r == nil || r.Key != "r" || len(r.Modifiers) != 2 {
			t.Errorf("%s: Reload is %+v, want Ctrl+Shift+R", goos, r)
		}
	}
	got := map[string]*keys.Accelerator{}
	accelerators(buildMenu("darwin", themeSystem, noActions{}), got)
	if r := got["Reload"]; r == nil || r.Key != "r" || len(r.Modifiers) != 1 {
		t.Errorf("darwin: Reload is %+v, want Cmd+R", r)
	}
}
