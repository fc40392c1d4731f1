package ner

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

func flattenClusters(m map[string]int32) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, k+"\x00"+strconv.Itoa(int(v)))
	}
	sort.Strings(out)
	return out
}

func unflattenClusters(ss []string) (map[string]int32, error) {
	m := make(map[string]int32, len(ss))
	for _, s := range ss {
		k, v, ok := strings.Cut(s, "\x00")
		id, err := strconv.Atoi(v)
		if !ok || err != nil {
			return nil, fmt.Errorf("bad cluster entry %q", s)
		}
		m[k] = int32(id)
	}
	return m, nil
}
