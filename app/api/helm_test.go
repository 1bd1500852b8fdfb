package api

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/internal/testcluster"
)

// firstHelmLines reads a helm stream until a releases line.
func firstHelmLines(t *testing.T, u string) (releases HelmReleasesLine, problems []HelmProblemLine) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var head struct{ Type string }
		if err := json.Unmarshal(sc.Bytes(), &head); err != nil {
			t.Fatal(err)
		}
		switch head.Type {
		case "problem":
			var p HelmProblemLine
			_ = json.Unmarshal(sc.Bytes(), &p)
			problems = append(problems, p)
		case "releases":
			_ = json.Unmarshal(sc.Bytes(), &releases)
			return releases, problems
		case "error":
			t.Fatalf("error line: %s", sc.Text())
		}
	}
	t.Fatalf("the stream ended before its releases: %v", sc.Err())
	return
}

func TestStreamHelmSendsReleasesAndNamesWhatIsForbidden(t *testing.T) {
	srv, c, _ := accessServer(t)
	base := srv.URL + "/api/stream/helm?context="
	// The developer may not list secrets cluster-wide: told so, not retried.
	rel, problems := firstHelmLines(t, base+url.QueryEscape(c.Context(testcluster.Developer)))
	if len(rel.Releases) != 0 || len(problems) != 2 || problems[0].Status != http.StatusForbidden || !strings.Contains(problems[0].Message, "needs list") {
		t.Errorf("developer, all namespaces: %d releases, problems %+v", len(rel.Releases), problems)
	}
	_, problems = firstHelmLines(t, base+url.QueryEscape(c.Context(testcluster.Developer))+"&namespaces=team-a")
	if len(problems) != 0 {
		t.Errorf("developer in team-a: problems %+v", problems)
	}
	for _, bad := range []string{"../x", "a,,b", strings.Repeat("a,", 40) + "a"} {
		resp, err := http.Get(base + url.QueryEscape(c.Context(testcluster.Admin)) + "&namespaces=" + url.QueryEscape(bad))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("namespaces=%q: %s, want 400", bad, resp.Status)
		}
	}
}
