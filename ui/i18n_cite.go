package ui

// citeLabels are the labels of citing, copying and drilling down.
type citeLabels struct {
	KeyCite, KeyCopyTable, KeyDrill, KeyBack string
	// Copied is the notice of a copied citation: "copied: %s".
	Copied string
	// CopiedTable is the notice of a copied table: "%d rows copied".
	CopiedTable string
	// NothingToCite says the tab on screen highlights no figure.
	NothingToCite string
	// NoTable says the tab on screen shows no table to copy.
	NoTable string
	// The copied tables' own columns.
	ColUnit, ColPeriod, ColShare, ColNumber string
}

func zhCiteLabels() citeLabels {
	return citeLabels{
		KeyCite: "复制引用", KeyCopyTable: "复制表格", KeyDrill: "查看指标", KeyBack: "返回",
		Copied:        "已复制引用：%s",
		CopiedTable:   "已复制表格（%d行，制表符分隔）",
		NothingToCite: "此页没有选中的数据可引用",
		NoTable:       "此页没有可复制的表格",
		ColUnit:       "单位", ColPeriod: "期间", ColShare: "占比", ColNumber: "序号",
	}
}

func enCiteLabels() citeLabels {
	return citeLabels{
		KeyCite: "copy citation", KeyCopyTable: "copy table", KeyDrill: "open indicator", KeyBack: "back",
		Copied:        "copied: %s",
		CopiedTable:   "table copied (%d rows, TSV)",
		NothingToCite: "no highlighted figure to cite here",
		NoTable:       "no table to copy here",
		ColUnit:       "Unit", ColPeriod: "Period", ColShare: "Share", ColNumber: "No.",
	}
}
