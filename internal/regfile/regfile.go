// Package regfile opens files that must be regular (a dataset, a host
// key, an authorized_keys file) without ever blocking: a named pipe with
// no writer, a device or a socket at the path is found out by its fstat,
// not waited on. The dataset loader and the SSH server both use it.
package regfile

import "io/fs"

// Kind names the type of a file that is not a regular file, for
// messages such as "not a regular file (a named pipe)".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "of an unknown kind"
}
