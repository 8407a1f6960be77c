package server

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Session outcomes, the values of lzdash_sessions_total's label.
const (
	outcomeDashboard      = "dashboard"
	outcomeExec           = "exec"
	outcomeRefusedBusy    = "refused_busy"
	outcomeRefusedAuth    = "refused_auth"
	outcomeRateLimited    = "rate_limited"
	outcomeRefusedOther   = "refused_other"
	outcomeDroppedStalled = "dropped_stalled"
	outcomeRefusedConn    = "refused_connection"
	outcomeRefusedProxy   = "refused_proxy_header"
)

// metrics are one server's Prometheus metrics, in a registry of its own.
type metrics struct {
	reg        *prometheus.Registry
	sessions   *prometheus.CounterVec
	duration   prometheus.Histogram
	firstFrame prometheus.Histogram
	reloads    prometheus.Counter
	reloadErrs prometheus.Counter
	loadTime   prometheus.Gauge
}

func newMetrics(s *Server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		sessions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lzdash_sessions_total",
			Help: "Sessions and connections by outcome: dashboard, exec, refused_busy, refused_auth, rate_limited, refused_other, dropped_stalled, refused_connection, refused_proxy_header.",
		}, []string{"outcome"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "lzdash_session_duration_seconds",
			Help:    "How long admitted sessions lasted.",
			Buckets: []float64{0.1, 1, 10, 60, 300, 900, 1800, 3600, 7200},
		}),
		firstFrame: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "lzdash_first_frame_seconds",
			Help:    "From a dashboard session's start to the end of the write of its first frame.",
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5},
		}),
		reloads: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lzdash_dataset_reloads_total", Help: "Dataset reloads that succeeded.",
		}),
		reloadErrs: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lzdash_dataset_reload_failures_total", Help: "Dataset reloads that failed; the last good data stays.",
		}),
		loadTime: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lzdash_dataset_load_seconds", Help: "How long the current dataset took to read and check.",
		}),
	}
	for _, o := range []string{outcomeDashboard, outcomeExec, outcomeRefusedBusy, outcomeRefusedAuth,
		outcomeRateLimited, outcomeRefusedOther, outcomeDroppedStalled, outcomeRefusedConn, outcomeRefusedProxy} {
		m.sessions.WithLabelValues(o) // every outcome shows, at 0 at first
	}
	m.reg.MustRegister(m.sessions, m.duration, m.firstFrame, m.reloads, m.reloadErrs, m.loadTime,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "lzdash_sessions_open", Help: "Sessions open.",
		}, func() float64 { return float64(s.Sessions()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "lzdash_programs_running",
			Help: "Dashboards whose program runs: the others show the shared first frame until their visitor's first key or resize, or are hibernated.",
		}, func() float64 { return float64(s.programs.Load()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "lzdash_programs_hibernated",
			Help: "Dashboards whose program was stopped after --hibernate without activity: their visitor's next key or resize starts another on the same state.",
		}, func() float64 { return float64(s.hibernated.Load()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "lzdash_connections_open", Help: "Connections open, authenticated or not.",
		}, func() float64 { total, _ := s.conns.count(); return float64(total) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "lzdash_handshakes_open", Help: "Connections not yet authenticated.",
		}, func() float64 { _, hs := s.conns.count(); return float64(hs) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "lzdash_draining", Help: "1 while the server drains before it stops.",
		}, func() float64 {
			if s.closing.Load() {
				return 1
			}
			return 0
		}),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

func (m *metrics) count(outcome string) { m.sessions.WithLabelValues(outcome).Inc() }

// MetricsHandler serves the server's metrics at /metrics, /healthz (200
// while the server is listening with a dataset loaded) and /readyz (200
// unless it is draining, so that a balancer sends it no new visitors).
func (s *Server) MetricsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		ds := s.hub.current()
		if !s.listening.Load() || ds == nil {
			http.Error(w, "not listening", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !s.listening.Load() || s.closing.Load() {
			http.Error(w, "draining", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	})
	return mux
}

// SetLoadTime records how long the current dataset took to load.
func (s *Server) SetLoadTime(d time.Duration) { s.metrics.loadTime.Set(d.Seconds()) }
