package sandbox

// allTopicConfigs is every topic config a Kafka 3.9 broker describes
// (LogConfig's CONFIG definitions), sorted by name as ConfigCommand sorts
// them, with its value on a stock KRaft broker and the synonyms
// DescribeConfigs reports (ConfigHelper.createTopicConfigEntry and
// configSynonyms over ServerTopicConfigSynonyms). A synonym whose
// highest-priority broker name has no default (log.retention.ms,
// log.roll.ms, log.roll.jitter.ms, log.flush.interval.ms) leaves the list
// empty, because configSynonyms drops every entry before that name.
// config/kraft/server.properties sets log.segment.bytes, which makes
// segment.bytes a STATIC_BROKER_CONFIG: kafka-topics --describe lists it
// among a topic's Configs.
var allTopicConfigs = []struct {
	name, value string
	synonyms    string // as printed inside synonyms={...}, before any topic override
}{
	{"cleanup.policy", "delete", "DEFAULT_CONFIG:log.cleanup.policy=delete"},
	{"compression.gzip.level", "-1", "DEFAULT_CONFIG:compression.gzip.level=-1"},
	{"compression.lz4.level", "9", "DEFAULT_CONFIG:compression.lz4.level=9"},
	{"compression.type", "producer", "DEFAULT_CONFIG:compression.type=producer"},
	{"compression.zstd.level", "3", "DEFAULT_CONFIG:compression.zstd.level=3"},
	{"delete.retention.ms", "86400000", "DEFAULT_CONFIG:log.cleaner.delete.retention.ms=86400000"},
	{"file.delete.delay.ms", "60000", "DEFAULT_CONFIG:log.segment.delete.delay.ms=60000"},
	{"flush.messages", "9223372036854775807", "DEFAULT_CONFIG:log.flush.interval.messages=9223372036854775807"},
	{"flush.ms", "9223372036854775807", ""},
	{"follower.replication.throttled.replicas", "", ""},
	{"index.interval.bytes", "4096", "DEFAULT_CONFIG:log.index.interval.bytes=4096"},
	{"leader.replication.throttled.replicas", "", ""},
	{"local.retention.bytes", "-2", "DEFAULT_CONFIG:log.local.retention.bytes=-2"},
	{"local.retention.ms", "-2", "DEFAULT_CONFIG:log.local.retention.ms=-2"},
	{"max.compaction.lag.ms", "9223372036854775807", "DEFAULT_CONFIG:log.cleaner.max.compaction.lag.ms=9223372036854775807"},
	{"max.message.bytes", "1048588", "DEFAULT_CONFIG:message.max.bytes=1048588"},
	{"message.downconversion.enable", "true", "DEFAULT_CONFIG:log.message.downconversion.enable=true"},
	{"message.format.version", "3.0-IV1", "DEFAULT_CONFIG:log.message.format.version=3.0-IV1"},
	{"message.timestamp.after.max.ms", "9223372036854775807", "DEFAULT_CONFIG:log.message.timestamp.after.max.ms=9223372036854775807"},
	{"message.timestamp.before.max.ms", "9223372036854775807", "DEFAULT_CONFIG:log.message.timestamp.before.max.ms=9223372036854775807"},
	{"message.timestamp.difference.max.ms", "9223372036854775807", "DEFAULT_CONFIG:log.message.timestamp.difference.max.ms=9223372036854775807"},
	{"message.timestamp.type", "CreateTime", "DEFAULT_CONFIG:log.message.timestamp.type=CreateTime"},
	{"min.cleanable.dirty.ratio", "0.5", "DEFAULT_CONFIG:log.cleaner.min.cleanable.ratio=0.5"},
	{"min.compaction.lag.ms", "0", "DEFAULT_CONFIG:log.cleaner.min.compaction.lag.ms=0"},
	{"min.insync.replicas", "1", "DEFAULT_CONFIG:min.insync.replicas=1"},
	{"preallocate", "false", "DEFAULT_CONFIG:log.preallocate=false"},
	{"remote.log.copy.disable", "false", ""},
	{"remote.log.delete.on.disable", "false", ""},
	{"remote.storage.enable", "false", ""},
	{"retention.bytes", "-1", "DEFAULT_CONFIG:log.retention.bytes=-1"},
	{"retention.ms", "604800000", ""},
	{"segment.bytes", "1073741824", "STATIC_BROKER_CONFIG:log.segment.bytes=1073741824, DEFAULT_CONFIG:log.segment.bytes=1073741824"},
	{"segment.index.bytes", "10485760", "DEFAULT_CONFIG:log.index.size.max.bytes=10485760"},
	{"segment.jitter.ms", "0", ""},
	{"segment.ms", "604800000", ""},
	{"unclean.leader.election.enable", "false", "DEFAULT_CONFIG:unclean.leader.election.enable=false"},
}

// staticBrokerTopicConfigs are the topic configs whose broker synonym
// server.properties sets, so they are not defaults (ConfigEntry.isDefault
// is false) and kafka-topics --describe lists them in Configs. In
// ZooKeeper mode's config/server.properties log.segment.bytes is
// commented out.
var staticBrokerTopicConfigs = map[string]string{"segment.bytes": "1073741824"}

// topicConfigSynonyms are the synonyms of a topic config: its own
// setting first when the topic overrides it, then the broker's.
func topicConfigSynonyms(name, value string, dynamic bool) string {
	syn := ""
	for _, c := range allTopicConfigs {
		if c.name == name {
			syn = c.synonyms
		}
	}
	if dynamic {
		own := "DYNAMIC_TOPIC_CONFIG:" + name + "=" + value
		if syn == "" {
			return own
		}
		return own + ", " + syn
	}
	return syn
}
