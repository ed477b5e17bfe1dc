package jsonv_test

import (
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/gonsenter/gonsenter/internal/jsonv"
)

// corpus holds realistic container-runtime documents of the kinds gonsenter
// reads, written for these tests (trimmed, with plausible values). They seed
// the differential test and the fuzzer.
var corpus = []string{
	// runc state.json excerpts.
	`{"id":"c1","init_process_pid":4242,"init_process_start":18446744073709551615,"created":"2024-05-01T10:00:00.123456789Z","config":{"rootfs":"/run/containerd/io.containerd.runtime.v2.task/k8s.io/c1/rootfs"},"rootless":false,"cgroup_paths":{"":"/sys/fs/cgroup/kubepods.slice/kubepods-pod1.slice/cri-containerd-c1.scope"},"namespace_paths":{"NEWNET":"/proc/4242/ns/net","NEWNS":"/proc/4242/ns/mnt","NEWPID":"/proc/4242/ns/pid"},"external_descriptors":["/dev/null","pipe:[93412]","pipe:[93413]"],"intel_rdt_path":""}`,
	`{"id":"web","init_process_pid":1187,"init_process_start":9876543,"created":"2023-11-20T08:15:30Z","rootless":true,"cgroup_paths":{"blkio":"/sys/fs/cgroup/blkio/user.slice/web","cpu":"/sys/fs/cgroup/cpu,cpuacct/user.slice/web","cpuset":"/sys/fs/cgroup/cpuset/web","devices":"/sys/fs/cgroup/devices/user.slice/web","memory":"/sys/fs/cgroup/memory/user.slice/web","pids":"/sys/fs/cgroup/pids/user.slice/web"},"namespace_paths":{"NEWUSER":"/proc/1187/ns/user","NEWUTS":"/proc/1187/ns/uts","NEWIPC":"/proc/1187/ns/ipc"}}`,
	"{\n  \"id\": \"pause\",\n  \"init_process_pid\": 1,\n  \"init_process_start\": 0,\n  \"created\": \"2024-01-01T00:00:00Z\",\n  \"config\": null\n}\n",
	`{"init_process_pid":-1,"init_process_start":12.5,"cgroup_paths":{}}`,
	// OCI runtime spec config.json.
	`{"ociVersion":"1.1.0","process":{"terminal":false,"user":{"uid":0,"gid":0,"additionalGids":[0,1,2,3,4,6,10,11,20,26,27]},"args":["/pause"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"cwd":"/","capabilities":{"bounding":["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FSETID","CAP_FOWNER","CAP_MKNOD","CAP_NET_RAW","CAP_SETGID","CAP_SETUID","CAP_SETFCAP","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_KILL","CAP_AUDIT_WRITE"]},"noNewPrivileges":true,"oomScoreAdj":-998},"root":{"path":"rootfs","readonly":true},"hostname":"pod-1","mounts":[{"destination":"/proc","type":"proc","source":"proc","options":["nosuid","noexec","nodev"]},{"destination":"/dev/shm","type":"bind","source":"/run/containerd/io.containerd.grpc.v1.cri/sandboxes/abc/shm","options":["rbind","ro","nosuid","nodev","noexec"]}],"annotations":{"io.kubernetes.cri.container-type":"sandbox","io.kubernetes.cri.sandbox-id":"abc123","io.kubernetes.cri.sandbox-name":"coredns-5d78c9869d-x7k2p","io.kubernetes.cri.sandbox-namespace":"kube-system","io.kubernetes.cri.sandbox-uid":"0b3f6c1e-91d2-4c1e-9a63-2f9b4e7d1a55"},"linux":{"resources":{"devices":[{"allow":false,"access":"rwm"}],"cpu":{"shares":2,"quota":-1,"period":100000}},"cgroupsPath":"kubepods-burstable-pod0b3f6c1e.slice:cri-containerd:abc123","namespaces":[{"type":"pid"},{"type":"ipc"},{"type":"uts"},{"type":"mount"},{"type":"network","path":"/var/run/netns/cni-1a2b3c4d"}],"maskedPaths":["/proc/acpi","/proc/kcore","/proc/keys"],"readonlyPaths":["/proc/bus","/proc/fs","/proc/irq","/proc/sys","/proc/sysrq-trigger"],"seccomp":{"defaultAction":"SCMP_ACT_ERRNO","defaultErrnoRet":1,"architectures":["SCMP_ARCH_X86_64","SCMP_ARCH_X86","SCMP_ARCH_X32"],"syscalls":[{"names":["accept","accept4","access"],"action":"SCMP_ACT_ALLOW"}]}}}`,
	"{\n\t\"ociVersion\": \"1.0.2-dev\",\n\t\"process\": {\"user\": {\"uid\": 1000, \"gid\": 1000, \"umask\": 18}, \"args\": [\"sh\", \"-c\", \"echo \\\"hi\\\" > /tmp/x\"], \"rlimits\": [{\"type\": \"RLIMIT_NOFILE\", \"hard\": 1048576, \"soft\": 1048576}]},\n\t\"annotations\": {\"org.opencontainers.image.title\": \"caf\\u00e9 \\u2603\", \"com.example.empty\": \"\"},\n\t\"linux\": {\"uidMappings\": [{\"containerID\": 0, \"hostID\": 100000, \"size\": 65536}], \"sysctl\": {\"net.ipv4.ip_forward\": \"1\"}}\n}\n",
	`{"ociVersion":"1.0.0","root":{"path":"/var/lib/containers/storage/overlay/4f2a/merged"},"hooks":{"prestart":[{"path":"/usr/bin/nvidia-container-runtime-hook","args":["nvidia-container-runtime-hook","prestart"],"env":["LANG=C"],"timeout":10}],"poststop":[]},"annotations":{"io.container.manager":"libpod","io.podman.annotations.autoremove":"FALSE","org.systemd.property.TimeoutStopUSec":"uint64 10000000"}}`,
	// Docker Engine API: GET /containers/json.
	`[{"Id":"8dfafdbc3a40","Names":["/boring_feynman"],"Image":"ubuntu:latest","ImageID":"sha256:d74508fb6632491cea586a1fd7d748dfc5274cd6fdfedee309ecdcbc2bf5cb82","Command":"echo 1","Created":1367854155,"State":"Exited","Status":"Exit 0","Ports":[{"PrivatePort":2222,"PublicPort":3333,"Type":"tcp"}],"Labels":{"com.example.vendor":"Acme","com.example.license":"GPL","com.example.version":"1.0"},"SizeRw":12288,"SizeRootFs":0,"HostConfig":{"NetworkMode":"default"},"NetworkSettings":{"Networks":{"bridge":{"NetworkID":"7ea29fc1412292a2d7bba362f9253545fecdfa8ce9a6e37dd10ba8bee7129812","EndpointID":"2cdc4edb1ded3631c81f57966563e5c8525b81121bb3706a9a9a3ae102711f3f","Gateway":"172.17.0.1","IPAddress":"172.17.0.2","IPPrefixLen":16,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"MacAddress":"02:42:ac:11:00:02"}}},"Mounts":[{"Name":"fac362...80535","Source":"/data","Destination":"/data","Driver":"local","Mode":"ro,Z","RW":false,"Propagation":""}]},{"Id":"9cd87474be90","Names":["/coolName"],"Image":"ubuntu:latest","Command":"echo 222222","Created":1367854155,"State":"running","Status":"Up 2 hours","Ports":[],"Labels":{},"SizeRw":12288,"SizeRootFs":0,"NetworkSettings":{"Networks":{}},"Mounts":[]}]`,
	`[]`,
	`[{"Id":"abc","Names":["/x"],"State":"created","Labels":null,"Ports":null}]`,
	// Docker Engine API: GET /containers/{id}/json.
	`{"Id":"ba033ac4401106a3b513bc9d639eee123ad78ca3616b921167cd74b20e25ed39","Created":"2015-01-06T15:47:31.485331387Z","Path":"/bin/sh","Args":["-c","exit 9"],"State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":31137,"ExitCode":0,"Error":"","StartedAt":"2015-01-06T15:47:32.072697474Z","FinishedAt":"0001-01-01T00:00:00Z","Health":{"Status":"healthy","FailingStreak":0,"Log":[{"Start":"2019-12-22T10:59:05.6385933Z","End":"2019-12-22T10:59:05.8078452Z","ExitCode":0,"Output":""}]}},"Image":"sha256:04c5d3b7b0656168630d3ba35d8889bd0e9caafcaeb3004d2bfbc47e7c5d35d2","ResolvConfPath":"/var/lib/docker/containers/ba03/resolv.conf","HostnamePath":"/var/lib/docker/containers/ba03/hostname","HostsPath":"/var/lib/docker/containers/ba03/hosts","LogPath":"/var/lib/docker/containers/ba03/ba03-json.log","Name":"/boring_euclid","RestartCount":0,"Driver":"overlay2","Platform":"linux","MountLabel":"","ProcessLabel":"","AppArmorProfile":"docker-default","ExecIDs":null,"HostConfig":{"Binds":null,"ContainerIDFile":"","NetworkMode":"bridge","PortBindings":{},"RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":false,"CgroupnsMode":"private","Dns":[],"IpcMode":"private","PidMode":"","Privileged":false,"ShmSize":67108864,"Runtime":"runc","Memory":0,"NanoCpus":0,"CpuShares":0,"BlkioWeight":0,"OomKillDisable":null,"PidsLimit":null,"MaskedPaths":["/proc/asound","/proc/acpi"],"ReadonlyPaths":["/proc/bus","/proc/fs"]},"GraphDriver":{"Data":{"LowerDir":"/var/lib/docker/overlay2/1f-init/diff:/var/lib/docker/overlay2/2e/diff","MergedDir":"/var/lib/docker/overlay2/1f/merged","UpperDir":"/var/lib/docker/overlay2/1f/diff","WorkDir":"/var/lib/docker/overlay2/1f/work"},"Name":"overlay2"},"Mounts":[],"Config":{"Hostname":"ba033ac44011","Domainname":"","User":"","AttachStdin":false,"Tty":false,"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh","-c","exit 9"],"Image":"ubuntu","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{"com.example.vendor":"Acme"},"StopSignal":"SIGTERM","StopTimeout":10},"NetworkSettings":{"Bridge":"","SandboxID":"7c4e5c8b0e6f","SandboxKey":"/var/run/docker/netns/7c4e5c8b0e6f","Ports":{},"Networks":{"bridge":{"IPAMConfig":null,"Links":null,"Aliases":null,"MacAddress":"02:42:ac:12:00:02","NetworkID":"7ea29fc1412292a2d7bba362f9253545fecdfa8ce9a6e37dd10ba8bee7129812","EndpointID":"7587b82f0dada3656fda26588aee72630c6fab1536d36e394b2bfbcf898c971d","Gateway":"172.17.0.1","IPAddress":"172.17.0.2","IPPrefixLen":16,"DNSNames":null}}}}`,
	`{"Id":"0d1","State":{"Status":"exited","Running":false,"Pid":0,"ExitCode":137,"OOMKilled":true,"Error":"","StartedAt":"2024-02-02T02:02:02.02Z","FinishedAt":"2024-02-02T03:03:03.03Z"},"Name":"/oom","HostConfig":{"Memory":6291456,"MemorySwap":-1,"CpuPeriod":0,"CpuQuota":0,"CpusetCpus":"0-3"}}`,
	// Podman (libpod) API responses.
	`[{"AutoRemove":false,"Command":["nginx","-g","daemon off;"],"Created":"2024-03-04T05:06:07.08+01:00","CreatedAt":"","Exited":false,"ExitedAt":-62135596800,"ExitCode":0,"Id":"5f0e","Image":"docker.io/library/nginx:latest","ImageID":"a6bd","IsInfra":false,"Labels":{"maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>"},"Mounts":[],"Names":["web"],"Namespaces":{},"Networks":["podman"],"Pid":20521,"Pod":"","PodName":"","Ports":[{"host_ip":"","container_port":80,"host_port":8080,"range":1,"protocol":"tcp"}],"Restarts":0,"Size":null,"StartedAt":1709525167,"State":"running","Status":""}]`,
	`{"Id":"5f0e","Created":"2024-03-04T05:06:07.08+01:00","Path":"/docker-entrypoint.sh","Args":["nginx","-g","daemon off;"],"State":{"OciVersion":"1.2.0","Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":20521,"ConmonPid":20519,"ExitCode":0,"Error":"","StartedAt":"2024-03-04T05:06:07.5+01:00","FinishedAt":"0001-01-01T00:00:00Z","CgroupPath":"/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-5f0e.scope","CheckpointedAt":"0001-01-01T00:00:00Z","RestoredAt":"0001-01-01T00:00:00Z"},"OCIRuntime":"crun","ConmonPidFile":"/run/user/1000/containers/overlay-containers/5f0e/userdata/conmon.pid","PidFile":"/run/user/1000/containers/overlay-containers/5f0e/userdata/pidfile","IsInfra":false,"IsService":false}`,
	`{"cause":"no such container","message":"no container with name or ID \"nope\" found: no such container","response":404}`,
	// Docker config.v2.json and hostconfig.json.
	`{"StreamConfig":{},"State":{"Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"RemovalInProgress":false,"Dead":false,"Pid":2871,"ExitCode":0,"Error":"","StartedAt":"2024-04-04T04:04:04.404404404Z","FinishedAt":"0001-01-01T00:00:00Z","Health":null},"ID":"e1f2","Created":"2024-04-04T04:04:03.3Z","Managed":false,"Path":"redis-server","Args":[],"Config":{"Hostname":"e1f2","ExposedPorts":{"6379/tcp":{}},"Env":["GOSU_VERSION=1.17","REDIS_VERSION=7.2.4"],"Cmd":["redis-server"],"Image":"redis","Volumes":{"/data":{}},"WorkingDir":"/data","Entrypoint":["docker-entrypoint.sh"],"Labels":{}},"Image":"sha256:170a1e90f8436daa6778aeea3926e716928826c215ac23a8e7e3d5e5b0ef6e9f","NetworkSettings":{"Bridge":"","SandboxID":"3c1d","HairpinMode":false,"Networks":{"bridge":{"IPAMConfig":null,"Links":null,"Aliases":null,"NetworkID":"9a8b","EndpointID":"7c6d","Gateway":"172.17.0.1","IPAddress":"172.17.0.3","IPPrefixLen":16,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"MacAddress":"02:42:ac:11:00:03","IPAMOperational":false}},"Service":null,"Ports":{"6379/tcp":null},"SandboxKey":"/var/run/docker/netns/3c1d","SecondaryIPAddresses":null,"SecondaryIPv6Addresses":null,"IsAnonymousEndpoint":false,"HasSwarmEndpoint":false},"LogPath":"/var/lib/docker/containers/e1f2/e1f2-json.log","Name":"/cache","Driver":"overlay2","OS":"linux","MountLabel":"","ProcessLabel":"","RestartCount":0,"HasBeenStartedBefore":true,"HasBeenManuallyStopped":false,"MountPoints":{"/data":{"Source":"","Destination":"/data","RW":true,"Name":"0c9f","Driver":"local","Type":"volume","Relabel":"","Spec":{},"SkipMountpointCreation":false}},"SecretReferences":null,"ConfigReferences":null,"AppArmorProfile":"docker-default","HostnamePath":"/var/lib/docker/containers/e1f2/hostname","HostsPath":"/var/lib/docker/containers/e1f2/hosts","ShmPath":"","ResolvConfPath":"/var/lib/docker/containers/e1f2/resolv.conf","SeccompProfile":"","NoNewPrivileges":false,"LocalLogCacheMeta":{"HaveNotifyEnabled":false}}`,
	`{"Binds":["/srv/www:/usr/share/nginx/html:ro"],"ContainerIDFile":"","LogConfig":{"Type":"json-file","Config":{"max-size":"10m"}},"NetworkMode":"host","PortBindings":{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]},"RestartPolicy":{"Name":"unless-stopped","MaximumRetryCount":0},"CapAdd":["NET_ADMIN"],"CapDrop":null,"Dns":["1.1.1.1"],"ExtraHosts":null,"Privileged":false,"SecurityOpt":["seccomp=unconfined","label=disable"],"UTSMode":"","UsernsMode":"","ShmSize":67108864,"Sysctls":{"net.core.somaxconn":"1024"},"Ulimits":[{"Name":"nofile","Hard":65535,"Soft":65535}]}`,
	// containers/storage containers.json.
	`[{"id":"d8f1c2b3a4","names":["k8s_POD_coredns"],"image":"e6f181688397","layer":"5bd3f2e1","metadata":"{\"Pod\":true,\"MountLabel\":\"system_u:object_r:container_file_t:s0:c5,c9\"}","big-data-names":["volatile-containers.json","config.json"],"big-data-sizes":{"config.json":2345,"volatile-containers.json":310},"big-data-digests":{"config.json":"sha256:8d3a"},"created":"2024-05-06T07:08:09.010203Z","flags":{"MountLabel":"system_u:object_r:container_file_t:s0:c5,c9","ProcessLabel":"system_u:system_r:container_t:s0:c5,c9"},"uidmap":null,"gidmap":null}]`,
	"[\n  {\n    \"id\": \"0a\",\n    \"names\": [\"podman-\\u2764\"],\n    \"image\": \"\",\n    \"layer\": \"1b\",\n    \"metadata\": \"\",\n    \"created\": \"2020-02-02T20:20:20Z\",\n    \"uidmap\": [{\"container_id\": 0, \"host_id\": 1000, \"size\": 1}, {\"container_id\": 1, \"host_id\": 100000, \"size\": 65536}]\n  }\n]\n",
	// Small and edge-case documents.
	`null`, `true`, `false`, `0`, `-0`, `-0.0e-0`, `1E+2`, `123456789012345678901234567890`,
	`1e400`, `""`, `"\u0000\u001f\u007f"`, `"\ud83d\ude00 \ud800 \udc00 \ud800\ud800"`,
	`"\"\\\/\b\f\n\r\t"`, " \t\r\n{ \"a\" : [ 1 , 2 ] } \t\r\n",
	`{"a":1,"a":2,"b":{"c":[{},[]]}}`, `[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]`,
	"\"\xff\xfe invalid \xc3 utf8 \xed\xa0\x80 \xef\xbf\xbd\"",
	`{"":"empty key","\u00e9":"escaped key","é":"raw key"}`,
}

