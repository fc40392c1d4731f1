// Package benchutil measures the CPU time a benchmark spends, so that
// throughput figures can be given per CPU-second as well as per wall
// second: on a shared machine the wall-clock rate says as much about the
// neighbours as about the code.
package benchutil

import (
	"syscall"
	"time"
)

// CPU returns the user and system CPU time the process has used so far.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
