package contract

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
)

// Module is the import path of Kubedeck's Go module: only its packages'
// sources are read (for comments, constants and parameter names).
const Module = "github.com/kubedeck/kubedeck"

// source reads what reflection cannot see from the module's Go files: doc
// comments, the constants of named string types, method parameter names.
type source struct {
	root string
	pkgs map[string]*pkgSource
	err  error
}

// pkgSource is what one package declares.
type pkgSource struct {
	types   map[string]*ast.TypeSpec
	docs    map[string]string   // type name → doc comment
	consts  map[string][]string // type name → its constants' values, in source order
	methods map[string]method   // "Recv.Method" → its parameters and doc
}

type method struct {
	params []string
	doc    string
}

func newSource(root string) *source { return &source{root: root, pkgs: map[string]*pkgSource{}} }

func (s *source) pkg(path string) *pkgSource {
	if p, ok := s.pkgs[path]; ok {
		return p
	}
	p := &pkgSource{types: map[string]*ast.TypeSpec{}, docs: map[string]string{}, consts: map[string][]string{}, methods: map[string]method{}}
	s.pkgs[path] = p
	if path != Module && !strings.HasPrefix(path, Module+"/") {
		return p
	}
	dir := filepath.Join(s.root, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(path, Module), "/")))
	if err := p.parse(dir); err != nil && s.err == nil {
		s.err = err
	}
	return p
}

func (p *pkgSource) parse(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("read package %s: %w", dir, err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("parse %s: %w", n, err)
		}
		p.file(f)
	}
	return nil
}

func (p *pkgSource) file(f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			p.genDecl(d)
		case *ast.FuncDecl:
			p.funcDecl(d)
		}
	}
}

func (p *pkgSource) genDecl(d *ast.GenDecl) {
	switch d.Tok {
	case token.TYPE:
		for _, s := range d.Specs {
			ts := s.(*ast.TypeSpec)
			p.types[ts.Name.Name] = ts
			doc := ts.Doc
			if doc == nil && len(d.Specs) == 1 {
				doc = d.Doc
			}
			p.docs[ts.Name.Name] = doc.Text()
		}
	case token.CONST:
		// In a group, a spec without type and values repeats the last one.
		var typ string
		for _, s := range d.Specs {
			vs := s.(*ast.ValueSpec)
			if vs.Type != nil || len(vs.Values) > 0 {
				typ = ""
				if id, ok := vs.Type.(*ast.Ident); ok {
					typ = id.Name
				}
			}
			for _, v := range vs.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING || typ == "" {
					continue
				}
				if val, err := strconv.Unquote(lit.Value); err == nil {
					p.consts[typ] = append(p.consts[typ], val)
				}
			}
		}
	}
}

func (p *pkgSource) funcDecl(d *ast.FuncDecl) {
	if d.Recv == nil || len(d.Recv.List) != 1 {
		return
	}
	recv := d.Recv.List[0].Type
	if star, ok := recv.(*ast.StarExpr); ok {
		recv = star.X
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return
	}
	var names []string
	for _, f := range d.Type.Params.List {
		if len(f.Names) == 0 {
			names = append(names, "")
		}
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
	}
	p.methods[id.Name+"."+d.Name.Name] = method{params: names, doc: d.Doc.Text()}
}

// constants are the values of t's constants, in source order.
func (s *source) constants(t reflect.Type) []string {
	return s.pkg(t.PkgPath()).consts[t.Name()]
}

func (s *source) typeDoc(t reflect.Type) string {
	if t.PkgPath() == "" {
		return ""
	}
	return s.pkg(t.PkgPath()).docs[t.Name()]
}

// fieldDoc is the comment above (or after) field name of struct t.
func (s *source) fieldDoc(t reflect.Type, name string) string {
	if t.Name() == "" || t.PkgPath() == "" {
		return ""
	}
	ts := s.pkg(t.PkgPath()).types[t.Name()]
	if ts == nil {
		return ""
	}
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return ""
	}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if n.Name == name {
				if f.Doc != nil {
					return f.Doc.Text()
				}
				return f.Comment.Text()
			}
		}
	}
	return ""
}

// method is what the source says of method m of t (zero when unknown).
func (s *source) method(t reflect.Type, m string) method {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return s.pkg(t.PkgPath()).methods[t.Name()+"."+m]
}