// TestValid checks that well-formed documents parse and expose the expected
// values through the accessors.
func TestValid(t *testing.T) {
	for _, tc := range []struct {
		in   string
		kind jsonv.Kind
		len  int
	}{
		{`null`, jsonv.Null, 0},
		{` true `, jsonv.Bool, 0},
		{`false`, jsonv.Bool, 0},
		{`0`, jsonv.Number, 0},
		{`-1.5e-3`, jsonv.Number, 0},
		{`"x"`, jsonv.String, 0},
		{`[]`, jsonv.Array, 0},
		{`[1,[2],{}]`, jsonv.Array, 3},
		{`{}`, jsonv.Object, 0},
		{`{"a":1,"a":2}`, jsonv.Object, 2},
		{"\n\r\t [ 1 ,\n2 ] \n", jsonv.Array, 2},
	} {
		v, err := jsonv.Parse([]byte(tc.in))
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if v.Kind() != tc.kind || v.Len() != tc.len {
			t.Errorf("Parse(%q) = kind %v len %d, want %v %d", tc.in, v.Kind(), v.Len(), tc.kind, tc.len)
		}
	}
}

// TestInvalid checks every class of rejection, with encoding/json agreeing,
// and the offset and wording of the error.
func TestInvalid(t *testing.T) {
	for _, tc := range []struct {
		in  string
		off int
		msg string
	}{
		{``, 0, "unexpected end of input"},
		{`   `, 3, "unexpected end of input"},
		{"\xef\xbb\xbf{}", 0, `invalid character '\xef' looking for beginning of value (UTF-8 byte order mark is not allowed)`},
		{`[1,]`, 3, "invalid character ']' looking for beginning of value"},
		{`{"a":1,}`, 7, "invalid character '}' looking for beginning of object key string"},
		{`[1 2]`, 3, "invalid character '2' after array element"},
		{`{"a" 1}`, 5, "invalid character '1' after object key"},
		{`{"a":1 "b":2}`, 7, "invalid character '\"' after object key:value pair"},
		{`{a:1}`, 1, "invalid character 'a' looking for beginning of object key string"},
		{`{1:1}`, 1, "invalid character '1' looking for beginning of object key string"},
		{`01`, 1, "invalid character '1' after top-level value"},
		{`[-01]`, 3, "invalid character '1' after array element"},
		{`+1`, 0, "invalid character '+' looking for beginning of value"},
		{`.5`, 0, "invalid character '.' looking for beginning of value"},
		{`1.`, 2, "unexpected end of input"},
		{`1.e5`, 2, "invalid character 'e' after decimal point in numeric literal"},
		{`1e`, 2, "unexpected end of input"},
		{`1e+`, 3, "unexpected end of input"},
		{`1ex`, 2, "invalid character 'x' in exponent of numeric literal"},
		{`-`, 1, "unexpected end of input"},
		{`-x`, 1, "invalid character 'x' in numeric literal"},
		{`NaN`, 0, "invalid character 'N' looking for beginning of value"},
		{`Infinity`, 0, "invalid character 'I' looking for beginning of value"},
		{`-Infinity`, 1, "invalid character 'I' in numeric literal"},
		{`'a'`, 0, `invalid character '\'' looking for beginning of value`},
		{`{'a':1}`, 1, `invalid character '\'' looking for beginning of object key string`},
		{"\"a\tb\"", 2, `invalid character '\x09' in string literal`},
		{"\"a\x00\"", 2, `invalid character '\x00' in string literal`},
		{"\"\\u00e9\n\"", 7, `invalid character '\x0a' in string literal`},
		{`"\x41"`, 2, "invalid character 'x' in string escape code"},
		{`"\'"`, 2, `invalid character '\'' in string escape code`},
		{`"\u12g4"`, 5, "invalid character 'g' in \\u hexadecimal character escape"},
		{`"\ud800\u12"`, 11, "invalid character '\"' in \\u hexadecimal character escape"},
		{`"abc`, 4, "unexpected end of input"},
		{`"\`, 2, "unexpected end of input"},
		{`"\u12`, 5, "unexpected end of input"},
		{`[1`, 2, "unexpected end of input"},
		{`{"a":1`, 6, "unexpected end of input"},
		{`{"a"`, 4, "unexpected end of input"},
		{`{`, 1, "unexpected end of input"},
		{`tru`, 3, "unexpected end of input"},
		{`trUe`, 2, "invalid character 'U' in literal true (expecting 'u')"},
		{`nul1`, 3, "invalid character '1' in literal null (expecting 'l')"},
		{`True`, 0, "invalid character 'T' looking for beginning of value"},
		{`{} {}`, 3, "invalid character '{' after top-level value"},
		{`1 2`, 2, "invalid character '2' after top-level value"},
		{"1\f", 1, `invalid character '\x0c' after top-level value`},
		{"\u00a01", 0, `invalid character '\xc2' looking for beginning of value`},
		{`[1]]`, 3, "invalid character ']' after top-level value"},
		{`]`, 0, "invalid character ']' looking for beginning of value"},
	} {
		if json.Valid([]byte(tc.in)) {
			t.Errorf("test bug: encoding/json accepts %q", tc.in)
		}
		_, err := jsonv.Parse([]byte(tc.in))
		var se *jsonv.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) error = %v, want *SyntaxError", tc.in, err)
			continue
		}
		if se.Offset != tc.off || se.Msg != tc.msg {
			t.Errorf("Parse(%q) = offset %d %q, want %d %q", tc.in, se.Offset, se.Msg, tc.off, tc.msg)
		}
	}
}

