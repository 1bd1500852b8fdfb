// Package desktop is the thin Wails adapter of the desktop shell: the window,
// its menu, the bound commands, and the API handler mounted as AssetServer
// middleware (so bulk data never travels through bindings or events, and no
// network port is opened). It is the only package that imports Wails.
package desktop

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	goruntime "runtime"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/kubedeck/kubedeck/app/api"
	"github.com/kubedeck/kubedeck/app/commands"
)

// Options configure the desktop shell.
type Options struct {
	Version  string
	Assets   fs.FS
	Commands *commands.Commands
	Log      *slog.Logger
}

// Run opens the window and blocks until the app quits.
func Run(opts Options) error {
	applyWebKitDefaults()
	shell := &shell{opts: opts, selfTest: newSelfTest()}
	bind := []any{opts.Commands}
	if shell.selfTest != nil {
		bind = append(bind, shell.selfTest)
	}
	apiHandler := api.New(func(*http.Request) (*commands.Commands, error) { return opts.Commands, nil }, opts.Log)
	err := wails.Run(&options.App{
		Title:     "Kubedeck",
		Width:     1360,
		Height:    860,
		MinWidth:  900,
		MinHeight: 560,
		AssetServer: &assetserver.Options{
			Assets:     opts.Assets,
			Middleware: apiHandler.Middleware,
		},
		Menu:             shell.menu(),
		BackgroundColour: &options.RGBA{R: 15, G: 17, B: 21, A: 255},
		OnStartup:        shell.startup,
		OnDomReady:       shell.domReady,
		Bind:             bind,
		Linux:            &linux.Options{ProgramName: "kubedeck", WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand},
		Logger:           wailsLogger{opts.Log},
	})
	if err != nil {
		return fmt.Errorf("desktop window: %w", err)
	}
	return nil
}

// applyWebKitDefaults avoids blank windows on some GPUs and VMs, unless the
// user chose otherwise.
func applyWebKitDefaults() {
	if goruntime.GOOS != "linux" {
		return
	}
	for k, v := range map[string]string{
		"WEBKIT_DISABLE_DMABUF_RENDERER":  "1",
		"WEBKIT_DISABLE_COMPOSITING_MODE": "1",
	} {
		if _, set := os.LookupEnv(k); !set {
			_ = os.Setenv(k, v)
		}
	}
}

type shell struct {
	opts     Options
	ctx      context.Context
	selfTest *SelfTest
}

func (s *shell) startup(ctx context.Context) {
	s.ctx = ctx
	resetSignalHandlers()
}

func (s *shell) domReady(ctx context.Context) {
	// WebKit installs its own signal handlers once the page runs: make them
	// Go-friendly again so a nil dereference in a command stays a panic that
	// the command recovers from, not a crash of the whole app.
	resetSignalHandlers()
	if s.selfTest != nil {
		s.selfTest.run(ctx)
	}
}

func (s *shell) menu() *menu.Menu {
	m := menu.NewMenu()
	app := m.AddSubmenu("Kubedeck")
	app.AddText("About Kubedeck", nil, func(*menu.CallbackData) { s.about() })
	app.AddSeparator()
	app.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) { runtime.Quit(s.ctx) })
	view := m.AddSubmenu("View")
	view.AddText("Reload", keys.CmdOrCtrl("r"), func(*menu.CallbackData) { runtime.WindowReloadApp(s.ctx) })
	view.AddText("Toggle full screen", keys.Key("f11"), func(*menu.CallbackData) { s.toggleFullscreen() })
	return m
}

func (s *shell) about() {
	_, err := runtime.MessageDialog(s.ctx, runtime.MessageDialogOptions{
		Type:    runtime.InfoDialog,
		Title:   "About Kubedeck",
		Message: fmt.Sprintf("Kubedeck %s\nA fast, light Kubernetes dashboard.", s.opts.Version),
	})
	if err != nil {
		s.opts.Log.Warn("about dialog", "err", err)
	}
}

func (s *shell) toggleFullscreen() {
	if runtime.WindowIsFullscreen(s.ctx) {
		runtime.WindowUnfullscreen(s.ctx)
	} else {
		runtime.WindowFullscreen(s.ctx)
	}
}
