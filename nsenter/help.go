package nsenter

import (
	"strings"

	"github.com/gonsenter/gonsenter/internal/version"
)

// helpOptions is util-linux 2.42's usage() (nsenter.c:93-136) with the
// SELinux line of a libselinux build and gonsenter's extensions. The
// description column starts at 31, as USAGE_HELP_OPTIONS(31).
const helpOptions = ` -a, --all                     enter all namespaces
 -t, --target <PID>            target process to get namespaces from
 -m, --mount[=<file>|=:<nsid>] enter mount namespace
 -u, --uts[=<file>|=:<nsid>]   enter UTS namespace (hostname etc)
 -i, --ipc[=<file>|=:<nsid>]   enter System V IPC namespace
 -n, --net[=<file>|=:<nsid>]   enter network namespace
 -N, --net-socket <fd>         enter socket's network namespace (needs --target)
 -p, --pid[=<file>|=:<nsid>]   enter pid namespace
 -C, --cgroup[=<file>|=:<nsid>]  enter cgroup namespace
 -U, --user[=<file>|=:<nsid>]  enter user namespace
     --user-parent             enter parent user namespace
 -T, --time[=<file>|=:<nsid>]  enter time namespace
 -S, --setuid[=<uid>]          set uid in entered namespace
 -G, --setgid[=<gid>]          set gid in entered namespace
     --preserve-credentials    do not touch uids or gids
     --keep-caps               retain capabilities granted in user namespaces
 -r, --root[=<dir>]            set the root directory
 -w, --wd[=<dir>]              set the working directory
 -W, --wdns <dir>              set the working directory in namespace
 -e, --env                     inherit environment variables from target process
 -F, --no-fork                 do not fork before exec'ing <program>
 -c, --join-cgroup             join the cgroup of the target process
 -Z, --follow-context          set SELinux context according to --target PID
     --forward-signals         forward termination signals to <program>
     --capture <tcpdump args>  capture packets in the namespaces (like tcpdump)
     --container <ref>         target a container: name, ID (prefix) or runtime://ID
     --pod <ns/name[/ctr]>     target a Kubernetes pod (and one of its containers)
     --runtime <name>          search only docker, podman, containerd or crio
     --runtime-root <path>     search this state directory or API socket instead
     --list-containers         list the running containers of this host
`

// usage writes --help: util-linux's layout with the invoked short name in
// the synopsis and the man page it came from in the tail.
func (s *state) usage(out *strings.Builder) {
	man := "nsenter(1)"
	if s.prog != "nsenter" {
		man = "gonsenter(1)"
	}
	out.WriteString("\nUsage:\n " + s.prog + " [options] [<program> [<argument>...]]\n\n")
	out.WriteString("Run a program with namespaces of other processes.\n\nOptions:\n")
	out.WriteString(helpOptions)
	out.WriteString("\n -h, --help                    display this help\n")
	out.WriteString(" -V, --version                 display version\n")
	out.WriteString("\nFor more details see " + man + ".\n")
}

// version writes --version: one line naming gonsenter's version and the
// util-linux release whose nsenter behaviour it follows.
func (s *state) version(out *strings.Builder) {
	out.WriteString("gonsenter " + version.Version + " (nsenter from util-linux " +
		version.UtilLinux + " compatible)\n")
}