// TestErrorFormat pins the one-line message format callers rely on.
func TestErrorFormat(t *testing.T) {
	_, err := jsonv.Parse([]byte(`{"pid": x}`))
	const want = "jsonv: syntax error at offset 8: invalid character 'x' looking for beginning of value"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
}

// maxDepth mirrors the package's (and encoding/json's) nesting limit.
const maxDepth = 10000

// TestDepth checks that maxDepth nested containers parse, one more is
// rejected, and absurd nesting fails fast instead of exhausting the stack.
func TestDepth(t *testing.T) {
	nest := func(n int, open, close, inner string) []byte {
		return []byte(strings.Repeat(open, n) + inner + strings.Repeat(close, n))
	}
	for _, tc := range []struct {
		name string
		doc  []byte
		ok   bool
	}{
		{"arrays at limit", nest(maxDepth, "[", "]", ""), true},
		{"arrays over limit", nest(maxDepth+1, "[", "]", ""), false},
		{"objects at limit", nest(maxDepth, `{"a":`, "}", "1"), true},
		{"objects over limit", nest(maxDepth+1, `{"a":`, "}", "1"), false},
		{"mixed at limit", nest(maxDepth/2, `[{"k":`, "}]", "1"), true},
		{"mixed over limit", nest(maxDepth/2, `[{"k":`, "}]", "[]"), false},
		{"huge unterminated", nest(1_000_000, "[", "", ""), false},
	} {
		_, err := jsonv.Parse(tc.doc)
		if (err == nil) != tc.ok || json.Valid(tc.doc) != tc.ok {
			t.Errorf("%s: err = %v, json.Valid = %v, want ok=%v", tc.name, err, json.Valid(tc.doc), tc.ok)
		}
	}
	_, err := jsonv.Parse(nest(maxDepth+1, "[", "]", ""))
	if se := (*jsonv.SyntaxError)(nil); !errors.As(err, &se) || se.Offset != maxDepth || se.Msg != "exceeded max depth" {
		t.Errorf("over-deep error = %v", err)
	}
	v, _ := jsonv.Parse(nest(maxDepth, "[", "]", `"x"`))
	for i := 0; i < maxDepth; i++ {
		v = v.Index(0)
	}
	if v.Str() != "x" {
		t.Errorf("innermost = %q, want x", v.Str())
	}
}

