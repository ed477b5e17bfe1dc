// Package release checks what `make release` and `make release-image`
// hand to users (issue #11): eight stripped static binaries, one per
// architecture, stamped with git describe's version; a tarball each with
// the binary, its nsenter and tcpdump links and the man page; SHA256SUMS;
// a multi-arch FROM-scratch image written offline. Two builds give the same
// bytes. The image runs `gonsenter --capture -r` and enters a target with
// the target's own programs.
//
// The build tests run `make release` twice (eight architectures each) and
// skip under -short. scripts/cross-test.sh (make cross-test) runs the
// binaries themselves under qemu-user.
package release

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gonsenter/gonsenter/tests/internal/nstest"
)

func TestMain(m *testing.M) {
	code := nstest.Main(m)
	if distDir != "" {
		os.RemoveAll(distDir)
	}
	os.Exit(code)
}

// arch is one release architecture: its file name, Go's GOARCH, the ELF
// machine and byte order it must have, and the OCI platform of its image.
type arch struct {
	name, goarch string
	machine      elf.Machine
	class        elf.Class
	order        string // "little" or "big"
	ociArch      string
	ociVariant   string
}

var arches = []arch{
	{"amd64", "amd64", elf.EM_X86_64, elf.ELFCLASS64, "little", "amd64", ""},
	{"arm64", "arm64", elf.EM_AARCH64, elf.ELFCLASS64, "little", "arm64", ""},
	{"armv7", "arm", elf.EM_ARM, elf.ELFCLASS32, "little", "arm", "v7"},
	{"386", "386", elf.EM_386, elf.ELFCLASS32, "little", "386", ""},
	{"riscv64", "riscv64", elf.EM_RISCV, elf.ELFCLASS64, "little", "riscv64", ""},
	{"s390x", "s390x", elf.EM_S390, elf.ELFCLASS64, "big", "s390x", ""},
	{"ppc64le", "ppc64le", elf.EM_PPC64, elf.ELFCLASS64, "little", "ppc64le", ""},
	{"loong64", "loong64", elf.EM_LOONGARCH, elf.ELFCLASS64, "little", "loong64", ""},
}

const testImage = "localhost/gonsenter-release-test"

var (
	distOnce sync.Once
	distDir  string // the first build, shared by the tests; removed by TestMain
	distErr  error
)

// needBuildTools skips a build test under -short or without the tools
// make release uses.
func needBuildTools(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the release twice for eight architectures: not under -short")
	}
	for _, tool := range []string{"make", "git", "go", "tar", "gzip", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: %v", tool, err)
		}
	}
}

// makeRelease runs make release and make release-image into dir.
func makeRelease(t *testing.T, dir string) error {
	t.Helper()
	cmd := exec.Command("make", "-s", "release", "release-image", "DIST="+dir, "LOAD=0", "IMAGE="+testImage)
	cmd.Dir = nstest.RepoRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("make release release-image DIST=%s: %v\n%s", dir, err, out)
	}
	t.Logf("make release release-image:\n%s", out)
	return nil
}

// firstDist is the first build, made once for the tests that need one.
func firstDist(t *testing.T) string {
	t.Helper()
	needBuildTools(t)
	distOnce.Do(func() {
		if distDir, distErr = os.MkdirTemp("", "gonsenter-dist-"); distErr != nil {
			return
		}
		distErr = makeRelease(t, distDir)
	})
	if distErr != nil {
		t.Fatal(distErr)
	}
	return distDir
}

