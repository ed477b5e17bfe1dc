package printer

import (
	"fmt"
	"time"
)

// AFS/Rx (print-rx.c): the Rx header, the calls and replies of the AFS
// services on UDP ports 7000-7009 and Rx acknowledgements.

const rxHdrLen = 28

// tokRange is a run of consecutive values of a tok table: sparse tables
// stay small as a few runs.
type tokRange struct {
	base  uint32
	names []string
}

// rangeName looks v up in runs of names.
func rangeName(tab []tokRange, v uint32) (string, bool) {
	for _, r := range tab {
		if v >= r.base && v-r.base < uint32(len(r.names)) && r.names[v-r.base] != "" {
			return r.names[v-r.base], true
		}
	}
	return "", false
}

var (
	rxTypes   = []string{1: "data", 2: "ack", 3: "busy", 4: "abort", 5: "ackall", 6: "challenge", 7: "response", 8: "debug", 9: "params", 13: "version"}
	rxFlagTab = []struct {
		flag, typ uint8
		name      string
	}{{1, 0, "client-init"}, {2, 0, "req-ack"}, {4, 0, "last-pckt"}, {8, 0, "more-pckts"}, {16, 0, "free-pckt"}, {32, 2, "slow-start"}, {32, 1, "jumbogram"}}
	rxFsReq = []tokRange{{130, []string{"fetch-data", "fetch-acl", "fetch-status", "store-data", "store-acl", "store-status",
		"remove-file", "create-file", "rename", "symlink", "link", "makedir", "rmdir", "oldsetlock", "oldextlock",
		"oldrellock", "get-stats", "give-cbs", "get-vlinfo", "get-vlstats", "set-vlstats", "get-rootvl", "check-token",
		"get-time", "nget-vlinfo", "bulk-stat", "setlock", "extlock", "rellock", "xstat-ver", "get-xstat", "dfs-lookup",
		"dfs-flushcps", "dfs-symlink"}}, {220, []string{"residency"}}, {65536, []string{"inline-bulk-status",
		"fetch-data-64", "store-data-64", "give-up-all-cbs", "get-caps", "cb-rx-conn-addr"}}}
	rxCbReq = []tokRange{{204, []string{"callback", "initcb", "probe", "getlock", "getce", "xstatver", "getxstat", "initcb2",
		"whoareyou", "initcb3", "probeuuid", "getsrvprefs", "getcellservdb", "getlocalcell", "getcacheconf"}},
		{65536, []string{"getce64", "getcellbynum", "tellmeaboutyourself"}}}
	rxPtReq = []tokRange{{500, []string{"new-user", "where-is-it", "dump-entry", "add-to-group", "name-to-id", "id-to-name",
		"delete", "remove-from-group", "get-cps", "new-entry", "list-max", "set-max", "list-entry", "change-entry",
		"list-elements", "same-mbr-of", "set-fld-sentry", "list-owned", "get-cps2", "get-host-cps", "update-entry",
		"list-entries"}}, {530, []string{"list-super-groups"}}}
	rxVldbReq = []tokRange{{501, []string{"create-entry", "delete-entry", "get-entry-by-id", "get-entry-by-name",
		"get-new-volume-id", "replace-entry", "update-entry", "setlock", "releaselock", "list-entry", "list-attrib",
		"linked-list", "get-stats", "probe", "get-addrs", "change-addr", "create-entry-n", "get-entry-by-id-n",
		"get-entry-by-name-n", "replace-entry-n", "list-entry-n", "list-attrib-n", "linked-list-n",
		"update-entry-by-name", "create-entry-u", "get-entry-by-id-u", "get-entry-by-name-u", "replace-entry-u",
		"list-entry-u", "list-attrib-u", "linked-list-u", "regaddr", "get-addrs-u", "list-attrib-n2"}}}
	rxKauthReq = []tokRange{{1, []string{"auth-old", "change-pw", "get-ticket-old", "set-pw", "set-fields", "create-user",
		"delete-user", "get-entry", "list-entry", "get-stats", "debug", "get-pw", "get-random-key", "unlock",
		"lock-status"}}, {21, []string{"authenticate", "authenticate-v2", "get-ticket"}}}
	rxVolReq = []tokRange{{100, []string{"create-volume", "delete-volume", "restore", "forward", "end-trans", "clone",
		"set-flags", "get-flags", "trans-create", "dump", "get-nth-volume", "set-forwarding", "get-name", "get-status",
		"sig-restore", "list-partitions", "list-volumes", "set-id-types", "monitor", "partition-info", "reclone",
		"list-one-volume", "nuke", "set-date", "x-list-volumes", "x-list-one-volume", "set-info", "x-list-partitions",
		"forward-multiple"}}, {65536, []string{"convert-ro", "get-size", "dump-v2"}}}
	rxBosReq = []tokRange{{80, []string{"create-bnode", "delete-bnode", "set-status", "get-status", "enumerate-instance",
		"get-instance-info", "get-instance-parm", "add-superuser", "delete-superuser", "list-superusers", "list-keys",
		"add-key", "delete-key", "set-cell-name", "get-cell-name", "get-cell-host", "add-cell-host", "delete-cell-host",
		"set-t-status", "shutdown-all", "restart-all", "startup-all", "set-noauth-flag", "re-bozo", "restart",
		"start-bozo-install", "uninstall", "get-dates", "exec", "prune", "set-restart-time", "get-restart-time",
		"start-bozo-log", "wait-all", "get-instance-strings", "get-restricted", "set-restricted"}}}
	rxUbikReq = []tokRange{{10000, []string{"vote-beacon", "vote-debug-old", "vote-sdebug-old", "vote-getsyncsite",
		"vote-debug", "vote-sdebug", "vote-xdebug", "vote-xsdebug"}}, {20000, []string{"disk-begin", "disk-commit",
		"disk-lock", "disk-write", "disk-getversion", "disk-getfile", "disk-sendfile", "disk-abort",
		"disk-releaselocks", "disk-truncate", "disk-probe", "disk-writev", "disk-interfaceaddr", "disk-setversion"}}}
	rxFsErrors = []string{"salvage volume", "no such vnode", "no such volume", "volume exist",
		"no service", "volume offline", "voline online", "diskfull", "diskquota exceeded",
		"volume busy", "volume moved", "AFS IO error"} // 101-112
	rxAckReasons = []string{1: "ack requested", 2: "duplicate packet", 3: "out of sequence", 4: "exceeds window",
		5: "no buffer space", 6: "ping", 7: "ping response", 8: "delay", 9: "idle"}
	rxVolTypes = []string{"read-write", "read-only", "backup"}
)

