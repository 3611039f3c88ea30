package sandbox

import "strings"

// topicError is TopicCommand.printException: the message on stdout, and
// LOG.error(Utils.stackTrace(e)) on stderr through the tools' log4j
// layout "[%d] %p %m (%c)%n". Kafka's API exceptions carry no stack
// frames (ApiException.fillInStackTrace), so their log entry is the
// exception line and then the logger name on a line of its own; other
// exceptions log their frames, which the sandbox leaves out.
func topicError(o *output, msg string) {
	o.line("Error while executing topic command : " + msg)
	if class, api := topicExceptionClass(msg); class != "" {
		o.logLine("ERROR", class+": "+msg, "")
		if api {
			o.line(" (org.apache.kafka.tools.TopicCommand)")
		} else {
			o.hint("Kafka logs the Java stack trace here, then ' (org.apache.kafka.tools.TopicCommand)'")
		}
	}
	o.fail()
}

// topicErrorClasses maps the start of each message the sandbox prints to
// the exception Kafka raises with it, and whether that is an ApiException.
var topicErrorClasses = []struct {
	prefix, contains, class string
	api                     bool
}{
	{"Topic '", "' already exists.", "org.apache.kafka.common.errors.TopicExistsException", true},
	{"Topic '", "' collides with existing topic", "org.apache.kafka.common.errors.InvalidTopicException", true},
	{"Topic name is invalid", "", "org.apache.kafka.common.errors.InvalidTopicException", true},
	{"Unable to replicate the partition", "", "org.apache.kafka.common.errors.InvalidReplicationFactorException", true},
	{"The manual partition assignment", "", "org.apache.kafka.common.errors.InvalidReplicaAssignmentException", true},
	{"Partition replica lists may not contain duplicate entries", "", "org.apache.kafka.server.common.AdminCommandFailedException", false},
	{"Partition ", "has different replication factor", "org.apache.kafka.server.common.AdminOperationException", false},
	{"For input string", "", "java.lang.NumberFormatException", false},
	{"Topic already has", "", "org.apache.kafka.common.errors.InvalidPartitionsException", true},
	{"The topic ", "would not be an increase", "org.apache.kafka.common.errors.InvalidPartitionsException", true},
	{"Timed out waiting for a node assignment", "", "org.apache.kafka.common.errors.TimeoutException", true},
	{"Topic '", "' does not exist as expected", "java.lang.IllegalArgumentException", false},
	{"TopicId '", "' does not exist as expected", "java.lang.IllegalArgumentException", false},
	{"Cannot parse argument", "", "joptsimple.OptionArgumentConversionException", false},
}

func topicExceptionClass(msg string) (class string, api bool) {
	for _, c := range topicErrorClasses {
		if strings.HasPrefix(msg, c.prefix) && strings.Contains(msg, c.contains) {
			return c.class, c.api
		}
	}
	return "", false
}
