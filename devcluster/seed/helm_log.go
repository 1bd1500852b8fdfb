package seed

import (
	"context"
	"log/slog"
)

// helmLogHandler passes the Helm SDK's records to the seeder's log one
// level down (errors stay errors): Helm warns about things the seed does on
// purpose, e.g. "upgrade failed" for shop's third revision.
type helmLogHandler struct{ next slog.Handler }

func (h helmLogHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, demote(l))
}

func (h helmLogHandler) Handle(ctx context.Context, r slog.Record) error {
	r.Level = demote(r.Level)
	return h.next.Handle(ctx, r)
}

func (h helmLogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return helmLogHandler{h.next.WithAttrs(attrs)}
}

func (h helmLogHandler) WithGroup(name string) slog.Handler {
	return helmLogHandler{h.next.WithGroup(name)}
}

// demote maps Warn to Info and Info to Debug; Error and above stay.
func demote(l slog.Level) slog.Level {
	if l >= slog.LevelError {
		return l
	}
	return l - 4
}
