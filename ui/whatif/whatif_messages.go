package whatif

// RunMsg asks the simulator screen to run a what-if's branches, in
// slices (whatif_job.go).
type RunMsg struct {
	Req Request
}

// DoneMsg carries both branches of a what-if once they have run.
type DoneMsg struct {
	Result Result
}