// TestGet covers nested lookups, duplicate keys and lookups that must fall
// back to the zero Value.
func TestGet(t *testing.T) {
	v, err := jsonv.Parse([]byte(`{"a":{"b":1},"a":{"b":2,"c":[true,"s",null]},"n":null}`))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := v.Get("a", "b").Int(); !ok || n != 2 {
		t.Errorf("a.b = %d %v, want 2 (last duplicate wins)", n, ok)
	}
	if got := v.Get("a", "c").Index(1).Str(); got != "s" {
		t.Errorf("a.c[1] = %q", got)
	}
	if !v.Get("a", "c").Index(0).Bool() || v.Get("a", "c").Index(1).Bool() {
		t.Error("Bool mismatch")
	}
	if v.Len() != 3 || len(v.Members()) != 3 || v.Members()[1].Key != "a" {
		t.Errorf("members = %v", v.Members())
	}
	for _, missing := range []jsonv.Value{
		v.Get("x"), v.Get("a", "b", "c"), v.Get("n", "x"), v.Index(0),
		v.Get("a", "c").Index(3), v.Get("a", "c").Index(-1), v.Get("a", "c").Get("0"),
	} {
		if missing.Kind() != jsonv.Null || missing.Len() != 0 || missing.Str() != "" ||
			missing.Raw() != "" || missing.Elems() != nil || missing.Members() != nil || missing.Bool() {
			t.Errorf("missing value not zero: %+v", missing)
		}
		if _, ok := missing.Int(); ok {
			t.Error("Int on missing value succeeded")
		}
	}
	if v.Get().Kind() != jsonv.Object {
		t.Error("Get() with no keys should return the value itself")
	}
	var zero jsonv.Value
	if zero.Kind() != jsonv.Null || zero.Get("a").Kind() != jsonv.Null {
		t.Error("zero Value is not Null")
	}
}

