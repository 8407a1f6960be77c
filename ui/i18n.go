package ui

import "lzdash/data"

// Lang is a display language.
type Lang string

// The display languages.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// ParseLang reads a --lang value.
func ParseLang(s string) (Lang, bool) {
	switch s {
	case "zh", "zh-CN", "cn":
		return Zh, true
	case "en":
		return En, true
	}
	return "", false
}

// Other returns the language L switches to.
func (l Lang) Other() Lang {
	if l == En {
		return Zh
	}
	return En
}

// labels is every fixed string of the interface in one language. It is a
// struct rather than a map so that a misspelt label fails to compile; a
// label left out of one language still compiles, as an empty string, and
// TestNoEmptyLabel catches it.
type labels struct {
	Tabs [5]string

	Actual, Provisional, Estimate, Partial, Target, Derived string

	TooSmall      string // need W×H, have W×H
	Reloaded      string
	ReloadFailed  string
	DataWithheld  string // a reload failed; the details are not shown
	ProblemAt     string // "%s" is FILE:LINE:COL and the field; Chinese only
	MoreProblems  string // " (+%d)"
	ReadFailed    string // the data file could not be read; Chinese only
	CityWide      string
	NoData        string
	Figures       string // "%d figures"
	Sources       string // "%d sources"
	Conflicts     string // "%d conflicts kept"
	Disagreements string
	Since         string // "vs %d"
	NoEarlier     string
	Latest        string
	Filter        string
	NoMatch       string
	ColYear       string
	ColValue      string
	ColChange     string
	ColKind       string
	ColSource     string
	ColIndicator  string
	ColTarget     string
	ColAgainst    string
	ColGap        string
	ColStatus     string
	ColProgress   string
	ColPublisher  string
	ColDate       string
	ColTitle      string
	ColFigures    string
	ColZone       string
	Quote         string
	Colon         string
	Formula       string
	Note          string
	ChartNote     string
	ChartTarget   string // "target %d"
	ChartLower    string
	ChartBreak    string // "gap before %d: "
	ChartNoRoom   string // in place of a chart the pane is too short for
	StatusMet     string
	StatusMissed  string
	StatusUnknown string

	// The legend of marks under the full help.
	Legend, LegendQualifiers                                    string
	LegendNotFinal, LegendFinal, LegendNotFinalPoint, LegendCut string
	Context                                                     string
	MoreContext                                                 string // "%d more"
	OnProvisional                                               string // " (%d of them on provisional or estimated figures)"
	NotCompared                                                 string
	Leading                                                     string
	Aggregate                                                   string
	Share                                                       string
	Members                                                     string
	Inferred                                                    string
	ConflictWith                                                string
	TargetsSummary                                              string // "%d targets: %d met, %d missed, %d unknown"
	// Targets, zones and pages.
	NoYearFigure  string // "no %d figure"
	NoComparable  string // "no comparable %d figure"
	TooLoose      string // the basis is approximate
	LaterFigure   string // a later figure of the same metric, as context
	RelatedFigure string // a related metric's figure, as context
	MoreBelow     string // "lines %d-%d of %d, more below"
	Position      string // "lines %d-%d of %d"
	ShareOf       string // "share of the %s' total"
	ShareZones    string // "the %d zones"
	ListSep       string // between the parts of a context line

	// Help descriptions.
	KeyNext, KeyPrev, KeyJump, KeyLang, KeyHelp, KeyQuit string
	KeyUp, KeyDown, KeyFilter, KeyClear, KeyZone, KeyRow string
	KeyPage, KeyAccept                                   string
	KeyCloseHelp                                         string

	citeLabels
	configLabels
}

func labelsFor(l Lang) *labels {
	if l == En {
		return enLabels()
	}
	return zhLabels()
}

