package ui

// configLabels are the labels of the config file's banner.
type configLabels struct {
	KeyDismiss string
	// ConfigProblem leads the banner: the config file has a problem and
	// the settings it concerns are the defaults.
	ConfigProblem string
}

func zhConfigLabels() configLabels {
	return configLabels{KeyDismiss: "关闭提示", ConfigProblem: "配置文件有误，相关设置用默认值："}
}

func enConfigLabels() configLabels {
	return configLabels{KeyDismiss: "dismiss", ConfigProblem: "config file problem, defaults used for it: "}
}