// TestStrings covers escapes, surrogate handling and invalid UTF-8, each
// checked against encoding/json's decoding.
func TestStrings(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`"plain"`, "plain"},
		{`"\"\\\/\b\f\n\r\t"`, "\"\\/\b\f\n\r\t"},
		{`"\u0041\u00e9\u2603\uFFFF"`, "Aé☃\uffff"},
		{`"\ud83d\ude00"`, "😀"},
		{`"\uD83D\uDE00x"`, "😀x"},
		{`"\ud83d"`, "\ufffd"},
		{`"\ude00"`, "\ufffd"},
		{`"\ud83dx"`, "\ufffdx"},
		{`"\ud83d\u0041"`, "\ufffdA"},
		{`"\ud83d\ud83d\ude00"`, "\ufffd😀"},
		{`"\ude00\ud83d"`, "\ufffd\ufffd"},
		{`"\ud83d\n"`, "\ufffd\n"},
		{"\"a\xffb\"", "a\ufffdb"},
		{"\"\xed\xa0\x80\"", "\ufffd\ufffd\ufffd"},
		{"\"\xc3\"", "\ufffd"},
		{"\"\xc3\\n\"", "\ufffd\n"},
		{"\"\xef\xbf\xbd\"", "\ufffd"},
		{"\"é\x80\"", "é\ufffd"},
		{`"\u0000"`, "\x00"},
		{"\"\x7f\"", "\x7f"},
	} {
		v, err := jsonv.Parse([]byte(tc.in))
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		var std string
		if err := json.Unmarshal([]byte(tc.in), &std); err != nil || std != tc.want {
			t.Errorf("test bug: encoding/json decodes %q as %q (%v), want %q", tc.in, std, err, tc.want)
		}
		if v.Str() != tc.want {
			t.Errorf("Parse(%q).Str() = %q, want %q", tc.in, v.Str(), tc.want)
		}
	}
}

