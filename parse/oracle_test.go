package parse

import "testing"

// TestOracleReachesGoldTree follows zero-cost transitions from the start:
// on a projective tree the dynamic oracle must rebuild it exactly, and on a
// non-projective one it must still end in a tree.
func TestOracleReachesGoldTree(t *testing.T) {
	const nlabels, root, other = 3, 0, 1
	tests := []struct {
		name  string
		heads []int // 1-based, 0 = root
		exact bool
	}{
		{"chain", []int{2, 0, 2, 3}, true},
		{"left and right", []int{2, 0, 4, 2, 2}, true},
		{"single", []int{0}, true},
		{"non-projective", []int{3, 4, 0, 3}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := len(tc.heads)
			gh := append([]int{-1}, tc.heads...)
			gl := make([]int, n+1)
			for i := 1; i <= n; i++ {
				gl[i] = other
				if gh[i] == 0 {
					gl[i] = root
				}
			}
			var s state
			s.reset(n)
			cost := make([]int, 2+2*nlabels)
			for steps := 0; !s.terminal(); steps++ {
				if steps > 4*n+4 {
					t.Fatal("no progress")
				}
				s.costs(gh, gl, nlabels, root, cost)
				best := -1
				for c, v := range cost {
					if v >= 0 && (best < 0 || v < cost[best]) {
						best = c
					}
				}
				if best < 0 {
					t.Fatal("no valid transition")
				}
				s.apply(best)
			}
			s.finish(root, other)
			roots := 0
			for i := 1; i <= n; i++ {
				if s.heads[i] == 0 {
					roots++
				}
				if tc.exact && (s.heads[i] != gh[i] || s.labels[i] != gl[i]) {
					t.Errorf("word %d: head %d label %d, want %d %d", i, s.heads[i], s.labels[i], gh[i], gl[i])
				}
			}
			if roots != 1 {
				t.Errorf("%d roots, want 1", roots)
			}
		})
	}
}
