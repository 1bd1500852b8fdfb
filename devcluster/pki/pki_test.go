package pki

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"testing"
)

func TestServingCertVerifiesForLoopback(t *testing.T) {
	f, err := Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	read := func(path string) *x509.Certificate {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		block, _ := pem.Decode(b)
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	pool := x509.NewCertPool()
	pool.AddCert(read(f.CACert))
	srv := read(f.ServingCert)
	for _, name := range []string{"127.0.0.1", "localhost", "kubernetes.default.svc"} {
		if _, err := srv.Verify(x509.VerifyOptions{Roots: pool, DNSName: name}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, p := range []string{f.ServingKey, f.SAKey, f.SAPub} {
		if b, err := os.ReadFile(p); err != nil || len(b) == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestTokensDiffer(t *testing.T) {
	a, err1 := Token()
	b, err2 := Token()
	if err1 != nil || err2 != nil || a == b || len(a) != 48 {
		t.Errorf("tokens %q %q (%v %v)", a, b, err1, err2)
	}
}