// rxOp is tok2str(table, "op#%u", op).
func rxOp(tab []tokRange, op uint32) string {
	if s, ok := rangeName(tab, op); ok {
		return s
	}
	return fmt.Sprintf("op#%d", op)
}

func isUbik(op uint32) bool { return (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013) }

// rxCall is an rx_cache entry: a call's opcode, found again for its reply
// by call number, addresses, service and server port.
type rxCall struct {
	callnum, client, server, opcode uint32
	dport, service                  uint16
}

// rxCache is print-rx.c's static call table (64 entries, an insert cursor
// and a search hint), kept across packets as tcpdump keeps it.
type rxCache struct {
	calls      [64]rxCall
	next, hint int
}

// rxAddrs reads ip_src and ip_dst as print-rx.c does, through a struct
// ip even when the datagram is IPv6.
func rxAddrs(h *ipHdr) (src, dst uint32) {
	r := h.raw
	return uint32(r[12])<<24 | uint32(r[13])<<16 | uint32(r[14])<<8 | uint32(r[15]),
		uint32(r[16])<<24 | uint32(r[17])<<16 | uint32(r[18])<<8 | uint32(r[19])
}

// rx is rx_print: the Rx header, then the AFS call, reply or ack.
func (p *Printer) rx(b []byte, length int, sport, dport uint16, h *ipHdr) {
	p.enter("rx")
	if len(b) < rxHdrLen {
		p.printf(" [|rx] (%d)", length)
		return
	}
	typ, flags := b[20], b[21]
	p.printf(" rx %s", strName(rxTypes, int(typ), "type "+itoa(int(typ))))
	if p.o.Verbose > 0 {
		p.rxVerbose(b, typ, flags)
	}
	seq := p.u32(b, 12)
	switch {
	case typ == 1 && seq == 1 && flags&1 != 0:
		p.rxCacheInsert(b, h, dport)
		p.rxCallPrint(b, length, dport)
	case (typ == 1 && seq == 1 || typ == 4) && flags&1 == 0:
		if op, ok := p.rxCacheFind(b, h, sport); ok {
			p.rxReplyPrint(b, length, sport, op)
		}
	case typ == 2:
		p.rxAck(b, length)
	}
	p.printf(" (%d)", length)
}

