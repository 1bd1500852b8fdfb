package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"github.com/kubedeck/kubedeck/app/debug"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	goruntime "runtime"
	"syscall"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/cluster/execplugin"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/desktop"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/loginpath"
	"github.com/kubedeck/kubedeck/app/plugins"
	"github.com/kubedeck/kubedeck/app/serve"
	"github.com/kubedeck/kubedeck/app/session"
	"github.com/kubedeck/kubedeck/app/settings"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

//go:embed all:frontend/dist
var dist embed.FS

func main() {
	// Started by client-go as a kubeconfig's credential plugin: run it.
	execplugin.Serve()
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "kubedeck:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	assets, err := fs.Sub(dist, "frontend/dist")
	if err != nil {
		return fmt.Errorf("embedded frontend: %w", err)
	}
	if len(args) > 0 && args[0] == "serve" {
		return runServe(args[1:], assets, stdout, stderr)
	}
	// The desktop has no use for a serve token; exec plugins must not inherit it.
	_ = os.Unsetenv(serve.TokenEnv)
	fset := flag.NewFlagSet("kubedeck", flag.ContinueOnError)
	fset.SetOutput(stderr)
	kubeconfigPath := fset.String("kubeconfig", "", "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)")
	showVersion := fset.Bool("version", false, "print the version and exit")
	pluginsDev := fset.String("plugins-dev", os.Getenv("KUBEDECK_PLUGINS_DEV"), "a plugin development folder, reloaded on change (env KUBEDECK_PLUGINS_DEV)")
	verbose := fset.Bool("v", false, "verbose logging")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *showVersion {
		fmt.Fprintln(stdout, "kubedeck", version)
		return nil
	}
	logFile, err := desktop.OpenDefaultLogFile(goruntime.GOOS)
	logTo, logPath := stderr, ""
	if err == nil {
		defer logFile.Close()
		logTo, logPath = io.MultiWriter(stderr, logFile), logFile.Path
	}
	log := newLogger(logTo, *verbose)
	if err != nil {
		log.Warn("no log file", "err", err)
	}
	loginpath.Apply(log)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	managed := managedKubeconfig(log)
	paths := kubeconfig.Paths(*kubeconfigPath)
	if managed != nil {
		paths = append(paths, managed.Path())
	}
	store := watchedStore(ctx, paths, log)
	files := desktop.NewFiles()
	sess := session.New(session.Deps{
		Version:  version,
		Clusters: cluster.NewManager(store, credentials.NewKeyring(), userAgent(), log),
		Settings: userSettings(log),
		Managed:  managed,
		Plugins:  pluginDirs(*pluginsDev, log),
		Debug:    debugLedger(log),
		Files:    files,
		Log:      log,
	})
	return desktop.Run(desktop.Options{Version: version, Assets: assets, Session: sess, Log: log, LogFile: logPath, Files: files,
		// A clean quit: terminals and port-forwards end, watches stop.
		Shutdown: func() {
			sess.Close()
			cancel()
		},
	})
}

func runServe(args []string, assets fs.FS, stdout, stderr io.Writer) error {
	// Read and drop the fixed token first: exec credential plugins and
	// every other child process inherit the environment.
	token := serve.TokenFromEnv()
	fset := flag.NewFlagSet("kubedeck serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	kubeconfigPath := fset.String("kubeconfig", "", "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)")
	addr := fset.String("addr", "127.0.0.1:0", "address to listen on (port 0 picks a free port); not loopback needs --tls-cert/--tls-key or --insecure-http")
	tlsCert := fset.String("tls-cert", "", "serve HTTPS with this PEM certificate (with --tls-key)")
	tlsKey := fset.String("tls-key", "", "the PEM private key of --tls-cert")
	insecureHTTP := fset.Bool("insecure-http", false, "allow plain HTTP on a non-loopback --addr (only behind a TLS-terminating proxy)")
	idle := fset.Duration("session-idle", serve.DefaultSessionIdle, "end a browser session after this long without a request")
	maxAge := fset.Duration("session-max", serve.DefaultSessionMax, "end a browser session this long after sign-in")
	maxSessions := fset.Int("max-sessions", serve.DefaultMaxSessions, "most browser sessions at once (the longest idle makes room)")
	pluginsDev := fset.String("plugins-dev", os.Getenv("KUBEDECK_PLUGINS_DEV"), "a plugin development folder, reloaded on change (env KUBEDECK_PLUGINS_DEV)")
	verbose := fset.Bool("v", false, "verbose logging")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *idle <= 0 || *maxAge <= 0 || *maxSessions <= 0 {
		return errors.New("--session-idle, --session-max and --max-sessions must be positive")
	}
	log := newLogger(stderr, *verbose)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	store := watchedStore(ctx, kubeconfig.Paths(*kubeconfigPath), log)
	prefs, dirs, ledger := userSettings(log), pluginDirs(*pluginsDev, log), debugLedger(log)
	srv, err := serve.Listen(serve.Options{
		Addr:  *addr,
		Token: token,
		// The next single-use sign-in address goes where the first one did.
		Out:          stdout,
		TLSCert:      *tlsCert,
		TLSKey:       *tlsKey,
		InsecureHTTP: *insecureHTTP,
		SessionIdle:  *idle,
		SessionMax:   *maxAge,
		MaxSessions:  *maxSessions,
		Assets:       assets,
		// Each browser session has its own tokens and remembers nothing on
		// the server's disk.
		NewSession: func() *session.Session {
			return session.New(session.Deps{
				Version:  version,
				Clusters: cluster.NewManager(store, credentials.NewMemory(), userAgent(), log),
				// Plugin approvals are the server user's, like its plugin folder.
				Settings: prefs,
				Plugins:  dirs,
				// Debug pods to delete are the server's, like its settings.
				Debug: ledger,
				Log:   log,
			})
		},
		Log: log,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Kubedeck is serving at %s\n", srv.URL())
	if err := srv.Serve(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// watchedStore returns the kubeconfig store, kept current by a file watch.
func watchedStore(ctx context.Context, paths []string, log *slog.Logger) *kubeconfig.Store {
	store := kubeconfig.NewStore(paths)
	if err := store.Watch(ctx, log); err != nil {
		log.Warn("kubeconfig changes will be seen on the next request only", "err", err)
	}
	return store
}

func pluginDirs(dev string, log *slog.Logger) *plugins.Catalog {
	installed, err := plugins.DefaultInstalled()
	if err != nil {
		log.Warn("no plugin folder", "err", err)
	}
	return plugins.NewCatalog(plugins.Dirs{Installed: installed, Dev: dev})
}

func managedKubeconfig(log *slog.Logger) *kubeconfig.Managed {
	p, err := kubeconfig.DefaultManagedPath()
	if err != nil {
		log.Warn("clusters cannot be added in the app", "err", err)
		return nil
	}
	return kubeconfig.NewManaged(p)
}

func userSettings(log *slog.Logger) *settings.Store {
	p, err := settings.DefaultPath()
	if err != nil {
		log.Warn("preferences will not be remembered", "err", err)
		return nil
	}
	return settings.New(p)
}

// debugLedger is the file of debug pods to delete, beside the settings
// (in memory only when there is no config folder).
func debugLedger(log *slog.Logger) *debug.Ledger {
	p, err := settings.DefaultPath()
	if err != nil {
		log.Warn("debug pods left by a crash will not be found at the next start", "err", err)
		return debug.NewLedger("")
	}
	return debug.NewLedger(filepath.Join(filepath.Dir(p), "debug-pods.json"))
}

func userAgent() string { return "kubedeck/" + version }

func newLogger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelInfo
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}
