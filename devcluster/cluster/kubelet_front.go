// This file owns the kubelet front: the TLS listener that the fake nodes
// advertise as their kubelet port. It serves attach itself (a real shell
// per container, see attach.go; kwok v0.8.0's attach only tails a log and
// ignores stdin) and exec without a TTY (exec.go: kwok never closes such a
// command's stdin), and passes every other request (logs, exec with a TTY,
// port-forward, ...) unchanged to kwok's own port.

package cluster

import (
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"

	"k8s.io/cri-streaming/pkg/streaming/remotecommand"

	"github.com/kubedeck/kubedeck/devcluster/pki"
)

// streamIdleTimeout ends an attach stream that carried nothing this long (kwok's value).
const streamIdleTimeout = time.Hour

// kubeletFront is the running front.
type kubeletFront struct {
	port    int
	srv     *http.Server
	attach  *attacher
	workDir string
}

// startKubeletFront listens on a free loopback port with the API server's
// serving certificate (the API server does not verify kubelets: it has no
// --kubelet-certificate-authority; the certificate is valid for 127.0.0.1
// anyway). kwokAddr is kwok's own host:port; shells run in workDir.
func startKubeletFront(log *slog.Logger, certs pki.Files, kwokAddr, workDir string) (*kubeletFront, error) {
	cert, err := tls.LoadX509KeyPair(certs.ServingCert, certs.ServingKey)
	if err != nil {
		return nil, fmt.Errorf("kubelet front: load the serving certificate: %w", err)
	}
	// A port the kernel picks, held from here on (freePorts' picks are
	// closed before their component binds them).
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("kubelet front: %w", err)
	}
	f := &kubeletFront{
		port:    l.Addr().(*net.TCPAddr).Port,
		attach:  newAttacher(log, workDir, maxMainProcesses),
		workDir: workDir,
	}
	f.srv = &http.Server{
		Handler:           f.routes(log, kwokAddr),
		ReadHeaderTimeout: 10 * time.Second,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		// HTTP/1.1 only, as kwok: upgrades (SPDY, websocket) need it.
		TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){},
		ErrorLog:     slog.NewLogLogger(log.Handler(), slog.LevelDebug),
	}
	go func() {
		if err := f.srv.ServeTLS(l, "", ""); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("kubelet front", "err", err)
		}
	}()
	log.Debug("kubelet front listening", "port", f.port, "kwok", kwokAddr)
	return f, nil
}

// routes: the kubelet's attach and exec paths (with and without the pod's
// UID, GET for websockets and POST for SPDY), everything else to kwok.
func (f *kubeletFront) routes(log *slog.Logger, kwokAddr string) http.Handler {
	mux := http.NewServeMux()
	kwok := kwokProxy(log, kwokAddr)
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		mux.HandleFunc(method+" /attach/{namespace}/{pod}/{container}", f.serveAttach)
		mux.HandleFunc(method+" /attach/{namespace}/{pod}/{uid}/{container}", f.serveAttach)
		mux.HandleFunc(method+" /exec/{namespace}/{pod}/{container}", f.serveExec())
		mux.HandleFunc(method+" /exec/{namespace}/{pod}/{uid}/{container}", f.serveExec())
	}
	mux.Handle("/", kwok)
	return mux
}

func (f *kubeletFront) serveAttach(w http.ResponseWriter, r *http.Request) {
	opts, err := remotecommand.NewOptions(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	remotecommand.ServeAttach(w, r, attachSession{f.attach, opts},
		r.PathValue("namespace")+"/"+r.PathValue("pod"), r.PathValue("uid"), r.PathValue("container"),
		opts, streamIdleTimeout, remotecommand.DefaultStreamCreationTimeout, remotecommand.SupportedStreamingProtocols)
}

// kwokProxy passes requests to kwok's plain-HTTP side (kwok serves HTTP
// and HTTPS on one port), flushing at once (logs -f) and relaying
// upgrades (exec and port-forward: SPDY and websockets).
func kwokProxy(log *slog.Logger, kwokAddr string) *httputil.ReverseProxy {
	target := &url.URL{Scheme: "http", Host: kwokAddr}
	return &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(target) },
		Transport: &http.Transport{
			Proxy:               nil,
			DialContext:         (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
			MaxIdleConnsPerHost: 16,
			IdleConnTimeout:     90 * time.Second,
		},
		FlushInterval: -1,
		ErrorLog:      slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// close stops listening and kills every main process (which ends their
// attaches). Proxied streams end with kwok.
func (f *kubeletFront) close() {
	_ = f.srv.Close()
	f.attach.stop()
}