// TestNumbers covers integer extraction at the int64 and uint64 limits and
// the refusal of non-integral forms.
func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		in      string
		i       int64
		iok     bool
		u       uint64
		uok     bool
		wantRaw string
	}{
		{"0", 0, true, 0, true, "0"},
		{"-0", 0, true, 0, true, "-0"},
		{"42", 42, true, 42, true, "42"},
		{"-42", -42, true, 0, false, "-42"},
		{"9223372036854775807", 1<<63 - 1, true, 1<<63 - 1, true, ""},
		{"9223372036854775808", 0, false, 1 << 63, true, ""},
		{"-9223372036854775808", -1 << 63, true, 0, false, ""},
		{"-9223372036854775809", 0, false, 0, false, ""},
		{"18446744073709551615", 0, false, 1<<64 - 1, true, ""},
		{"18446744073709551616", 0, false, 0, false, ""},
		{"99999999999999999999", 0, false, 0, false, ""},
		{"1e3", 0, false, 0, false, "1e3"},
		{"5.0", 0, false, 0, false, "5.0"},
		{"1E+2", 0, false, 0, false, "1E+2"},
	} {
		v, err := jsonv.Parse([]byte(tc.in))
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.in, err)
		}
		if i, ok := v.Int(); i != tc.i || ok != tc.iok {
			t.Errorf("Int(%s) = %d %v, want %d %v", tc.in, i, ok, tc.i, tc.iok)
		}
		if u, ok := v.Uint(); u != tc.u || ok != tc.uok {
			t.Errorf("Uint(%s) = %d %v, want %d %v", tc.in, u, ok, tc.u, tc.uok)
		}
		if tc.wantRaw != "" && v.Raw() != tc.wantRaw {
			t.Errorf("Raw(%s) = %q", tc.in, v.Raw())
		}
	}
	v, _ := jsonv.Parse([]byte(`["1",true]`))
	for _, e := range v.Elems() {
		if _, ok := e.Int(); ok || e.Raw() != "" {
			t.Errorf("%v value treated as number", e.Kind())
		}
	}
}

// TestRuncState reads the fields gonsenter actually needs from a runc state
// file, as an end-to-end example of the API.
func TestRuncState(t *testing.T) {
	v, err := jsonv.Parse([]byte(corpus[0]))
	if err != nil {
		t.Fatal(err)
	}
	pid, ok := v.Get("init_process_pid").Int()
	start, ok2 := v.Get("init_process_start").Uint()
	if !ok || !ok2 || pid != 4242 || start != 1<<64-1 {
		t.Errorf("pid %d %v start %d %v", pid, ok, start, ok2)
	}
	if got := v.Get("cgroup_paths", "").Str(); !strings.HasSuffix(got, "cri-containerd-c1.scope") {
		t.Errorf("cgroup path = %q", got)
	}
	if got := v.Get("namespace_paths", "NEWNET").Str(); got != "/proc/4242/ns/net" {
		t.Errorf("netns = %q", got)
	}
	d, _ := jsonv.Parse([]byte(corpus[10]))
	if pid, ok := d.Get("State", "Pid").Int(); !ok || pid != 31137 {
		t.Errorf("docker State.Pid = %d %v", pid, ok)
	}
}

// TestDifferential compares Parse with encoding/json on the corpus, on
// random documents and on random mutations of both.
func TestDifferential(t *testing.T) {
	docs := differentialDocs(rand.New(rand.NewPCG(1, 2)), 2000, 4)
	valid := 0
	for _, d := range docs {
		checkAgainstStd(t, d)
		if json.Valid(d) {
			valid++
		}
	}
	// Guard against a generator that degenerates to all-valid or all-invalid.
	if valid < len(docs)/5 || valid > len(docs)*4/5 {
		t.Errorf("%d of %d documents valid: corpus is lopsided", valid, len(docs))
	}
	t.Logf("%d documents compared, %d valid", len(docs), valid)
}

// TestImports enforces the package's reason to exist: no heavyweight
// dependencies in non-test files.
func TestImports(t *testing.T) {
	allowed := map[string]bool{"strconv": true, "unicode/utf8": true, "errors": true, "strings": true}
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); !allowed[p] {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}