func (p *Printer) rxVerbose(b []byte, typ, flags uint8) {
	if p.o.Verbose > 1 {
		p.printf(" cid %08x call# %d", p.u32(b, 4), p.u32(b, 8))
	}
	p.printf(" seq %d ser %d", p.u32(b, 12), p.u32(b, 16))
	if p.o.Verbose > 2 {
		p.printf(" secindex %d serviceid %d", b[23], p.u16(b, 26))
	}
	if p.o.Verbose > 1 {
		sep := " "
		for _, f := range rxFlagTab {
			if flags&f.flag != 0 && (f.typ == 0 || typ == f.typ) {
				p.printf("%s<%s>", sep, f.name)
				sep = ","
			}
		}
	}
}

func (p *Printer) rxCacheInsert(b []byte, h *ipHdr, dport uint16) {
	if len(b) < rxHdrLen+4 {
		return
	}
	if p.rxc == nil {
		p.rxc = &rxCache{}
	}
	c := p.rxc
	e := &c.calls[c.next]
	c.next = (c.next + 1) % len(c.calls)
	src, dst := rxAddrs(h)
	*e = rxCall{callnum: p.u32(b, 8), client: src, server: dst, dport: dport, service: p.u16(b, 26), opcode: p.u32(b, rxHdrLen)}
}

func (p *Printer) rxCacheFind(b []byte, h *ipHdr, sport uint16) (uint32, bool) {
	if p.rxc == nil {
		p.rxc = &rxCache{}
	}
	c := p.rxc
	sip, clip := rxAddrs(h)
	callnum, service := p.u32(b, 8), p.u16(b, 26)
	i := c.hint
	for {
		e := &c.calls[i]
		if e.callnum == callnum && e.client == clip && e.server == sip && e.service == service && e.dport == sport {
			c.hint = i
			return e.opcode, true
		}
		if i = (i + 1) % len(c.calls); i == c.hint {
			return 0, false
		}
	}
}

// rxCur walks the XDR arguments of an AFS call (tcpdump's bp and macros).
type rxCur struct {
	p   *Printer
	b   []byte
	off int
}

// need is ND_TCHECK_LEN: a soft truncation to the service's label.
func (c *rxCur) need(n int) {
	if n < 0 || c.off+n > len(c.b) {
		c.p.softTrunc()
	}
}

func (c *rxCur) u32() uint32 {
	v := c.p.u32(c.b, c.off)
	c.off += 4
	return v
}

func (c *rxCur) word(label string) {
	c.p.puts(label)
	c.p.printf(" %d", c.u32())
}

func (c *rxCur) int(label string) {
	c.p.puts(label)
	c.p.printf(" %d", int32(c.u32()))
}

func (c *rxCur) u64(label string) {
	c.p.puts(label)
	hi := uint64(c.u32())
	c.p.printf(" %d", hi<<32|uint64(c.u32()))
}

func (c *rxCur) fid() {
	c.need(12)
	c.p.printf(" fid %d/%d/%d", c.u32(), c.u32(), c.u32())
}

func (c *rxCur) destServer() {
	c.need(12)
	c.p.printf(" server %d:%d:%d", c.u32(), c.u32(), c.u32())
}

func (c *rxCur) ubikVersion(label string) {
	c.p.puts(label)
	c.need(8)
	c.p.printf(" %d.%d", c.u32(), c.u32())
}

// date is DATEOUT: a 32-bit time in local time.
func (c *rxCur) date(label string) {
	c.p.puts(label)
	t := time.Unix(int64(int32(c.u32())), 0).In(c.p.o.Location)
	c.p.puts(" ")
	c.p.out = t.AppendFormat(c.p.out, "2006/01/02 15:04:05")
}

// str is STROUT: a counted string of at most max bytes.
func (c *rxCur) str(label string, max uint32) {
	c.p.puts(label)
	n := c.u32()
	if n > max {
		c.p.softTrunc()
	}
	c.p.puts(" \"")
	for i := 0; i < int(n); i++ {
		if c.off+i >= len(c.b) {
			c.p.softTrunc()
		}
		c.p.fnPrintChar(c.b[c.off+i])
	}
	c.p.puts("\"")
	c.off += int(n+3) / 4 * 4
}

