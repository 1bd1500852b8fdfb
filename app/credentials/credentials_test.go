package credentials

import "testing"

func TestMemoryTokens(t *testing.T) {
	tok := NewMemory()
	k := Key("ctx", "https://a")
	if k == Key("ctx", "https://b") {
		t.Fatal("the same key for two servers")
	}
	if _, ok := tok.Get(k); ok {
		t.Fatal("token before Set")
	}
	if err := tok.Set(k, "s3cret"); err != nil {
		t.Fatal(err)
	}
	if v, ok := tok.Get(k); !ok || v != "s3cret" {
		t.Fatalf("Get = %q %v", v, ok)
	}
	if err := tok.Delete(k); err != nil {
		t.Fatal(err)
	}
	if _, ok := tok.Get(k); ok {
		t.Fatal("token after Delete")
	}
	if tok.Storage() != Memory {
		t.Errorf("storage = %s", tok.Storage())
	}
	if Fingerprint("s3cret") == "s3cret" || Fingerprint("") != "" {
		t.Error("fingerprint reveals the token")
	}
}