// TestAllocs documents the allocation profile: one for the input copy, one
// per container, one per string that needs unescaping, plus a few fixed
// scratch buffers.
func TestAllocs(t *testing.T) {
	doc := []byte(`{"id":"c1","pids":[1,2,3],"ns":{"net":"/proc/1/ns/net"},"s":"a\nb"}`)
	n := testing.AllocsPerRun(100, func() { _, _ = jsonv.Parse(doc) })
	// Input copy, 3 containers, 1 unescaped string; fixed: 2 scratch stacks,
	// 1 block of container headers, 1 string-decoding buffer.
	if n > 9 {
		t.Errorf("Parse allocated %v times, want <= 9", n)
	}
}

// TestMemoryProportional checks that hostile shapes (many tiny elements,
// many tiny containers) allocate a bounded multiple of the input size.
func TestMemoryProportional(t *testing.T) {
	for _, doc := range []string{
		"[" + strings.Repeat("0,", 1<<19) + "0]", // scratch just past a doubling
		"[" + strings.Repeat("0,", 500000) + "0]",
		"[" + strings.Repeat("[0],", 1<<18) + "0]",
		"{" + strings.Repeat(`"":{},`, 1<<17) + `"":0}`,
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		v, err := jsonv.Parse([]byte(doc))
		runtime.ReadMemStats(&after)
		if err != nil || v.Len() == 0 {
			t.Fatalf("Parse: %v", err)
		}
		if ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(doc)); ratio > 100 {
			t.Errorf("%.20q...: allocated %.1f bytes per input byte", doc, ratio)
		}
	}
}

