package container

import (
	"strings"
	"testing"
)

const (
	idA = "6861d9c15b33c5f27bf8cfad554a2a0837990cbd50131a582a62aaa644a99cda"
	idB = "2aa6882007049403c76c3294012f57a23aca06992873ce0e039817f8533b51a5"
)

// TestCgroupPatterns: the ID and runtime are found in every layout of
// users-and-peers.md §4, and monitors (conmon) and host processes are not
// taken for containers.
func TestCgroupPatterns(t *testing.T) {
	for _, tc := range []struct {
		file string
		id   string
		rt   Runtime
	}{
		// Docker, cgroup v1 cgroupfs (this machine) and v2 systemd.
		{"9:name=systemd:/docker/" + idA + "\n4:memory:/docker/" + idA + "\n0::/docker/" + idA + "\n", idA, Docker},
		{"0::/system.slice/docker-" + idA + ".scope\n", idA, Docker},
		// Kubernetes, systemd driver: containerd, CRI-O, cri-dockerd.
		{"0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0a1b2c3d_4e5f_6789_abcd_ef0123456789.slice/cri-containerd-" + idA + ".scope\n", idA, Containerd},
		{"0::/kubepods.slice/kubepods-pod0a1b2c3d_4e5f.slice/crio-" + idA + ".scope\n", idA, CRIO},
		{"0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-podx.slice/docker-" + idA + ".scope\n", idA, Docker},
		// Kubernetes, cgroupfs driver: no runtime in the path.
		{"11:memory:/kubepods/burstable/pod0a1b2c3d-4e5f/" + idA + "\n", idA, Unknown},
		{"0::/kubepods/pod0a1b2c3d-4e5f/" + idA + "\n", idA, Unknown},
		// Seen from a private cgroup namespace: relative, still has the ID.
		{"0::/../../kubepods.slice/kubepods-pod1.slice/cri-containerd-" + idA + ".scope\n", idA, Containerd},
		// CRI-O without .scope; Podman cgroupfs, systemd, nested.
		{"0::/kubepods/besteffort/pod1/crio-" + idA + "\n", idA, CRIO},
		{"9:name=systemd:/libpod_parent/libpod-" + idB + "\n", idB, Podman},
		{"0::/machine.slice/libpod-" + idB + ".scope\n", idB, Podman},
		{"0::/machine.slice/libpod-" + idB + ".scope/container\n", idB, Podman},
		{"0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + idB + ".scope\n", idB, Podman},
		{"0::/system.slice/nerdctl-" + idA + ".scope\n", idA, Containerd},
		{"0::/moby/" + idA + "\n", idA, Docker},
		// Monitors and non-containers.
		{"0::/machine.slice/libpod-conmon-" + idB + ".scope\n", "", ""},
		{"0::/kubepods.slice/crio-conmon-" + idA + ".scope\n", "", ""},
		{"0::/system.slice/ssh.service\n", "", ""},
		{"0::/\n", "", ""},
		{"0::/docker/" + strings.ToUpper(idA) + "\n", "", ""},
		{"0::/docker/" + idA[:63] + "\n", "", ""},
		{"0::/docker/x" + idA + "\n", "", ""},
		{"garbage", "", ""},
	} {
		id, rt := cgroupContainer(tc.file)
		if id != tc.id || rt != tc.rt {
			t.Errorf("%q: got %q %q, want %q %q", tc.file, id, rt, tc.id, tc.rt)
		}
	}
}
