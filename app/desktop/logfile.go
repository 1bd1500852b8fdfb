package desktop

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gopkg.in/natefinch/lumberjack.v2"
)

// LogFileName is the desktop app's log file, in LogDir.
const LogFileName = "kubedeck.log"

// LogMaxMiB is the size at which the log file is rotated; one old file is
// kept beside it.
const LogMaxMiB = 5

// LogDir is where the desktop app keeps its log, per OS: the XDG state
// folder on Linux and the BSDs ($XDG_STATE_HOME, else ~/.local/state),
// ~/Library/Logs on macOS, %LocalAppData% on Windows.
func LogDir(goos string, getenv func(string) string, home string) (string, error) {
	switch goos {
	case "darwin":
		if home == "" {
			return "", errors.New("no home folder")
		}
		return filepath.Join(home, "Library", "Logs", "Kubedeck"), nil
	case "windows":
		base := getenv("LocalAppData")
		if base == "" {
			return "", errors.New("%LocalAppData% is not set")
		}
		return filepath.Join(base, "kubedeck", "logs"), nil
	}
	// XDG: a relative $XDG_STATE_HOME is invalid and is ignored.
	if base := getenv("XDG_STATE_HOME"); base != "" && filepath.IsAbs(base) {
		return filepath.Join(base, "kubedeck"), nil
	}
	if home == "" {
		return "", errors.New("no home folder")
	}
	return filepath.Join(home, ".local", "state", "kubedeck"), nil
}

// LogFile is the desktop app's log file, size-bounded.
type LogFile struct {
	io.WriteCloser
	Path string
}

// OpenLogFile opens (appending) the log file in dir, rotated at maxMiB.
func OpenLogFile(dir string, maxMiB int) (*LogFile, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create the log folder: %w", err)
	}
	path := filepath.Join(dir, LogFileName)
	l := &lumberjack.Logger{Filename: path, MaxSize: maxMiB, MaxBackups: 1}
	// Open now, so a folder that cannot be written is reported at start.
	if _, err := l.Write(nil); err != nil {
		return nil, fmt.Errorf("open the log file: %w", err)
	}
	return &LogFile{WriteCloser: l, Path: path}, nil
}

// OpenDefaultLogFile opens the log file where LogDir says, for this OS.
func OpenDefaultLogFile(goos string) (*LogFile, error) {
	home, _ := os.UserHomeDir()
	dir, err := LogDir(goos, os.Getenv, home)
	if err != nil {
		return nil, fmt.Errorf("find the log folder: %w", err)
	}
	return OpenLogFile(dir, LogMaxMiB)
}
