package desktop

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"

	"github.com/kubedeck/kubedeck/app/atomicfile"
)

// windowState is what the desktop shell remembers across restarts, in
// os.UserConfigDir()/kubedeck/window.json. Values read back are never trusted:
// sanitize drops or corrects anything absurd before it reaches the window.
type windowState struct {
	Width     int     `json:"width"`
	Height    int     `json:"height"`
	Position  *point  `json:"position,omitempty"` // nil: let the OS place the window
	Maximised bool    `json:"maximised,omitempty"`
	Zoom      float64 `json:"zoom,omitempty"`  // page zoom factor; 0 means 1
	Theme     string  `json:"theme,omitempty"` // "system", "light" or "dark"; "" means system
}

type point struct {
	X int `json:"x"`
	Y int `json:"y"`
}

// screen is a monitor's size in logical pixels. Wails tells neither where
// the monitors are nor how they are arranged, so the desktop is taken to be
// the monitors side by side, which is how most are set up.
type screen struct{ Width, Height int }

const (
	defaultWidth, defaultHeight = 1360, 860
	minWidth, minHeight         = 900, 560
	// maxSide is larger than any real monitor (16K is 15360 wide); a bigger
	// value in the file is corruption, not a window.
	maxSide = 16384
	// stateFileLimit caps what load reads: the real file is ~120 bytes.
	stateFileLimit = 16 << 10
	// A restored window must show at least this much of its top-left
	// (title bar) on some screen, so it can still be grabbed and moved.
	visibleGrabWidth, visibleGrabHeight = 120, 40
)

const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

func defaultWindowState() windowState {
	return windowState{Width: defaultWidth, Height: defaultHeight, Zoom: 1, Theme: themeSystem}
}

// windowStatePath is where the state lives for this user.
func windowStatePath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("window state location: %w", err)
	}
	return filepath.Join(dir, "kubedeck", "window.json"), nil
}

// loadWindowState reads the saved state. A missing file is not an error: it
// gives the defaults. A damaged file gives the defaults and the error.
func loadWindowState(path string) (windowState, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return defaultWindowState(), nil
	}
	if err != nil {
		return defaultWindowState(), fmt.Errorf("read window state: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, stateFileLimit+1))
	if err != nil {
		return defaultWindowState(), fmt.Errorf("read window state: %w", err)
	}
	if len(data) > stateFileLimit {
		return defaultWindowState(), fmt.Errorf("read window state %s: larger than %d bytes", path, stateFileLimit)
	}
	st := defaultWindowState()
	if err := json.Unmarshal(data, &st); err != nil {
		return defaultWindowState(), fmt.Errorf("parse window state %s: %w", path, err)
	}
	return st.sanitize(nil), nil
}

// saveWindowState writes the state atomically (atomicfile: a crash never
// leaves half a file; 0600 less the umask when new, an existing file's
// mode kept, a symbolic link refused).
func saveWindowState(path string, st windowState) error {
	data, err := json.Marshal(st.sanitize(nil))
	if err != nil {
		return fmt.Errorf("encode window state: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("save window state: %w", err)
	}
	if err := atomicfile.WriteFile(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("save window state: %w", err)
	}
	return nil
}

// sanitize returns the state with absurd values replaced by defaults. With
// screens (from the running window), it also shrinks the window to the
// largest screen and drops a position that would put the window's title bar
// off every screen; without them, positions are only checked for sanity.
func (st windowState) sanitize(screens []screen) windowState {
	if st.Width <= 0 || st.Height <= 0 || st.Width > maxSide || st.Height > maxSide {
		st.Width, st.Height = defaultWidth, defaultHeight
	}
	st.Width, st.Height = max(st.Width, minWidth), max(st.Height, minHeight)
	if p := st.Position; p != nil && (abs(p.X) > maxSide*4 || abs(p.Y) > maxSide*4) {
		st.Position = nil
	}
	st.Zoom = clampZoom(st.Zoom)
	switch st.Theme {
	case themeLight, themeDark, themeSystem:
	default:
		st.Theme = themeSystem
	}
	if len(screens) == 0 {
		return st
	}
	deskW, deskH, maxW, maxH := 0, 0, 0, 0
	for _, s := range screens {
		if s.Width <= 0 || s.Height <= 0 {
			continue
		}
		deskW += s.Width
		deskH = max(deskH, s.Height)
		maxW, maxH = max(maxW, s.Width), max(maxH, s.Height)
	}
	if deskW == 0 {
		return st
	}
	// Never larger than a screen (but a tiny screen does not shrink the
	// window under its minimum: the window manager copes).
	st.Width = max(min(st.Width, maxW), minWidth)
	st.Height = max(min(st.Height, maxH), minHeight)
	if p := st.Position; p != nil {
		visible := p.X+st.Width >= visibleGrabWidth && p.X <= deskW-visibleGrabWidth &&
			p.Y >= 0 && p.Y <= deskH-visibleGrabHeight
		if !visible {
			st.Position = nil
		}
	}
	return st
}

// zoomSteps are the page zoom factors View > Zoom In/Out walk through.
var zoomSteps = []float64{0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2}

func clampZoom(z float64) float64 {
	if z == 0 || math.IsNaN(z) || math.IsInf(z, 0) {
		return 1
	}
	return math.Max(zoomSteps[0], math.Min(z, zoomSteps[len(zoomSteps)-1]))
}

// nextZoom is the next step above (dir > 0) or below (dir < 0) z.
func nextZoom(z float64, dir int) float64 {
	z = clampZoom(z)
	const eps = 1e-6
	if dir > 0 {
		for _, s := range zoomSteps {
			if s > z+eps {
				return s
			}
		}
		return zoomSteps[len(zoomSteps)-1]
	}
	for i := len(zoomSteps) - 1; i >= 0; i-- {
		if zoomSteps[i] < z-eps {
			return zoomSteps[i]
		}
	}
	return zoomSteps[0]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
