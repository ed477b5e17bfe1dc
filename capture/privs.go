package capture

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// dropPrivileges is tcpdump's droproot for -Z USER, done only when running
// as root: initgroups, setgid, setuid (Go applies them to every thread),
// then "dropped privs to USER" on stderr. Unlike Debian's tcpdump there is
// no default user: without -Z gonsenter keeps its credentials.
func (s *session) dropPrivileges() error {
	name := s.cfg.user
	if name == "" || (os.Getuid() != 0 && os.Geteuid() != 0) {
		return nil
	}
	u, err := user.Lookup(name)
	if err != nil {
		return fmt.Errorf("Couldn't find user '%.32s'", name)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := setIDs(u, uid, gid); err != nil {
		return fmt.Errorf("Couldn't change to '%.32s' uid=%d gid=%d: %s", name, uid, gid, strerror(err))
	}
	fmt.Fprintf(s.stderr, "dropped privs to %s\n", name)
	return nil
}

func setIDs(u *user.User, uid, gid int) error {
	gids := []int{gid}
	if ids, err := u.GroupIds(); err == nil {
		gids = gids[:0]
		for _, g := range ids {
			if n, err := strconv.Atoi(g); err == nil {
				gids = append(gids, n)
			}
		}
	}
	if err := syscall.Setgroups(gids); err != nil {
		return err
	}
	if err := syscall.Setgid(gid); err != nil {
		return err
	}
	return syscall.Setuid(uid)
}
