package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// lifetime returns a context that ends, with the reason as its cause, on
// SIGINT, SIGTERM or SIGHUP, on stdin EOF (if asked), or when the parent
// process exits (it is then re-parented, so Getppid changes). It watches
// from the start, so a cluster still starting up is stopped too.
func lifetime(log *slog.Logger, stdinEOF bool) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		select {
		case s := <-sig:
			cancel(fmt.Errorf("got %v", s))
		case <-ctx.Done():
		}
		// Later signals are ignored: the children are being stopped.
	}()
	if stdinEOF {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			cancel(errors.New("standard input closed"))
		}()
	}
	parent := os.Getppid()
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if os.Getppid() != parent {
					cancel(fmt.Errorf("parent process %d exited", parent))
					return
				}
			}
		}
	}()
	context.AfterFunc(ctx, func() { log.Debug("lifetime over", "why", context.Cause(ctx)) })
	return ctx, func() { cancel(errors.New("done")) }
}
