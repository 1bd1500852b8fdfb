package serve

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a certificate for localhost and 127.0.0.1 and its key,
// and returns their paths and a pool that trusts it.
func selfSigned(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func TestTLSServesHTTPSWithAHostPrefixedSecureCookie(t *testing.T) {
	certFile, keyFile, pool := selfSigned(t)
	srv := startWith(t, Options{TLSCert: certFile, TLSKey: keyFile}, nil)
	if !strings.HasPrefix(srv.URL(), "https://localhost:") {
		t.Fatalf("URL() = %q, want https://localhost:PORT/...", strings.SplitN(srv.URL(), "?", 2)[0])
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: true}
	b := newBrowserWith(t, srv, tr)
	b.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := b.client.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	set := resp.Header.Get("Set-Cookie")
	for _, want := range []string{TLSCookieName + "=", "Secure", "HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(set, want) {
			t.Errorf("Set-Cookie over TLS lacks %q", want)
		}
	}
	if strings.Contains(set, "Domain=") {
		t.Error("a __Host- cookie must not name a Domain")
	}
	b.client.CheckRedirect = nil
	if code, body := b.get(base(srv) + "/"); code != http.StatusOK || !strings.Contains(body, "app") {
		t.Errorf("signed in over TLS = %d %q", code, body)
	}
	if r, _ := b.post("/api/call/Version", base(srv)); r.StatusCode != http.StatusOK {
		t.Errorf("same-origin call over TLS = %d", r.StatusCode)
	}

	// Plain HTTP to the TLS port gets nothing of the app.
	plain, err := http.Get("http://" + srv.Addr() + "/")
	if err != nil {
		t.Fatal(err)
	}
	body := readAll(t, plain)
	_ = plain.Body.Close()
	if plain.StatusCode != http.StatusBadRequest || strings.Contains(body, "app") {
		t.Errorf("plain HTTP to the TLS port = %d %q", plain.StatusCode, body)
	}
}

func TestNonLoopbackAddressWantsTLS(t *testing.T) {
	_, err := Listen(testOptions(t, Options{Addr: "0.0.0.0:0"}))
	if err == nil || !strings.Contains(err.Error(), "--tls-cert") || !strings.Contains(err.Error(), "--insecure-http") {
		t.Fatalf("plain HTTP on 0.0.0.0: %v, want a refusal naming --tls-cert and --insecure-http", err)
	}

	var logged bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logged, nil))
	srv, err := Listen(testOptions(t, Options{Addr: "0.0.0.0:0", InsecureHTTP: true, Log: log}))
	if err != nil {
		t.Fatalf("with --insecure-http: %v", err)
	}
	_ = srv.ln.Close()
	if !strings.Contains(logged.String(), "level=WARN") || !strings.Contains(logged.String(), "PLAIN HTTP") {
		t.Errorf("--insecure-http logged %q, want a loud warning", logged.String())
	}

	certFile, keyFile, _ := selfSigned(t)
	srv, err = Listen(testOptions(t, Options{Addr: "0.0.0.0:0", TLSCert: certFile, TLSKey: keyFile}))
	if err != nil {
		t.Fatalf("TLS on 0.0.0.0: %v", err)
	}
	_ = srv.ln.Close()
	if !strings.HasPrefix(srv.URL(), "https://") {
		t.Errorf("TLS URL starts %q", strings.SplitN(srv.URL(), "?", 2)[0])
	}

	if _, err := Listen(testOptions(t, Options{TLSCert: certFile})); err == nil {
		t.Error("--tls-cert without --tls-key was accepted")
	}
}
