package simview

import (
	"strings"

	"kafkasim/sim"
	"kafkasim/ui/components"
	"kafkasim/ui/theme"
)

// moveTracker notices partitions moving between members from one step to
// the next, so the groups pane can light the ones that arrived and show
// the ones that left, struck out, for a few frames. What it draws is only
// ever the change between two true snapshots.
type moveTracker struct {
	step int
	last map[string][]sim.TopicPartition // group \x00 member -> owned
	gone map[string][]HotKey             // group \x00 member -> moved-out marks
}

func MemberKey(group, member string) string { return group + "\x00" + member }

// moveKey names one partition that moved in (in) or out of a member.
func moveKey(in bool, group, member string, tp sim.TopicPartition) HotKey {
	kind := hotMovedOut
	if in {
		kind = hotMovedIn
	}
	return HotKey{Kind: kind, S1: MemberKey(group, member), S2: tp.Topic, N1: tp.Partition}
}

// observe compares the snapshot's assignments with the last step's.
func (t *moveTracker) observe(snap *sim.Snapshot, hot *Anim) {
	if t.last == nil {
		t.last, t.gone = map[string][]sim.TopicPartition{}, map[string][]HotKey{}
	} else if snap.Step == t.step {
		return
	}
	first := t.step == 0 && len(t.last) == 0
	t.step = snap.Step
	for gi := range snap.Groups {
		gv := &snap.Groups[gi]
		for mi := range gv.Members {
			m := &gv.Members[mi]
			k := MemberKey(gv.ID, m.Name)
			before := t.last[k]
			if !first {
				for _, tp := range m.Assigned {
					if !hasTP(before, tp) {
						hot.light(moveKey(true, gv.ID, m.Name, tp), "")
					}
				}
				for _, tp := range before {
					if !hasTP(m.Assigned, tp) {
						mk := moveKey(false, gv.ID, m.Name, tp)
						hot.light(mk, "")
						t.gone[k] = append(t.gone[k], mk)
					}
				}
			}
			t.last[k] = append(t.last[k][:0], m.Assigned...)
		}
	}
}

func hasTP(tps []sim.TopicPartition, tp sim.TopicPartition) bool {
	for _, x := range tps {
		if x == tp {
			return true
		}
	}
	return false
}

// assigned writes a member's partitions, the ones that just arrived lit;
// many partitions as ranges ("orders[0-49] (50)").
func (t *moveTracker) assigned(st *theme.Styles, group string, m *sim.MemberView, hot *Anim) string {
	if len(m.Assigned) > maxListedPartitions {
		return RangesOf(m.Assigned) + st.Faint.Render(" ("+components.Itoa(len(m.Assigned))+")")
	}
	var b strings.Builder
	for i, tp := range m.Assigned {
		if i > 0 {
			b.WriteByte(' ')
		}
		text := components.Sanitize(tp.Topic) + "-" + components.Itoa(tp.Partition)
		if hot.Is(moveKey(true, group, m.Name, tp)) {
			b.WriteString(st.Hot.Render("+" + text))
			continue
		}
		b.WriteString(text)
	}
	return b.String()
}

// revoked writes the partitions that just left a member, struck out.
func (t *moveTracker) revoked(st *theme.Styles, group, member string, hot *Anim) string {
	k := MemberKey(group, member)
	marks := t.gone[k][:0]
	var b strings.Builder
	for _, mk := range t.gone[k] {
		if !hot.Is(mk) {
			continue
		}
		marks = append(marks, mk)
		b.WriteString(" " + st.Struck.Render("−"+components.Sanitize(mk.S2)+"-"+components.Itoa(mk.N1)))
	}
	t.gone[k] = marks
	return b.String()
}

// maxListedPartitions is how many partitions a member line names one by
// one; past it they show as ranges.
const maxListedPartitions = 6

// RangesOf writes partitions by topic, consecutive ones as a range:
// "orders[0-3,7] pay[2]".
func RangesOf(tps []sim.TopicPartition) string {
	var b strings.Builder
	for i := 0; i < len(tps); {
		if i == 0 || tps[i-1].Topic != tps[i].Topic {
			if i > 0 {
				b.WriteString("] ")
			}
			b.WriteString(components.Sanitize(tps[i].Topic) + "[")
		} else {
			b.WriteByte(',')
		}
		j := i
		for j+1 < len(tps) && tps[j+1].Topic == tps[i].Topic && tps[j+1].Partition == tps[j].Partition+1 {
			j++
		}
		b.WriteString(components.Itoa(tps[i].Partition))
		if j > i {
			b.WriteString("-" + components.Itoa(tps[j].Partition))
		}
		i = j + 1
	}
	if len(tps) > 0 {
		b.WriteByte(']')
	}
	return b.String()
}
