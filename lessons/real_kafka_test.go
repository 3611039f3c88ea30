package lessons

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// realNames reads testdata/kafka-3.9-names.txt: tools, "tool --option"
// pairs and config names, each found in Kafka 3.9's source.
func realNames(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile("testdata/kafka-3.9-names.txt")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0 || strings.HasPrefix(f[0], "#"):
		case f[0] == "config" && len(f) == 3:
			names["config "+f[1]] = true
		case len(f) == 2:
			names[f[0]] = true
		case len(f) == 3:
			names[f[0]+" "+f[1]] = true
		default:
			t.Fatalf("names file: %q", line)
		}
	}
	return names
}

var (
	shBlock    = regexp.MustCompile("(?s)```sh\n(.*?)```")
	propsBlock = regexp.MustCompile("(?s)```properties\n(.*?)```")
	longOption = regexp.MustCompile(`(?:^|\s)--([a-z][a-z-]+)`)
	settingArg = regexp.MustCompile(`\s([a-z]+(?:\.[a-z]+)+)=`) // --add-config min.insync.replicas=2
	inlineConf = regexp.MustCompile("`([a-z]+(?:\\.[a-z]+)+)(?:=[^`]*)?`")
)

// TestEveryLessonShowsRealKafka: each built-in lesson has an "in real
// Kafka" box, and every tool, option and config name it uses is one found
// in Kafka 3.9's source (the names file cites the class for each): a
// command that does not exist in Kafka would teach a learner to type it.
func TestEveryLessonShowsRealKafka(t *testing.T) {
	names := realNames(t)
	for _, l := range All() {
		box := l.InRealKafka
		if !strings.Contains(box, "```") {
			t.Errorf("lesson %d has no in_real_kafka box with commands or configs", l.Number)
			continue
		}
		var confs []string
		for _, m := range shBlock.FindAllStringSubmatch(box, -1) {
			for _, cmd := range strings.Split(strings.ReplaceAll(m[1], "\\\n", " "), "\n") {
				cmd, _, _ = strings.Cut(cmd, "#")
				f := strings.Fields(cmd)
				if len(f) == 0 {
					continue
				}
				if !names[f[0]] {
					t.Errorf("lesson %d: tool %q is not in Kafka 3.9's bin/", l.Number, f[0])
				}
				for _, c := range settingArg.FindAllStringSubmatch(cmd, -1) {
					confs = append(confs, c[1])
				}
				for _, o := range longOption.FindAllStringSubmatch(cmd, -1) {
					if !names[f[0]+" --"+o[1]] {
						t.Errorf("lesson %d: %s has no option --%s in Kafka 3.9", l.Number, f[0], o[1])
					}
				}
			}
		}
		for _, m := range propsBlock.FindAllStringSubmatch(box, -1) {
			for _, line := range strings.Split(m[1], "\n") {
				if k, _, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
					confs = append(confs, strings.TrimSpace(k))
				}
			}
		}
		for _, m := range inlineConf.FindAllStringSubmatch(box, -1) {
			confs = append(confs, m[1])
		}
		for _, c := range confs {
			if !names["config "+c] {
				t.Errorf("lesson %d: config %q is not one of Kafka 3.9's", l.Number, c)
			}
		}
	}
}
