package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	sc, err := Load("acks")
	if err != nil || sc.Name != "acks" || sc.File != "acks.toml" {
		t.Fatalf("built-in: %+v %v", sc, err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.toml")
	os.WriteFile(path, []byte("title = \"mine\"\n"), 0o644)
	sc, err = Load(path)
	if err != nil || sc.Name != "mine" || sc.Title != "mine" || sc.File != path {
		t.Fatalf("file: %+v %v", sc, err)
	}
	for _, bad := range []string{"no-such-scenario", "../library/acks", filepath.Join(dir, "missing.toml")} {
		if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "no such file") {
			t.Errorf("Load(%q) = %v", bad, err)
		}
	}
	if _, err := Load("\x1b[2Jx"); err == nil || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("escape in error: %v", err)
	}
}

func TestParseDefaults(t *testing.T) {
	sc, err := Parse("min.toml", []byte("[[topic]]\nname = \"t\"\n[[group]]\nid = \"g\"\ntopics = [\"t\"]\n[[producer]]\nid = \"p\"\ntopic = \"t\"\nconfig = { acks = 1 }\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := sc.Config
	switch {
	case sc.Seed != 1 || sc.DurationMs != 60000 || sc.Title != "min":
		t.Errorf("scenario defaults: %+v", sc)
	case c.Cluster.Brokers != 3 || c.Cluster.Metadata != "kraft":
		t.Errorf("cluster defaults: %+v", c.Cluster)
	case c.Topics[0].Partitions != 1 || c.Topics[0].ReplicationFactor != 1 || c.Topics[0].RetentionMs != 604800000:
		t.Errorf("topic defaults (num.partitions, default.replication.factor): %+v", c.Topics[0])
	case c.Groups[0].Commit != "auto" || c.Groups[0].Consumers != 1 || c.Groups[0].AutoOffsetReset != "latest" ||
		c.Groups[0].ProcessingMs != defaultProcessingMs:
		t.Errorf("group defaults: %+v", c.Groups[0])
	case c.Producers[0].EnableIdempotence:
		t.Errorf("acks=1 without enable.idempotence must turn idempotence off, as the Java client does")
	}
}

func TestParseNaturalConfigTypes(t *testing.T) {
	src := `[[topic]]
name = "t"
[[producer]]
id = "a"
topic = "t"
config = { acks = "1", retries = "5", "enable.idempotence" = false }
[[producer]]
id = "b"
topic = "t"
config = { acks = -1, retries = 5, "linger.ms" = 20.0 }
[[group]]
id = "g"
topics = ["t"]
config = { "partition.assignment.strategy" = ["roundrobin", "range"], "enable.auto.commit" = false }
`
	sc, err := Parse("types.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a, b, g := sc.Config.Producers[0], sc.Config.Producers[1], sc.Config.Groups[0]
	if a.Acks != 1 || a.Retries != 5 || b.Acks != -1 || b.Retries != 5 || b.LingerMs != 20 {
		t.Errorf("producers: %+v %+v", a, b)
	}
	if len(g.Assignors) != 2 || g.Assignors[0] != "roundrobin" || g.Commit != "after-processing" {
		t.Errorf("group: %+v", g)
	}
}

func TestParseSanitizesText(t *testing.T) {
	src := "title = \"a\\u001b[2Jb\"\ndescription = \"line 1\\nline 2\\u0007\"\n[[topic]]\nname = \"t\"\n[[producer]]\nid = \"p\"\ntopic = \"t\"\nkeys = [\"k\\u001b\"]\n" +
		"[[timeline]]\nat = \"1s\"\ndo = \"note\"\nsay = \"look\\u009b\"\n"
	sc, err := Parse("s.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Title != `a\x1b[2Jb` || sc.Description != "line 1\nline 2\\x07" || sc.Config.Producers[0].Keys[0] != `k\x1b` ||
		sc.Timeline[0].Cmd.Say != `look\u009b` {
		t.Errorf("not sanitized: %q %q %q %q", sc.Title, sc.Description, sc.Config.Producers[0].Keys[0], sc.Timeline[0].Cmd.Say)
	}
}

// A group's consumers become static members (KIP-345) with
// group.instance.id in its config; a bad id is reported at its line.
func TestParseGroupInstanceID(t *testing.T) {
	good := "[[topic]]\nname = \"t\"\n[[group]]\nid = \"g\"\ntopics = [\"t\"]\nconfig = { \"group.instance.id\" = \"worker\" }\n"
	sc, err := Parse("static.toml", []byte(good))
	if err != nil || sc.Config.Groups[0].GroupInstanceID != "worker" {
		t.Fatalf("%v %+v", err, sc)
	}
	bad := "[[topic]]\nname = \"t\"\n[[group]]\nid = \"g\"\ntopics = [\"t\"]\nconfig = { \"group.instance.id\" = \"a b\" }\n"
	_, err = Parse("static.toml", []byte(bad))
	if err == nil || !strings.Contains(err.Error(), "static.toml:6") || !strings.Contains(err.Error(), "group.instance.id") {
		t.Fatalf("want an error at static.toml:6 naming group.instance.id, got %v", err)
	}
}
