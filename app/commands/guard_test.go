package commands

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
	"testing"
)

// A Commands whose dependencies are all missing must answer every command
// with a result or an error: a panic escaping a command ends the desktop
// app (Wails calls bindings without a recover).
func TestEveryCommandRecoversWithNilDependencies(t *testing.T) {
	c := &Commands{} // no clusters, settings, terminals, forwards or logger
	v := reflect.ValueOf(c)
	typ := v.Type()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		args := []reflect.Value{}
		for j := 1; j < m.Type.NumIn(); j++ {
			args = append(args, reflect.Zero(m.Type.In(j)))
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s panicked with nil dependencies: %v", m.Name, r)
				}
			}()
			out := v.Method(i).Call(args)
			if err, _ := out[1].Interface().(error); err != nil && strings.Contains(err.Error(), "internal error") && !strings.Contains(err.Error(), m.Name) {
				t.Errorf("%s: the error does not name the command: %v", m.Name, err)
			}
		}()
	}
}

// Every exported method runs its body through guard (directly or through
// c.do, which does), so a panic anywhere in it becomes an error.
func TestEveryCommandUsesGuard(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || !fn.Name.IsExported() || !onCommands(fn) {
				continue
			}
			seen++
			if !guarded(fn) {
				t.Errorf("%s (%s): the body must be `return guard(c, %q, func() ...)` or `return c.do(...)`", fn.Name.Name, e.Name(), fn.Name.Name)
			}
		}
	}
	if want := reflect.TypeFor[*Commands]().NumMethod(); seen != want {
		t.Errorf("found %d exported methods in the source, the type has %d", seen, want)
	}
}

func onCommands(fn *ast.FuncDecl) bool {
	star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := star.X.(*ast.Ident)
	return ok && id.Name == "Commands"
}

func guarded(fn *ast.FuncDecl) bool {
	if len(fn.Body.List) != 1 {
		return false
	}
	ret, ok := fn.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	call, ok := ret.Results[0].(*ast.CallExpr)
	if !ok {
		return false
	}
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return f.Name == "guard"
	case *ast.IndexExpr:
		id, ok := f.X.(*ast.Ident)
		return ok && id.Name == "guard"
	case *ast.SelectorExpr:
		return f.Sel.Name == "do"
	}
	return false
}
