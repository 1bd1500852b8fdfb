package desktop

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/options"
)

// fakeWindow records what the shell asks of the window.
type fakeWindow struct {
	mu                    sync.Mutex
	w, h, x, y            int
	maximised, minimised  bool
	screens               []screen
	screensErr            error
	js, emitted, calls    []string
	movedX, movedY, moves int
	savePath              string // what the save dialog answers ("" = cancelled)
	handlers              map[string]func(...any)
	menuUpdates           int
}

func (f *fakeWindow) On(e string, fn func(...any)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.handlers == nil {
		f.handlers = map[string]func(...any){}
	}
	f.handlers[e] = fn
}

// fromPage delivers an event the page emitted.
func (f *fakeWindow) fromPage(e string, data ...any) {
	f.mu.Lock()
	fn := f.handlers[e]
	f.mu.Unlock()
	if fn != nil {
		fn(data...)
	}
}

func (f *fakeWindow) UpdateMenu() { f.mu.Lock(); f.menuUpdates++; f.mu.Unlock() }

func (f *fakeWindow) record(s string) { f.mu.Lock(); f.calls = append(f.calls, s); f.mu.Unlock() }

func (f *fakeWindow) Size() (int, int)     { return f.w, f.h }
func (f *fakeWindow) Position() (int, int) { return f.x, f.y }
func (f *fakeWindow) SetPosition(x, y int) {
	f.mu.Lock()
	f.movedX, f.movedY = x, y
	f.moves++
	f.mu.Unlock()
}
func (f *fakeWindow) IsMaximised() bool          { return f.maximised }
func (f *fakeWindow) IsMinimised() bool          { return f.minimised }
func (f *fakeWindow) IsFullscreen() bool         { return false }
func (f *fakeWindow) ToggleFullscreen()          { f.record("fullscreen") }
func (f *fakeWindow) Screens() ([]screen, error) { return f.screens, f.screensErr }
func (f *fakeWindow) Focus()                     { f.record("focus") }
func (f *fakeWindow) ExecJS(js string)           { f.mu.Lock(); f.js = append(f.js, js); f.mu.Unlock() }
func (f *fakeWindow) Emit(e string, d any) {
	f.mu.Lock()
	f.emitted = append(f.emitted, e+"="+d.(string))
	f.mu.Unlock()
}
func (f *fakeWindow) Reload()                        { f.record("reload") }
func (f *fakeWindow) ClipboardText() (string, error) { return "from \"clipboard\"", nil }
func (f *fakeWindow) OpenURL(url string)             { f.record("open " + url) }
func (f *fakeWindow) About(title, msg string) error {
	f.record("about " + msg)
	return nil
}
func (f *fakeWindow) Quit() { f.record("quit") }
func (f *fakeWindow) OpenDialog(title string, folder bool) (string, error) {
	f.record(fmt.Sprintf("open dialog %s folder=%v", title, folder))
	return f.savePath, nil
}
func (f *fakeWindow) SaveDialog(title, name string) (string, error) {
	f.record("save dialog " + name)
	return f.savePath, nil
}

// testShell is a shell whose state lives in a temporary folder and whose
// window is fw.
func testShell(t *testing.T, fw *fakeWindow, st windowState) *shell {
	t.Helper()
	t.Setenv(SelfTestEnv, "")
	s := &shell{
		opts:      Options{Version: "1.2.3", Log: slog.New(slog.DiscardHandler)},
		statePath: filepath.Join(t.TempDir(), "kubedeck", "window.json"),
		state:     st,
		newWindow: func(context.Context) window { return fw },
	}
	s.startup(context.Background())
	return s
}

func TestCloseSavesGeometry(t *testing.T) {
	fw := &fakeWindow{w: 1500, h: 1000, x: 30, y: 40}
	s := testShell(t, fw, defaultWindowState())
	if s.beforeClose(context.Background()) {
		t.Fatal("closing was prevented")
	}
	got, err := loadWindowState(s.statePath)
	if err != nil {
		t.Fatal(err)
	}
	if got.Width != 1500 || got.Height != 1000 || got.Position == nil || *got.Position != (point{30, 40}) || got.Maximised {
		t.Fatalf("saved %+v", got)
	}
}

func TestCloseWhileMaximisedKeepsNormalGeometry(t *testing.T) {
	fw := &fakeWindow{w: 2560, h: 1440, maximised: true}
	s := testShell(t, fw, windowState{Width: 1200, Height: 800, Position: &point{10, 20}, Zoom: 1, Theme: themeSystem})
	s.beforeClose(context.Background())
	got, _ := loadWindowState(s.statePath)
	if !got.Maximised || got.Width != 1200 || got.Height != 800 || got.Position == nil || *got.Position != (point{10, 20}) {
		t.Fatalf("saved %+v", got)
	}
}

