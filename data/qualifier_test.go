package data_test

import (
	"testing"

	"lzdash/data"
)

func TestQualifierIn(t *testing.T) {
	tests := []struct {
		quote string
		value float64
		want  data.Qualifier
		found bool
	}{
		{"近30项重点科技产业项目建设", 30, data.Nearly, true},
		{"实现总产值近100亿元", 100, data.Nearly, true},
		{"立項支持項目650余項", 650, data.MoreThan, true},
		{"生物医药企业200多家", 200, data.MoreThan, true},
		{"年技术合同交易额超过70亿元", 70, data.MoreThan, true},
		{"從全國65名提升至30名左右", 30, data.About, true},
		{"從全國65名提升至30名左右", 65, "", true},
		{"约1.5万人", 1.5, data.About, true},
		{"约有1.5万人", 1.5, "", true}, // the marker must stand next to the number
		{"大約20家", 20, data.About, true},
		{"占到甘肃省的40%以上", 40, data.AtLeast, true},
		{"新增高新技术企业90家以上", 90, data.AtLeast, true},
		{"专利申请量达到10708件", 10708, "", true},
		{"每万人发明专利拥有量为12.07件，增长12%", 12, "", true},
		// 12 inside 12.07 or 2018 is not the number 12 or 2.
		{"每万人发明专利拥有量为12.07件", 12, "", false},
		{"2018年", 2, "", false},
		{"連續三年組織實施", 3, "", true},
		{"舉辦了兩屆", 2, "", true},
		{"名列第一、第二的名次", 2, "", true},
		{"四十五家", 45, "", true},
		{"达到100件", 99, "", false},
	}
	for _, tt := range tests {
		q, found := data.QualifierIn(tt.quote, tt.value)
		if q != tt.want || found != tt.found {
			t.Errorf("QualifierIn(%q, %v) = %q, %v; want %q, %v", tt.quote, tt.value, q, found, tt.want, tt.found)
		}
	}
}

func TestQualifierPrefixAndMarkers(t *testing.T) {
	for _, q := range []data.Qualifier{data.About, data.Nearly, data.MoreThan, data.AtLeast} {
		if !q.Valid() || q.Prefix("zh") == "" || q.Prefix("en") == "" || len(q.Markers()) == 0 {
			t.Errorf("%s: valid %v, prefixes %q %q, markers %q", q, q.Valid(), q.Prefix("zh"), q.Prefix("en"), q.Markers())
		}
	}
	if q := data.Qualifier("approx"); q.Valid() || q.Prefix("en") != "" || q.Markers() != nil {
		t.Errorf("approx is not a qualifier")
	}
	if data.Nearly.Prefix("en") != "nearly " || data.About.Prefix("zh") != "约" {
		t.Errorf("prefixes %q, %q", data.Nearly.Prefix("en"), data.About.Prefix("zh"))
	}
}
