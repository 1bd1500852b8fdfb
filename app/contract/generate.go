package contract

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// generator turns Go types into TypeScript declarations, following what
// encoding/json does with them.
type generator struct {
	src *source
	// named are the Go types that get a TypeScript declaration, by the
	// name they were first seen under.
	named map[reflect.Type]string
	order []reflect.Type
	// enums are named string types with constants in their package.
	enums map[reflect.Type][]string
	// names are the TypeScript names the contract gives some Go types.
	names map[reflect.Type]string
	err   error
}

var (
	timeType      = reflect.TypeFor[time.Time]()
	rawType       = reflect.TypeFor[json.RawMessage]()
	marshalerType = reflect.TypeFor[json.Marshaler]()
	textType      = reflect.TypeFor[encoding.TextMarshaler]()
	errorType     = reflect.TypeFor[error]()
)

// field is one JSON member of a struct.
type field struct {
	name     string
	ts       string
	optional bool
	doc      string
}

func (g *generator) fail(format string, args ...any) {
	if g.err == nil {
		g.err = fmt.Errorf(format, args...)
	}
}

// ref returns the TypeScript type of t, declaring the named types it uses.
func (g *generator) ref(t reflect.Type) string {
	switch {
	case t == timeType:
		return "string"
	case t == rawType:
		return "unknown"
	case t.Kind() == reflect.Pointer:
		return g.ref(t.Elem()) + " | null"
	case t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType):
		return "unknown"
	case t.Implements(textType) || reflect.PointerTo(t).Implements(textType):
		return "string"
	}
	switch t.Kind() {
	case reflect.String:
		if g.enum(t) {
			return g.declare(t)
		}
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Kind() == reflect.Slice {
			return "string" // base64
		}
		return array(g.ref(t.Elem()))
	case reflect.Map:
		return "Record<string, " + g.ref(t.Elem()) + ">"
	case reflect.Interface:
		return "unknown"
	case reflect.Struct:
		if t.Name() == "" {
			return g.literal(t)
		}
		return g.declare(t)
	}
	g.fail("%s: no JSON form for kind %s", t, t.Kind())
	return "never"
}

func array(elem string) string {
	if strings.ContainsAny(elem, "|&") {
		return "(" + elem + ")[]"
	}
	return elem + "[]"
}

// enum reports whether t is a named string type with constants.
func (g *generator) enum(t reflect.Type) bool {
	if t.Name() == "" || t.PkgPath() == "" {
		return false
	}
	if _, ok := g.enums[t]; !ok {
		g.enums[t] = g.src.constants(t)
	}
	return len(g.enums[t]) > 0
}

// declare names t, queueing its declaration.
func (g *generator) declare(t reflect.Type) string {
	if n, ok := g.named[t]; ok {
		return n
	}
	if strings.IndexByte(t.Name(), '[') >= 0 {
		g.fail("%s: generic types need a name in the contract", t)
	}
	// A placeholder: the final name is known once every type is seen
	// (resolveNames), and put in by finish.
	n := placeholder(len(g.order))
	g.named[t] = n
	g.order = append(g.order, t)
	return n
}

func placeholder(i int) string { return "\x00" + strconv.Itoa(i) + "\x00" }

// literal is an inline object type for an anonymous struct.
func (g *generator) literal(t reflect.Type) string {
	fs := g.fields(t)
	if len(fs) == 0 {
		return "Record<string, never>"
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = member(f)
	}
	return "{ " + strings.Join(parts, "; ") + " }"
}

func member(f field) string {
	opt := ""
	if f.optional {
		opt = "?"
	}
	return quoteKey(f.name) + opt + ": " + f.ts
}

func quoteKey(k string) string {
	for i, r := range k {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return strconv.Quote(k)
		}
	}
	return k
}

// fields lists the JSON members of struct t as encoding/json writes them:
// exported fields, json tag names, "-" skipped, embedded structs without a
// tag flattened (a shallower field wins over a deeper one of the same name).
func (g *generator) fields(t reflect.Type) []field {
	var out []field
	seen := map[string]bool{}
	g.collect(t, seen, &out, 0)
	return out
}

func (g *generator) collect(t reflect.Type, seen map[string]bool, out *[]field, depth int) {
	if depth > 8 {
		g.fail("%s: embedding too deep", t)
		return
	}
	var embedded []reflect.StructField
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := sf.Type
		if sf.Anonymous && name == "" {
			et := ft
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				embedded = append(embedded, sf)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		*out = append(*out, g.field(t, sf, name, opts))
	}
	// Embedded fields come after the struct's own ones here; encoding/json
	// orders by index, which only matters for the order of keys.
	for _, sf := range embedded {
		et := sf.Type
		if et.Kind() == reflect.Pointer {
			et = et.Elem()
		}
		g.collect(et, seen, out, depth+1)
	}
}

