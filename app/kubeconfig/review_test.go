package kubeconfig

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

const reviewPaste = `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: "https://k:6443", certificate-authority: certs/ca.pem}
- name: unused
  cluster: {server: "https://u:6443", certificate-authority: /etc/unused.pem}
users:
- name: sso
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/login, args: [--profile, prod], env: [{name: AWS_PROFILE, value: prod}]}
- name: oidc
  user:
    auth-provider: {name: oidc, config: {idp-issuer-url: "https://idp", refresh-token: secret-refresh}}
- name: certs
  user: {client-certificate: /home/u/.kube/me.crt, client-key: me.key, token: inline-token}
contexts:
- name: a
  context: {cluster: c, user: sso}
- name: b
  context: {cluster: c, user: oidc}
- name: d
  context: {cluster: c, user: certs}
`

func TestReviewListsWhatRunsAndWhatIsRead(t *testing.T) {
	managed := filepath.Join("/home/u/.config/kubedeck", "kubeconfig")
	r, err := ReviewKubeconfig([]byte(reviewPaste), managed)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range r.Items {
		got = append(got, it.Describe()+" for "+strings.Join(it.Contexts, ","))
	}
	want := []string{
		`cluster "c" reads the file /home/u/.config/kubedeck/certs/ca.pem (certificate-authority) for a,b,d`,
		`user "certs" reads the file /home/u/.kube/me.crt (client-certificate) for d`,
		`user "certs" reads the file /home/u/.config/kubedeck/me.key (client-key) for d`,
		`user "oidc" uses the auth provider "oidc" for b`,
		`user "sso" runs the program "/home/u/.config/kubedeck/bin/login --profile prod" for a`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("review:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, it := range r.Items {
		if it.Kind == ReviewAuthProvider && strings.Join(it.ProviderKeys, ",") != "idp-issuer-url,refresh-token" {
			t.Errorf("provider keys %v", it.ProviderKeys)
		}
		if it.Kind == ReviewExec && (len(it.Env) != 1 || it.Env[0].Value != "prod") {
			t.Errorf("exec env %v", it.Env)
		}
	}
	// Setting values (a refresh token) never appear in the review.
	if b := strings.Join(got, ""); strings.Contains(b, "secret-refresh") || strings.Contains(b, "inline-token") {
		t.Error("the review shows a credential")
	}
	if r.CheckConsent(r.Consent) != nil {
		t.Error("the review's own consent is refused")
	}
	err = r.CheckConsent("")
	if !errors.Is(err, ErrNeedsConsent) || !strings.Contains(err.Error(), "bin/login --profile prod") {
		t.Errorf("no consent: %v", err)
	}
	// Any change to what runs changes the consent.
	changed, _ := ReviewKubeconfig([]byte(strings.Replace(reviewPaste, "--profile, prod", "--profile, prod2", 1)), managed)
	if changed.Consent == r.Consent || changed.CheckConsent(r.Consent) == nil {
		t.Error("a consent for another command is accepted")
	}
}

func TestReviewRejectsWhatIsNotAKubeconfig(t *testing.T) {
	if _, err := ReviewKubeconfig([]byte("clusters: [oops"), "/x/kubeconfig"); err == nil {
		t.Error("want an error")
	}
}
