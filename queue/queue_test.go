package queue_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/natstest"
	"github.com/sitrep/sitrep/queue"
)

// broker starts an in-process JetStream server for the test.
func broker(t testing.TB) string { return natstest.Start(t) }

func open(t testing.TB, url string) *queue.Queue {
	t.Helper()
	cfg := queue.DefaultConfig()
	cfg.URL, cfg.RetryDelay, cfg.AckWait = url, 20*time.Millisecond, 2*time.Second
	q, err := queue.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func article(i int) sitrep.Article {
	return sitrep.Article{ID: fmt.Sprintf("a%02d", i), Outlet: "Test Wire", Title: fmt.Sprintf("Report %d", i),
		Published: time.Date(2024, 3, i%28+1, 9, 0, 0, 0, time.UTC),
		Text:      fmt.Sprintf("Rebels shelled the town of Kidal on Monday, report %d said.", i)}
}

func publish(t *testing.T, q *queue.Queue, n int) {
	t.Helper()
	for i := range n {
		if dup, err := q.Publish(context.Background(), fmt.Sprintf("file-%d.txt", i), article(i)); err != nil || dup {
			t.Fatalf("publish %d: dup %v, %v", i, dup, err)
		}
	}
}

// seen records what handlers were given, safely from many goroutines.
type seen struct {
	mu sync.Mutex
	n  map[string]int
}

func (s *seen) add(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n == nil {
		s.n = map[string]int{}
	}
	s.n[id]++
}

func TestPublishAndWork(t *testing.T) {
	url := broker(t)
	q := open(t, url)
	ctx := context.Background()
	publish(t, q, 12)
	// The same article again is dropped by the broker.
	if dup, err := q.Publish(ctx, "again.txt", article(3)); err != nil || !dup {
		t.Fatalf("republish: dup %v, %v; want a duplicate", dup, err)
	}
	if n, err := q.Pending(ctx); err != nil || n != 12 {
		t.Fatalf("pending %d, %v; want 12", n, err)
	}

	var got seen
	var failedOnce sync.Once
	st, err := q.Work(ctx, 3, true, nil, func(ctx context.Context, j queue.Job) error {
		switch j.Article.ID {
		case "a05": // bad input: dropped, never retried
			return sitrep.Errorf(sitrep.EINVALID, "no article in %s", j.Origin)
		case "a07": // a passing failure: retried
			var err error
			failedOnce.Do(func() { err = errors.New("database is busy") })
			if err != nil {
				return err
			}
		}
		if j.Origin != "file-"+strings.TrimPrefix(strings.TrimLeft(j.Article.ID, "a"), "0")+".txt" && j.Article.ID != "a00" {
			t.Errorf("article %s came with origin %q", j.Article.ID, j.Origin)
		}
		if j.Article.Published.IsZero() || j.Article.Outlet != "Test Wire" || !strings.Contains(j.Article.Text, "Kidal") {
			t.Errorf("article %s lost fields on the way: %+v", j.Article.ID, j.Article)
		}
		got.add(j.Article.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != 11 || st.Bad != 1 || st.Retried != 1 || st.GaveUp != 0 {
		t.Errorf("stats %+v; want 11 done, 1 bad, 1 retried", st)
	}
	for i := range 12 {
		id := fmt.Sprintf("a%02d", i)
		if want := map[bool]int{true: 0, false: 1}[id == "a05"]; got.n[id] != want {
			t.Errorf("article %s handled %d times, want %d", id, got.n[id], want)
		}
	}
	if n, err := q.Pending(ctx); err != nil || n != 0 {
		t.Errorf("pending after the work: %d, %v; want 0", n, err)
	}
}

// TestWorkersShare runs two worker processes (two connections) on one
// queue: every article is handled once, by one of them.
func TestWorkersShare(t *testing.T) {
	url := broker(t)
	publish(t, open(t, url), 40)
	var got seen
	var wg sync.WaitGroup
	per := make([]int, 2)
	for w := range 2 {
		q := open(t, url)
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := q.Work(context.Background(), 2, true, nil, func(ctx context.Context, j queue.Job) error {
				time.Sleep(time.Millisecond) // let the other worker in
				got.add(j.Article.ID)
				return nil
			})
			if err != nil {
				t.Error(err)
			}
			per[w] = int(st.Done)
		}()
	}
	wg.Wait()
	if len(got.n) != 40 || per[0]+per[1] != 40 {
		t.Fatalf("%d distinct articles handled, %v per worker; want 40 in all", len(got.n), per)
	}
	for id, n := range got.n {
		if n != 1 {
			t.Errorf("article %s handled %d times", id, n)
		}
	}
}

// TestKilledWorker stops a worker in the middle of an article: the
// article goes back to the queue and the next worker finishes it.
func TestKilledWorker(t *testing.T) {
	url := broker(t)
	publish(t, open(t, url), 5)
	ctx, cancel := context.WithCancel(context.Background())
	first := open(t, url)
	var firstGot seen
	st, err := first.Work(ctx, 1, true, nil, func(ctx context.Context, j queue.Job) error {
		firstGot.add(fmt.Sprintf("%s#%d", j.Article.ID, j.Attempt))
		if j.Article.ID == "a02" {
			cancel() // the process is killed while coding this one
			<-ctx.Done()
			return ctx.Err()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Done >= 5 {
		t.Fatalf("first worker finished %d of 5 despite being stopped", st.Done)
	}
	var got seen
	second := open(t, url)
	st2, err := second.Work(context.Background(), 2, true, nil, func(ctx context.Context, j queue.Job) error {
		got.add(j.Article.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first worker: %v; second: %v", firstGot.n, got.n)
	if st.Done+st2.Done != 5 || got.n["a02"] != 1 {
		t.Errorf("first worker did %d, second %d (a02 %d times); want 5 in all with a02 finished by the second", st.Done, st2.Done, got.n["a02"])
	}
}

func TestGiveUp(t *testing.T) {
	url := broker(t)
	cfg := queue.DefaultConfig()
	cfg.URL, cfg.RetryDelay, cfg.MaxDeliver = url, 10*time.Millisecond, 3
	q, err := queue.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	publish(t, q, 1)
	tries := 0
	st, err := q.Work(context.Background(), 1, true, nil, func(context.Context, queue.Job) error {
		tries++
		return errors.New("store down")
	})
	if err != nil {
		t.Fatal(err)
	}
	if tries != 3 || st.GaveUp != 1 || st.Retried != 2 {
		t.Errorf("%d tries, stats %+v; want 3 tries, 2 retries, then given up", tries, st)
	}
}

func TestTooLarge(t *testing.T) {
	q := open(t, broker(t))
	a := article(1)
	a.Text = strings.Repeat("Shelling continued in the north. ", 40_000)
	_, err := q.Publish(context.Background(), "huge.txt", a)
	if sitrep.ErrorCode(err) != sitrep.ETOOLARGE || !strings.Contains(err.Error(), "huge.txt") {
		t.Fatalf("publish of a 1.3 MB article: %v; want ETOOLARGE naming the file", err)
	}
}

func TestConfigAndConnectErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*queue.Config)
		want string
	}{
		{"no url", func(c *queue.Config) { c.URL = "" }, "no server URL"},
		{"dotted stream", func(c *queue.Config) { c.Stream = "a.b" }, "stream name"},
		{"wildcard subject", func(c *queue.Config) { c.Subject = "sitrep.*" }, "literal subject"},
		{"short ack wait", func(c *queue.Config) { c.AckWait = time.Millisecond }, "ack wait"},
		{"no delivery", func(c *queue.Config) { c.MaxDeliver = 0 }, "max deliver"},
		{"unreachable", func(c *queue.Config) { c.URL = "nats://127.0.0.1:1" }, "cannot reach NATS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := queue.DefaultConfig()
			tt.edit(&cfg)
			_, err := queue.Open(context.Background(), cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v; want one saying %q", err, tt.want)
			}
		})
	}
}