// vec is VECOUT: a string stored one character per 32-bit word.
func (c *rxCur) vec(label string, max int) {
	c.p.puts(label)
	c.need(max * 4)
	s := make([]byte, 0, max)
	for k := 0; k < max; k++ {
		s = append(s, byte(c.u32()))
	}
	c.p.puts(" \"")
	for _, ch := range s {
		if ch == 0 {
			break
		}
		c.p.fnPrintChar(ch)
	}
	c.p.puts("\"")
}

// uuid is AFSUUIDOUT.
func (c *rxCur) uuid(label string) {
	c.p.puts(label)
	c.need(44)
	c.p.printf(" %08x%04x%04x", c.u32(), c.u32(), c.u32())
	for i := 0; i < 8; i++ {
		c.p.printf("%02x", byte(c.u32()))
	}
}

// storeAttr is STOREATTROUT.
func (c *rxCur) storeAttr() {
	c.need(24)
	mask := c.u32()
	if mask != 0 {
		c.p.puts(" StoreStatus")
	}
	if mask&1 != 0 {
		c.date(" date")
	} else {
		c.off += 4
	}
	for i, f := range []string{" owner %d", " group %d", " mode %o", " segsize %d"} {
		v := c.u32()
		if mask&(2<<i) != 0 {
			if i == 2 {
				v &= 0o7777
			}
			c.p.printf(f, v)
		}
	}
	if mask&1024 != 0 {
		c.p.puts(" fsync")
	}
}

// list prints j entries with each (the "<none!>" form when empty); comma
// separates them as the fid and server lists do.
func (c *rxCur) list(comma bool, each func()) {
	j := c.u32()
	for i := uint32(0); i < j; i++ {
		each()
		if comma && i != j-1 {
			c.p.puts(",")
		}
	}
	if j == 0 {
		c.p.puts(" <none!>")
	}
}

// acl is the Store/Fetch ACL argument: a counted opaque string holding
// acl_print's text form.
func (c *rxCur) acl() {
	i := c.u32()
	c.need(int(i))
	n := min(int(i), 1024)
	s := c.b[c.off : c.off+n]
	for k, ch := range s {
		if ch == 0 {
			s = s[:k]
			break
		}
	}
	c.p.aclPrint(s)
}

// rxLabel, deferred by a service printer, prints its " [|fs]"-style
// truncation label and lets rx_print finish the line.
func (p *Printer) rxLabel(name string) {
	if r := recover(); r != nil {
		if t, ok := r.(truncated); ok && t.soft {
			p.printf(" [|%s]", name)
			return
		}
		panic(r)
	}
}

// rxService is one AFS service: its port's printers and opcode table.
type rxService struct {
	name  string
	tab   []tokRange
	ubik  bool // a replicated database: Ubik opcodes print as ubik calls
	call  func(c *rxCur, op uint32)
	reply func(c *rxCur, op uint32) // data replies; nil prints nothing
}

func (p *Printer) rxServiceFor(port uint16) (rxService, bool) {
	switch port {
	case 7000:
		return rxService{name: "fs", tab: rxFsReq, call: p.fsCall}, true
	case 7001:
		return rxService{name: "cb", tab: rxCbReq, call: p.cbCall, reply: p.cbReply}, true
	case 7002:
		return rxService{name: "pt", tab: rxPtReq, ubik: true, call: p.ptCall, reply: p.ptReply}, true
	case 7003:
		return rxService{name: "vldb", tab: rxVldbReq, ubik: true, call: p.vldbCall, reply: p.vldbReply}, true
	case 7004:
		return rxService{name: "kauth", tab: rxKauthReq, ubik: true, call: p.kauthCall}, true
	case 7005:
		return rxService{name: "vol", tab: rxVolReq, call: p.volCall, reply: p.volReply}, true
	case 7007:
		return rxService{name: "bos", tab: rxBosReq, call: p.bosCall}, true
	}
	return rxService{}, false
}

// rxCallPrint is the call half of fs_print, cb_print, prot_print, ...
func (p *Printer) rxCallPrint(b []byte, length int, dport uint16) {
	s, ok := p.rxServiceFor(dport)
	if !ok || length <= rxHdrLen {
		return
	}
	op := p.u32(b, rxHdrLen)
	c := &rxCur{p: p, b: b, off: rxHdrLen + 4}
	if s.ubik {
		p.printf(" %s", s.name)
		if isUbik(op) {
			defer p.rxLabel("ubik")
			p.printf(" ubik call %s", rxOp(rxUbikReq, op))
			p.ubikCall(c, op)
			return
		}
		p.printf(" call %s", rxOp(s.tab, op))
	} else {
		p.printf(" %s call %s", s.name, rxOp(s.tab, op))
	}
	defer p.rxLabel(s.name)
	s.call(c, op)
}

