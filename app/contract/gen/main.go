package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kubedeck/kubedeck/app/contract"
)

func main() {
	root := flag.String("root", ".", "the module's folder")
	flag.Parse()
	if err := run(*root); err != nil {
		fmt.Fprintln(os.Stderr, "contract:", err)
		os.Exit(1)
	}
}

func run(root string) error {
	out, err := contract.Generate(contract.Kubedeck(), root)
	if err != nil {
		return err
	}
	path := filepath.Join(root, filepath.FromSlash(contract.Output))
	if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
