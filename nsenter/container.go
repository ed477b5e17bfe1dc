package nsenter

import (
	"github.com/gonsenter/gonsenter/nsenter/target/container"
)

// ctrTarget is what the container options asked for (--container, --pod,
// -t RUNTIME://ID, --runtime, --runtime-root, --list-containers). The
// target is resolved to a PID once every option is known.
type ctrTarget struct {
	ref   *container.Ref
	pod   *container.PodRef
	opt   string // the option that named the target: "--container", "--pod", "--target"
	fromT bool   // ref came from -t
	list  bool
	opts  container.Options
	given string // first of --runtime/--runtime-root seen, for the "needs a target" check
}

// wanted reports whether a container must be resolved.
func (c *ctrTarget) wanted() bool { return c.ref != nil || c.pod != nil }

// noTargetYet rejects a second target: -t PID, --container and --pod each
// name the process to enter, and only one can.
func (c *ctrTarget) noTargetYet(opt string) error {
	if c.opt == "" {
		return nil
	}
	if c.opt == opt {
		return errx("option " + opt + " may be given only once")
	}
	return errx("options " + c.opt + " and " + opt + " cannot be combined")
}

// containerOption applies one of the container options.
func (s *state) containerOption(val int, arg string) error {
	switch val {
	case optContainer:
		ref, ok := container.ParseRef(arg)
		if !ok {
			return errx("invalid container reference '" + arg + "'")
		}
		return s.setContainerRef(ref, "--container")
	case optPod:
		return s.setPod(arg)
	case optRuntime:
		rt, ok := container.ParseRuntime(arg)
		if !ok {
			return errx("unknown container runtime '" + arg + "' (use docker, podman, containerd or crio)")
		}
		s.ctr.opts.Runtime = rt
		s.ctr.note("--runtime")
	case optRuntimeRoot:
		if arg == "" {
			return errx("invalid --runtime-root ''")
		}
		s.ctr.opts.Roots = append(s.ctr.opts.Roots, arg)
		s.ctr.note("--runtime-root")
	case optListContainers:
		s.ctr.list = true
	}
	return nil
}

func (c *ctrTarget) note(opt string) {
	if c.given == "" {
		c.given = opt
	}
}

// setContainerRef records a container reference from --container or -t.
func (s *state) setContainerRef(ref container.Ref, opt string) error {
	if s.targetPID != 0 {
		return s.ctr.conflictWithPID(opt)
	}
	if err := s.ctr.noTargetYet(opt); err != nil {
		return err
	}
	s.ctr.ref, s.ctr.opt, s.ctr.fromT = &ref, opt, opt == "--target"
	return nil
}

// setPod records --pod NAMESPACE/NAME[/CONTAINER].
func (s *state) setPod(arg string) error {
	ref, ok := container.ParsePodRef(arg)
	if !ok {
		return errx("invalid pod reference '" + arg + "' (use NAMESPACE/NAME or NAMESPACE/NAME/CONTAINER)")
	}
	if s.targetPID != 0 {
		return s.ctr.conflictWithPID("--pod")
	}
	if err := s.ctr.noTargetYet("--pod"); err != nil {
		return err
	}
	s.ctr.pod, s.ctr.opt = &ref, "--pod"
	return nil
}

// conflictWithPID is a container option after -t PID.
func (c *ctrTarget) conflictWithPID(opt string) error {
	return errx("options --target and " + opt + " cannot be combined")
}

// checkContainerOptions runs after parsing: --runtime and --runtime-root
// only make sense with something to look up.
func (s *state) checkContainerOptions() error {
	if s.ctr.given != "" && !s.ctr.wanted() && !s.ctr.list {
		return errx("option " + s.ctr.given + " needs --container, --pod, -t RUNTIME://ID or --list-containers")
	}
	return nil
}

// podWide reports whether only what a pod's containers share is wanted:
// its network, UTS and IPC namespaces (held by the sandbox), with nothing
// taken from one container's process (root, directory, environment, ids,
// cgroup, SELinux context, a socket).
func (s *state) podWide() bool {
	if s.doAll || s.doRoot || s.doWd || s.doEnv || s.doUID || s.doGID || s.joinCgroup ||
		s.selinux || s.userParent || s.sockFD >= 0 {
		return false
	}
	for i, n := range s.ns {
		if n.enabled && n.fd < 0 && nsKinds[i].flag&(cloneNewNet|cloneNewUTS|cloneNewIPC) == 0 {
			return false
		}
	}
	return true
}
