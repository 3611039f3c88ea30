package quiz

// Tally counts right and wrong answers.
type Tally struct {
	Right int `json:"right"`
	Wrong int `json:"wrong"`
}

// Total is the number of answers counted.
func (t Tally) Total() int { return t.Right + t.Wrong }

// Percent is the share of right answers, rounded to the nearest whole
// percent; 0 when nothing was answered.
func (t Tally) Percent() int {
	if t.Total() == 0 {
		return 0
	}
	return (t.Right*100 + t.Total()/2) / t.Total()
}

func (t *Tally) add(correct bool) {
	if correct {
		t.Right++
	} else {
		t.Wrong++
	}
}

// TopicScore is the tally of one topic tag.
type TopicScore struct {
	Topic string
	Tally
}

// Score is a quiz's result so far: overall, and per topic in the order of
// [Topics] (only topics that were answered).
type Score struct {
	Overall Tally
	ByTopic []TopicScore
}

// scoreOf tallies results.
func scoreOf(results []Result) Score {
	by := map[string]*Tally{}
	var s Score
	for _, r := range results {
		s.Overall.add(r.Correct)
		t := by[r.Question.Topic]
		if t == nil {
			t = &Tally{}
			by[r.Question.Topic] = t
		}
		t.add(r.Correct)
	}
	for _, topic := range topicTags { // fixed order: no map-order leaks
		if t := by[topic]; t != nil {
			s.ByTopic = append(s.ByTopic, TopicScore{topic, *t})
		}
	}
	return s
}
