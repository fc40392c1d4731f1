// Package warctest writes small WARC files for tests: one gzip member per
// record, as crawlers write them, with the record kinds a news crawl
// holds (warcinfo, request, response).
package warctest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"time"
)

// Record is one WARC record to write.
type Record struct {
	Type   string // warcinfo, request, response, metadata ...
	URI    string
	Date   time.Time
	Block  []byte // the record block: for a response, the whole HTTP response
	NoGzip bool   // write this record uncompressed (for mixed files)
}

// Response returns a response record for an HTTP response with the
// status, content type and body.
func Response(uri string, status int, contentType, body string) Record {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, statusText(status), contentType, len(body), body)
	return Record{Type: "response", URI: uri, Date: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC), Block: b.Bytes()}
}

// Request returns the request record that precedes a response.
func Request(uri string) Record {
	return Record{Type: "request", URI: uri, Date: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC),
		Block: []byte("GET / HTTP/1.1\r\nHost: example.test\r\n\r\n")}
}

// Info returns a warcinfo record.
func Info() Record {
	return Record{Type: "warcinfo", Date: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC), Block: []byte("software: sitrep warctest\r\n")}
}

func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 301:
		return "Moved Permanently"
	case 404:
		return "Not Found"
	}
	return "Status"
}

// Write writes the records, each as its own gzip member.
func Write(w io.Writer, recs []Record) error {
	for i, r := range recs {
		var b bytes.Buffer
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\nWARC-Date: %s\r\n",
			r.Type, i+1, r.Date.UTC().Format(time.RFC3339))
		if r.URI != "" {
			fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.URI)
		}
		ct := "application/warc-fields"
		if r.Type == "response" {
			ct = "application/http; msgtype=response"
		} else if r.Type == "request" {
			ct = "application/http; msgtype=request"
		}
		fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ct, len(r.Block))
		b.Write(r.Block)
		b.WriteString("\r\n\r\n")
		if r.NoGzip {
			if _, err := w.Write(b.Bytes()); err != nil {
				return err
			}
			continue
		}
		zw := gzip.NewWriter(w)
		if _, err := zw.Write(b.Bytes()); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return nil
}
