// Package state keeps small pieces of learner progress on disk: which
// lessons are passed, quiz scores, and the like. It knows nothing about
// lessons or quizzes; callers hand it any JSON-encodable value.
//
// Files live in one directory ([Dir]). [Save] replaces a file atomically, so
// a crash mid-write leaves the old file or the new one, never half of each.
// [Load] never fails on a damaged file: it keeps a ".bak" copy, reports a
// warning, and starts fresh, because lost progress is a nuisance while a
// program that will not start is a bug.
package state
