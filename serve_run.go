package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"

	"lzdash/data"
	"lzdash/data/watch"
	"lzdash/server"
)

// reloader reads again, on SIGHUP, the files the server was started with.
type reloader struct {
	path, keys string
	config     serverConfig
}

// serveUntilSignal serves until SIGINT or SIGTERM, then drains and shuts
// down; on SIGHUP it reloads the dataset and the authorized keys without
// dropping a session. With mln, it serves the metrics there meanwhile;
// with w, it publishes every change of the dataset file to the sessions.
func serveUntilSignal(srv *server.Server, ln, mln net.Listener, w *watch.Watcher, r reloader, logger *log.Logger) int {
	if w != nil {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go w.Poll(ctx, watch.Interval, srv.Publish)
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var hs *http.Server
	if mln != nil {
		hs = &http.Server{Handler: srv.MetricsHandler(), ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second, MaxHeaderBytes: 8 << 10}
		go func() {
			if err := hs.Serve(mln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				logger.Error("metrics stopped", "error", err)
			}
		}()
	}
	for stop := false; !stop; {
		select {
		case err := <-errc:
			logger.Error("server stopped", "error", err)
			return exitData
		case sig := <-sigs:
			if sig == syscall.SIGHUP {
				r.reload(srv, logger)
				continue
			}
			logger.Info("shutting down", "signal", sig.String(), "sessions", srv.Sessions())
			stop = true
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), srv.DrainTimeout()+shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		logger.Warn("shutdown", "error", err)
	}
	if hs != nil {
		_ = hs.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		logger.Error("server stopped", "error", err)
		return exitData
	}
	logger.Info("stopped")
	return exitOK
}

// reload reads the dataset (when the server has a --data file), the
// config file and the authorized keys (when it has them) again; a file
// that fails to load changes nothing and is logged. The new settings
// are for dashboards opened from then on.
func (r reloader) reload(srv *server.Server, logger *log.Logger) {
	logger.Info("SIGHUP: reloading")
	if r.config.path != "" {
		if st, err := r.config.load(logger); err != nil {
			logger.Error("config file not reloaded: the old settings stay", "error", data.Sanitize(err.Error()))
		} else {
			srv.SetSettings(st)
		}
	}
	if r.path != "" {
		began := time.Now()
		if ds, err := loadDataset(r.path); err != nil {
			srv.ReloadFailed(err)
		} else {
			srv.Reload(ds, time.Since(began))
		}
	}
	if r.keys != "" {
		ks, err := server.LoadAuthorizedKeys(r.keys)
		if err != nil {
			logger.Error("authorized keys not reloaded: the old ones stay", "error", err)
			return
		}
		srv.SetAuthorizedKeys(ks)
	}
}

// metricsListenAddr turns a --metrics value into an address to listen on:
// a bare port means loopback, so that metrics are only public when asked.
func metricsListenAddr(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if p, err := strconv.Atoi(s); err == nil {
		if p < 0 || p > 65535 {
			return "", fmt.Errorf("port %d is out of range", p)
		}
		return net.JoinHostPort("127.0.0.1", s), nil
	}
	if _, _, err := net.SplitHostPort(s); err != nil {
		return "", fmt.Errorf("%q: want PORT or HOST:PORT, such as 9100 or 127.0.0.1:9100", s)
	}
	return s, nil
}
