package data_test

import (
	"testing"

	"lzdash/data"
)

func TestUnitFactor(t *testing.T) {
	tests := []struct {
		from, to string
		want     float64
		ok       bool
	}{
		{"件", "件", 1, true},
		{"%", "%", 1, true},
		{"万元", "亿元", 1e-4, true},
		{"亿元", "万元", 1e4, true},
		{"元", "万元", 1e-4, true},
		{"万件", "件", 1e4, true},
		{"件", "万件", 1e-4, true},
		{"百万元", "万元", 100, true}, // 百万 is read before 百
		{"千万元", "亿元", 0.1, true},
		{"千人", "人", 1000, true},
		{"万平米", "件", 0, false},
		{"亿元", "件", 0, false},
		{"万元", "%", 0, false},
		{"万", "件", 0, false}, // a bare magnitude is not a unit with a base
		{"", "件", 0, false},
	}
	for _, tt := range tests {
		got, ok := data.UnitFactor(tt.from, tt.to)
		if ok != tt.ok || (ok && !near(got, tt.want)) {
			t.Errorf("UnitFactor(%q, %q) = %v, %v; want %v, %v", tt.from, tt.to, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsPercent(t *testing.T) {
	for unit, want := range map[string]bool{"%": true, "件": false, "个百分点": false, "": false} {
		if got := data.IsPercent(unit); got != want {
			t.Errorf("IsPercent(%q) = %v, want %v", unit, got, want)
		}
	}
}

func TestMetricValue(t *testing.T) {
	m := &data.Metric{Unit: "万元"}
	tests := []struct {
		f    data.Figure
		want float64
	}{
		{data.Figure{Value: 12.5}, 12.5},
		{data.Figure{Value: 12.5, Unit: "万元"}, 12.5},
		{data.Figure{Value: 0.07, Unit: "亿元"}, 700},
		{data.Figure{Value: 4.1, Unit: "亿元"}, 41000},
		{data.Figure{Value: 35000, Unit: "元"}, 3.5},
		// Parse rejects a unit that does not convert; the value is then
		// left as it is.
		{data.Figure{Value: 3, Unit: "件"}, 3},
	}
	for _, tt := range tests {
		if got := m.Value(&tt.f); got != tt.want {
			t.Errorf("Value(%v %s) = %v万元, want %v", tt.f.Value, tt.f.Unit, got, tt.want)
		}
	}
}
