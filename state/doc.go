// Package state keeps small pieces of learner progress on disk: which
// lessons are passed, quiz scores, and the like. It knows nothing about
// lessons or quizzes; callers hand it any JSON-encodable value.
//
// Files live in one directory ([Dir]). [Save] replaces a file atomically, so
// a crash mid-write leaves the old file or the new one, never half of each.
// [Load] never fails on a damaged file: it keeps a ".bak" copy, reports a
// warning ([Damaged]), and starts fresh, because lost progress is a
// nuisance while a program that will not start is a bug. When the copy
// cannot be made, [SafeToSave] says so, and callers must not save over
// the only copy. Load reads only regular files of at most [MaxFileBytes]:
// a named pipe or a link to a device is an error, not a hang. Every
// message names the file and how to reset it.
package state
