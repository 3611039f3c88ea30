package sandbox

import (
	"reflect"
	"testing"
)

func TestSplitWords(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		err  bool
	}{
		{"kafka-topics  --list", []string{"kafka-topics", "--list"}, false},
		{`--property "key.separator= | "`, []string{"--property", "key.separator= | "}, false},
		{`--property 'print.key=true'`, []string{"--property", "print.key=true"}, false},
		{`a\ b "c\"d" 'e\f'`, []string{"a b", `c"d`, `e\f`}, false},
		{`x=""`, []string{"x="}, false},
		{`'unclosed`, nil, true},
		{`"unclosed`, nil, true},
		{"", nil, false},
	}
	for _, c := range cases {
		got, err := splitWords(c.in)
		if (err != nil) != c.err || !reflect.DeepEqual(got, c.want) {
			t.Errorf("splitWords(%q) = %q, %v; want %q, err %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestToolName(t *testing.T) {
	for in, want := range map[string]string{
		"kafka-topics": "kafka-topics", "kafka-topics.sh": "kafka-topics", "bin/kafka-topics.sh": "kafka-topics",
		"./bin/kafka-topics.sh": "kafka-topics", "/opt/kafka/bin/kafka-topics.sh": "kafka-topics", "crash": "crash",
	} {
		if got := toolName(in); got != want {
			t.Errorf("toolName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseOpts(t *testing.T) {
	specs := []optSpec{{name: "topic", hasArg: true}, {name: "partitions", hasArg: true}, {name: "list"},
		{name: "config", hasArg: true, multi: true}, {name: "shift-by", hasArg: true}, {name: "describe"}, {name: "delete"}}
	p, err := parseOpts(specs, []string{"--topic=orders", "--partitions", "3", "--config", "a=1", "--config", "b=2", "--shift-by", "-2", "stray", "--list=foo"})
	if err != nil {
		t.Fatal(err)
	}
	if p.val("topic") != "orders" || p.val("partitions") != "3" || !p.has("list") || p.val("shift-by") != "-2" {
		t.Errorf("parsed %+v", p.vals)
	}
	if got := p.all("config"); !reflect.DeepEqual(got, []string{"a=1", "b=2"}) {
		t.Errorf("configs %q", got)
	}
	if !reflect.DeepEqual(p.nonOpts, []string{"stray"}) {
		t.Errorf("non-options %q", p.nonOpts)
	}
	// jopt-simple 5.0.4's messages (ExceptionMessages.properties), with
	// abbreviations off as in every Kafka 3.9 tool (KIP-374).
	errs := map[string][]string{
		"zookeeper is not a recognized option":                                  {"--zookeeper", "x"},
		"de is not a recognized option":                                         {"--de"},
		"partition is not a recognized option":                                  {"--partition", "3"},
		"Option topic requires an argument":                                     {"--topic"},
		"Found multiple arguments for option topic, but you asked for only one": {"--topic", "a", "--topic", "b"},
	}
	for want, args := range errs {
		_, err := parseOpts(specs, args)
		if err == nil || err.Error() != trimSpace(want) {
			t.Errorf("parseOpts(%q) error %v, want %q", args, err, trimSpace(want))
		}
	}
}

func trimSpace(s string) string {
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}

func TestNearest(t *testing.T) {
	names := commandNames()
	for typed, want := range map[string]string{
		"kafka-topic": "kafka-topics", "topics": "kafka-topics", "kafak-topics": "kafka-topics", "consumer-groups": "kafka-consumer-groups",
		"crsh": "crash", "xyzzy-plugh": "",
	} {
		if got := nearest(typed, names); got != want {
			t.Errorf("nearest(%q) = %q, want %q", typed, got, want)
		}
	}
}

func TestSplitConfigArg(t *testing.T) {
	for in, want := range map[string][2]string{"a=b": {"a", "b"}, " a = b ": {"a", "b"}, "a=": {}, "a": {}, "a=b=c": {}} {
		got, ok := splitConfigArg(in)
		if ok != (want != [2]string{}) || got != want {
			t.Errorf("splitConfigArg(%q) = %q %v", in, got, ok)
		}
	}
}
