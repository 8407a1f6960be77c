package server

import (
	"encoding/binary"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"lzdash/internal/cli"
)

// Bounds on what a client may ask of a session. A terminal larger than
// maxCols by maxRows is drawn at that size: every cell costs server memory,
// so a client claiming a 65535-column window must not get one. The bounds
// are the command tree's, so that a snapshot obeys them too.
const (
	maxCols    = cli.RemoteMaxWidth
	maxRows    = cli.RemoteMaxHeight
	maxEnvVars = 32
)

// maxChannelsPerConn bounds the sessions one connection may have open at
// once; OpenSSH's own default (MaxSessions) is 10.
const maxChannelsPerConn = 4

// sessionChannel is the handler for "session" channels: the library's own,
// behind a cap on how many one connection may open and a filter on the
// channel's requests.
func sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	g := guardOf(ctx)
	if g == nil || !g.openChannel() {
		_ = ch.Reject(gossh.ResourceShortage, "too many sessions on one connection")
		return
	}
	defer g.closeChannel()
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{ch}, ctx)
}

// filteredChannel wraps a new session channel so that its requests pass
// through filterRequests once it is accepted.
type filteredChannel struct{ gossh.NewChannel }

// Accept accepts the channel and filters its requests.
func (fc filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := fc.NewChannel.Accept()
	if err != nil {
		return nil, nil, err
	}
	out := make(chan *gossh.Request)
	go filterRequests(reqs, out)
	return ch, out, nil
}

// filterRequests refuses agent and X11 forwarding (the library would
// otherwise accept an agent request it never uses), caps the environment
// variables a client may set, and bounds the terminal size it may claim.
// Everything else, including refusing subsystems, is left to the library.
func filterRequests(in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	env := 0
	for req := range in {
		switch req.Type {
		case "auth-agent-req@openssh.com", "x11-req":
			_ = req.Reply(false, nil)
			continue
		case "env":
			if env++; env > maxEnvVars {
				_ = req.Reply(false, nil)
				continue
			}
		case "pty-req":
			if n, ok := stringLen(req.Payload); ok {
				clampWindow(req.Payload[n:])
			}
		case "window-change":
			clampWindow(req.Payload)
		}
		out <- req
	}
}

// stringLen returns the encoded length of the SSH string at the start of b.
func stringLen(b []byte) (int, bool) {
	if len(b) < 4 {
		return 0, false
	}
	n := binary.BigEndian.Uint32(b)
	if uint64(n) > uint64(len(b)-4) {
		return 0, false
	}
	return 4 + int(n), true
}

// clampWindow bounds, in place, the columns and rows that start b.
func clampWindow(b []byte) {
	if len(b) < 8 {
		return
	}
	if binary.BigEndian.Uint32(b) > maxCols {
		binary.BigEndian.PutUint32(b, maxCols)
	}
	if binary.BigEndian.Uint32(b[4:]) > maxRows {
		binary.BigEndian.PutUint32(b[4:], maxRows)
	}
}