// rxReplyPrint is the reply half (fs_reply_print, ...): a reply or abort
// named with the opcode its call left in the cache.
func (p *Printer) rxReplyPrint(b []byte, length int, sport uint16, op uint32) {
	s, ok := p.rxServiceFor(sport)
	// prot_reply_print and vldb_reply_print test "<", the others "<=".
	if !ok || length < rxHdrLen || (length == rxHdrLen && sport != 7002 && sport != 7003) {
		return
	}
	typ := b[20]
	c := &rxCur{p: p, b: b, off: rxHdrLen}
	if s.ubik {
		p.printf(" %s", s.name)
		if isUbik(op) {
			defer p.rxLabel("ubik")
			p.printf(" ubik reply %s", rxOp(rxUbikReq, op))
			p.ubikReply(c, op, typ)
			return
		}
		p.printf(" reply %s", rxOp(s.tab, op))
	} else {
		p.printf(" %s reply %s", s.name, rxOp(s.tab, op))
	}
	defer p.rxLabel(s.name)
	switch {
	case sport == 7000:
		p.fsReply(c, op, typ)
	case typ != 1:
		c.int(" errcode")
	case s.reply != nil:
		s.reply(c, op)
	}
}

func (p *Printer) fsCall(c *rxCur, op uint32) {
	switch op {
	case 130:
		c.fid()
		c.word(" offset")
		c.word(" length")
	case 131, 132, 143, 144, 145, 156, 157, 158:
		c.fid()
	case 135:
		c.fid()
		c.storeAttr()
	case 133:
		c.fid()
		c.storeAttr()
		c.word(" offset")
		c.word(" length")
		c.word(" flen")
	case 134:
		c.fid()
		c.acl()
	case 137, 141:
		c.fid()
		c.str("", 256)
		c.storeAttr()
	case 136, 142:
		c.fid()
		c.str("", 256)
	case 138:
		p.puts(" old")
		c.fid()
		c.str("", 256)
		p.puts(" new")
		c.fid()
		c.str("", 256)
	case 139:
		c.fid()
		c.str("", 256)
		c.str(" link to", 256)
	case 140:
		c.fid()
		c.str("", 256)
		p.puts(" link to")
		c.fid()
	case 148:
		c.str("", 256)
	case 149, 150:
		c.word(" volid")
	case 154:
		c.str(" volname", 256)
	case 155, 65536:
		c.list(true, c.fid)
	case 65537:
		c.fid()
		c.u64(" offset")
		c.u64(" length")
	case 65538:
		c.fid()
		c.storeAttr()
		c.u64(" offset")
		c.u64(" length")
		c.u64(" flen")
	case 65541:
		c.word(" addr")
	}
}

func (p *Printer) cbCall(c *rxCur, op uint32) {
	switch op {
	case 204:
		c.list(true, c.fid)
		j := c.u32()
		if j != 0 {
			p.puts(";")
		}
		for i := uint32(0); i < j; i++ {
			c.int(" ver")
			c.date(" expires")
			c.u32() // callback type: looked up, never printed
		}
	case 214:
		c.uuid(" afsuuid")
	}
}

func (p *Printer) ptCall(c *rxCur, op uint32) {
	switch op {
	case 500:
		c.str("", 64)
		c.int(" id")
		c.int(" oldid")
	case 501, 506, 508, 512, 514, 517, 518, 519, 530:
		c.int(" id")
	case 502:
		c.int(" pos")
	case 503, 507, 515:
		c.int(" uid")
		c.int(" gid")
	case 504:
		c.list(false, func() { c.vec("", 64) })
	case 505:
		p.puts(" ids:")
		c.list(false, func() { c.int("") })
	case 509:
		c.str("", 64)
		c.int(" flag")
		c.int(" oid")
	case 511:
		c.int(" id")
		c.int(" gflag")
	case 513:
		c.int(" id")
		c.str("", 64)
		c.int(" oldid")
		c.int(" newid")
	case 520:
		c.int(" id")
		c.str("", 64)
	}
}

