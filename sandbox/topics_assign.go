package sandbox

import (
	"fmt"
	"strconv"
	"strings"
)

// parseReplicaAssignment is TopicCommand.parseReplicaAssignment:
// partitions separated by ',', each a ':'-separated broker list (numbers
// parsed by Integer.parseInt after trimming), no broker twice in a list,
// every list as long as the first. The error is the message
// printException shows.
func parseReplicaAssignment(arg string) ([][]int, string) {
	var out [][]int
	for i, part := range javaSplitString(arg, ",") {
		var brokers []int
		for _, b := range javaSplitString(part, ":") {
			n, err := strconv.ParseInt(strings.TrimSpace(b), 10, 32)
			if err != nil {
				return nil, fmt.Sprintf("For input string: %q", strings.TrimSpace(b))
			}
			brokers = append(brokers, int(n))
		}
		var dups []string
		seen := map[int]int{}
		for _, b := range brokers {
			if seen[b]++; seen[b] == 2 {
				dups = append(dups, strconv.Itoa(b))
			}
		}
		if len(dups) > 0 {
			return nil, "Partition replica lists may not contain duplicate entries: " + strings.Join(dups, ",")
		}
		out = append(out, brokers)
		if len(brokers) != len(out[0]) {
			return nil, fmt.Sprintf("Partition %d has different replication factor: %s", i, javaIntList(brokers))
		}
	}
	return out, ""
}

// javaSplitString is String.split with a literal separator: trailing
// empty strings are dropped.
func javaSplitString(s, sep string) []string {
	parts := strings.Split(s, sep)
	for len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// javaIntList is a List<Integer>'s toString: [1, 2, 3].
func javaIntList(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(s, ", ") + "]"
}
