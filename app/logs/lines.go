package logs

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// maxLine bounds one log line: longer ones are cut there, with a marker
// saying how much was left out, and the stream goes on with the next line.
const maxLine = 256 << 10

// position is where a container's stream stands: the timestamp of the last
// line delivered and how many lines delivered carried exactly that timestamp.
type position struct {
	at time.Time
	n  int
}

// resumeFrom is the position a resumed stream (SinceTime, which the API
// truncates to the second) must skip to: every line stamped before it, and
// the first n lines stamped exactly at it, were delivered already.
type resumeFrom struct {
	position
	skip int
}

func (r *resumeFrom) delivered(t time.Time) bool {
	if r == nil || r.at.IsZero() {
		return false
	}
	if t.Before(r.at) {
		return true
	}
	if t.Equal(r.at) && r.skip > 0 {
		r.skip--
		return true
	}
	return false
}

// read copies lines from r into b, skipping those a resumed stream repeats
// (from is nil for a fresh stream), and returns the position reached.
func read(r io.Reader, pod, container string, pos position, from *resumeFrom, b *batcher) (position, error) {
	lr := newLineReader(r, maxLine)
	for {
		line, cut, err := lr.next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return pos, nil
			}
			return pos, err
		}
		ts, text, _ := strings.Cut(line, " ")
		if cut > 0 {
			text += fmt.Sprintf(" … [truncated %d bytes]", cut)
		}
		t, perr := time.Parse(time.RFC3339Nano, ts)
		if perr == nil {
			if from.delivered(t) {
				continue
			}
			if t.Equal(pos.at) {
				pos.n++
			} else {
				pos = position{at: t, n: 1}
			}
		}
		b.add(Line{Pod: pod, Container: container, Time: ts, Text: text})
	}
}

// lineReader reads lines of any length in bounded memory: a line longer
// than max comes back cut to max bytes (on a UTF-8 boundary) with the count
// of bytes left out.
type lineReader struct {
	r   *bufio.Reader
	max int
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its newline; io.EOF after the last.
func (l *lineReader) next() (string, int, error) {
	var line []byte
	cut := 0
	for {
		frag, err := l.r.ReadSlice('\n')
		partial := errors.Is(err, bufio.ErrBufferFull)
		if err == nil {
			frag = frag[:len(frag)-1]
		}
		room := l.max - len(line)
		if len(frag) > room {
			cut += len(frag) - room
			frag = frag[:room]
		}
		line = append(line, frag...)
		switch {
		case partial:
			continue // the line goes on
		case err == nil, errors.Is(err, io.EOF) && len(line)+cut > 0:
			if cut > 0 {
				kept := utf8Prefix(line)
				cut += len(line) - len(kept)
				line = kept
			}
			return string(line), cut, nil
		default:
			return "", 0, err
		}
	}
}

// utf8Prefix drops the rune a cut split at the end of b.
func utf8Prefix(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			return b
		}
	}
	return b
}