func (p *Printer) vldbCall(c *rxCur, op uint32) {
	switch op {
	case 501, 517:
		c.vec("", 65)
	case 502, 503, 507, 508, 509, 518:
		c.int(" volid")
		c.volType()
	case 504, 519, 524, 527:
		c.str("", 65)
	case 505:
		c.int(" bump")
	case 506, 520:
		c.int(" volid")
		c.volType()
		c.vec("", 65)
	case 510, 521:
		c.int(" index")
	}
}

func (c *rxCur) volType() {
	if i := c.u32(); i <= 2 {
		c.p.printf(" type %s", rxVolTypes[i])
	}
}

func (p *Printer) kauthCall(c *rxCur, op uint32) {
	switch op {
	case 1, 21, 22, 2, 5, 6, 7, 8, 14, 15:
		c.str(" principal", 64)
		c.str("", 64)
	case 3, 23:
		c.int(" kvno")
		c.str(" domain", 64)
		i := c.u32()
		c.need(int(i))
		c.off += int(i)
		c.str(" principal", 64)
		c.str("", 64)
	case 4:
		c.str(" principal", 64)
		c.str("", 64)
		c.int(" kvno")
	case 12:
		c.str(" name", 64)
	}
}

func (p *Printer) volCall(c *rxCur, op uint32) {
	switch op {
	case 100:
		c.word(" partition")
		c.str(" name", 256)
		c.word(" type")
		c.word(" parent")
	case 101, 107, 104:
		c.word(" trans")
	case 102:
		c.word(" totrans")
		c.word(" flags")
	case 103:
		c.word(" fromtrans")
		c.date(" fromdate")
		c.destServer()
		c.int(" desttrans")
	case 105:
		c.word(" trans")
		c.word(" purgevol")
		c.word(" newtype")
		c.str(" newname", 256)
	case 106:
		c.word(" trans")
		c.word(" flags")
	case 108:
		c.word(" vol")
		c.word(" partition")
		c.word(" flags")
	case 109, 655537:
		c.word(" fromtrans")
		c.date(" fromdate")
	case 110:
		c.word(" index")
	case 111:
		c.word(" tid")
		c.word(" newsite")
	case 112, 113:
		p.puts(" tid")
	case 114:
		c.str(" name", 256)
		c.word(" type")
		c.word(" pid")
		c.word(" cloneid")
	case 116:
		c.word(" partition")
		c.word(" flags")
	case 117:
		c.word(" tid")
		c.str(" name", 256)
		c.word(" type")
		c.word(" pid")
		c.word(" clone")
		c.word(" backup")
	case 119:
		c.str(" name", 256)
	case 120, 126:
		c.word(" tid")
	case 121, 122, 124, 125, 65536:
		c.word(" partid")
		c.word(" volid")
	case 123:
		c.word(" tid")
		c.date(" date")
	case 128:
		c.word(" fromtrans")
		c.date(" fromdate")
		c.list(true, c.destServer)
	case 65538:
		c.word(" fromtrans")
		c.date(" fromdate")
		c.word(" flags")
	}
}

func (p *Printer) bosCall(c *rxCur, op uint32) {
	switch op {
	case 80:
		c.str(" type", 256)
		c.str(" instance", 256)
	case 81, 83, 85, 87, 88, 93, 96, 97, 104, 106, 108, 112, 114:
		c.str("", 256)
	case 82, 98:
		c.str("", 256)
		c.int(" status")
	case 86:
		c.str("", 256)
		c.int(" num")
	case 84, 89, 90, 91, 92, 95:
		c.int("")
	case 105:
		c.str("", 256)
		c.int(" size")
		c.int(" flags")
		c.int(" date")
	}
}

func (p *Printer) ubikCall(c *rxCur, op uint32) {
	switch op {
	case 10000:
		p.printf(" syncsite %s", cond(c.u32() != 0, "yes", "no"))
		c.date(" votestart")
		c.ubikVersion(" dbversion")
		c.ubikVersion(" tid")
	case 10003:
		c.word(" site")
	case 20000, 20001, 20007, 20008, 20010:
		c.ubikVersion(" tid")
	case 20002:
		c.ubikVersion(" tid")
		c.int(" file")
		c.int(" pos")
		c.int(" length")
		c.u32() // lock type: looked up, never printed
	case 20003:
		c.ubikVersion(" tid")
		c.int(" file")
		c.int(" pos")
	case 20005:
		c.int(" file")
	case 20006:
		c.int(" file")
		c.int(" length")
		c.ubikVersion(" dbversion")
	case 20009:
		c.ubikVersion(" tid")
		c.int(" file")
		c.int(" length")
	case 20012:
		c.ubikVersion(" tid")
		c.ubikVersion(" oldversion")
		c.ubikVersion(" newversion")
	}
}

