package wait

import (
	"context"
	"testing"
	"time"
)

func TestSleepWaitsOrStopsWithTheContext(t *testing.T) {
	start := time.Now()
	if !Sleep(context.Background(), 20*time.Millisecond) || time.Since(start) < 20*time.Millisecond {
		t.Fatalf("Sleep returned early or false after %v", time.Since(start))
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	start = time.Now()
	if Sleep(ctx, time.Minute) {
		t.Fatal("Sleep returned true although its context ended")
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("Sleep took %v after the context ended", d)
	}
}
