package actions

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/resources"
)

// FuzzDecode feeds arbitrary text to Decode, the first step of Apply and
// Update: it must never panic; what it accepts has apiVersion, kind and a
// name; and what it accepts round-trips: the objects written back as YAML
// (as the editor shows them) decode to the same objects.
func FuzzDecode(f *testing.F) {
	f.Add("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n")
	f.Add("---\n---\n")
	f.Add(`{"apiVersion":"v1","kind":"Secret","metadata":{"generateName":"s-"},"data":{"k":"dg=="}}`)
	f.Fuzz(func(t *testing.T, text string) {
		objs, err := Decode(text)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		if len(objs) == 0 {
			t.Fatal("no error and no objects")
		}
		docs := make([]string, 0, len(objs))
		for i, u := range objs {
			if u.GetAPIVersion() == "" || u.GetKind() == "" || (u.GetName() == "" && u.GetGenerateName() == "") {
				t.Fatalf("document %d accepted without apiVersion, kind and name: %v", i+1, u.Object)
			}
			docs = append(docs, resources.ToYAML(u))
		}
		again, err := Decode(strings.Join(docs, "---\n"))
		if err != nil {
			t.Fatalf("the objects written back as YAML do not decode: %v\n%s", err, strings.Join(docs, "---\n"))
		}
		if len(again) != len(objs) {
			t.Fatalf("%d objects became %d", len(objs), len(again))
		}
		for i := range objs {
			a, _ := json.Marshal(objs[i].Object)
			b, _ := json.Marshal(again[i].Object)
			if string(a) != string(b) {
				t.Fatalf("document %d changed in the round trip:\n%s\n%s", i+1, a, b)
			}
		}
	})
}
