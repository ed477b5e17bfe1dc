package cnum

import "testing"

func TestStrtou64(t *testing.T) {
	for _, tc := range []struct {
		in   string
		v    uint64
		want Result
	}{
		{"0", 0, OK}, {"1000", 1000, OK}, {" 5", 5, OK}, {"+5", 5, OK},
		{"18446744073709551615", 1<<64 - 1, OK},
		{"18446744073709551616", 0, Range},
		{"-1", 0, Range}, {"", 0, Invalid}, {"x", 0, Invalid}, {"5x", 0, Invalid},
		{"4294967296", 1 << 32, OK},
	} {
		v, res := Strtou64(tc.in)
		if res != tc.want || (res == OK && v != tc.v) {
			t.Errorf("Strtou64(%q) = %d, %v; want %d, %v", tc.in, v, res, tc.v, tc.want)
		}
	}
}

func TestStrtos64(t *testing.T) {
	for _, tc := range []struct {
		in   string
		v    int64
		want Result
	}{
		{"-1", -1, OK}, {"2147483647", 2147483647, OK}, {"9223372036854775807", 1<<63 - 1, OK},
		{"9223372036854775808", 0, Range}, {"-9223372036854775808", -1 << 63, OK},
		{"abc", 0, Invalid}, {"", 0, Invalid}, {"1 ", 0, Invalid},
	} {
		v, res := Strtos64(tc.in)
		if res != tc.want || (res == OK && v != tc.v) {
			t.Errorf("Strtos64(%q) = %d, %v; want %d, %v", tc.in, v, res, tc.v, tc.want)
		}
	}
}
