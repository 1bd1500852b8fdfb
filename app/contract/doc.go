// Package contract generates the TypeScript mirror of the Go core's JSON:
// frontend/src/api/contract.gen.ts. It owns the list of what the frontend
// talks to (Kubedeck: every command, every NDJSON stream and its lines)
// and the generator; `make contract` (go run ./app/contract/gen) writes
// the file and TestContractUpToDate fails when it is stale.
//
// # Types
//
// Each Go struct reached from a command's arguments or result, or from a
// stream line, becomes one TypeScript interface, by reflection, as
// encoding/json writes it: json tag names; "-" and unexported fields
// skipped; embedded structs without a tag flattened; omitempty (not on a
// struct) and omitzero make a member optional; a pointer is optional with
// omitempty, else "T | null"; time.Time, []byte (base64) and
// encoding.TextMarshaler types are strings; json.RawMessage, other
// json.Marshalers and interfaces are unknown; maps are Records. Slices
// are typed as arrays (the Go side sends [] rather than null where the
// frontend relies on it). A named string type of this module with
// constants becomes a union of their values. Names are the Go names, with
// the package's in front when two packages share one, unless the spec
// renames them (Spec.Names: the names the frontend has always used). A
// `tstype:"..."` struct tag overrides a member's TypeScript type.
//
// # Sources
//
// What reflection cannot see is read from the module's Go files: doc
// comments (carried into the TypeScript), the constants of named string
// types, and the commands' parameter names (labelled tuple members).
//
// # Commands and streams
//
// Commands is one member per bound command (commands.Methods, the set
// app/api dispatches): { args: [...]; result: ... }, with CommandName,
// CallArgs<M> and CallResult<M>. A stream is a union over its lines'
// "type": each variant names the Go struct it is encoded from and the
// members it carries, and generation fails when a named member is not in
// that struct.
package contract