func TestCloseWhileMinimisedKeepsLastGeometry(t *testing.T) {
	fw := &fakeWindow{w: 160, h: 28, x: -32000, y: -32000, minimised: true}
	s := testShell(t, fw, windowState{Width: 1200, Height: 800, Position: &point{10, 20}, Zoom: 1, Theme: themeSystem})
	s.beforeClose(context.Background())
	got, _ := loadWindowState(s.statePath)
	if got.Width != 1200 || got.Position == nil || *got.Position != (point{10, 20}) {
		t.Fatalf("saved %+v", got)
	}
}

func TestDomReadyRestoresPositionOnceAndZoom(t *testing.T) {
	fw := &fakeWindow{screens: []screen{{Width: 1920, Height: 1080}}}
	s := testShell(t, fw, windowState{Width: 1200, Height: 800, Position: &point{300, 200}, Zoom: 1.25, Theme: themeSystem})
	s.domReady(context.Background())
	s.domReady(context.Background()) // View > Reload
	if fw.moves != 1 || fw.movedX != 300 || fw.movedY != 200 {
		t.Errorf("moves=%d to %d,%d; want one move to 300,200", fw.moves, fw.movedX, fw.movedY)
	}
	if len(fw.js) != 2 || !strings.Contains(fw.js[0], `zoom="1.25"`) {
		t.Errorf("js %q: want the zoom applied on each load", fw.js)
	}
}

func TestDomReadyIgnoresOffscreenPosition(t *testing.T) {
	fw := &fakeWindow{screens: []screen{{Width: 1280, Height: 800}}}
	s := testShell(t, fw, windowState{Width: 1000, Height: 700, Position: &point{2500, 100}, Zoom: 1, Theme: themeSystem})
	s.domReady(context.Background())
	if fw.moves != 0 {
		t.Errorf("moved to %d,%d", fw.movedX, fw.movedY)
	}
	fw2 := &fakeWindow{screensErr: errors.New("no display")}
	s2 := testShell(t, fw2, windowState{Width: 1000, Height: 700, Position: &point{20, 10}, Zoom: 1, Theme: themeSystem})
	s2.domReady(context.Background())
	if fw2.moves != 0 {
		t.Errorf("moved without screen information")
	}
}

func TestZoomMenuPersists(t *testing.T) {
	fw := &fakeWindow{}
	s := testShell(t, fw, defaultWindowState())
	s.zoom(+1)
	s.zoom(+1)
	s.zoom(-1)
	got, _ := loadWindowState(s.statePath)
	if got.Zoom != 1.1 {
		t.Errorf("saved zoom %v, want 1.1", got.Zoom)
	}
	s.zoom(0)
	if last := fw.js[len(fw.js)-1]; last != `document.documentElement.style.zoom="1";` {
		t.Errorf("reset js %q", last)
	}
}

// The menu asks the frontend's store; it does not set the theme itself.
func TestThemeMenuAsksTheFrontendStore(t *testing.T) {
	fw := &fakeWindow{}
	s := testShell(t, fw, defaultWindowState())
	s.setTheme(themeDark)
	if len(fw.emitted) != 1 || fw.emitted[0] != "kubedeck:theme=dark" {
		t.Errorf("events %q", fw.emitted)
	}
	if len(fw.js) != 0 {
		t.Errorf("the menu wrote the theme itself: %q", fw.js)
	}
}

// The store's changes (from the menu or the page's toggle) move the menu's
// radio, and are remembered for the next start's menu.
func TestThemeRadioFollowsTheFrontendStore(t *testing.T) {
	for _, goos := range []string{"darwin", "windows"} {
		fw := &fakeWindow{}
		s := testShell(t, fw, defaultWindowState())
		s.goos = goos
		m := s.buildMenu()
		if got := checkedThemes(m); got != "System" {
			t.Fatalf("%s: checked at start %q", goos, got)
		}
		fw.fromPage(ThemeChangedEvent, "dark") // the page's toggle
		if got := checkedThemes(m); got != "Dark" || fw.menuUpdates != 1 {
			t.Errorf("%s: after the page chose dark: checked %q, %d menu updates", goos, got, fw.menuUpdates)
		}
		fw.fromPage(ThemeChangedEvent, "dark") // told again: nothing to update
		fw.fromPage(ThemeChangedEvent, "purple")
		fw.fromPage(ThemeChangedEvent)
		if got := checkedThemes(m); got != "Dark" || fw.menuUpdates != 1 {
			t.Errorf("%s: checked %q, %d menu updates", goos, got, fw.menuUpdates)
		}
		got, _ := loadWindowState(s.statePath)
		if got.Theme != themeDark {
			t.Errorf("%s: saved theme %q", goos, got.Theme)
		}
		// The next start's menu shows it.
		if got := checkedThemes(buildMenu(goos, got.Theme, s)); got != "Dark" {
			t.Errorf("%s: next start checked %q", goos, got)
		}
	}
}

// Wails cannot update a Linux menu after start: there the theme items hold
// no state that could disagree with the page, and the menu is never rebuilt.
func TestLinuxThemeItemsHoldNoState(t *testing.T) {
	fw := &fakeWindow{}
	s := testShell(t, fw, defaultWindowState())
	s.goos = "linux"
	m := s.buildMenu()
	fw.fromPage(ThemeChangedEvent, "light")
	if got := checkedThemes(m); got != "" || fw.menuUpdates != 0 {
		t.Errorf("linux: checked %q, %d menu updates", got, fw.menuUpdates)
	}
	if names := themeItems(m); names != "System,Light,Dark" {
		t.Errorf("linux theme items %q", names)
	}
}

