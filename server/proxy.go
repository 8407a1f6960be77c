package server

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	proxyproto "github.com/pires/go-proxyproto"
)

// DefaultProxyHeaderTimeout bounds the wait for a PROXY header. A
// balancer sends it at once; a client straight from the internet never
// does, and SSH clients speak first, so the wait only costs a silent
// client.
const DefaultProxyHeaderTimeout = 5 * time.Second

// ParseCIDRs parses a comma-separated list of addresses and CIDR ranges,
// such as "10.0.0.0/8,192.168.1.7", for --proxy-protocol.
func ParseCIDRs(list string) ([]*net.IPNet, error) {
	var nets []*net.IPNet
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			ip := net.ParseIP(f)
			if ip == nil {
				return nil, fmt.Errorf("%q is not an IP address or CIDR range", f)
			}
			bits := 128
			if ip.To4() != nil {
				ip, bits = ip.To4(), 32
			}
			nets = append(nets, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not an IP address or CIDR range", f)
		}
		nets = append(nets, n)
	}
	if len(nets) == 0 {
		return nil, errors.New("no address or CIDR range given")
	}
	return nets, nil
}

// proxyListener wraps ln so that a PROXY protocol header (v1 or v2) is
// required from the trusted balancers and refused from everyone else;
// with no trusted balancer, every header is refused, so no client can
// choose the address the server sees.
func (s *Server) proxyListener(ln net.Listener) net.Listener {
	return &proxyproto.Listener{
		Listener: ln,
		ConnPolicy: func(o proxyproto.ConnPolicyOptions) (proxyproto.Policy, error) {
			if s.trustedProxy(o.Upstream) {
				return proxyproto.REQUIRE, nil
			}
			return proxyproto.REJECT, nil
		},
		ReadHeaderTimeout: s.cfg.ProxyHeaderTimeout,
	}
}

// trustedProxy reports whether a is one of the trusted balancers.
func (s *Server) trustedProxy(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return false
	}
	for _, n := range s.cfg.TrustedProxies {
		if n.Contains(tcp.IP) {
			return true
		}
	}
	return false
}

// proxyHeaderError reads c's PROXY header, if c comes through a
// proxyListener, and returns why it is refused: a header from an
// untrusted peer, none (or a malformed one) from a trusted balancer.
func proxyHeaderError(c net.Conn) error {
	pc, ok := c.(*proxyproto.Conn)
	if !ok {
		return nil
	}
	// A zero-length read processes the header and reads nothing else.
	if _, err := pc.Read(nil); err != nil {
		switch {
		case errors.Is(err, proxyproto.ErrSuperfluousProxyHeader):
			return errors.New("a PROXY header from a peer that is not a trusted balancer")
		case errors.Is(err, proxyproto.ErrNoProxyProtocol):
			return errors.New("no PROXY header from a trusted balancer")
		}
		return fmt.Errorf("reading the PROXY header: %w", err)
	}
	return nil
}

// rawRemote returns the address of c's peer on the socket: the balancer,
// for a connection through one.
func rawRemote(c net.Conn) net.Addr {
	if pc, ok := c.(*proxyproto.Conn); ok {
		return pc.Raw().RemoteAddr()
	}
	return c.RemoteAddr()
}
