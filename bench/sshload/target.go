package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// target is the server under load.
type target struct {
	addr  string
	pid   int
	cmd   *exec.Cmd
	ctl   io.WriteCloser // commands to the child, one a line
	reply *bufio.Scanner // the child's answers
}

func startChild(o options) (*target, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding own binary: %w", err)
	}
	args := []string{"-child", "-n", fmt.Sprint(o.n), "-data", o.data}
	if o.profile != "" {
		args = append(args, "-profile", o.profile)
	}
	if o.hibernate > 0 {
		args = append(args, "-hibernate", o.hibernate.String())
	}
	cmd := exec.Command(self, args...)
	cmd.Env = os.Environ()
	if o.gogc != "" {
		cmd.Env = append(cmd.Env, "GOGC="+o.gogc)
	}
	if o.memlimit != "" {
		cmd.Env = append(cmd.Env, "GOMEMLIMIT="+o.memlimit)
	}
	cmd.Stderr = io.Discard
	ctl, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the server: %w", err)
	}
	s := &target{pid: cmd.Process.Pid, cmd: cmd, ctl: ctl, reply: bufio.NewScanner(out)}
	if !s.reply.Scan() {
		return nil, errors.New("the server did not start")
	}
	s.addr = strings.TrimSpace(s.reply.Text())
	return s, nil
}

// ask sends the child a command and returns its one-line answer.
func (s *target) ask(cmd string) string {
	if s.ctl == nil {
		return ""
	}
	fmt.Fprintln(s.ctl, cmd)
	if s.reply.Scan() {
		return s.reply.Text()
	}
	return ""
}

func (s *target) stop() {
	if s.cmd != nil {
		s.ctl.Close()
		_ = s.cmd.Wait()
	}
}

// cpu reads the server's user and system CPU time so far.
func (s *target) cpu() time.Duration {
	if s.pid == 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	var utime, stime int64
	fmt.Sscan(f[11], &utime)
	fmt.Sscan(f[12], &stime)
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ
}

// memory reads the server's VmRSS and VmHWM in KiB.
func (s *target) memory() (rss, hwm int) {
	if s.pid == 0 {
		return 0, 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		var v int
		if _, err := fmt.Sscanf(line, "VmRSS: %d kB", &v); err == nil {
			rss = v
		} else if _, err := fmt.Sscanf(line, "VmHWM: %d kB", &v); err == nil {
			hwm = v
		}
	}
	return rss, hwm
}

// result is what one session measured.