// BenchmarkParseState parses a ~10 KB runc state.json; compare with
// BenchmarkParseStateEncodingJSON (json.Unmarshal into any).
func BenchmarkParseState(b *testing.B) {
	doc := []byte(stateJSON)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonv.Parse(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseStateEncodingJSON is the encoding/json baseline for
// BenchmarkParseState.
func BenchmarkParseStateEncodingJSON(b *testing.B) {
	doc := []byte(stateJSON)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(doc, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// stateJSON is a runc state.json of a typical Docker container (about
// 10 KB), written for the benchmark with plausible values.
const stateJSON = `{"id":"3f4e1b9c7d2a8e6f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a",
"init_process_pid":28734,"init_process_start":1587349,"created":"2024-06-11T09:41:27.318824162Z",
"config":{"no_pivot_root":false,"parent_death_signal":0,
"rootfs":"/var/lib/docker/overlay2/9c1d7f3be2a4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5/merged",
"umask":null,"readonlyfs":false,"rootPropagation":0,
"mounts":[
{"source":"proc","destination":"/proc","device":"proc","flags":14,"propagation_flags":null,"data":"","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"tmpfs","destination":"/dev","device":"tmpfs","flags":16777218,"propagation_flags":null,"data":"size=65536k,mode=755","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"devpts","destination":"/dev/pts","device":"devpts","flags":10,"propagation_flags":null,"data":"newinstance,ptmxmode=0666,mode=0620,gid=5","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"sysfs","destination":"/sys","device":"sysfs","flags":15,"propagation_flags":null,"data":"","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"cgroup","destination":"/sys/fs/cgroup","device":"cgroup","flags":15,"propagation_flags":null,"data":"","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"mqueue","destination":"/dev/mqueue","device":"mqueue","flags":14,"propagation_flags":null,"data":"","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"shm","destination":"/dev/shm","device":"tmpfs","flags":14,"propagation_flags":null,"data":"mode=1777,size=67108864","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"/var/lib/docker/containers/3f4e1b9c7d2a/resolv.conf","destination":"/etc/resolv.conf","device":"bind","flags":20480,"propagation_flags":[278528],"data":"","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"/var/lib/docker/containers/3f4e1b9c7d2a/hostname","destination":"/etc/hostname","device":"bind","flags":20480,"propagation_flags":[278528],"data":"","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"/var/lib/docker/containers/3f4e1b9c7d2a/hosts","destination":"/etc/hosts","device":"bind","flags":20480,"propagation_flags":[278528],"data":"","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null},
{"source":"/var/lib/docker/volumes/pgdata/_data","destination":"/var/lib/postgresql/data","device":"bind","flags":20480,"propagation_flags":[16384],"data":"","relabel":"","rec_attr":null,"extensions":0,"premount_cmds":null,"postmount_cmds":null}],
"devices":[
{"type":99,"major":1,"minor":3,"permissions":"rwm","allow":true,"path":"/dev/null","file_mode":438,"uid":0,"gid":0},
{"type":99,"major":1,"minor":8,"permissions":"rwm","allow":true,"path":"/dev/random","file_mode":438,"uid":0,"gid":0},
{"type":99,"major":1,"minor":7,"permissions":"rwm","allow":true,"path":"/dev/full","file_mode":438,"uid":0,"gid":0},
{"type":99,"major":5,"minor":0,"permissions":"rwm","allow":true,"path":"/dev/tty","file_mode":438,"uid":0,"gid":0},
{"type":99,"major":1,"minor":5,"permissions":"rwm","allow":true,"path":"/dev/zero","file_mode":438,"uid":0,"gid":0},
{"type":99,"major":1,"minor":9,"permissions":"rwm","allow":true,"path":"/dev/urandom","file_mode":438,"uid":0,"gid":0}],
"mount_label":"","hostname":"3f4e1b9c7d2a",
"namespaces":[{"type":"NEWNS","path":""},{"type":"NEWNET","path":""},{"type":"NEWUTS","path":""},{"type":"NEWPID","path":""},{"type":"NEWIPC","path":""},{"type":"NEWCGROUP","path":""}],
"capabilities":{
"Bounding":["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FSETID","CAP_FOWNER","CAP_MKNOD","CAP_NET_RAW","CAP_SETGID","CAP_SETUID","CAP_SETFCAP","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_KILL","CAP_AUDIT_WRITE"],
"Effective":["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FSETID","CAP_FOWNER","CAP_MKNOD","CAP_NET_RAW","CAP_SETGID","CAP_SETUID","CAP_SETFCAP","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_KILL","CAP_AUDIT_WRITE"],
"Inheritable":null,
"Permitted":["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_FSETID","CAP_FOWNER","CAP_MKNOD","CAP_NET_RAW","CAP_SETGID","CAP_SETUID","CAP_SETFCAP","CAP_SETPCAP","CAP_NET_BIND_SERVICE","CAP_SYS_CHROOT","CAP_KILL","CAP_AUDIT_WRITE"],
"Ambient":null},
"networks":null,"routes":null,
"cgroups":{"path":"","scope_prefix":"docker","name":"3f4e1b9c7d2a8e6f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a","parent":"system.slice","Resources":{
"devices":[
{"type":97,"major":-1,"minor":-1,"permissions":"rwm","allow":false},
{"type":99,"major":1,"minor":5,"permissions":"rwm","allow":true},
{"type":99,"major":1,"minor":3,"permissions":"rwm","allow":true},
{"type":99,"major":1,"minor":9,"permissions":"rwm","allow":true},
{"type":99,"major":1,"minor":8,"permissions":"rwm","allow":true},
{"type":99,"major":5,"minor":0,"permissions":"rwm","allow":true},
{"type":99,"major":5,"minor":1,"permissions":"rwm","allow":true},
{"type":99,"major":10,"minor":229,"permissions":"rwm","allow":false},
{"type":99,"major":-1,"minor":-1,"permissions":"m","allow":true},
{"type":98,"major":-1,"minor":-1,"permissions":"m","allow":true},
{"type":99,"major":136,"minor":-1,"permissions":"rwm","allow":true},
{"type":99,"major":5,"minor":2,"permissions":"rwm","allow":true}],
"memory":536870912,"memory_reservation":0,"memory_swap":1073741824,"cpu_shares":512,"cpu_quota":150000,"cpu_burst":null,"cpu_period":100000,"cpu_rt_quota":0,"cpu_rt_period":0,"cpuset_cpus":"","cpuset_mems":"","pids_limit":4096,"blkio_weight":0,"blkio_leaf_weight":0,"blkio_weight_device":null,"blkio_throttle_read_bps_device":null,"blkio_throttle_write_bps_device":null,"blkio_throttle_read_iops_device":null,"blkio_throttle_write_iops_device":null,"freezer":"","hugetlb_limit":null,"oom_kill_disable":false,"memory_swappiness":null,"net_prio_ifpriomap":null,"net_cls_classid_u":0,"rdma":null,"CpuWeight":59,"unified":null,"SkipDevices":false,"SkipFreezeOnSet":false},"Systemd":true,"Rootless":false,"OwnerUID":null},
"oom_score_adj":0,"uid_mappings":null,"gid_mappings":null,
"mask_paths":["/proc/asound","/proc/acpi","/proc/kcore","/proc/keys","/proc/latency_stats","/proc/timer_list","/proc/timer_stats","/proc/sched_debug","/proc/scsi","/sys/firmware","/sys/devices/virtual/powercap"],
"readonly_paths":["/proc/bus","/proc/fs","/proc/irq","/proc/sys","/proc/sysrq-trigger"],
"sysctl":{"net.ipv4.ip_unprivileged_port_start":"0","net.ipv4.ping_group_range":"0 2147483647"},
"seccomp":{"default_action":2,"default_errno_ret":1,"architectures":["amd64","x86","x32"],"flags":null,"syscalls":[
{"name":"accept","action":4,"errno_ret":null,"args":null},{"name":"accept4","action":4,"errno_ret":null,"args":null},
{"name":"access","action":4,"errno_ret":null,"args":null},{"name":"bind","action":4,"errno_ret":null,"args":null},
{"name":"brk","action":4,"errno_ret":null,"args":null},{"name":"clone","action":4,"errno_ret":null,"args":[{"index":0,"value":2114060288,"value_two":0,"op":4}]},
{"name":"personality","action":4,"errno_ret":null,"args":[{"index":0,"value":0,"value_two":0,"op":3}]},
{"name":"personality","action":4,"errno_ret":null,"args":[{"index":0,"value":8,"value_two":0,"op":3}]},
{"name":"personality","action":4,"errno_ret":null,"args":[{"index":0,"value":4294967295,"value_two":0,"op":3}]}]},
"Hooks":{"createContainer":null,"createRuntime":null,"poststart":null,"poststop":null,"prestart":[{"path":"/usr/bin/docker-proxy-hook","args":["libnetwork-setkey","-exec-root=/var/run/docker","3f4e1b9c7d2a","b1c2d3e4f5a6"],"env":null,"dir":"","timeout":null}],"startContainer":null},
"version":"1.1.12","labels":["bundle=/run/containerd/io.containerd.runtime.v2.task/moby/3f4e1b9c7d2a8e6f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a","com.example.description=PostgreSQL \"primary\" \u2014 eu-west-1"],
"no_new_keyring":false,"rootless_euid":false,"rootless_cgroups":false},
"rootless":false,
"cgroup_paths":{"":"/sys/fs/cgroup/system.slice/docker-3f4e1b9c7d2a8e6f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a.scope"},
"namespace_paths":{"NEWCGROUP":"/proc/28734/ns/cgroup","NEWIPC":"/proc/28734/ns/ipc","NEWNET":"/proc/28734/ns/net","NEWNS":"/proc/28734/ns/mnt","NEWPID":"/proc/28734/ns/pid","NEWTIME":"/proc/28734/ns/time","NEWUSER":"/proc/28734/ns/user","NEWUTS":"/proc/28734/ns/uts"},
"external_descriptors":["/dev/null","pipe:[7714523]","pipe:[7714524]"],
"intel_rdt_path":""}
`