// TestReleaseReproducible: a second make release into another directory
// gives the same files with the same bytes, and so the same SHA256SUMS.
func TestReleaseReproducible(t *testing.T) {
	a := firstDist(t)
	b := t.TempDir()
	if err := makeRelease(t, b); err != nil {
		t.Fatal(err)
	}
	fa, fb := tree(t, a), tree(t, b)
	if !slices.Equal(keys(fa), keys(fb)) {
		t.Fatalf("the two builds hold different files:\n%q\n%q", keys(fa), keys(fb))
	}
	for _, name := range keys(fa) {
		if fa[name] != fb[name] {
			t.Errorf("%s differs between two builds of the same tree", name)
		}
	}
	sa, _ := os.ReadFile(filepath.Join(a, "SHA256SUMS"))
	sb, _ := os.ReadFile(filepath.Join(b, "SHA256SUMS"))
	if len(sa) == 0 || !bytes.Equal(sa, sb) {
		t.Errorf("SHA256SUMS differ:\n%s\n%s", sa, sb)
	}
	t.Logf("%d files identical in both builds", len(fa))
}

// tree maps every file under dir (relative name) to its sha256 or, for a
// symlink, its target.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			m[rel] = "-> " + target
			return err
		}
		m[rel] = fileSHA(t, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func keys(m map[string]string) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	slices.Sort(k)
	return k
}

func fileSHA(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// releaseVersion is the version the release was stamped with, read from
// the amd64 tarball's name; it must extend `git describe`.
func releaseVersion(t *testing.T, dist string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dist, "gonsenter-*-linux-amd64.tar.gz"))
	if len(m) != 1 {
		t.Fatalf("no single amd64 tarball in %s: %q", dist, m)
	}
	v := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m[0]), "gonsenter-"), "-linux-amd64.tar.gz")
	out, err := exec.Command("git", "-C", nstest.RepoRoot(t), "describe", "--tags", "--always").Output()
	if err != nil {
		t.Fatalf("git describe: %v", err)
	}
	if d := strings.TrimSpace(string(out)); !strings.HasPrefix(v, d) {
		t.Errorf("release version %q does not come from git describe (%q)", v, d)
	}
	return v
}

// sourceDateEpoch is the last commit's time, the tarballs' only mtime.
func sourceDateEpoch(t *testing.T) time.Time {
	t.Helper()
	out, err := exec.Command("git", "-C", nstest.RepoRoot(t), "log", "-1", "--format=%ct").Output()
	if err != nil {
		t.Fatalf("git log: %v", err)
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return time.Unix(sec, 0)
}

// TestReleaseFiles: SHA256SUMS verifies every binary and tarball; each
// binary is a stripped static executable for its architecture (ELF
// machine, class and byte order), built with -trimpath, CGO_ENABLED=0 (and
// GOARM=7 for armv7), no VCS stamp and no build id, carrying the version;
// the amd64 one prints it.
func TestReleaseFiles(t *testing.T) {
	dist := firstDist(t)
	version := releaseVersion(t, dist)
	sums := readSums(t, dist)
	var want []string
	for _, a := range arches {
		want = append(want, "gonsenter-linux-"+a.name, "gonsenter-"+version+"-linux-"+a.name+".tar.gz")
	}
	slices.Sort(want)
	if got := keys(sums); !slices.Equal(got, want) {
		t.Fatalf("SHA256SUMS lists %q\nwant %q", got, want)
	}
	for name, sum := range sums {
		if got := fileSHA(t, filepath.Join(dist, name)); got != sum {
			t.Errorf("%s: sha256 %s, SHA256SUMS says %s", name, got, sum)
		}
	}
	root := []byte(nstest.RepoRoot(t))
	for _, a := range arches {
		t.Run(a.name, func(t *testing.T) {
			bin := filepath.Join(dist, "gonsenter-linux-"+a.name)
			checkELF(t, bin, a)
			checkBuildInfo(t, bin, a, version)
			if b, _ := os.ReadFile(bin); bytes.Contains(b, root) {
				t.Errorf("the binary holds the build directory %s (not -trimpath)", root)
			}
			fi, err := os.Stat(bin)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d bytes", filepath.Base(bin), fi.Size())
		})
	}
	out, err := exec.Command(filepath.Join(dist, "gonsenter-linux-amd64"), "--version").CombinedOutput()
	if want := "gonsenter " + version + " "; err != nil || !strings.HasPrefix(string(out), want) {
		t.Errorf("gonsenter --version: %v %q, want it to start with %q", err, out, want)
	}
}

func readSums(t *testing.T, dist string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		sum, name, ok := strings.Cut(l, "  ")
		if !ok || len(sum) != 64 {
			t.Fatalf("SHA256SUMS line %q is not sha256sum's format", l)
		}
		m[name] = sum
	}
	return m
}

