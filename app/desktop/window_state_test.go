package desktop

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadMissingFileGivesDefaults(t *testing.T) {
	st, err := loadWindowState(filepath.Join(t.TempDir(), "nope", "window.json"))
	if err != nil {
		t.Fatal(err)
	}
	if st != defaultWindowState() {
		t.Fatalf("got %+v, want defaults", st)
	}
}

func TestSaveThenLoadRoundTrips(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kubedeck", "window.json")
	want := windowState{Width: 1500, Height: 950, Position: &point{X: 40, Y: 30}, Zoom: 1.25, Theme: themeDark}
	if err := saveWindowState(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := loadWindowState(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Width != 1500 || got.Height != 950 || got.Position == nil || *got.Position != (point{40, 30}) ||
		got.Zoom != 1.25 || got.Theme != themeDark || got.Maximised {
		t.Fatalf("got %+v", got)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() > 200 {
		t.Errorf("window.json is %d bytes; it should stay tiny", info.Size())
	}
	if info.Mode().Perm()&0o077 != 0 {
		t.Errorf("window.json mode %v: readable by others", info.Mode().Perm())
	}
	// No temporary files left behind.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only window.json", len(entries))
	}
}

func TestSaveReplacesAtomically(t *testing.T) {
	path := filepath.Join(t.TempDir(), "window.json")
	for i := range 3 {
		if err := saveWindowState(path, windowState{Width: 1000 + i, Height: 700}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := loadWindowState(path)
	if err != nil || got.Width != 1002 {
		t.Fatalf("got %+v, %v", got, err)
	}
}

func TestSaveFailsCleanlyWhenFolderIsAFile(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "kubedeck")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := saveWindowState(filepath.Join(blocker, "window.json"), defaultWindowState())
	if err == nil || !strings.Contains(err.Error(), "save window state") {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadDamagedFiles(t *testing.T) {
	for name, content := range map[string]string{
		"not json":   "{width: 12",
		"wrong type": `{"width":"wide"}`,
		"too big":    `{"theme":"` + strings.Repeat("x", stateFileLimit) + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "window.json")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := loadWindowState(path)
			if err == nil {
				t.Error("no error for a damaged file")
			}
			if st != defaultWindowState() {
				t.Errorf("got %+v, want defaults", st)
			}
		})
	}
}

func TestLoadSanitizesAbsurdValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "window.json")
	content := `{"width":-5,"height":99999999,"position":{"x":-999999999,"y":5},"zoom":40,"theme":"neon"}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := loadWindowState(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Width != defaultWidth || st.Height != defaultHeight {
		t.Errorf("size %dx%d, want the default", st.Width, st.Height)
	}
	if st.Position != nil {
		t.Errorf("position %+v kept", *st.Position)
	}
	if st.Zoom != 2 {
		t.Errorf("zoom %v, want clamped to 2", st.Zoom)
	}
	if st.Theme != themeSystem {
		t.Errorf("theme %q", st.Theme)
	}
}

func TestSanitizeAgainstScreens(t *testing.T) {
	laptop := []screen{{Width: 1920, Height: 1080}}
	twoScreens := []screen{{Width: 1920, Height: 1080}, {Width: 2560, Height: 1440}}
	cases := []struct {
		name    string
		st      windowState
		screens []screen
		wantPos *point
		wantW   int
		wantH   int
	}{
		{"on screen", windowState{Width: 1400, Height: 900, Position: &point{100, 50}}, laptop, &point{100, 50}, 1400, 900},
		{"right of the only screen", windowState{Width: 1400, Height: 900, Position: &point{3000, 50}}, laptop, nil, 1400, 900},
		{"on the second screen", windowState{Width: 1400, Height: 900, Position: &point{3000, 50}}, twoScreens, &point{3000, 50}, 1400, 900},
		{"title bar above the screen", windowState{Width: 1400, Height: 900, Position: &point{100, -200}}, laptop, nil, 1400, 900},
		{"below the screen", windowState{Width: 1400, Height: 900, Position: &point{100, 1070}}, laptop, nil, 1400, 900},
		{"mostly left but grabbable", windowState{Width: 1400, Height: 900, Position: &point{-1200, 10}}, laptop, &point{-1200, 10}, 1400, 900},
		{"entirely left", windowState{Width: 1400, Height: 900, Position: &point{-1390, 10}}, laptop, nil, 1400, 900},
		{"larger than the screen shrinks", windowState{Width: 3000, Height: 2000}, laptop, nil, 1920, 1080},
		{"under the minimum grows", windowState{Width: 300, Height: 200}, laptop, nil, minWidth, minHeight},
		{"no screen info keeps a sane position", windowState{Width: 1400, Height: 900, Position: &point{100, 50}}, nil, &point{100, 50}, 1400, 900},
		{"zero-sized screens are ignored", windowState{Width: 1400, Height: 900, Position: &point{100, 50}}, []screen{{}}, &point{100, 50}, 1400, 900},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.st.sanitize(c.screens)
			if got.Width != c.wantW || got.Height != c.wantH {
				t.Errorf("size %dx%d, want %dx%d", got.Width, got.Height, c.wantW, c.wantH)
			}
			switch {
			case c.wantPos == nil && got.Position != nil:
				t.Errorf("position %+v kept, want dropped", *got.Position)
			case c.wantPos != nil && (got.Position == nil || *got.Position != *c.wantPos):
				t.Errorf("position %v, want %+v", got.Position, *c.wantPos)
			}
		})
	}
}

func TestZoomSteps(t *testing.T) {
	if z := nextZoom(1, +1); z != 1.1 {
		t.Errorf("1 in: %v", z)
	}
	if z := nextZoom(1, -1); z != 0.9 {
		t.Errorf("1 out: %v", z)
	}
	if z := nextZoom(2, +1); z != 2 {
		t.Errorf("2 in: %v", z)
	}
	if z := nextZoom(0.5, -1); z != 0.5 {
		t.Errorf("0.5 out: %v", z)
	}
	if z := nextZoom(1.3, -1); z != 1.25 {
		t.Errorf("1.3 out: %v", z)
	}
	if z := nextZoom(math.NaN(), +1); z != 1.1 {
		t.Errorf("NaN in: %v", z)
	}
}
