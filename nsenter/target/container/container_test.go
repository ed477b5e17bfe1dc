package container

import (
	"strings"
	"testing"
	"time"
)

func TestParseRefs(t *testing.T) {
	for _, tc := range []struct {
		in     string
		scheme bool // ParseSchemeRef accepts it
		ok     bool // ParseRef accepts it
		rt     Runtime
		id     string
	}{
		{"docker://" + idA, true, true, Docker, idA},
		{"containerd://" + idA, true, true, Containerd, idA},
		{"cri-o://" + idA, true, true, CRIO, idA},
		{"podman://2aa688200704", true, true, Podman, "2aa688200704"},
		{"docker://", false, false, "", ""},
		{"docker://WEB", false, false, "", ""},
		{"rkt://" + idA, false, false, "", ""},
		{"web", false, true, "", ""},
		{"6861d9c15b33", false, true, "", ""},
		{"", false, false, "", ""},
		{"1234", false, true, "", ""},
	} {
		r, ok := ParseSchemeRef(tc.in)
		if ok != tc.scheme || ok && (r.Runtime != tc.rt || r.ID != tc.id || r.Text != tc.in) {
			t.Errorf("ParseSchemeRef(%q) = %+v, %v", tc.in, r, ok)
		}
		r, ok = ParseRef(tc.in)
		if ok != tc.ok || ok && r.Text != tc.in {
			t.Errorf("ParseRef(%q) = %+v, %v", tc.in, r, ok)
		}
	}
}

func TestParsePodRef(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want PodRef
		ok   bool
	}{
		{"default/web", PodRef{"default", "web", ""}, true},
		{"kube-system/coredns-5d78c9869d-x2x4z/coredns", PodRef{"kube-system", "coredns-5d78c9869d-x2x4z", "coredns"}, true},
		{"web", PodRef{}, false},
		{"/web", PodRef{}, false},
		{"default/", PodRef{}, false},
		{"a/b/c/d", PodRef{}, false},
		{"a/b/", PodRef{}, false},
	} {
		got, ok := ParsePodRef(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("ParsePodRef(%q) = %+v, %v", tc.in, got, ok)
		}
		if ok && got.String() != tc.in {
			t.Errorf("String() = %q, want %q", got.String(), tc.in)
		}
	}
}

func TestParseRuntime(t *testing.T) {
	for in, want := range map[string]Runtime{"docker": Docker, "podman": Podman, "containerd": Containerd, "crio": CRIO, "cri-o": CRIO} {
		if got, ok := ParseRuntime(in); !ok || got != want {
			t.Errorf("ParseRuntime(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "Docker", "rkt", "unknown"} {
		if _, ok := ParseRuntime(in); ok {
			t.Errorf("ParseRuntime(%q) accepted", in)
		}
	}
}

func TestLabelAndTable(t *testing.T) {
	web := &Container{Runtime: Docker, ID: idA, Name: "web", PID: 2727}
	app := &Container{Runtime: Containerd, ID: idB, Name: "app", Pod: Pod{Namespace: "default", Name: "api-7d9f", Container: "app"}, PID: 31}
	sb := &Container{Runtime: CRIO, ID: idA, Sandbox: true, Pod: Pod{Namespace: "kube-system", Name: "dns"}, PID: 9}
	for c, want := range map[*Container]string{
		web:                         "web (docker 6861d9c15b33)",
		app:                         "app in pod default/api-7d9f (containerd 2aa688200704)",
		sb:                          "sandbox of pod kube-system/dns (crio 6861d9c15b33)",
		{Runtime: Unknown, ID: idA}: "unknown 6861d9c15b33",
	} {
		if got := c.Label(); got != want {
			t.Errorf("Label() = %q, want %q", got, want)
		}
	}
	var b strings.Builder
	WriteTable(&b, []Entry{{C: web, NetNS: 4026532183}, {C: app, HostNet: true}, {C: sb, NetNS: 7}})
	want := "" +
		"RUNTIME      CONTAINER ID   NAME        POD                PID    NETNS\n" +
		"docker       6861d9c15b33   web         -                  2727   net:[4026532183]\n" +
		"containerd   2aa688200704   app         default/api-7d9f   31     host\n" +
		"crio         6861d9c15b33   (sandbox)   kube-system/dns    9      net:[7]\n"
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestParseRFC3339 agrees with time.Parse on what Docker and Podman write.
func TestParseRFC3339(t *testing.T) {
	for _, s := range []string{
		"2026-12-03T06:52:32.15009528Z", "2026-12-03T06:52:32Z", "0001-01-01T00:00:00Z",
		"2026-12-03T07:52:32.123456789+01:00", "2026-12-03T01:22:32.5-05:30", "2024-02-29T23:59:59.999999999999Z",
	} {
		want, err := time.Parse(time.RFC3339Nano, s)
		got, ok := parseRFC3339(s)
		if err != nil || !ok || !got.Equal(want) {
			t.Errorf("%s: got %v %v, want %v %v", s, got, ok, want, err)
		}
	}
	for _, s := range []string{"", "2026-12-03", "2026-12-03T06:52:32", "2026-12-03T06:52:32+0100", "2026-12-03 06:52:32Z", "x026-12-03T06:52:32Z"} {
		if _, ok := parseRFC3339(s); ok {
			t.Errorf("%q accepted", s)
		}
	}
}
