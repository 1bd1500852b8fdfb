package desktop

import (
	_ "embed"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	goruntime "runtime"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"

	"github.com/kubedeck/kubedeck/app/api"
	"github.com/kubedeck/kubedeck/app/commands"
	"github.com/kubedeck/kubedeck/app/session"
)

// Options configure the desktop shell.
type Options struct {
	Version string
	Assets  fs.FS
	// Session is the app's one Session; its commands are bound to the page.
	Session *session.Session
	Log     *slog.Logger
	// LogFile is the log file's path, shown in Help ("" when there is none).
	LogFile string
	// Files, if set, is the Session's file picker: Run attaches it to the
	// window.
	Files *Files
	// Shutdown, if set, runs once when the app quits, after the window has
	// closed: it stops watches, streams and port-forwards.
	Shutdown func()
}

// appIcon is the window icon on Linux and the About panel's on macOS
// (rendered from build/appicon.svg by scripts/package.sh).
//
//go:embed icon.png
var appIcon []byte

// Run opens the window and blocks until the app quits.
func Run(opts Options) error {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	applyWebKitDefaults()
	key, err := newAppKey()
	if err != nil {
		return err
	}
	s := newShell(opts)
	if opts.Files != nil {
		opts.Files.attach(s.window)
	}
	bind := []any{commands.NewGate(key, opts.Session)}
	if s.selfTest != nil {
		bind = append(bind, s.selfTest)
	}
	start := s.initialState()
	startState := options.Normal
	if start.Maximised {
		startState = options.Maximised
	}
	err = wails.Run(&options.App{
		Title:            "Kubedeck",
		Width:            start.Width,
		Height:           start.Height,
		MinWidth:         minWidth,
		MinHeight:        minHeight,
		WindowStartState: startState,
		AssetServer: &assetserver.Options{
			Assets:     opts.Assets,
			Middleware: s.assetMiddleware(key),
		},
		Menu:               s.buildMenu(),
		BackgroundColour:   &options.RGBA{R: 15, G: 17, B: 21, A: 255},
		OnStartup:          s.startup,
		OnDomReady:         s.domReady,
		OnBeforeClose:      s.beforeClose,
		OnShutdown:         s.shutdown,
		SingleInstanceLock: s.singleInstance(),
		Bind:               bind,
		Linux: &linux.Options{
			ProgramName:      "kubedeck", // WM_CLASS, matched by StartupWMClass in kubedeck.desktop
			Icon:             appIcon,
			WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand,
		},
		Mac: &mac.Options{
			About: &mac.AboutInfo{
				Title:   "Kubedeck " + opts.Version,
				Message: aboutText,
				Icon:    appIcon,
			},
		},
		Logger: wailsLogger{opts.Log},
	})
	if err != nil {
		return fmt.Errorf("desktop window: %w", err)
	}
	return nil
}

const aboutText = "A fast, light Kubernetes dashboard."

// assetMiddleware is what the AssetServer runs before its files: the app
// key (keyMiddleware), then saves, then the API and the plugin frames of
// the app's one session.
func (s *shell) assetMiddleware(key string) assetserver.Middleware {
	one := func(*http.Request) (*session.Session, error) { return s.opts.Session, nil }
	apiHandler := api.New(one, s.opts.Log, api.WithFrames(api.Frames{
		Assets:   s.opts.Assets,
		Sessions: func(r *http.Request, _ string) (*session.Session, error) { return one(r) },
		Scheme:   pageScheme(s.goos),
	}))
	return func(next http.Handler) http.Handler {
		return keyMiddleware(key, s.opts.Assets, s.saveMiddleware(apiHandler.Middleware(next)))
	}
}

// pageScheme is the scheme of the page's URL in Wails' webview: wails://wails/
// on Linux and macOS, http://wails.localhost/ with WebView2 on Windows.
func pageScheme(goos string) string {
	if goos == "windows" {
		return "http"
	}
	return "wails"
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
