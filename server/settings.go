package server

import (
	"charm.land/ssh"

	"lzdash/internal/config"
	"lzdash/ui"
)

// Settings are what every visitor's dashboard opens with: the server's
// --lang and config file. A visitor's own choice of language wins over
// Lang (see visitorLang).
type Settings struct {
	Lang  ui.Lang
	Tab   int
	Theme ui.Theme
	Keys  ui.KeyRemaps
}

// settings are the Settings with their keys built, once for all the
// sessions that open with them.
type settings struct {
	Settings
	keys *ui.Keys
}

// SetSettings makes st what dashboards opened from now on start with,
// as a reload of the server's config file does; open ones keep theirs.
// The server never changes st.Keys, which may be shared.
func (s *Server) SetSettings(st Settings) {
	if st.Lang == "" {
		st.Lang = ui.Zh
	}
	s.settings.Store(&settings{Settings: st, keys: ui.NewKeys(st.Keys)})
}

// Settings returns the settings new dashboards start with.
func (s *Server) Settings() Settings { return s.settings.Load().Settings }

// visitorLang is the language a visitor's session opens in, unless the
// visitor asks for one with --lang: the one the locale variables their
// client sent ask for (LC_ALL, LC_MESSAGES, then LANG; only their first
// two letters are looked at), else the server's.
func (s *Server) visitorLang(sess ssh.Session) ui.Lang {
	env := sess.Environ()
	if l, _, ok := config.LangFromLocale(func(k string) string { return envValue(env, k) }); ok {
		return l
	}
	return s.Settings().Lang
}