func checkELF(t *testing.T, bin string, a arch) {
	t.Helper()
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	order := "little"
	if f.ByteOrder.String() == "BigEndian" {
		order = "big"
	}
	if f.Machine != a.machine || f.Class != a.class || order != a.order || f.Type != elf.ET_EXEC {
		t.Errorf("ELF %v %v %s-endian %v, want %v %v %s-endian executable", f.Machine, f.Class, order, f.Type, a.machine, a.class, a.order)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("not static: has %v", p.Type)
		}
	}
	for _, s := range f.Sections {
		if s.Name == ".symtab" || strings.HasPrefix(s.Name, ".debug_") || strings.HasPrefix(s.Name, ".zdebug_") {
			t.Errorf("not stripped (-s -w): has %s", s.Name)
		}
	}
	if s := f.Section(".note.go.buildid"); s != nil {
		if d, _ := s.Data(); bytes.Count(d, []byte("/")) >= 3 {
			t.Errorf("carries a Go build id (%q): not built with -buildid=", d)
		}
	}
}

func checkBuildInfo(t *testing.T, bin string, a arch, version string) {
	t.Helper()
	bi, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]string{}
	for _, s := range bi.Settings {
		set[s.Key] = s.Value
	}
	want := map[string]string{"-trimpath": "true", "CGO_ENABLED": "0", "GOOS": "linux", "GOARCH": a.goarch}
	if a.goarch == "arm" {
		want["GOARM"] = "7"
	}
	for k, v := range want {
		if set[k] != v {
			t.Errorf("build setting %s=%q, want %q", k, set[k], v)
		}
	}
	if _, ok := set["vcs.revision"]; ok {
		t.Errorf("VCS stamp present (not -buildvcs=false): the bytes would depend on the checkout")
	}
	// -trimpath keeps -ldflags out of the build info: the -X stamp shows
	// as the version's bytes in the binary (-s -w and -buildid= in checkELF).
	if b, _ := os.ReadFile(bin); !bytes.Contains(b, []byte(version)) {
		t.Errorf("the binary does not hold its version %q (-X ...version.Version)", version)
	}
}