func (p *Printer) fsReply(c *rxCur, op uint32, typ uint8) {
	switch typ {
	case 1:
		switch op {
		case 131:
			c.acl()
		case 137, 141:
			p.puts(" new")
			c.fid()
		case 151:
			c.str(" root volume", 256)
		case 153:
			c.date("")
		}
	case 4:
		e := int32(c.u32())
		if e >= 101 && e <= 112 {
			p.printf(" error %s", rxFsErrors[e-101])
		} else if e == -100 {
			p.puts(" error restarting fileserver")
		} else {
			p.printf(" error #%d", e)
		}
	default:
		p.printf(" strange fs reply of type %d", typ)
	}
}

func (p *Printer) cbReply(c *rxCur, op uint32) {
	if op == 213 {
		c.uuid("")
	}
}

func (p *Printer) ptReply(c *rxCur, op uint32) {
	switch op {
	case 504:
		p.puts(" ids:")
		c.list(false, func() { c.int("") })
	case 505:
		c.list(false, func() { c.vec("", 64) })
	case 508, 514, 517, 518, 519:
		c.list(false, func() { c.int("") })
	case 510:
		c.int(" maxuid")
		c.int(" maxgid")
	}
}

func (p *Printer) vldbReply(c *rxCur, op uint32) {
	switch op {
	case 510, 521, 529:
		c.int(" count")
		c.int(" nextindex")
	}
	switch op {
	case 503, 504, 510:
		c.vec("", 65)
		c.need(4)
		c.off += 4
		c.servers(8, false)
	case 505:
		c.word(" newvol")
	case 518, 519, 521, 529:
		c.vec("", 65)
		c.servers(13, false)
	case 526, 527:
		c.vec("", 65)
		c.servers(13, true)
	}
}

// servers prints a VLDB entry's server addresses (or UUIDs), partitions
// and volume ids.
func (c *rxCur) servers(n int, uuids bool) {
	c.p.puts(" numservers")
	ns := c.u32()
	c.p.printf(" %d servers", ns)
	for i := 0; i < n; i++ {
		switch {
		case uuids && uint32(i) < ns:
			c.uuid(" afsuuid")
		case uuids:
			c.need(44)
			c.off += 44
		default:
			c.need(4)
			if uint32(i) < ns {
				c.p.printf(" %d.%d.%d.%d", c.b[c.off], c.b[c.off+1], c.b[c.off+2], c.b[c.off+3])
			}
			c.off += 4
		}
	}
	if uuids {
		c.need(4 * 13)
		c.off += 4 * 13
	}
	c.p.puts(" partitions")
	for i := 0; i < n; i++ {
		j := c.u32()
		if uint32(i) < ns && j <= 26 {
			c.p.printf(" %c", 'a'+j)
		} else if uint32(i) < ns {
			c.p.printf(" %d", j)
		}
	}
	c.need(n * 4)
	c.off += n * 4
	c.word(" rwvol")
	c.word(" rovol")
	c.word(" backup")
}

func (p *Printer) volReply(c *rxCur, op uint32) {
	switch op {
	case 100:
		c.word(" volid")
		c.word(" trans")
	case 104, 107:
		c.word("")
	case 105:
		c.word(" newvol")
	case 108:
		c.word(" trans")
	case 110:
		c.word(" volume")
		c.word(" partition")
	case 112:
		c.str("", 256)
	case 113:
		for _, f := range []string{" volid", " nextuniq", " type", " parentid", " clone", " backup", " restore", " maxquota", " minquota", " owner"} {
			c.word(f)
		}
		for _, f := range []string{" create", " access", " update", " expire", " backup", " copy"} {
			c.date(f)
		}
	case 116, 121:
		c.list(true, func() {
			c.vec(" name", 32)
			c.word(" volid")
			p.puts(" type")
			c.off += 4 * 21
		})
	}
}

