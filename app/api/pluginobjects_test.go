package api

import (
	"context"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	dynfake "k8s.io/client-go/dynamic/fake"
)

func TestPluginObjectsListRedactsAndFollows(t *testing.T) {
	secret := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "v1", "kind": "Secret",
		"metadata": map[string]any{"name": "s", "namespace": "ns"},
		"data":     map[string]any{"password": "aHVudGVyMg=="},
	}}
	gvr := schema.GroupVersionResource{Version: "v1", Resource: "secrets"}
	dyn := dynfake.NewSimpleDynamicClientWithCustomListKinds(runtime.NewScheme(), map[schema.GroupVersionResource]string{gvr: "SecretList"}, secret)
	res := dyn.Resource(gvr).Namespace("ns")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	msgs := make(chan ObjectsMessage, 10)
	go streamPluginObjects(ctx, gvr, res, metav1.ListOptions{}, true, func(v any) error {
		if m, ok := v.(ObjectsMessage); ok {
			msgs <- m
		}
		return nil
	})
	first := <-msgs
	if first.Type != "objects" || len(first.Items) != 1 {
		t.Fatalf("first message = %+v", first)
	}
	data := first.Items[0]["data"].(map[string]any)
	if v := data["password"].(string); !strings.HasPrefix(v, "<hidden") {
		t.Errorf("secret value reached a plugin: %q", v)
	}
	// A change after the list arrives as an event (the fake watch starts
	// asynchronously: retry the update until it is seen).
	for i := 0; ; i++ {
		u := secret.DeepCopy()
		u.SetLabels(map[string]string{"n": string(rune('a' + i%26))})
		if _, err := res.Update(ctx, u, metav1.UpdateOptions{}); err != nil {
			t.Fatal(err)
		}
		select {
		case m := <-msgs:
			if m.Type != "event" || m.Event != "modified" {
				t.Fatalf("event = %+v", m)
			}
			return
		case <-time.After(100 * time.Millisecond):
		case <-ctx.Done():
			t.Fatal("no event")
		}
	}
}

func TestPluginObjectsOneShot(t *testing.T) {
	gvr := schema.GroupVersionResource{Version: "v1", Resource: "nodes"}
	dyn := dynfake.NewSimpleDynamicClientWithCustomListKinds(runtime.NewScheme(), map[schema.GroupVersionResource]string{gvr: "NodeList"})
	var got []ObjectsMessage
	streamPluginObjects(context.Background(), gvr, dyn.Resource(gvr), metav1.ListOptions{}, false, func(v any) error {
		got = append(got, v.(ObjectsMessage))
		return nil
	})
	if len(got) != 1 || got[0].Type != "objects" || got[0].Items == nil {
		t.Fatalf("one-shot list = %+v", got)
	}
}