func zhLabels() *labels {
	return &labels{
		Tabs:   [5]string{"总览", "指标", "目标", "园区", "来源"},
		Actual: "实际", Provisional: "初步", Estimate: "预计", Partial: "部分期", Target: "目标", Derived: "推算",
		TooSmall:      "终端太小：需要 %d×%d，当前 %d×%d",
		Reloaded:      "数据已重新加载",
		ReloadFailed:  "重新加载失败，仍显示上次有效数据：",
		DataWithheld:  "数据文件有问题，仍显示上次有效数据",
		ProblemAt:     "%s 有误",
		MoreProblems:  "，另有%d处问题",
		ReadFailed:    "无法读取数据文件",
		CityWide:      "全市",
		NoData:        "无数据",
		Figures:       "%d 项数据",
		Sources:       "%d 个来源",
		Conflicts:     "%d 处来源不一致，均已保留",
		Disagreements: "来源不一致之处（均已保留）",
		Since:         "较%d年",
		NoEarlier:     "无更早数据",
		Latest:        "最新",
		Filter:        "筛选：",
		NoMatch:       "没有匹配的指标",
		ColYear:       "年份", ColValue: "数值", ColChange: "变化", ColKind: "类型", ColSource: "来源",
		ColIndicator: "指标", ColTarget: "目标", ColAgainst: "判断依据", ColGap: "差距",
		ColStatus: "状态", ColProgress: "进度", ColPublisher: "发布方", ColDate: "日期",
		ColTitle: "标题", ColFigures: "数据项", ColZone: "园区",
		Quote:         "原文",
		Colon:         "：",
		Formula:       "算法",
		Note:          "注",
		ChartNote:     "折线只连接可比的数据",
		ChartTarget:   "%d年目标",
		ChartLower:    "纵轴倒置：数值越小越好",
		ChartBreak:    "%d年前断开：",
		ChartNoRoom:   "窗口太矮，放不下图表",
		StatusMet:     "已达成",
		StatusMissed:  "未达成",
		StatusUnknown: "未知",
		Legend:        "图例", LegendQualifiers: "约30、30左右：大约   30余、30多、超过30：多于   30以上：不少于   近30：接近",
		LegendNotFinal: "非最终数据", LegendFinal: "最终数据", LegendNotFinalPoint: "非最终数据点",
		LegendCut:      "因宽度截断",
		Context:        "参考（非判断依据）",
		MoreContext:    "另有%d项参考数据",
		OnProvisional:  "（其中%d项依据初步或预计数）",
		NotCompared:    "不可比：",
		Leading:        "主导产业",
		Aggregate:      "合计",
		Share:          "占比",
		Members:        "包括",
		Inferred:       "推断",
		ConflictWith:   "另有来源：",
		TargetsSummary: "共 %d 项目标：%d 项达成，%d 项未达成，%d 项未知",
		NoYearFigure:   "无%d年数据",
		NoComparable:   "无可比的%d年数据",
		TooLoose:       "数据为约数",
		LaterFigure:    "此后数据（仅供参考）",
		RelatedFigure:  "相关数据（仅供参考）",
		MoreBelow:      "第%d-%d行，共%d行，下方还有更多",
		Position:       "第%d-%d行，共%d行",
		ShareOf:        "占%s合计",
		ShareZones:     "%d个园区",
		ListSep:        "，",
		KeyNext:        "下一标签页", KeyPrev: "上一标签页", KeyJump: "跳转", KeyLang: "中/英",
		KeyHelp: "帮助", KeyQuit: "退出", KeyUp: "上移", KeyDown: "下移", KeyFilter: "筛选",
		KeyClear: "清除筛选", KeyZone: "切换园区", KeyRow: "选择数据行", KeyPage: "翻页", KeyAccept: "确定",
		KeyCloseHelp: "关闭帮助",
		citeLabels:   zhCiteLabels(),
		configLabels: zhConfigLabels(),
	}
}