func (p *Printer) ubikReply(c *rxCur, op uint32, typ uint8) {
	switch {
	case typ == 1 && op == 10000:
		p.puts(" vote no")
	case typ == 1 && op == 20004:
		c.ubikVersion(" dbversion")
	case typ != 1 && op == 10000:
		c.date(" vote yes until")
	case typ != 1:
		c.int(" errcode")
	}
}

// rxAck is rx_ack_print.
func (p *Printer) rxAck(b []byte, length int) {
	if length < rxHdrLen {
		return
	}
	defer p.rxLabel("ack")
	c := &rxCur{p: p, b: b, off: rxHdrLen}
	c.need(18)
	if p.o.Verbose > 2 {
		p.printf(" bufspace %d maxskew %d", p.u16(b, c.off), p.u16(b, c.off+2))
	}
	first := p.u32(b, c.off+4)
	reason := b[c.off+16]
	p.printf(" first %d serial %d reason %s", first, p.u32(b, c.off+12), strName(rxAckReasons, int(reason), "#"+itoa(int(reason))))
	nAcks := int(b[c.off+17])
	c.off += 18
	if nAcks != 0 {
		c.need(nAcks)
		acks := c.b[c.off : c.off+nAcks]
		p.rxAckRanges(acks, first, 1, " acked")
		p.rxAckRanges(acks, first, 0, " nacked")
		c.off += nAcks
	}
	c.off += 3
	if p.o.Verbose > 1 {
		for _, f := range []string{" ifmtu", " maxmtu", " rwind", " maxpackets"} {
			if len(b)-c.off < 4 {
				return
			}
			c.word(f)
		}
	}
}

// rxAckRanges collapses the packets whose ack byte is want into ranges.
func (p *Printer) rxAckRanges(acks []byte, first uint32, want byte, label string) {
	start, last := -2, -2
	i := 0
	for ; i < len(acks); i++ {
		if acks[i] == want {
			if last == -2 {
				p.printf("%s %d", label, first+uint32(i))
				start = i
			} else if last != i-1 {
				p.printf(",%d", first+uint32(i))
				start = i
			}
			last = i
		} else if last == i-1 && start != last {
			p.printf("-%d", first+uint32(i)-1)
		}
	}
	if last == i-1 && start != last {
		p.printf("-%d", first+uint32(i)-1)
	}
}

// aclPrint is acl_print: "<npos> <nneg>" then "<user> <rights>" lines.
func (p *Printer) aclPrint(s []byte) {
	sc := &cScan{s: s}
	pos, ok1 := sc.int()
	neg, ok2 := sc.int()
	if !ok1 || !ok2 {
		return
	}
	sc.space()
	for _, part := range []struct {
		n    int
		sign string
	}{{pos, " +{"}, {neg, " -{"}} {
		for i := 0; i < part.n; i++ {
			user, ok := sc.word()
			if !ok {
				return
			}
			acl, ok := sc.int()
			if !ok {
				return
			}
			sc.space()
			p.puts(part.sign)
			for _, ch := range user {
				p.fnPrintChar(ch)
			}
			p.puts(" ")
			for k, l := range "rlidwka" {
				if acl&[]int{1, 8, 4, 16, 2, 32, 64}[k] != 0 {
					p.out = append(p.out, byte(l))
				}
			}
			p.puts("}")
		}
	}
}

// cScan is the part of sscanf(3) acl_print uses: %d, %s and whitespace.
type cScan struct {
	s   []byte
	off int
}

func isCSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func (sc *cScan) space() {
	for sc.off < len(sc.s) && isCSpace(sc.s[sc.off]) {
		sc.off++
	}
}

func (sc *cScan) int() (int, bool) {
	sc.space()
	i, neg := sc.off, false
	if i < len(sc.s) && (sc.s[i] == '+' || sc.s[i] == '-') {
		neg = sc.s[i] == '-'
		i++
	}
	start := i
	var v int64
	for ; i < len(sc.s) && isDigit(sc.s[i]); i++ {
		if v < 1<<62 {
			v = v*10 + int64(sc.s[i]-'0')
		}
	}
	if i == start {
		return 0, false
	}
	sc.off = i
	if neg {
		v = -v
	}
	return int(int32(v)), true
}

func (sc *cScan) word() ([]byte, bool) {
	sc.space()
	start := sc.off
	for sc.off < len(sc.s) && !isCSpace(sc.s[sc.off]) && sc.off-start < 1024 {
		sc.off++
	}
	return sc.s[start:sc.off], sc.off > start
}
