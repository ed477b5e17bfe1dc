package main

import (
	"fmt"
	"math"
	"sort"
)

// median of xs (0 for none).
func median(xs []float64) float64 { return percentile(xs, 50) }

// percentile is the nearest-rank percentile p of xs.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func ms(d float64) string { return fmt.Sprintf("%.2f ms", d) }
func ratio(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// verdict says whether a measured ratio meets a goal "≤ limit".
func verdict(r, limit float64) string {
	if r <= limit {
		return fmt.Sprintf("met (≤ %.2g×)", limit)
	}
	return fmt.Sprintf("**missed** (goal ≤ %.2g×)", limit)
}