// TestReleaseTarballs: each tarball holds gonsenter-VERSION-linux-ARCH/
// with the binary (the very bytes of the loose one), the man page and the
// nsenter and tcpdump links, in name order, owned by 0, all stamped with the
// last commit's time; gzip records neither a name nor a time.
func TestReleaseTarballs(t *testing.T) {
	dist := firstDist(t)
	version := releaseVersion(t, dist)
	epoch := sourceDateEpoch(t)
	man, err := os.ReadFile(filepath.Join(nstest.RepoRoot(t), "man", "gonsenter.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arches {
		t.Run(a.name, func(t *testing.T) {
			top := "gonsenter-" + version + "-linux-" + a.name
			bin, err := os.ReadFile(filepath.Join(dist, "gonsenter-linux-"+a.name))
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(filepath.Join(dist, top+".tar.gz"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			if zr.Name != "" || !zr.ModTime.IsZero() {
				t.Errorf("gzip header records name %q, time %v (not gzip -n)", zr.Name, zr.ModTime)
			}
			want := []string{
				top + "/ dir 0755",
				top + "/gonsenter file 0755 binary",
				top + "/gonsenter.1 file 0644 man",
				top + "/nsenter -> gonsenter",
				top + "/tcpdump -> gonsenter",
			}
			var got []string
			tr := tar.NewReader(zr)
			for {
				h, err := tr.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if h.Uid != 0 || h.Gid != 0 || !h.ModTime.Equal(epoch) {
					t.Errorf("%s: owner %d:%d, mtime %v; want 0:0 and %v", h.Name, h.Uid, h.Gid, h.ModTime, epoch)
				}
				got = append(got, describeEntry(t, tr, h, bin, man))
			}
			if !slices.Equal(got, want) {
				t.Errorf("tarball holds\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func describeEntry(t *testing.T, tr *tar.Reader, h *tar.Header, bin, man []byte) string {
	t.Helper()
	mode := fmt.Sprintf("%04o", h.Mode&0o7777)
	switch h.Typeflag {
	case tar.TypeDir:
		return h.Name + " dir " + mode
	case tar.TypeSymlink:
		return h.Name + " -> " + h.Linkname
	case tar.TypeReg:
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		what := "other content"
		switch {
		case bytes.Equal(b, bin):
			what = "binary"
		case bytes.Equal(b, man):
			what = "man"
		}
		return h.Name + " file " + mode + " " + what
	}
	return fmt.Sprintf("%s type %c", h.Name, h.Typeflag)
}

// ociDesc is an OCI content descriptor.
type ociDesc struct {
	MediaType string `json:"mediaType"`
	Digest    string `json:"digest"`
	Size      int64  `json:"size"`
	Platform  *struct {
		Architecture string `json:"architecture"`
		OS           string `json:"os"`
		Variant      string `json:"variant"`
	} `json:"platform"`
	Annotations map[string]string `json:"annotations"`
}

// TestReleaseImageArchive: the image archive is an OCI layout whose
// index, tagged with the version, names one manifest per architecture with
// its platform; each image's config says that platform, runs pause with
// PATH set, and its single layer is usr/local/bin/gonsenter (the release
// binary's bytes) with its nsenter, tcpdump and pause links, nothing more.
// The same archive loads into docker (manifest.json).
func TestReleaseImageArchive(t *testing.T) {
	dist := firstDist(t)
	version := releaseVersion(t, dist)
	files := readTar(t, filepath.Join(dist, "gonsenter-image-"+version+".tar"))
	blob := func(d string) []byte {
		t.Helper()
		b, ok := files["blobs/sha256/"+strings.TrimPrefix(d, "sha256:")]
		if !ok {
			t.Fatalf("blob %s missing", d)
		}
		if s := sha256.Sum256(b); "sha256:"+hex.EncodeToString(s[:]) != d {
			t.Fatalf("blob %s does not have its digest", d)
		}
		return b
	}
	if string(files["oci-layout"]) != `{"imageLayoutVersion":"1.0.0"}` {
		t.Errorf("oci-layout: %q", files["oci-layout"])
	}
	var top struct{ Manifests []ociDesc }
	decode(t, files["index.json"], &top)
	if len(top.Manifests) != 1 || top.Manifests[0].Annotations["org.opencontainers.image.ref.name"] != version {
		t.Fatalf("index.json: want one index tagged %s: %+v", version, top.Manifests)
	}
	var index struct{ Manifests []ociDesc }
	decode(t, blob(top.Manifests[0].Digest), &index)
	if len(index.Manifests) != len(arches) {
		t.Fatalf("the multi-arch index has %d manifests, want %d", len(index.Manifests), len(arches))
	}
	var dockerManifest []struct {
		Config   string
		RepoTags []string
		Layers   []string
	}
	decode(t, files["manifest.json"], &dockerManifest)
	if len(dockerManifest) != len(arches) {
		t.Fatalf("manifest.json has %d images, want %d", len(dockerManifest), len(arches))
	}
	for i, a := range arches {
		d := index.Manifests[i]
		if d.Platform == nil || d.Platform.OS != "linux" || d.Platform.Architecture != a.ociArch || d.Platform.Variant != a.ociVariant {
			t.Errorf("%s: platform %+v", a.name, d.Platform)
			continue
		}
		var m struct {
			Config ociDesc
			Layers []ociDesc
		}
		decode(t, blob(d.Digest), &m)
		var cfg struct {
			Architecture, OS, Variant string
			Config                    struct{ Env, Cmd []string }
			RootFS                    struct {
				DiffIDs []string `json:"diff_ids"`
			} `json:"rootfs"`
		}
		decode(t, blob(m.Config.Digest), &cfg)
		if cfg.Architecture != a.ociArch || cfg.Variant != a.ociVariant || cfg.OS != "linux" {
			t.Errorf("%s: config platform %s/%s/%s", a.name, cfg.OS, cfg.Architecture, cfg.Variant)
		}
		if !slices.Equal(cfg.Config.Cmd, []string{"pause"}) || len(cfg.Config.Env) != 1 || !strings.Contains(cfg.Config.Env[0], "/usr/local/bin") {
			t.Errorf("%s: Cmd %q Env %q", a.name, cfg.Config.Cmd, cfg.Config.Env)
		}
		if len(m.Layers) != 1 || len(cfg.RootFS.DiffIDs) != 1 {
			t.Fatalf("%s: %d layers, %d diff ids; want one", a.name, len(m.Layers), len(cfg.RootFS.DiffIDs))
		}
		layer := gunzip(t, blob(m.Layers[0].Digest))
		if s := sha256.Sum256(layer); "sha256:"+hex.EncodeToString(s[:]) != cfg.RootFS.DiffIDs[0] {
			t.Errorf("%s: the layer's diff id is wrong", a.name)
		}
		bin, _ := os.ReadFile(filepath.Join(dist, "gonsenter-linux-"+a.name))
		if got := layerFiles(t, layer, bin); got != "gonsenter=binary nsenter->gonsenter pause->gonsenter tcpdump->gonsenter" {
			t.Errorf("%s: usr/local/bin holds %s", a.name, got)
		}
		dm := dockerManifest[i]
		if !slices.Equal(dm.RepoTags, []string{testImage + ":" + version + "-" + a.name}) ||
			dm.Config != "blobs/sha256/"+strings.TrimPrefix(m.Config.Digest, "sha256:") ||
			!slices.Equal(dm.Layers, []string{"blobs/sha256/" + strings.TrimPrefix(m.Layers[0].Digest, "sha256:")}) {
			t.Errorf("%s: manifest.json entry %+v does not match the OCI manifest", a.name, dm)
		}
	}
}

func readTar(t *testing.T, name string) map[string][]byte {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files := map[string][]byte{}
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			b, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			files[strings.TrimPrefix(h.Name, "./")] = b
		}
	}
}

func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// layerFiles lists the layer's files: only directories on the way to
// usr/local/bin may exist besides them.
func layerFiles(t *testing.T, layer, bin []byte) string {
	t.Helper()
	var got []string
	tr := tar.NewReader(bytes.NewReader(layer))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		switch {
		case h.Typeflag == tar.TypeDir && slices.Contains([]string{"", "usr/", "usr/local/", "usr/local/bin/"}, name):
		case h.Typeflag == tar.TypeSymlink && strings.HasPrefix(name, "usr/local/bin/"):
			got = append(got, strings.TrimPrefix(name, "usr/local/bin/")+"->"+h.Linkname)
		case h.Typeflag == tar.TypeReg && name == "usr/local/bin/gonsenter":
			b, _ := io.ReadAll(tr)
			if bytes.Equal(b, bin) && h.Mode&0o111 != 0 {
				got = append(got, "gonsenter=binary")
			} else {
				got = append(got, "gonsenter=other")
			}
		default:
			got = append(got, "unexpected:"+name)
		}
	}
	slices.Sort(got)
	return strings.Join(got, " ")
}

// TestReleaseImageRuns loads the release image into docker and runs the
// amd64 one as users do: `gonsenter --capture -r` (and `tcpdump -r`) of a
// mounted capture prints what the release binary prints on the host, and
// `gonsenter -t PID -m -n ip -o addr` runs the target's ip (the image has
// none: without -m the same call fails with 127).
func TestReleaseImageRuns(t *testing.T) {
	dist := firstDist(t)
	nstest.DockerReady(t)
	version := releaseVersion(t, dist)
	if out, err := exec.Command("docker", "load", "-i", filepath.Join(dist, "gonsenter-image-"+version+".tar")).CombinedOutput(); err != nil {
		t.Fatalf("docker load: %v\n%s", err, out)
	}
	for _, a := range arches {
		tag := testImage + ":" + version + "-" + a.name
		t.Cleanup(func() { exec.Command("docker", "rmi", "-f", tag).Run() })
		got, _ := exec.Command("docker", "image", "inspect", "-f", "{{.Os}}/{{.Architecture}}/{{.Variant}}", tag).Output()
		if want := "linux/" + a.ociArch + "/" + a.ociVariant; strings.TrimSpace(string(got)) != want {
			t.Errorf("%s: docker sees platform %q, want %q", tag, got, want)
		}
	}
	img := testImage + ":" + version + "-amd64"
	host := filepath.Join(dist, "gonsenter-linux-amd64")

	captures := filepath.Join(nstest.RepoRoot(t), "pcap", "printer", "testdata", "captures")
	out := nstest.TempDir(t)
	for _, c := range []string{"synthetic-en10mb.pcap", "netns-veth.pcap"} {
		want, _ := run(t, host, "--capture", "-n", "-r", filepath.Join(captures, c), "-w", filepath.Join(out, "host-"+c), "--print")
		for _, face := range [][]string{{"gonsenter", "--capture"}, {"tcpdump"}} {
			args := append([]string{"run", "--rm", "-v", captures + ":/cap:ro", "-v", out + ":/out", img},
				append(face, "-n", "-r", "/cap/"+c, "-w", "/out/image-"+c, "--print")...)
			got, code := run(t, "docker", args...)
			if code != 0 || got != want || want == "" {
				t.Errorf("%s -r %s in the image: exit %d\n%s\nwant (the release binary on the host)\n%s", face[0], c, code, got, want)
			}
			if fileSHA(t, filepath.Join(out, "host-"+c)) != fileSHA(t, filepath.Join(out, "image-"+c)) {
				t.Errorf("%s -r %s -w: the image wrote other bytes than the host binary", face[0], c)
			}
		}
	}

	tg, err := nstest.Launch(t, "unshare", "--net", "sleep", "1000")
	tg = nstest.Need(t, tg, err)
	pid := strconv.Itoa(tg.Pid)
	if _, code := run(t, host, "-t", pid, "-n", "ip", "link", "set", "lo", "up"); code != 0 {
		t.Fatal("cannot bring the target's lo up")
	}
	want, code := run(t, host, "-t", pid, "-n", "ip", "-o", "addr")
	if code != 0 || !strings.Contains(want, "127.0.0.1") {
		t.Fatalf("ip -o addr in the target from the host: exit %d %q", code, want)
	}
	docker := dockerPrivileged(t, img)
	got, code := run(t, "docker", append(docker, "gonsenter", "-t", pid, "-m", "-n", "ip", "-o", "addr")...)
	if code != 0 || got != want {
		t.Errorf("gonsenter -t PID -m -n ip -o addr in the image: exit %d\n%s\nwant\n%s", code, got, want)
	}
	got, code = runAll(t, "docker", append(docker, "gonsenter", "-t", pid, "-n", "ip", "-o", "addr")...)
	if code != 127 || !strings.Contains(got, "gonsenter: failed to execute ip: No such file or directory") {
		t.Errorf("without -m the image has no ip: want exit 127 and execvp's error, got %d %q", code, got)
	}
}

// dockerPrivileged returns the docker arguments that run img with the
// host's PIDs and what entering namespaces needs: --privileged, or where
// this machine cannot grant it, the capabilities the DaemonSet names.
func dockerPrivileged(t *testing.T, img string) []string {
	t.Helper()
	priv := []string{"run", "--rm", "--pid", "host", "--network", "none", "--privileged", img}
	if out, err := exec.Command("docker", append(priv, "gonsenter", "--version")...).CombinedOutput(); err == nil {
		return priv
	} else {
		t.Logf("--privileged is not possible here (%s); using capabilities", strings.TrimSpace(string(out)))
	}
	return []string{"run", "--rm", "--pid", "host", "--network", "none",
		"--cap-add", "SYS_ADMIN", "--cap-add", "SYS_PTRACE", "--cap-add", "SYS_CHROOT",
		"--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined", img}
}

// run returns a command's stdout and exit status (stderr is logged).
func run(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	code := exitCode(t, cmd.Run())
	if e.Len() > 0 {
		t.Logf("%s %q stderr: %s", name, args, e.String())
	}
	return o.String(), code
}

// runAll returns a command's stdout and stderr together and its status.
func runAll(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	return string(out), exitCode(t, err)
}

func exitCode(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatal(err)
	return -1
}

// TestReleaseImageMatchesDaemonSetImage: Dockerfile.release and the image
// release-image.sh writes have the DaemonSet image's PATH and command
// (Dockerfile's final stage), and the buildx platforms in Dockerfile.release
// are the release's architectures. Cheap: runs under -short too.
func TestReleaseImageMatchesDaemonSetImage(t *testing.T) {
	root := nstest.RepoRoot(t)
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	df, rel, script, mk := read("Dockerfile"), read("Dockerfile.release"), read("scripts/release-image.sh"), read("Makefile")
	final := df[strings.LastIndex(df, "\nFROM "):]
	line := func(s, prefix string) string {
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		return ""
	}
	for _, p := range []string{"ENV PATH=", "CMD "} {
		if w, g := line(final, p), line(rel, p); w == "" || g != w {
			t.Errorf("Dockerfile.release has %q, the DaemonSet image %q", g, w)
		}
	}
	if !strings.HasPrefix(rel[strings.LastIndex(rel, "\nFROM "):], "\nFROM scratch") {
		t.Errorf("Dockerfile.release is not FROM scratch")
	}
	if w := "IMAGE_PATH=" + strings.TrimPrefix(line(final, "ENV PATH="), "ENV PATH="); line(script, "IMAGE_PATH=") != w {
		t.Errorf("release-image.sh: %q, want %q", line(script, "IMAGE_PATH="), w)
	}
	if line(final, "CMD ") != `CMD ["pause"]` || line(script, "IMAGE_CMD=") != "IMAGE_CMD=pause" {
		t.Errorf("release-image.sh's command %q is not the DaemonSet image's %q", line(script, "IMAGE_CMD="), line(final, "CMD "))
	}
	var names, platforms []string
	for _, a := range arches {
		names = append(names, a.name)
		p := "linux/" + a.ociArch
		if a.ociVariant != "" {
			p += "/" + a.ociVariant
		}
		platforms = append(platforms, p)
	}
	if m := regexp.MustCompile(`(?m)^RELEASE_ARCHES\s*\?=\s*(.*)$`).FindStringSubmatch(mk); m == nil || strings.Join(strings.Fields(m[1]), " ") != strings.Join(names, " ") {
		t.Errorf("Makefile RELEASE_ARCHES %q, want %q", m, names)
	}
	if !strings.Contains(rel, "--platform "+strings.Join(platforms, ",")+" ") {
		t.Errorf("Dockerfile.release's buildx command does not build %s", strings.Join(platforms, ","))
	}
}
