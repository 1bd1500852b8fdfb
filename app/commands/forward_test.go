package commands

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubedeck/kubedeck/app/forward"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

func get(t *testing.T, url string) string {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestPortForwardToPodAndService(t *testing.T) {
	cmds, c := fixture(t, "apiVersion: v1\nkind: Config\n")
	admin := c.Context(testcluster.Admin)
	defer Close(cmds)

	// A service: picks a ready pod of web and maps port "http" to 80.
	f, err := cmds.PortForwardStart(forward.Request{Context: admin, Namespace: "team-a", Kind: "service", Name: "web", Port: "http"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(f.Pod, "web-") || f.PodPort != 80 || f.LocalPort == 0 {
		t.Errorf("forward = %+v", f)
	}
	// kwok answers every forwarded port with the devcluster's target server.
	if body := get(t, f.URL); !strings.Contains(body, "hello from kubedeck") {
		t.Errorf("through the forward: %q", body)
	}

	// A chosen local port that is taken gives a clear message.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	busy := ln.Addr().(*net.TCPAddr).Port
	_, err = cmds.PortForwardStart(forward.Request{Context: admin, Namespace: "team-a", Kind: "pod", Name: f.Pod, Port: "80", LocalPort: busy})
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("busy local port: %v", err)
	}

	// A pod that goes away ends its forward with a reason.
	conn, _ := cmds.s.Clusters().Get(admin)
	pods, _ := conn.Clientset.CoreV1().Pods("team-b").List(context.Background(), metav1.ListOptions{LabelSelector: "app=api"})
	victim := pods.Items[0].Name
	g, err := cmds.PortForwardStart(forward.Request{Context: admin, Namespace: "team-b", Kind: "pod", Name: victim, Port: "8080"})
	if err != nil {
		t.Fatal(err)
	}
	get(t, g.URL)
	list, _ := cmds.PortForwards()
	if len(list) != 2 {
		t.Fatalf("forwards = %+v", list)
	}
	if err := conn.Clientset.CoreV1().Pods("team-b").Delete(context.Background(), victim, metav1.DeleteOptions{GracePeriodSeconds: new(int64)}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		// A connection attempt is what makes the forward notice.
		_, _ = (&http.Client{Timeout: time.Second}).Get(g.URL)
		list, _ = cmds.PortForwards()
		failed := false
		for _, x := range list {
			if x.ID == g.ID && x.State == "failed" && x.Message != "" {
				failed = true
			}
		}
		if failed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("forward to a deleted pod still active: %+v", list)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if _, err := cmds.PortForwardStop(f.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := (&http.Client{Timeout: time.Second}).Get(f.URL); err == nil {
		t.Error("a stopped forward still answers")
	}
}
