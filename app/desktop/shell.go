package desktop

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/menu"
)

// shell holds the desktop app's state between Wails' lifecycle hooks and the
// menu. The hooks and menu callbacks run on different goroutines, hence mu.
type shell struct {
	opts      Options
	selfTest  *SelfTest
	statePath string // "" when the window state is not remembered
	newWindow func(context.Context) window
	goos      string
	menu      *menu.Menu // the application menu, nil until built

	mu    sync.Mutex
	win   window      // nil until startup
	state windowState // last known, sanitized
	// placed is set once the saved position has been applied: Reload fires
	// OnDomReady again and must not move the window back.
	placed bool
	// shutdownOnce guards opts.Shutdown.
	shutdownOnce sync.Once
}

func newShell(opts Options) *shell {
	s := &shell{
		opts:      opts,
		selfTest:  newSelfTest(),
		state:     defaultWindowState(),
		newWindow: func(ctx context.Context) window { return wailsWindow{ctx} },
		goos:      goruntime.GOOS,
	}
	if s.selfTest != nil {
		// Smoke tests want the default window, and must not overwrite the
		// user's saved one.
		return s
	}
	path, err := windowStatePath()
	if err != nil {
		opts.Log.Warn("window size and zoom will not be remembered", "err", err)
		return s
	}
	s.statePath = path
	st, err := loadWindowState(path)
	if err != nil {
		opts.Log.Warn("saved window state ignored", "err", err)
	}
	s.state = st
	return s
}

func (s *shell) initialState() windowState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

func (s *shell) window() window {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.win
}

func (s *shell) startup(ctx context.Context) {
	s.mu.Lock()
	s.win = s.newWindow(ctx)
	w := s.win
	s.mu.Unlock()
	w.On(ThemeChangedEvent, func(data ...any) {
		if len(data) > 0 {
			if theme, ok := data[0].(string); ok {
				s.themeChanged(theme)
			}
		}
	})
	resetSignalHandlers()
}

// buildMenu makes the application menu for this shell and keeps it, so the
// theme radio can follow the frontend's store.
func (s *shell) buildMenu() *menu.Menu {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.menu = buildMenu(s.goos, s.state.Theme, s)
	return s.menu
}

func (s *shell) domReady(ctx context.Context) {
	// WebKit installs its own signal handlers once the page runs: make them
	// Go-friendly again so a nil dereference in a command stays a panic that
	// the command recovers from, not a crash of the whole app.
	resetSignalHandlers()
	w := s.window()
	if w == nil {
		return
	}
	s.mu.Lock()
	st, first := s.state, !s.placed
	s.placed = true
	s.mu.Unlock()
	if first {
		s.restorePosition(w, st)
	}
	if st.Zoom != 1 {
		w.ExecJS(zoomJS(st.Zoom))
	}
	if s.selfTest != nil {
		s.selfTest.run(ctx)
	}
}

// restorePosition moves the window where it was, if that is still on a
// screen. (The size and maximised state were given to Wails at start.)
func (s *shell) restorePosition(w window, st windowState) {
	if st.Position == nil || st.Maximised {
		return
	}
	screens, err := w.Screens()
	if err != nil {
		s.opts.Log.Debug("saved window position not restored", "err", err)
		return
	}
	if p := st.sanitize(screens).Position; p != nil {
		w.SetPosition(p.X, p.Y)
	}
}

// beforeClose saves the window's geometry while the window still exists.
// It never prevents closing.
func (s *shell) beforeClose(context.Context) bool {
	w := s.window()
	if w == nil {
		return false
	}
	s.mu.Lock()
	s.state = captureGeometry(w, s.state)
	s.mu.Unlock()
	s.persist()
	return false
}

// shutdown runs after the window closed: stop the app's background work.
func (s *shell) shutdown(context.Context) {
	s.shutdownOnce.Do(func() {
		if s.opts.Shutdown != nil {
			s.opts.Shutdown()
		}
	})
}

// persist writes the current state, if it is remembered at all.
func (s *shell) persist() {
	if s.statePath == "" {
		return
	}
	s.mu.Lock()
	st := s.state
	s.mu.Unlock()
	if err := saveWindowState(s.statePath, st); err != nil {
		s.opts.Log.Warn("window state not saved", "err", err)
	}
}

// The menu's actions (menuActions).

func (s *shell) quit() {
	if w := s.window(); w != nil {
		w.Quit()
	}
}

func (s *shell) edit(command string) {
	if nativeEdit(command) {
		return
	}
	w := s.window()
	if w == nil {
		return
	}
	if command != "paste" {
		w.ExecJS(editJS(command))
		return
	}
	// A script may not read the clipboard: read it here and type it in.
	text, err := w.ClipboardText()
	if err != nil {
		s.opts.Log.Warn("paste", "err", err)
		return
	}
	w.ExecJS(insertTextJS(text))
}

func (s *shell) reload() {
	if w := s.window(); w != nil {
		w.Reload()
	}
}

func (s *shell) zoom(dir int) {
	w := s.window()
	if w == nil {
		return
	}
	s.mu.Lock()
	if dir == 0 {
		s.state.Zoom = 1
	} else {
		s.state.Zoom = nextZoom(s.state.Zoom, dir)
	}
	z := s.state.Zoom
	s.mu.Unlock()
	w.ExecJS(zoomJS(z))
	s.persist()
}

// setTheme is the menu's choice: the frontend's store makes it, and tells
// back (themeChanged).
func (s *shell) setTheme(theme string) {
	if w := s.window(); w != nil {
		w.Emit(ThemeEvent, theme)
	}
}

// themeChanged is the frontend's store reporting its preference: the menu's
// radio shows it, and it is remembered for the menu at the next start.
func (s *shell) themeChanged(theme string) {
	switch theme {
	case themeSystem, themeLight, themeDark:
	default:
		return
	}
	s.mu.Lock()
	same := s.state.Theme == theme
	s.state.Theme = theme
	changed := s.menu != nil && checkTheme(s.menu, theme)
	s.mu.Unlock()
	if w := s.window(); w != nil && changed && menuUpdates(s.goos) {
		w.UpdateMenu()
	}
	if !same {
		s.persist()
	}
}

func (s *shell) toggleFullscreen() {
	if w := s.window(); w != nil {
		w.ToggleFullscreen()
	}
}

func (s *shell) openDocs() {
	if w := s.window(); w != nil {
		w.OpenURL(DocsURL)
	}
}

// openLogFolder shows the folder of the log file in the file manager.
func (s *shell) openLogFolder() {
	w := s.window()
	if w == nil || s.opts.LogFile == "" {
		return
	}
	w.OpenURL(folderURL(filepath.Dir(s.opts.LogFile)))
}

func (s *shell) about() {
	w := s.window()
	if w == nil {
		return
	}
	msg := aboutMessage(s.opts.Version, s.opts.LogFile)
	if err := w.About("About Kubedeck", msg); err != nil {
		s.opts.Log.Warn("about", "err", err)
	}
}

// aboutMessage is the About dialog's text: the version and the log file.
func aboutMessage(version, logFile string) string {
	msg := fmt.Sprintf("Kubedeck %s\n%s", version, aboutText)
	if logFile != "" {
		msg += "\n\nLog file: " + logFile
	}
	return msg
}

// folderURL is the file: URL of a folder (file:///C:/... on Windows).
func folderURL(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
