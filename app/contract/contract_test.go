package contract

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/kubedeck/kubedeck/app/commands"
)

// root is the module's folder, seen from this package's.
const root = "../.."

// TestContractUpToDate fails when the checked-in TypeScript contract is not
// what the Go types generate: a Go field was added, renamed or retyped
// without regenerating it.
func TestContractUpToDate(t *testing.T) {
	want, err := Generate(Kubedeck(), root)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	path := filepath.Join(root, filepath.FromSlash(Output))
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read the contract: %v", err)
	}
	if string(got) != string(want)+"\n" {
		t.Errorf("%s is out of date with the Go types; run `make contract` (go run ./app/contract/gen).\n"+
			"--- checked in\n+++ generated\n%s", Output, lineDiff(string(got), string(want)+"\n"))
	}
}

// lineDiff lists the lines only in a (-) or only in b (+), with their line
// numbers in a and b (a longest-common-subsequence diff).
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// lcs[i][j] is the LCS length of x[i:] and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			out.WriteString("+" + strconv.Itoa(j+1) + ": " + y[j] + "\n")
			j++
		default:
			out.WriteString("-" + strconv.Itoa(i+1) + ": " + x[i] + "\n")
			i++
		}
	}
	return out.String()
}

func TestLineDiff(t *testing.T) {
	got := lineDiff("a\nb\nc\n", "a\nB\nc\nd\n")
	want := "+2: B\n-2: b\n+4: d\n"
	if got != want {
		t.Errorf("lineDiff = %q, want %q", got, want)
	}
}

// sample types for the generator's own tests.
type sampleInner struct {
	Deep string `json:"deep"`
}

type sampleEmbedded struct {
	sampleInner
	Shared string `json:"shared"`
}

type sample struct {
	sampleEmbedded
	Name     string                `json:"name"`
	Shared   int                   `json:"shared"` // shallower: wins over the embedded one
	Opt      string                `json:"opt,omitempty"`
	Zero     sampleInner           `json:"zero,omitzero"`
	Struct   sampleInner           `json:"struct,omitempty"` // omitempty never leaves out a struct
	Ptr      *sampleInner          `json:"ptr"`
	OptPtr   *int                  `json:"optPtr,omitempty"`
	Skipped  string                `json:"-"`
	hidden   string                //nolint:unused // unexported: not in JSON
	Bytes    []byte                `json:"bytes"`
	Map      map[string][]bool     `json:"map"`
	State    commands.ClusterState `json:"state"`
	Numbered int64                 `json:"numbered,string"`
	Any      any                   `json:"any"`
	Untagged string
}

func TestGeneratorFollowsEncodingJSON(t *testing.T) {
	_ = sample{hidden: ""}
	g := &generator{src: newSource(root), named: map[reflect.Type]string{}, enums: map[reflect.Type][]string{}}
	var got []string
	for _, f := range g.fields(reflect.TypeFor[sample]()) {
		got = append(got, g.finish(member(f)))
	}
	g.resolveNames()
	for i := range got {
		got[i] = g.finish(got[i])
	}
	want := []string{
		"name: string", "shared: number", "opt?: string", "zero?: sampleInner", "struct: sampleInner",
		"ptr: sampleInner | null", "optPtr?: number", "bytes: string", "map: Record<string, boolean[]>",
		"state: ClusterState", "numbered: string", "any: unknown", "Untagged: string", "deep: string",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("fields:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The constants come from app/commands' sources (test files are not read).
	if vals := g.enums[reflect.TypeFor[commands.ClusterState]()]; strings.Join(vals, ",") != "ready,signed-out,unreachable,misconfigured" {
		t.Errorf("ClusterState constants = %q", vals)
	}
}

func TestVariantFieldsMustExist(t *testing.T) {
	spec := Spec{Streams: []Stream{{Name: "Bad", Variants: []Variant{
		{Type: "lines", Go: reflect.TypeFor[commands.VersionInfo](), Fields: []string{"version"}},
	}}}}
	if _, err := Generate(spec, root); err == nil || !strings.Contains(err.Error(), `no string member "type"`) {
		t.Errorf("a line type without \"type\": err = %v", err)
	}
	spec.Streams[0].Variants[0] = Variant{Type: "x", Go: reflect.TypeFor[struct {
		Type string `json:"type"`
	}](), Fields: []string{"gone"}}
	if _, err := Generate(spec, root); err == nil || !strings.Contains(err.Error(), `no JSON member "gone"`) {
		t.Errorf("a variant naming a missing member: err = %v", err)
	}
}
