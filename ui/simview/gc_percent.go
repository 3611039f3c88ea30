package simview

// ScreenGCPercent is the garbage collector's target while the terminal UI
// runs: the heap may grow a quarter past what is live, not double it. A
// playing screen throws away a snapshot and a frame's text every frame,
// so the heap reaches the collector's target however little is live: the
// play of the 1M-record load peaked at 2.4-2.7 times the resident memory
// of the same run headless at the default 100, 2.1-2.25 at 50 and
// 1.85-2.1 at 25. The collector's extra work costs playback at ×100 on
// 100 partitions about a sixth more CPU (still ×92 effective).
// Headless commands (kafkasim run) keep the default: they throw little
// away. Package ui sets it, and BenchmarkPlaybackX100 runs under it.
const ScreenGCPercent = 25
