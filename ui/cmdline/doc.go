// Package cmdline is the sandbox's command line (Kafka's own tools over
// the simulated cluster) and the job runner that lets long engine work run
// in slices between frames.
package cmdline
