// Command gen writes the TypeScript contract (frontend/src/api/
// contract.gen.ts) from the Go types: `make contract`, or
// `go run ./app/contract/gen` in the module's folder.
package main
