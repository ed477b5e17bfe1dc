// Package version holds the build version, set by the linker from git describe.
package version

// Version is overridden at link time (-X); "dev" for plain go build.
var Version = "dev"

// UtilLinux names the util-linux release whose nsenter semantics we follow.
const UtilLinux = "2.42.2"
