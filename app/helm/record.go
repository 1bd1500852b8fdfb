package helm

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Drivers: where Helm keeps a release's records.
const (
	DriverSecret    = "secret"
	DriverConfigMap = "configmap"
)

// Helm's labels on every storage object (pkg/storage/driver).
const (
	labelOwner   = "owner"
	labelName    = "name"
	labelStatus  = "status"
	labelVersion = "version"
	ownerHelm    = "helm"
	// releaseKey is the data key holding the encoded release.
	dataKey = "release"
)

// statusSuperseded marks a revision that is no longer a release's newest.
const statusSuperseded = "superseded"

// Release is one row of the releases list: a release's newest revision.
type Release struct {
	Name         string    `json:"name"`
	Namespace    string    `json:"namespace"`
	Revision     int       `json:"revision"`
	Status       string    `json:"status"`
	Chart        string    `json:"chart"`
	ChartVersion string    `json:"chartVersion"`
	AppVersion   string    `json:"appVersion"`
	Updated      time.Time `json:"updated"`
	Description  string    `json:"description"`
	// Driver is where the records are: "secret" or "configmap".
	Driver string `json:"driver"`
	// Revisions is how many revisions Helm keeps.
	Revisions int `json:"revisions"`
}

// Key names a release in the list: "namespace/name".
func (r Release) Key() string { return r.Namespace + "/" + r.Name }

// summary is what the list shows of one stored revision.
type summary struct {
	Chart        string    `json:"chart"`
	ChartVersion string    `json:"chartVersion"`
	AppVersion   string    `json:"appVersion"`
	Updated      time.Time `json:"updated"`
	Status       string    `json:"status"`
	Description  string    `json:"description"`
}

// storedInfo and storedChartMeta are the parts of Helm's stored release
// JSON the list reads.
type storedInfo struct {
	LastDeployed time.Time `json:"last_deployed"`
	Status       string    `json:"status"`
	Description  string    `json:"description"`
}

type storedChartMeta struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	AppVersion string `json:"appVersion"`
}

var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// decodeSummary reads the list's fields from a storage object's release
// data: base64 of gzip of JSON, or base64 of JSON for records Helm wrote
// before it compressed them (the same rule as Helm's own decoder). It
// decodes as it reads and stops once it has "info" and the chart's
// "metadata", which Helm writes before the templates, values and
// manifest: those are never decompressed.
func decodeSummary(data []byte) (summary, error) {
	br := bufio.NewReader(base64.NewDecoder(base64.StdEncoding, bytes.NewReader(data)))
	var r io.Reader = br
	if head, _ := br.Peek(len(gzipMagic)); bytes.Equal(head, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return summary{}, fmt.Errorf("decompress the release record: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	info, meta, err := readSummary(json.NewDecoder(r))
	if err != nil {
		return summary{}, fmt.Errorf("read the release record: %w", err)
	}
	return summary{
		Chart: meta.Name, ChartVersion: meta.Version, AppVersion: meta.AppVersion,
		Updated: info.LastDeployed, Status: info.Status, Description: info.Description,
	}, nil
}

// readSummary walks the release object's members until it has read
// "info" and "chart"."metadata", skipping the others.
func readSummary(dec *json.Decoder) (info storedInfo, meta storedChartMeta, err error) {
	if err := expectDelim(dec, '{'); err != nil {
		return info, meta, err
	}
	var gotInfo, gotMeta bool
	for !(gotInfo && gotMeta) && dec.More() {
		key, err := dec.Token()
		if err != nil {
			return info, meta, err
		}
		switch key {
		case "info":
			if err := dec.Decode(&info); err != nil {
				return info, meta, err
			}
			gotInfo = true
		case "chart":
			if gotMeta, err = readChartMeta(dec, &meta, !gotInfo); err != nil {
				return info, meta, err
			}
		default:
			if err := skip(dec); err != nil {
				return info, meta, err
			}
		}
	}
	return info, meta, nil
}

// readChartMeta reads the chart object's "metadata" (found). Unless more
// is still to be read after it, the decoder is left inside the chart
// object: the caller stops there.
func readChartMeta(dec *json.Decoder, meta *storedChartMeta, more bool) (found bool, err error) {
	tok, err := dec.Token()
	if err != nil || tok == nil { // "chart": null
		return false, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return false, fmt.Errorf("chart is %v, not an object", tok)
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return false, err
		}
		if key == "metadata" {
			if err := dec.Decode(meta); err != nil {
				return false, err
			}
			found = true
			if !more {
				return true, nil
			}
			continue
		}
		if err := skip(dec); err != nil {
			return found, err
		}
	}
	return found, expectDelim(dec, '}')
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("found %v where %v was expected", tok, want)
	}
	return nil
}

// skip reads past one value.
func skip(dec *json.Decoder) error {
	var discard json.RawMessage
	return dec.Decode(&discard)
}

// revision is one storage object as the list keeps it.
type revision struct {
	name, namespace string
	version         int
	status          string // from the labels
	driver          string
	// sum is decoded for revisions that are not superseded; nil otherwise
	// (or when the record could not be read: err says why).
	sum *summary
	err error
}

// revisionOf reads a storage object's labels and, unless it is
// superseded, its summary. ok is false for objects that are not Helm's.
func revisionOf(namespace string, labels map[string]string, data []byte, driver string) (rev revision, ok bool) {
	if labels[labelOwner] != ownerHelm || labels[labelName] == "" {
		return revision{}, false
	}
	v, err := strconv.Atoi(labels[labelVersion])
	if err != nil || v < 1 {
		return revision{}, false
	}
	rev = revision{name: labels[labelName], namespace: namespace, version: v, status: labels[labelStatus], driver: driver}
	if rev.status != statusSuperseded {
		s, err := decodeSummary(data)
		if err != nil {
			rev.err = err
		} else {
			rev.sum = &s
		}
	}
	return rev, true
}