func themeMenu(m *menu.Menu) *menu.Menu {
	for _, item := range m.Items {
		if item.SubMenu == nil {
			continue
		}
		if item.Label == "Theme" {
			return item.SubMenu
		}
		if sub := themeMenu(item.SubMenu); sub != nil {
			return sub
		}
	}
	return nil
}

func checkedThemes(m *menu.Menu) string {
	var out []string
	for _, t := range themeMenu(m).Items {
		if t.Checked {
			out = append(out, t.Label)
		}
	}
	return strings.Join(out, ",")
}

func themeItems(m *menu.Menu) string {
	var out []string
	for _, t := range themeMenu(m).Items {
		out = append(out, t.Label)
	}
	return strings.Join(out, ",")
}

func TestShutdownCallsOptionOnce(t *testing.T) {
	n := 0
	s := &shell{opts: Options{Shutdown: func() { n++ }}}
	s.shutdown(context.Background())
	s.shutdown(context.Background())
	if n != 1 {
		t.Errorf("Shutdown ran %d times", n)
	}
	(&shell{}).shutdown(context.Background()) // nil Shutdown is fine
}

func TestSecondInstanceFocusesWindow(t *testing.T) {
	fw := &fakeWindow{}
	s := testShell(t, fw, defaultWindowState())
	lock := s.singleInstance()
	if lock == nil || lock.UniqueId != "io.kubedeck.app" {
		t.Fatalf("lock %+v", lock)
	}
	lock.OnSecondInstanceLaunch(options.SecondInstanceData{Args: []string{"--kubeconfig", "x"}})
	if len(fw.calls) != 1 || fw.calls[0] != "focus" {
		t.Errorf("calls %q", fw.calls)
	}
}

func TestSelfTestRunsWithoutLockOrSavedState(t *testing.T) {
	t.Setenv(SelfTestEnv, filepath.Join(t.TempDir(), "report.jsonl"))
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	s := newShell(Options{Log: slog.New(slog.DiscardHandler)})
	if s.selfTest == nil || s.singleInstance() != nil || s.statePath != "" {
		t.Fatalf("self-test shell: selfTest=%v lock=%v path=%q", s.selfTest != nil, s.singleInstance(), s.statePath)
	}
}

func TestMenuActionsWithoutWindowDoNothing(t *testing.T) {
	s := &shell{opts: Options{Log: slog.New(slog.DiscardHandler)}}
	s.quit()
	s.edit("copy")
	s.reload()
	s.zoom(1)
	s.setTheme(themeLight)
	s.toggleFullscreen()
	s.openDocs()
	s.about()
	if s.beforeClose(context.Background()) {
		t.Fatal("closing was prevented")
	}
}

func TestEditFallsBackToPageCommands(t *testing.T) {
	fw := &fakeWindow{}
	s := testShell(t, fw, defaultWindowState())
	s.edit("copy")
	s.edit("paste")
	want := []string{
		`document.execCommand("copy");`,
		`document.execCommand('insertText', false, "from \"clipboard\"");`,
	}
	if strings.Join(fw.js, "\n") != strings.Join(want, "\n") {
		t.Errorf("js %q, want %q", fw.js, want)
	}
}

func TestMenus(t *testing.T) {
	labels := func(m *menu.Menu) []string {
		var out []string
		for _, item := range m.Items {
			switch {
			case item.Role == menu.AppMenuRole:
				out = append(out, "(app)")
			case item.Role == menu.EditMenuRole:
				out = append(out, "(edit)")
			case item.Role == menu.WindowMenuRole:
				out = append(out, "(window)")
			default:
				out = append(out, item.Label)
			}
		}
		return out
	}
	s := &shell{}
	if got := strings.Join(labels(buildMenu("linux", themeDark, s)), ","); got != "File,Edit,View,Help" {
		t.Errorf("linux menus %s", got)
	}
	if got := strings.Join(labels(buildMenu("darwin", themeSystem, s)), ","); got != "(app),(edit),View,(window),Help" {
		t.Errorf("macOS menus %s", got)
	}
	m := buildMenu("windows", themeDark, s)
	var view *menu.Menu
	for _, item := range m.Items {
		if item.Label == "View" {
			view = item.SubMenu
		}
	}
	var checked []string
	for _, item := range view.Items {
		if item.Label == "Theme" {
			for _, t := range item.SubMenu.Items {
				if t.Checked {
					checked = append(checked, t.Label)
				}
			}
		}
		if item.Label == "Zoom In" && (item.Accelerator == nil || item.Accelerator.Key != "=") {
			t.Errorf("Zoom In accelerator %+v", item.Accelerator)
		}
	}
	if strings.Join(checked, ",") != "Dark" {
		t.Errorf("checked themes %q", checked)
	}
}