func enLabels() *labels {
	return &labels{
		Tabs:   [5]string{"Overview", "Indicators", "Targets", "Zones", "Sources"},
		Actual: "actual", Provisional: "provisional", Estimate: "estimate", Partial: "part-year", Target: "target", Derived: "derived",
		TooSmall:      "terminal too small: need %d×%d, have %d×%d",
		Reloaded:      "data reloaded",
		ReloadFailed:  "reload failed; still showing the last good data: ",
		DataWithheld:  "the data file has a problem; the last good data is shown",
		ProblemAt:     "%s",
		MoreProblems:  " (+%d)",
		ReadFailed:    "the data file could not be read",
		CityWide:      "city-wide",
		NoData:        "no data",
		Figures:       "%d figures",
		Sources:       "%d sources",
		Conflicts:     "%d source disagreements, all kept",
		Disagreements: "Where sources disagree (all kept)",
		Since:         "vs %d",
		NoEarlier:     "no earlier figure",
		Latest:        "latest",
		Filter:        "filter: ",
		NoMatch:       "no indicator matches",
		ColYear:       "Year", ColValue: "Value", ColChange: "Change", ColKind: "Kind", ColSource: "Source",
		ColIndicator: "Indicator", ColTarget: "Target", ColAgainst: "Judged on", ColGap: "Gap",
		ColStatus: "Status", ColProgress: "Progress", ColPublisher: "Publisher", ColDate: "Date",
		ColTitle: "Title", ColFigures: "Figures", ColZone: "Zone",
		Quote:         "Source text",
		Colon:         ": ",
		Formula:       "Formula",
		Note:          "Note",
		ChartNote:     "the line joins only figures that compare",
		ChartTarget:   "target %d",
		ChartLower:    "axis inverted: lower is better",
		ChartBreak:    "gap before %d: ",
		ChartNoRoom:   "no room for the chart: make the window taller",
		StatusMet:     "met",
		StatusMissed:  "missed",
		StatusUnknown: "unknown",
		Legend:        "Marks", LegendQualifiers: "≈30 about   30+ more than   ≥30 at least   nearly 30",
		LegendNotFinal: "not final", LegendFinal: "final figure", LegendNotFinalPoint: "not final (chart)",
		LegendCut:      "cut to fit",
		Context:        "Context (not a basis)",
		MoreContext:    "%d more figures for context",
		OnProvisional:  " (%d of them on provisional or estimated figures)",
		NotCompared:    "not compared: ",
		Leading:        "Leading industries",
		Aggregate:      "aggregate",
		Share:          "share",
		Members:        "made of",
		Inferred:       "inferred",
		ConflictWith:   "other source: ",
		TargetsSummary: "%d targets: %d met, %d missed, %d unknown",
		NoYearFigure:   "no %d figure",
		NoComparable:   "no comparable %d figure",
		TooLoose:       "figure too approximate",
		LaterFigure:    "later figure (context only)",
		RelatedFigure:  "related figure (context only)",
		MoreBelow:      "lines %d-%d of %d, more below",
		Position:       "lines %d-%d of %d",
		ShareOf:        "share of %s' total",
		ShareZones:     "the %d zones",
		ListSep:        ", ",
		KeyNext:        "next tab", KeyPrev: "previous tab", KeyJump: "go to tab", KeyLang: "中/EN",
		KeyHelp: "help", KeyQuit: "quit", KeyUp: "up", KeyDown: "down", KeyFilter: "filter",
		KeyClear: "clear filter", KeyZone: "switch zone", KeyRow: "select figure", KeyPage: "page", KeyAccept: "done",
		KeyCloseHelp: "close help",
		citeLabels:   enCiteLabels(),
		configLabels: enConfigLabels(),
	}
}

// kind names a figure kind.
func (t *labels) kind(k data.Kind) string {
	switch k {
	case data.Actual:
		return t.Actual
	case data.Provisional:
		return t.Provisional
	case data.Estimate:
		return t.Estimate
	case data.Partial:
		return t.Partial
	case data.Target:
		return t.Target
	case data.Derived:
		return t.Derived
	}
	return string(k)
}
