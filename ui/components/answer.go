package components

// ErrPickFirst is what enter says with nothing picked, in a lesson's
// question and in the quiz: nothing is preselected, so enter alone never
// answers.
const ErrPickFirst = "pick an answer first"
