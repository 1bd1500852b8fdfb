package api

import (
	"bufio"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/kubedeck/kubedeck/app/cluster"
	"github.com/kubedeck/kubedeck/app/credentials"
	"github.com/kubedeck/kubedeck/app/internal/testcluster"
	"github.com/kubedeck/kubedeck/app/kubeconfig"
	"github.com/kubedeck/kubedeck/app/session"
)

func TestStreamListsMultiplexesLiveLists(t *testing.T) {
	c := testcluster.Get(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sess := session.New(session.Deps{Clusters: cluster.NewManager(kubeconfig.NewStore([]string{c.Kubeconfig}), credentials.NewMemory(), "t", log), Log: log})
	srv := httptest.NewServer(New(func(*http.Request) (*session.Session, error) { return sess, nil }, log))
	defer srv.Close()
	q := `[{"version":"v1","resource":"nodes"},{"version":"v1","resource":"pods","namespace":"team-a"},{"group":"apps","version":"v1","resource":"deployments","namespace":"team-b"}]`
	resp, err := http.Get(srv.URL + "/api/stream/lists?context=" + url.QueryEscape(c.Context(testcluster.Admin)) + "&queries=" + url.QueryEscape(q))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	synced := map[int]bool{}
	rows := map[int]int{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	deadline := time.Now().Add(10 * time.Second)
	for len(synced) < 3 && sc.Scan() && time.Now().Before(deadline) {
		var m struct {
			Stream int               `json:"stream"`
			Type   string            `json:"type"`
			Rows   []json.RawMessage `json:"rows"`
		}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		if m.Type == "synced" {
			synced[m.Stream] = true
		}
		rows[m.Stream] += len(m.Rows)
	}
	if len(synced) != 3 || rows[0] < 3 || rows[1] < 3 || rows[2] != 1 {
		t.Errorf("synced %v rows %v: want 3 lists (nodes, team-a pods, the api deployment)", synced, rows)
	}
}
