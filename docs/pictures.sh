#!/usr/bin/env bash
# Draws the README's pictures of the dashboard: two real tabs of the
# embedded dataset as SVG (lzdash snapshot --format svg), written to
# docs/. Each is then rendered to PNG with rsvg-convert, with the Noto
# CJK fonts, so that they can be looked at before they are committed; the
# PNGs go to $OUT (a temporary folder by default) and are not kept.
# As root, the script installs librsvg2-bin and fonts-noto-cjk with
# apt-get when they are missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${OUT:-$(mktemp -d)}

if ! command -v rsvg-convert >/dev/null || ! fc-list 2>/dev/null | grep -q 'Noto Sans Mono CJK SC'; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		apt-get install -y --no-install-recommends librsvg2-bin fonts-noto-cjk ||
			{ apt-get update && apt-get install -y --no-install-recommends librsvg2-bin fonts-noto-cjk; }
	else
		echo "pictures.sh needs rsvg-convert and the Noto CJK fonts: apt-get install librsvg2-bin fonts-noto-cjk" >&2
		exit 1
	fi
fi

go build -o "$out/lzdash" .

# picture NAME ARGS...: docs/NAME.svg from lzdash snapshot ARGS.
picture() {
	local name=$1
	shift
	"$out/lzdash" snapshot --format svg "$@" >"docs/$name.svg"
	rsvg-convert "docs/$name.svg" -o "$out/$name.png"
	echo "docs/$name.svg: look at $out/$name.png"
}

picture overview --tab overview --lang zh --width 100 --height 30
picture indicators --tab indicators --lang en --width 100 --height 30 --metric tech-contract-turnover
