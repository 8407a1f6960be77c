package server

import (
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// dialVia connects from the local address from, sends header first (as a
// balancer would), and completes an SSH handshake.
func dialVia(t *testing.T, ts *testServer, from net.IP, header string) (*gossh.Client, error) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: from}, Timeout: waitLimit}
	conn, err := d.Dial("tcp", ts.addr)
	if err != nil {
		t.Skipf("cannot dial from %v: %v", from, err)
	}
	t.Cleanup(func() { conn.Close() })
	_ = conn.SetDeadline(time.Now().Add(waitLimit))
	if header != "" {
		if _, err := conn.Write([]byte(header)); err != nil {
			return nil, err
		}
	}
	sc, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, &gossh.ClientConfig{
		User: "visitor", HostKeyCallback: gossh.FixedHostKey(ts.hostKey), Timeout: waitLimit,
	})
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Time{})
	c := gossh.NewClient(sc, chans, reqs)
	t.Cleanup(func() { c.Close() })
	return c, nil
}

var (
	balancer = net.IPv4(127, 0, 0, 1)
	stranger = net.IPv4(127, 0, 0, 2)
)

const clientHeader = "PROXY TCP4 203.0.113.7 127.0.0.1 40000 22\r\n"

func TestProxyHeaderFromTrustedBalancerNamesTheClient(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.TrustedProxies, _ = ParseCIDRs("127.0.0.1/32")
		c.MaxConnsPerAddr = 2
	})
	c, err := dialVia(t, ts, balancer, clientHeader)
	if err != nil {
		t.Fatalf("through the balancer: %v", err)
	}
	if _, _, st := run(t, c, "export --format csv"); st != 0 {
		t.Fatalf("export through the balancer: status %d", st)
	}
	ts.waitLog(t, "remote-addr=203.0.113.7")

	// Limits apply to the client the header names, not to the balancer:
	// a second client through the same balancer is not counted with it.
	if _, err := dialVia(t, ts, balancer, clientHeader); err != nil {
		t.Fatalf("second connection of 203.0.113.7: %v", err)
	}
	if _, err := dialVia(t, ts, balancer, clientHeader); err == nil {
		t.Fatal("a third connection of 203.0.113.7 got past --max-conns-per-addr 2")
	}
	other := strings.Replace(clientHeader, "203.0.113.7", "198.51.100.9", 1)
	if _, err := dialVia(t, ts, balancer, other); err != nil {
		t.Fatalf("another client through the same balancer: %v", err)
	}
}

func TestProxyHeadersRefusedUnlessFromATrustedBalancer(t *testing.T) {
	for _, tc := range []struct {
		name    string
		trusted string
		from    net.IP
		header  string
		log     string
	}{
		{"forged, no balancer configured", "", balancer, clientHeader, "not a trusted balancer"},
		{"forged, from a stranger", "127.0.0.1/32", stranger, clientHeader, "not a trusted balancer"},
		{"forged v2, from a stranger", "127.0.0.1/32", stranger,
			"\r\n\r\n\x00\r\nQUIT\n\x21\x11\x00\x0c\xcb\x00\x71\x07\x7f\x00\x00\x01\x9c\x40\x00\x16", "not a trusted balancer"},
		{"missing, from the balancer", "127.0.0.1/32", balancer, "", "no PROXY header"},
		{"malformed, from the balancer", "127.0.0.1/32", balancer, "PROXY TCP4 nonsense\r\n", "bad PROXY header"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := startServer(t, func(c *Config) {
				if tc.trusted != "" {
					c.TrustedProxies, _ = ParseCIDRs(tc.trusted)
				}
				c.ProxyHeaderTimeout = 300 * time.Millisecond
			})
			start := time.Now()
			if _, err := dialVia(t, ts, tc.from, tc.header); err == nil {
				t.Fatal("the connection was served")
			}
			if took := time.Since(start); took > waitLimit/2 {
				t.Fatalf("refused only after %v", took)
			}
			ts.waitLog(t, tc.log)
			if strings.Contains(ts.logs.String(), "203.0.113.7") {
				t.Fatal("the forged address reached the log as a client")
			}
		})
	}
	// A plain client straight to the server is still served.
	ts := startServer(t, func(c *Config) { c.TrustedProxies, _ = ParseCIDRs("127.0.0.1") })
	if _, err := dialVia(t, ts, stranger, ""); err != nil {
		t.Fatalf("a plain client from outside the balancer range: %v", err)
	}
}

func TestParseCIDRs(t *testing.T) {
	nets, err := ParseCIDRs("10.0.0.0/8, 192.168.1.7,::1")
	if err != nil || len(nets) != 3 || !nets[1].Contains(net.IPv4(192, 168, 1, 7)) || nets[1].Contains(net.IPv4(192, 168, 1, 8)) {
		t.Fatalf("%v, %v", nets, err)
	}
	for _, bad := range []string{"", "10.0.0.0/33", "example.com", ","} {
		if _, err := ParseCIDRs(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
