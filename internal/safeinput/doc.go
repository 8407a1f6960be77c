// Package safeinput filters the bytes a terminal (or an SSH client) sends
// before Bubble Tea decodes them, so that no input can crash lzdash, make
// its input decoder wait forever, or make it spend memory and time out of
// proportion to what was sent.
//
// It works around the input path of charm.land/bubbletea/v2 v2.1.1, which
// reads through github.com/charmbracelet/ultraviolet (uv) and
// github.com/charmbracelet/x/ansi v0.11.9 (the same code as v0.11.8):
//
//   - ansi.DecodeSequence (parser_decode.go) writes p.params[p.paramsLen]
//     without a bound check, and uv's eventScanner.deserializeWin32Input
//     calls it on every input buffer, in a goroutine that nothing recovers:
//     "ESC [", 32 ";" and "1R" (36 bytes) kill the process. The filter lets
//     at most 32 parameters through (16 in a DCS, uv's own limit there).
//   - uv's TerminalReader.StreamEvents keeps unconsumed input and rescans it
//     from the start on every read, and does not consume it until 50 ms
//     pass without a read: an unterminated OSC, DCS, APC, PM or SOS string
//     costs time quadratic in its length, and an invalid CSI or SS3, an OSC
//     with empty data after ';', or a DCS with 17 parameters at the head of
//     the buffer (an UnknownEvent) holds back everything after it. The
//     filter bounds every sequence and closes or repairs the ones uv would
//     wait on, with bytes uv decodes to an event it ignores.
//   - a bracketed paste that never ends grows without bound in uv's paste
//     buffer: the filter ends it after 64 KiB and drops the rest of it.
//   - uv and ansi turn a grapheme cluster into one key event, however long:
//     the filter drops combining and other extending code points past 32 in
//     a row.
//   - uv turns an unsolicited "CSI 8 ; rows ; cols t" into a WindowSizeMsg,
//     and Bubble Tea resizes its screen buffer to it: 15 bytes asked
//     v2.0.10 for a 3000 by 3000 screen, over 1 GB; v2.1.1 drops sizes
//     over 4096 or a million cells, and still takes 1024 by 1024. lzdash
//     never asks the terminal for window reports, so the filter turns
//     every "CSI ... t" into one uv ignores.
//
// The filter is a byte-level state machine: it keeps its state across
// reads, takes linear time and constant memory, and never holds back a
// byte of an incomplete sequence (so a lone Esc reaches Bubble Tea, whose
// own timeout decides what it is), except the at most 3 bytes of an
// incomplete UTF-8 encoding. What it lets through is valid UTF-8 without
// C1 controls, and neither x/ansi nor uv can be led to read text or string
// data in it as the parameters of a sequence.
//
// Time matters twice, as it does to uv. When no input has come for uv's
// EscTimeout (50 ms), uv gives up on an incomplete sequence and reads
// what comes next afresh: so does the filter, closing the sequence first
// in case uv has not got there yet (Alt and ] followed by typing is not
// an OSC that swallows the typing). A Reader counts that time from when
// uv's reader asks for more input, not from when it was last given some,
// since uv takes nothing while the program is busy with the events before
// it; a File, which Bubble Tea reads only once it has input, from its
// last read. A string or paste the filter has cut short, which uv no
// longer sees, it goes on dropping. And uv consumes nothing after a lone
// ESC, or ESC and one ASCII byte (Esc, or Alt and a key), at the head of
// its buffer until no input has come for 50 ms, so a client that never
// pauses keeps it rescanning an ever larger buffer. A Reader therefore
// returns what follows such an event only after a pause of twice that. A
// File cannot (Bubble Tea waits for the terminal to have input before
// each Read), and a local terminal is not such a client.
//
// Revisit the filter when x/ansi bounds DecodeSequence's parameters and uv
// stops rescanning and waiting on its buffer: the tests say so when the
// 36 bytes no longer crash the unfiltered decoder.
package safeinput
