package pcap

import (
	"fmt"
	"strings"
	"time"
)

// RotationName returns the name tcpdump 4.99.3 gives to output file number
// fileNum (0-based) with -w base, mirroring its MakeFilename:
//
//   - with useTime (-G), base is first expanded with Strftime at t (the
//     start of the -G interval, in the zone tcpdump would use: local time);
//   - then, unless fileNum and the width are both 0, fileNum is appended,
//     zero-padded to the number of digits of maxFiles-1 (-W 3 gives
//     cap.pcap0..cap.pcap2, -W 12 gives cap.pcap00..cap.pcap11, -W 1 or
//     no -W gives cap.pcap, cap.pcap1, cap.pcap2, ...).
//
// tcpdump numbers files only when -C is given: callers pass maxFiles = -W
// with -C, and fileNum = maxFiles = 0 for -G alone (whose files differ only
// by their strftime expansion; with -G and -C the number restarts at 0 at
// each -G rotation). With -C and -W, fileNum wraps to 0 after maxFiles-1.
func RotationName(base string, fileNum int, maxFiles int, t time.Time, useTime bool) string {
	name := base
	if useTime {
		name = Strftime(base, t)
	}
	width := wflagChars(maxFiles)
	if fileNum == 0 && width == 0 {
		return name
	}
	return fmt.Sprintf("%s%0*d", name, width, fileNum)
}

// wflagChars is tcpdump's getWflagChars: the digits of maxFiles-1.
func wflagChars(maxFiles int) int {
	c := 0
	for x := maxFiles - 1; x > 0; x /= 10 {
		c++
	}
	return c
}

// Strftime formats t like C strftime(3) in the C/POSIX locale, covering
// the conversions used in tcpdump -G file names: %a %A %b %B %c %C %d %D %e
// %F %g %G %h %H %I %j %k %l %m %M %n %p %P %r %R %s %S %t %T %u %U %V %w %W
// %x %X %y %Y %z %Z %%. An unknown conversion is copied unchanged, as
// glibc does.
func Strftime(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		if s, ok := strftimeConv(format[i], t); ok {
			b.WriteString(s)
		} else {
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}

// strftimeConv expands one conversion character.
func strftimeConv(c byte, t time.Time) (string, bool) {
	if f, ok := strftimeSimple[c]; ok {
		return f(t), true
	}
	switch c {
	case 'c':
		return Strftime("%a %b %e %H:%M:%S %Y", t), true
	case 'D', 'x':
		return Strftime("%m/%d/%y", t), true
	case 'F':
		return Strftime("%Y-%m-%d", t), true
	case 'r':
		return Strftime("%I:%M:%S %p", t), true
	case 'R':
		return Strftime("%H:%M", t), true
	case 'T', 'X':
		return Strftime("%H:%M:%S", t), true
	}
	return "", false
}

var strftimeSimple = map[byte]func(time.Time) string{
	'a': func(t time.Time) string { return t.Weekday().String()[:3] },
	'A': func(t time.Time) string { return t.Weekday().String() },
	'b': func(t time.Time) string { return t.Month().String()[:3] },
	'h': func(t time.Time) string { return t.Month().String()[:3] },
	'B': func(t time.Time) string { return t.Month().String() },
	'C': func(t time.Time) string { return fmt.Sprintf("%02d", t.Year()/100) },
	'd': func(t time.Time) string { return fmt.Sprintf("%02d", t.Day()) },
	'e': func(t time.Time) string { return fmt.Sprintf("%2d", t.Day()) },
	'g': func(t time.Time) string { y, _ := t.ISOWeek(); return fmt.Sprintf("%02d", y%100) },
	'G': func(t time.Time) string { y, _ := t.ISOWeek(); return fmt.Sprint(y) },
	'H': func(t time.Time) string { return fmt.Sprintf("%02d", t.Hour()) },
	'I': func(t time.Time) string { return fmt.Sprintf("%02d", hour12(t)) },
	'j': func(t time.Time) string { return fmt.Sprintf("%03d", t.YearDay()) },
	'k': func(t time.Time) string { return fmt.Sprintf("%2d", t.Hour()) },
	'l': func(t time.Time) string { return fmt.Sprintf("%2d", hour12(t)) },
	'm': func(t time.Time) string { return fmt.Sprintf("%02d", int(t.Month())) },
	'M': func(t time.Time) string { return fmt.Sprintf("%02d", t.Minute()) },
	'n': func(time.Time) string { return "\n" },
	't': func(time.Time) string { return "\t" },
	'p': func(t time.Time) string { return ampm(t) },
	'P': func(t time.Time) string { return strings.ToLower(ampm(t)) },
	's': func(t time.Time) string { return fmt.Sprint(t.Unix()) },
	'S': func(t time.Time) string { return fmt.Sprintf("%02d", t.Second()) },
	'u': func(t time.Time) string { return fmt.Sprint((int(t.Weekday())+6)%7 + 1) },
	'U': func(t time.Time) string { return fmt.Sprintf("%02d", (t.YearDay()+6-int(t.Weekday()))/7) },
	'V': func(t time.Time) string { _, w := t.ISOWeek(); return fmt.Sprintf("%02d", w) },
	'w': func(t time.Time) string { return fmt.Sprint(int(t.Weekday())) },
	'W': func(t time.Time) string { return fmt.Sprintf("%02d", (t.YearDay()+6-(int(t.Weekday())+6)%7)/7) },
	'y': func(t time.Time) string { return fmt.Sprintf("%02d", t.Year()%100) },
	'Y': func(t time.Time) string { return fmt.Sprint(t.Year()) },
	'z': func(t time.Time) string { return t.Format("-0700") },
	'Z': func(t time.Time) string { return t.Format("MST") },
	'%': func(time.Time) string { return "%" },
}

func hour12(t time.Time) int {
	if h := t.Hour() % 12; h != 0 {
		return h
	}
	return 12
}

func ampm(t time.Time) string {
	if t.Hour() < 12 {
		return "AM"
	}
	return "PM"
}
