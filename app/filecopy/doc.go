// Package filecopy copies files between the user's machine and a container
// with kubectl cp's semantics: tar over exec (`tar cf - -C DIR NAME` out,
// `tar xmf - -C DIR` in), a remote path relative to the container's working
// folder unless absolute, and archive entries that would land outside the
// destination (`..`, absolute names, links out of it) refused. A container
// without tar gets ErrNoTar, which says so. Every copy reports progress
// and the SHA-256 of what it moved.
package filecopy
