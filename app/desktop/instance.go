package desktop

import (
	"github.com/wailsapp/wails/v2/pkg/options"
)

// AppID identifies Kubedeck to the OS: the single-instance lock, the macOS
// bundle identifier (build/darwin/Info.plist) and the Linux desktop entry.
const AppID = "io.kubedeck.app"

// singleInstance makes a second launch hand over to the running app, which
// brings its window to the front; the second process then exits. (On Linux
// this goes through the D-Bus session bus; without one, each launch simply
// gets its own window.)
func (s *shell) singleInstance() *options.SingleInstanceLock {
	if s.selfTest != nil {
		// A smoke test's instance must not hand over to the user's own
		// Kubedeck, nor be taken over by it.
		return nil
	}
	return &options.SingleInstanceLock{
		UniqueId: AppID,
		OnSecondInstanceLaunch: func(second options.SecondInstanceData) {
			s.opts.Log.Info("another launch: showing this window", "args", second.Args)
			if w := s.window(); w != nil {
				w.Focus()
			}
		},
	}
}
