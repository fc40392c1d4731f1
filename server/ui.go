package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

// asset is a file of the UI, read once, with its compressed form and tag.
type asset struct {
	body, gz []byte
	mime     string
	etag     string
}

// ui serves the web UI's files: / is index.html; files under /assets/
// carry a content hash in their names and are cached for good; the rest
// are revalidated. Files are compressed once, when first asked for.
func (s *Server) ui() http.Handler {
	var mu sync.Mutex
	cache := map[string]*asset{}
	load := func(name string) (*asset, error) {
		mu.Lock()
		defer mu.Unlock()
		if a, ok := cache[name]; ok {
			return a, nil
		}
		b, err := fs.ReadFile(s.cfg.Assets, name)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		a := &asset{body: b, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, mime: mime.TypeByExtension(path.Ext(name))}
		if a.mime == "" {
			a.mime = http.DetectContentType(b)
		}
		if len(b) >= minGzip && compressible(a.mime) {
			var zb bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&zb, gzip.BestCompression)
			if _, err := zw.Write(b); err == nil && zw.Close() == nil {
				a.gz = zb.Bytes()
			}
		}
		cache[name] = a
		return a, nil
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name == "" {
			name = "index.html"
		}
		a, err := load(name)
		if err != nil || strings.HasSuffix(name, "/") {
			http.Error(w, "not found: "+r.URL.Path, http.StatusNotFound)
			return
		}
		h := w.Header()
		if strings.HasPrefix(name, "assets/") {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		h.Set("ETag", a.etag)
		h.Set("Content-Type", a.mime)
		h.Add("Vary", "Accept-Encoding")
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, a.etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		body := a.body
		if a.gz != nil && acceptsGzip(r) {
			h.Set("Content-Encoding", "gzip")
			body = a.gz
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			_, _ = w.Write(body)
		}
	})
}

func compressible(mimeType string) bool {
	return strings.HasPrefix(mimeType, "text/") || strings.Contains(mimeType, "javascript") || strings.Contains(mimeType, "json") ||
		strings.Contains(mimeType, "svg")
}
