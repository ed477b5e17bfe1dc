package capture

import (
	"strconv"

	"github.com/gonsenter/gonsenter/internal/linktype"
)

// compilerKnows reports whether libpcap's pcap_compile accepts link type
// lt at all (gencode.c init_linktype): the types below 100 it has code for,
// and anything in DLT_MATCHING_MIN..MAX, where only link[N:M] filters work.
// Others fail even without an expression: tcpdump -r then ends with
// "unknown data link type N (min 104, max 289)".
func compilerKnows(lt uint32) bool {
	switch lt {
	case 0, 1, 6, 7, 8, 9, 10, 11, 12, 15, 16, 19, 50, 51, 99:
		return true
	}
	return lt >= 100 && lt <= 289
}

// linkTypeText is tcpdump's ", link-type NAME (DESC)" fragment, or
// ", link-type N" for a type libpcap has no name for.
func linkTypeText(lt uint32) string {
	if d, ok := linktype.ByType(lt); ok {
		return ", link-type " + d.Name + " (" + d.Desc + ")"
	}
	return ", link-type " + strconv.FormatUint(uint64(lt), 10)
}