func (g *generator) field(owner reflect.Type, sf reflect.StructField, name, opts string) field {
	f := field{name: name, doc: g.src.fieldDoc(owner, sf.Name)}
	ft := sf.Type
	omit := hasOpt(opts, "omitempty") || hasOpt(opts, "omitzero")
	if ts := sf.Tag.Get("tstype"); ts != "" {
		f.ts, f.optional = ts, omit
		return f
	}
	if hasOpt(opts, "string") {
		f.ts, f.optional = "string", omit
		return f
	}
	if ft.Kind() == reflect.Pointer && ft != timeType {
		// nil: null, or left out with omitempty.
		inner := g.ref(ft.Elem())
		if omit {
			f.ts, f.optional = inner, true
		} else {
			f.ts = inner + " | null"
		}
		return f
	}
	f.ts = g.ref(ft)
	// omitempty leaves out false, 0, "", and empty slices and maps, never a
	// struct; omitzero leaves out any zero value.
	f.optional = hasOpt(opts, "omitzero") || hasOpt(opts, "omitempty") && ft.Kind() != reflect.Struct
	return f
}

func hasOpt(opts, want string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}

// declaration writes the TypeScript declaration of named type t.
func (g *generator) declaration(b *bytes.Buffer, t reflect.Type) {
	name := g.named[t]
	// The doc starts with the Go name; the TypeScript one may differ.
	doc := g.src.typeDoc(t)
	if rest, ok := strings.CutPrefix(doc, t.Name()+" "); ok {
		doc = placeholder(slices.Index(g.order, t)) + " " + rest
	}
	writeDoc(b, "", doc)
	if t.Kind() == reflect.String {
		vals := g.enums[t]
		quoted := make([]string, len(vals))
		for i, v := range vals {
			quoted[i] = tsString(v)
		}
		fmt.Fprintf(b, "export type %s = %s;\n\n", name, strings.Join(quoted, " | "))
		return
	}
	if len(g.fields(t)) == 0 {
		fmt.Fprintf(b, "export type %s = Record<string, never>;\n\n", name)
		return
	}
	fmt.Fprintf(b, "export interface %s {\n", name)
	for _, f := range g.fields(t) {
		writeDoc(b, "  ", f.doc)
		fmt.Fprintf(b, "  %s;\n", member(f))
	}
	b.WriteString("}\n\n")
}

func tsString(s string) string {
	q, _ := json.Marshal(s)
	return "'" + strings.ReplaceAll(strings.ReplaceAll(string(q[1:len(q)-1]), `\"`, `"`), "'", `\'`) + "'"
}

func writeDoc(b *bytes.Buffer, indent, doc string) {
	doc = strings.TrimSpace(doc)
	if doc == "" {
		return
	}
	lines := strings.Split(doc, "\n")
	if len(lines) == 1 {
		fmt.Fprintf(b, "%s/** %s */\n", indent, strings.ReplaceAll(lines[0], "*/", "*\\/"))
		return
	}
	fmt.Fprintf(b, "%s/**\n", indent)
	for _, l := range lines {
		fmt.Fprintf(b, "%s * %s\n", indent, strings.TrimRight(strings.ReplaceAll(l, "*/", "*\\/"), " "))
	}
	fmt.Fprintf(b, "%s */\n", indent)
}

// resolveNames gives colliding Go names (the same name in two packages)
// their package's name as a prefix, so every declaration is unique.
func (g *generator) resolveNames() {
	byName := map[string][]reflect.Type{}
	for _, t := range g.order {
		byName[t.Name()] = append(byName[t.Name()], t)
	}
	for n, ts := range byName {
		for _, t := range ts {
			if g.names[t] != "" {
				g.named[t] = g.names[t]
			} else if len(ts) > 1 {
				g.named[t] = pkgName(t) + n
			} else {
				g.named[t] = n
			}
		}
	}
	taken := map[string]reflect.Type{}
	for _, t := range g.order {
		if o, dup := taken[g.named[t]]; dup {
			g.fail("%s and %s are both named %s in the contract", o, t, g.named[t])
		}
		taken[g.named[t]] = t
	}
}

func pkgName(t reflect.Type) string {
	p := t.PkgPath()
	p = p[strings.LastIndexByte(p, '/')+1:]
	if p == "" {
		return ""
	}
	return strings.ToUpper(p[:1]) + p[1:]
}

// sorted returns the declared types by their final names.
func (g *generator) sorted() []reflect.Type {
	out := slices.Clone(g.order)
	slices.SortFunc(out, func(a, b reflect.Type) int { return strings.Compare(g.named[a], g.named[b]) })
	return out
}
