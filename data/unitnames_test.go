package data_test

import (
	"testing"

	"lzdash/data"
)

func TestAmount(t *testing.T) {
	tests := []struct {
		v      float64
		unit   string
		zh, en string
	}{
		{62.76, "亿元", "62.76 亿元", "CNY 6.28 bn"},
		{2412.35, "万元", "2412.35 万元", "CNY 24.1 m"},
		{8.266, "亿元", "8.266 亿元", "CNY 827 m"},
		{143, "亿元", "143 亿元", "CNY 14.3 bn"},
		{100, "万元", "100 万元", "CNY 1 m"},
		{70, "万元", "70 万元", "CNY 700,000"},
		{1.07, "万件", "1.07 万件", "10,700"},
		{10708, "件", "10708 件", "10,708"},
		{14.34, "件", "14.34 件", "14.34"},
		{681, "家", "681 家", "681"},
		{97, "个", "97 个", "97"},
		{650, "项", "650 项", "650"},
		{7, "所", "7 所", "7"},
		{24, "笔", "24 笔", "24"},
		{1160, "人", "1160 人", "1,160"},
		{400, "人次", "400 人次", "400 person-times"},
		{6, "年", "6 年", "6 years"},
		{3, "届", "3 届", "3 editions"},
		{16, "%", "16%", "16%"},
		{1.5, "个百分点", "1.5 个百分点", "1.5 pp"},
		{65, "位", "65 位", "No. 65"},
		{123.5, "万平方米", "123.5 万平方米", "1,235,000 m²"},
		{3.3, "万平米", "3.3 万平米", "33,000 m²"},
		{5, "倍", "5 倍", "5 倍"}, // not in the table: shown as written
	}
	for _, tt := range tests {
		if zh, en := data.Amount(tt.v, tt.unit, "zh"), data.Amount(tt.v, tt.unit, "en"); zh != tt.zh || en != tt.en {
			t.Errorf("Amount(%v, %s) = %q / %q, want %q / %q", tt.v, tt.unit, zh, en, tt.zh, tt.en)
		}
	}
}

// TestAmountEnglishHasNoChineseUnit checks every unit of the table: an
// English rendering holds no Han character.
func TestAmountEnglishHasNoChineseUnit(t *testing.T) {
	for _, u := range []string{"元", "万元", "亿元", "件", "万件", "个", "家", "项", "所", "笔", "支", "次", "人", "名", "年", "届", "人次", "%", "个百分点", "位", "平方米", "万平方米", "平米", "万平米"} {
		for _, s := range []string{data.Amount(12.5, u, "en"), data.SignedAmount(-3, u, "en"), data.UnitLabel(u, "en")} {
			if hasHan(s) {
				t.Errorf("unit %s renders in English as %q", u, s)
			}
		}
	}
}

func TestSignedAmountRankAndLabel(t *testing.T) {
	tests := []struct{ got, want string }{
		{data.SignedAmount(7.24, "亿元", "en"), "+CNY 724 m"},
		{data.SignedAmount(-10, "个", "en"), "-10"},
		{data.SignedAmount(0, "亿元", "en"), "CNY 0"},
		{data.SignedAmount(1.5, "个百分点", "en"), "+1.5 pp"},
		{data.SignedAmount(-7.24, "亿元", "zh"), "-7.24 亿元"},
		{data.Rank(65, 169, "en"), "No. 65 of 169"},
		{data.Rank(18, 0, "en"), "No. 18"},
		{data.Rank(65, 169, "zh"), "第65位（共169）"},
		{data.UnitLabel("亿元", "en"), "CNY 100 m"},
		{data.UnitLabel("万元", "en"), "CNY 10,000"},
		{data.UnitLabel("元", "en"), "CNY"},
		{data.UnitLabel("件", "en"), "number"},
		{data.UnitLabel("万件", "en"), "10,000"},
		{data.UnitLabel("万平方米", "en"), "10,000 m²"},
		{data.UnitLabel("位", "en"), "rank"},
		{data.UnitLabel("亿元", "zh"), "亿元"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
