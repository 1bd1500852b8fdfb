package helm

import (
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

// stored is the part of Helm's stored release JSON the list reads; the
// rest (templates, values, manifest) is skipped by the decoder.
type stored struct {
	Info struct {
		LastDeployed time.Time `json:"last_deployed"`
		Status       string    `json:"status"`
		Description  string    `json:"description"`
	} `json:"info"`
	Chart struct {
		Metadata struct {
			Name       string `json:"name"`
			Version    string `json:"version"`
			AppVersion string `json:"appVersion"`
		} `json:"metadata"`
	} `json:"chart"`
}

var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// decodeSummary reads the list's fields from a storage object's release
// data: base64 of gzip of JSON, or base64 of JSON for records Helm wrote
// before it compressed them (the same rule as Helm's own decoder).
func decodeSummary(data []byte) (summary, error) {
	raw := make([]byte, base64.StdEncoding.DecodedLen(len(data)))
	n, err := base64.StdEncoding.Decode(raw, data)
	if err != nil {
		return summary{}, fmt.Errorf("decode the release record: %w", err)
	}
	var r io.Reader = bytes.NewReader(raw[:n])
	if bytes.HasPrefix(raw[:n], gzipMagic) {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return summary{}, fmt.Errorf("decompress the release record: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	var s stored
	if err := json.NewDecoder(r).Decode(&s); err != nil {
		return summary{}, fmt.Errorf("read the release record: %w", err)
	}
	return summary{
		Chart: s.Chart.Metadata.Name, ChartVersion: s.Chart.Metadata.Version, AppVersion: s.Chart.Metadata.AppVersion,
		Updated: s.Info.LastDeployed, Status: s.Info.Status, Description: s.Info.Description,
	}, nil
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
